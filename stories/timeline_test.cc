#include "stories/timeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dateline {
namespace {

// A document whose sentences are the given lines (one per "\n"), with events
// added by AddEvent.
Document Doc(const std::string& id, const std::string& outlet, const std::string& published,
             const std::vector<std::string>& lines, const std::string& storyline = "line-1") {
  Document d;
  d.id = id;
  d.outlet = outlet;
  if (!published.empty()) d.published = published;
  d.storyline = storyline;
  for (const auto& l : lines) {
    int64_t b = static_cast<int64_t>(d.text.size());
    d.text += l + "\n";
    d.sentences.push_back({b, b + static_cast<int64_t>(l.size())});
  }
  return d;
}

Event& AddEvent(Document* d, int64_t sentence, const std::string& trigger, const std::string& type,
                const std::string& actor = "", const std::string& date = "", const std::string& status = "happened") {
  Event e;
  e.type = type;
  e.sentence = sentence;
  size_t at = d->text.find(trigger, d->sentences[sentence].begin);
  e.span = {static_cast<int64_t>(at), static_cast<int64_t>(at + trigger.size())};
  if (!actor.empty()) e.actor_name = actor;
  if (!date.empty()) e.date = date;
  e.status = status;
  d->events.push_back(e);
  return d->events.back();
}

const TimelineEntry* Find(const std::vector<TimelineEntry>& t, const std::string& type, const std::string& date) {
  for (const auto& e : t)
    if (e.type == type && e.date == date) return &e;
  return nullptr;
}

TEST(TimelineTest, OneEntryForTheSameStatementReportedByThreeOutlets) {
  Document a = Doc("a", "Outlet A", "2025-04-21", {"Putin told state television on April 21 that Russia is open to talks."});
  AddEvent(&a, 0, "told", "STATEMENT", "Vladimir Putin", "2025-04-21");
  Document b = Doc("b", "Outlet B", "2025-04-22", {"Putin said Moscow remains open to peace initiatives."});
  AddEvent(&b, 0, "said", "STATEMENT", "Putin");
  Document c = Doc("c", "Outlet C", "", {"Speaking to state media, Putin acknowledged that fighting resumed."});
  AddEvent(&c, 0, "acknowledged", "STATEMENT", "Vladimir Putin");
  auto t = BuildTimeline({a, b, c});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].date, "2025-04-21");
  EXPECT_EQ(t[0].precision, "day");
  EXPECT_EQ(t[0].date_basis, "text");
  ASSERT_EQ(t[0].sources.size(), 3u);
  EXPECT_EQ(t[0].sources[1].date_basis, "sources");
  EXPECT_EQ(t[0].sources[0].sentence_index, 0);
}

TEST(TimelineTest, CountDisagreementsAreReported) {
  Document a = Doc("a", "A", "2025-04-25", {"A missile attack on Kyiv on April 24 killed 12 people."});
  AddEvent(&a, 0, "attack", "ASSAULT", "", "2025-04-24").counts = {{"killed", 12}};
  a.events.back().target_name = "Kyiv";
  a.events.back().place_name = "Kyiv";
  Document b = Doc("b", "B", "2025-04-25", {"The attack on Kyiv on April 24 killed 13 people, officials said."});
  AddEvent(&b, 0, "attack", "ASSAULT", "", "2025-04-24").counts = {{"killed", 13}};
  b.events.back().place_name = "Kyiv";
  auto t = BuildTimeline({a, b});
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0].sources.size(), 2u);
  ASSERT_EQ(t[0].disagreements.size(), 1u);
  EXPECT_NE(t[0].disagreements[0].find("killed"), std::string::npos);
}

TEST(TimelineTest, StatusAndExclusions) {
  Document a = Doc("a", "A", "2025-04-22",
                   {"Ukrainian representatives will meet officials in London on April 23.",
                    "Russia has not yet agreed to the ban.", "Moscow would consider discussions."});
  AddEvent(&a, 0, "meet", "CONSULT", "Ukrainian", "2025-04-23", "happened").place_name = "London";
  AddEvent(&a, 1, "agreed", "AGREE", "Russia", "", "denied");
  AddEvent(&a, 2, "discussions", "CONSULT", "Moscow", "", "hypothetical");
  auto t = BuildTimeline({a});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].status, "planned") << "dated after publication";
  EXPECT_EQ(t[0].place.value_or(""), "London");
}

TEST(TimelineTest, EventsItDoesNotReadChangeNothing) {
  Document a = Doc("a", "A", "2025-04-22",
                   {"Russia has not yet agreed to the ban.", "Peskov said on April 21 that Putin is open to talks.",
                    "Moscow would consider discussions.", "Peskov later clarified the remarks."});
  AddEvent(&a, 0, "agreed", "AGREE", "Russia", "", "denied");
  AddEvent(&a, 1, "said", "STATEMENT", "Dmitry Peskov", "2025-04-21");
  AddEvent(&a, 2, "discussions", "CONSULT", "Moscow", "", "hypothetical");
  AddEvent(&a, 3, "clarified", "STATEMENT", "Dmitry Peskov");
  Document kept = a;
  std::erase_if(kept.events, [](const Event& e) { return !TimelineReads(e); });
  ASSERT_EQ(kept.events.size(), 2u);
  auto all = BuildTimeline({a}), read = BuildTimeline({kept});
  ASSERT_EQ(all.size(), read.size());
  for (size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(TimelineEntryToJson(all[i]).dump(), TimelineEntryToJson(read[i]).dump());
}

// The corpus step holds each document reduced to what the timeline reads
// (TimelineDoc) and drops the document: the reduced form must be enough on
// its own, and store a sentence once however many of its events are read.
TEST(TimelineTest, ReducedDocumentsOutliveTheirDocumentsAndShareSentences) {
  std::vector<TimelineDoc> reduced;
  std::vector<TimelineEntry> whole;
  {
    Document a = Doc("a", "Outlet A", "2025-04-26",
                     {"Witkoff met Putin in Moscow on April 25 and the Kremlin said on April 25 the talks were useful.",
                      "Russia attacked Kyiv on April 24, killing 12."});
    AddEvent(&a, 0, "met", "CONSULT", "Steve Witkoff", "2025-04-25");
    AddEvent(&a, 0, "said", "STATEMENT", "the Kremlin", "2025-04-25");
    AddEvent(&a, 1, "attacked", "ASSAULT", "Russia", "2025-04-24").counts["killed"] = 12;
    Document b = Doc("b", "Outlet B", "2025-04-26", {"Putin received Witkoff in Moscow on April 25."});
    AddEvent(&b, 0, "received", "CONSULT", "Vladimir Putin", "2025-04-25");
    whole = BuildTimeline({a, b});
    reduced.push_back(ReduceForTimeline(a));
    reduced.push_back(ReduceForTimeline(b));
  }  // the documents are gone
  ASSERT_EQ(reduced[0].mentions.size(), 3u);
  EXPECT_EQ(reduced[0].sentences.size(), 2u) << "two events of one sentence share it";
  EXPECT_EQ(reduced[0].words.size(), 2u);
  EXPECT_EQ(std::count(reduced[0].strings.begin(), reduced[0].strings.end(), "2025-04-25"), 1)
      << "a date two events give is stored once";
  auto built = BuildTimeline(std::move(reduced));
  ASSERT_EQ(built.size(), whole.size());
  ASSERT_GE(built.size(), 3u);
  for (size_t i = 0; i < built.size(); ++i)
    EXPECT_EQ(TimelineEntryToJson(built[i]).dump(), TimelineEntryToJson(whole[i]).dump());
  const TimelineEntry* meeting = Find(built, "CONSULT", "2025-04-25");
  ASSERT_NE(meeting, nullptr);
  EXPECT_EQ(meeting->sources.size(), 2u);
  EXPECT_NE(meeting->sources[0].sentence.find("Witkoff met Putin"), std::string::npos);
}

// A storyline too large to hold is built a segment at a time, and between
// segments only what its entries read is kept. When every mention is dated
// by its text, the order of merging is the documents' either way, so the
// entries are those of building it at once.
TEST(TimelineTest, SegmentsGiveTheSameEntriesWhenTextDatesEveryMention) {
  std::vector<Document> docs;
  docs.push_back(Doc("a", "Outlet A", "2025-04-26",
                     {"Witkoff met Putin in Moscow on April 25 and the Kremlin said on April 25 the talks were useful.",
                      "Russia attacked Kyiv on April 24, killing 12."}));
  AddEvent(&docs.back(), 0, "met", "CONSULT", "Steve Witkoff", "2025-04-25");
  AddEvent(&docs.back(), 0, "said", "STATEMENT", "the Kremlin", "2025-04-25");
  AddEvent(&docs.back(), 1, "attacked", "ASSAULT", "Russia", "2025-04-24").counts["killed"] = 12;
  docs.push_back(Doc("b", "Outlet B", "2025-04-26", {"Putin received Witkoff in Moscow on April 25."}));
  AddEvent(&docs.back(), 0, "received", "CONSULT", "Vladimir Putin", "2025-04-25");
  docs.push_back(Doc("c", "Outlet C", "2025-04-25", {"The April 24 attack on Kyiv killed 13, officials said on April 24."}));
  AddEvent(&docs.back(), 0, "attack", "ASSAULT", "Russia", "2025-04-24").counts["killed"] = 13;
  AddEvent(&docs.back(), 0, "said", "STATEMENT", "officials", "2025-04-24");
  docs.push_back(Doc("d", "Outlet D", "2025-04-27", {"Ukraine and Russia swapped 246 prisoners on April 26."}));
  AddEvent(&docs.back(), 0, "swapped", "COOPERATE", "Ukraine", "2025-04-26").counts["prisoners"] = 246;
  const std::vector<TimelineEntry> whole = BuildTimeline(docs);
  ASSERT_GE(whole.size(), 4u);
  TimelineBuilder segments;
  for (const Document& d : docs) segments.Add({ReduceForTimeline(d)});  // each reduced form gone after its Add
  const std::vector<TimelineEntry> built = segments.Finish();
  ASSERT_EQ(built.size(), whole.size());
  for (size_t i = 0; i < built.size(); ++i)
    EXPECT_EQ(TimelineEntryToJson(built[i]).dump(), TimelineEntryToJson(whole[i]).dump());
  const TimelineEntry* attack = Find(built, "ASSAULT", "2025-04-24");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->sources.size(), 2u);
  EXPECT_FALSE(attack->disagreements.empty()) << "12 against 13 killed, across segments";
  EXPECT_TRUE(segments.Finish().empty()) << "Finish resets";
}

// An undated mention takes its date from an entry of its own or an earlier
// segment (never from one the storyline has not reached yet).
TEST(TimelineTest, SegmentsDateUndatedMentionsFromEarlierSegments) {
  Document dated = Doc("a", "A", "2025-04-22", {"Putin told state television on April 21 that Russia is open to talks."});
  AddEvent(&dated, 0, "told", "STATEMENT", "Vladimir Putin", "2025-04-21");
  Document undated = Doc("b", "B", "2025-04-22", {"Putin said Moscow remains open to peace initiatives."});
  AddEvent(&undated, 0, "said", "STATEMENT", "Putin");
  TimelineBuilder later;
  later.Add({ReduceForTimeline(dated)});
  later.Add({ReduceForTimeline(undated)});
  auto t = later.Finish();
  ASSERT_EQ(t.size(), 1u);
  ASSERT_EQ(t[0].sources.size(), 2u);
  EXPECT_EQ(t[0].sources[1].date_basis, "sources");
  TimelineBuilder earlier;
  earlier.Add({ReduceForTimeline(undated)});
  EXPECT_EQ(earlier.KeptDocuments(), 0u) << "nothing took its mention: nothing of it is held";
  earlier.Add({ReduceForTimeline(dated)});
  EXPECT_EQ(earlier.KeptDocuments(), 1u);
  t = earlier.Finish();
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].sources.size(), 1u);
  EXPECT_EQ(BuildTimeline({undated, dated})[0].sources.size(), 2u) << "at once, it is dated";
}

TEST(TimelineTest, ContextDatesAndContinuations) {
  Document a = Doc("a", "A", "2025-04-25",
                   {"Peskov said on April 21 that Putin is open to talks.", "Putin also spoke of peace.",
                    "Peskov later clarified the remarks.", "A missile attack hit Kyiv on April 24.",
                    "The strikes killed 12."});
  AddEvent(&a, 0, "said", "STATEMENT", "Dmitry Peskov", "2025-04-21");
  AddEvent(&a, 2, "clarified", "STATEMENT", "Dmitry Peskov");
  AddEvent(&a, 3, "attack", "ASSAULT", "", "2025-04-24");
  AddEvent(&a, 4, "strikes", "ASSAULT").counts = {{"killed", 12}};
  auto t = BuildTimeline({a});
  const TimelineEntry* st = Find(t, "STATEMENT", "2025-04-21");
  ASSERT_NE(st, nullptr);
  const TimelineEntry* attack = Find(t, "ASSAULT", "2025-04-24");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->counts.at("killed"), 12);
  EXPECT_EQ(t.size(), 2u);
}

TEST(TimelineTest, PublicationDateOnlyWhenTheTextGivesNone) {
  Document a = Doc("a", "A", "2025-04-25", {"Witkoff met Putin in Moscow.", "Russia struck Odesa on April 20."});
  AddEvent(&a, 0, "met", "CONSULT", "Witkoff").place_name = "Moscow";
  AddEvent(&a, 1, "struck", "ASSAULT", "Russia", "2025-04-20");
  Document b = Doc("b", "B", "", {"Zelensky visited the front."});
  AddEvent(&b, 0, "visited", "CONSULT", "Zelensky");
  b.storyline = "line-2";
  EXPECT_EQ(BuildTimeline({a, b}).size(), 1u) << "by default only events the text dates";
  TimelineOptions keep;
  keep.keep_publication_dated = true;
  auto t = BuildTimeline({a, b}, keep);
  ASSERT_EQ(t.size(), 2u) << "b's undated event has no publication date: left out";
  EXPECT_EQ(t[0].date, "2025-04-20");
  EXPECT_EQ(t[0].date_basis, "text");
  EXPECT_EQ(t[1].date, "2025-04-25");
  EXPECT_EQ(t[1].date_basis, "published");
}

TEST(TimelineTest, StorylinesAreSeparate) {
  Document a = Doc("a", "A", "2025-04-25", {"Russia struck Odesa on April 20."}, "x");
  AddEvent(&a, 0, "struck", "ASSAULT", "Russia", "2025-04-20");
  Document b = Doc("b", "B", "2025-04-25", {"Russia struck Odesa on April 20."}, "y");
  AddEvent(&b, 0, "struck", "ASSAULT", "Russia", "2025-04-20");
  auto t = BuildTimeline({a, b});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_NE(t[0].storyline, t[1].storyline);
  EXPECT_NE(t[0].id, t[1].id);
}

TEST(TimelineTest, DatePrecisionTable) {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-04-10", "day"}, {"2025-04", "month"}, {"2025-W17", "week"}, {"2025", "year"},
      {"2024-SU", "season"}, {"2025-Q2", "quarter"}, {"PRESENT_REF", ""}, {"", ""}};
  for (const auto& [in, want] : cases) EXPECT_EQ(DatePrecision(in), want) << in;
}

TEST(TimelineTest, JsonHasTheFieldsTheCliPrints) {
  Document a = Doc("a", "A", "2025-04-25", {"Russia struck Odesa on April 20."});
  AddEvent(&a, 0, "struck", "ASSAULT", "Russia", "2025-04-20");
  auto j = TimelineEntryToJson(BuildTimeline({a}).at(0));
  EXPECT_EQ(j["date"], "2025-04-20");
  EXPECT_EQ(j["type"], "ASSAULT");
  EXPECT_EQ(j["storyline"], "line-1");
  EXPECT_EQ(j["sources"][0]["outlet"], "A");
  EXPECT_EQ(j["sources"][0]["document"], "a");
  EXPECT_EQ(j["sources"][0]["sentence"], "Russia struck Odesa on April 20.");
  EXPECT_FALSE(j["description"].get<std::string>().empty());
}

}  // namespace
}  // namespace dateline
