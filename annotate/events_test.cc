#include "annotate/events.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate/sentences.h"
#include "base/data_dir.h"

namespace dateline {
namespace {

// Code point span of the first `what` in an ASCII text.
Span Find(const std::string& text, const std::string& what) {
  size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  return {static_cast<int64_t>(at), static_cast<int64_t>(at + what.size())};
}

class EventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto x = EventExtractor::Load(DataDir());
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    extractor_ = std::move(x.value());
  }
  // timexes: {surface, TIMEX3 value}.
  Document Run(const std::string& text, const std::vector<std::pair<std::string, std::string>>& timexes = {},
               const std::string& published = "") {
    Document d;
    d.text = text;
    if (!published.empty()) d.published = published;
    auto tokens = Tokenize(d.text);
    d.sentences = SplitSentences(d.text, tokens);
    for (const auto& [surface, value] : timexes)
      d.timexes.push_back({Find(text, surface), value[0] == 'P' ? "DURATION" : "DATE", value});
    extractor_->Annotate(tokens, &d);
    return d;
  }
  // The first event whose trigger text is `trigger`.
  const Event* At(const Document& d, const std::string& trigger) {
    for (const Event& e : d.events)
      if (d.text.substr(e.span.begin, e.span.end - e.span.begin) == trigger) return &e;
    return nullptr;
  }
  std::unique_ptr<EventExtractor> extractor_;
};

TEST_F(EventsTest, TriggersTable) {
  struct Case {
    const char* text;
    const char* trigger;
    const char* type;
  };
  const Case cases[] = {
      {"Russia and Ukraine held talks in Istanbul.", "talks", "CONSULT"},
      {"Russian forces attacked Kharkiv overnight.", "attacked", "ASSAULT"},
      {"Police arrested dozens of protesters in Tbilisi.", "arrested", "COERCE"},
      {"Kyiv rejected the proposal outright.", "rejected", "REJECT"},
      {"The European Union imposed new sanctions on Moscow.", "sanctions", "SANCTION"},
      {"Moscow released the detained journalists.", "released", "RETREAT"},
      {"Zelensky condemned the bombing of the hospital.", "condemned", "DISAPPROVE"},
      {"The Kremlin threatened to cut gas supplies.", "threatened", "THREATEN"},
      {"Thousands joined a protest outside parliament.", "protest", "PROTEST"},
      {"Prosecutors opened an investigation into the deaths.", "investigation", "INVESTIGATE"},
      {"Both sides agreed to a prisoner exchange.", "agreed", "AGREE"},
      {"Washington demanded a full ceasefire.", "demanded", "DEMAND"},
      {"The government mobilized reservists near the border.", "mobilized", "MOBILIZE"},
      {"Japan praised the agreement.", "praised", "SUPPORT"},
      {"Germany will provide humanitarian aid to the region.", "aid", "AID"},
      {"The spokesman said the meeting was useful.", "said", "STATEMENT"},
  };
  for (const Case& c : cases) {
    Document d = Run(c.text);
    const Event* e = At(d, c.trigger);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->type, c.type) << c.text;
  }
}

TEST_F(EventsTest, BlockedFormsAreNoTriggers) {
  Document d = Run("The Russian negotiator spoke to the United States delegation chief.");
  EXPECT_EQ(At(d, "negotiator"), nullptr);
  EXPECT_EQ(At(d, "States"), nullptr);
}

TEST_F(EventsTest, NegationAndModalityTable) {
  struct Case {
    const char* text;
    const char* trigger;
    const char* status;
  };
  const Case cases[] = {
      {"Russia has not yet agreed to impose the ban.", "agreed", "denied"},
      {"There have been no direct talks between Russia and Ukraine.", "talks", "denied"},
      {"Ukrainian representatives will meet with officials from France.", "meet", "planned"},
      {"Talks between the two delegations are set to continue in London.", "Talks", "planned"},
      {"Moscow would consider discussions with Kyiv.", "discussions", "hypothetical"},
      {"Zelensky proposed a joint 30-day ceasefire.", "ceasefire", "proposed"},
      {"Putin met with Witkoff in Moscow.", "met", "happened"},
      {"Russia refused to withdraw its troops if sanctions stay.", "refused", "happened"},
  };
  for (const Case& c : cases) {
    Document d = Run(c.text);
    const Event* e = At(d, c.trigger);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->status, c.status) << c.text;
  }
}

TEST_F(EventsTest, CountsTable) {
  struct Case {
    const char* text;
    std::map<std::string, int64_t> counts;
  };
  const Case cases[] = {
      {"Missiles targeted Kyiv, killing 12 and injuring 87.", {{"killed", 12}, {"injured", 87}}},
      {"The attack saw a combined 215 missiles and drones launched.", {{"missiles and drones", 215}}},
      {"A recent exchange saw more than 500 prisoners returned.", {{"prisoners", 500}}},
      {"Explosions killed one person and wounded more than 20 others.", {{"killed", 1}, {"injured", 20}}},
      {"Shelling killed 3,000 civilians in the city.", {{"killed", 3000}}},
      {"A 30-day truce was broken by an attack in 2024.", {}},
  };
  for (const Case& c : cases) {
    Document d = Run(c.text);
    std::map<std::string, int64_t> got;
    for (const Event& e : d.events) got.insert(e.counts.begin(), e.counts.end());
    EXPECT_EQ(got, c.counts) << c.text;
  }
}

TEST_F(EventsTest, DateAttachment) {
  Document d = Run(
      "A new round of talks between the U.S. and Russia will take place in Istanbul on April 10, Kremlin "
      "spokesperson Dmitry Peskov said on April 8.",
      {{"April 10", "2025-04-10"}, {"April 8", "2025-04-08"}}, "2025-04-08");
  const Event* talks = At(d, "talks");
  const Event* said = At(d, "said");
  ASSERT_TRUE(talks && said);
  EXPECT_EQ(talks->date.value_or(""), "2025-04-10");
  EXPECT_EQ(talks->status, "planned");
  EXPECT_EQ(talks->place_name.value_or(""), "Istanbul");
  EXPECT_EQ(said->date.value_or(""), "2025-04-08");
  EXPECT_EQ(said->actor_name.value_or(""), "Dmitry Peskov");
}

TEST_F(EventsTest, DateBeforeTheVerbAndBounds) {
  Document d = Run(
      "President Volodymyr Zelensky on April 3 acknowledged that officials were holding conversations. "
      "There have been no talks since February 2022.",
      {{"April 3", "2025-04-03"}, {"February 2022", "2022-02"}}, "2025-04-08");
  const Event* ack = At(d, "acknowledged");
  ASSERT_NE(ack, nullptr);
  EXPECT_EQ(ack->date.value_or(""), "2025-04-03");
  EXPECT_EQ(ack->actor_name.value_or(""), "Volodymyr Zelensky");
  const Event* conv = At(d, "conversations");
  ASSERT_NE(conv, nullptr);
  EXPECT_FALSE(conv->date.has_value());
  const Event* talks = At(d, "talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_FALSE(talks->date.has_value()) << "'since' bounds the period; it dates no event";
}

TEST_F(EventsTest, DateGoesToTheNearerEventAndPossessiveActor) {
  Document d = Run("Envoy Steve Witkoff's trip follows a mass missile attack on Ukraine overnight on April 24.",
                   {{"April 24", "2025-04-24"}}, "2025-04-25");
  const Event* attack = At(d, "attack");
  const Event* trip = At(d, "trip");
  ASSERT_TRUE(attack && trip);
  EXPECT_EQ(attack->date.value_or(""), "2025-04-24");
  EXPECT_FALSE(trip->date.has_value());
  EXPECT_EQ(trip->actor_name.value_or(""), "Steve Witkoff");
  EXPECT_NE(attack->actor_name.value_or(""), "Steve Witkoff");
  EXPECT_EQ(attack->target_name.value_or(""), "Ukraine");
}

TEST_F(EventsTest, ActorTargetPlaceWithoutEntities) {
  Document d = Run("Russian President Vladimir Putin met with Steve Witkoff in Moscow on Friday.");
  const Event* met = At(d, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->actor_name.value_or(""), "Vladimir Putin");
  EXPECT_EQ(met->target_name.value_or(""), "Steve Witkoff");
  EXPECT_EQ(met->place_name.value_or(""), "Moscow");
}

TEST_F(EventsTest, EntitiesAreUsedWhenPresent) {
  Document d;
  d.text = "The Kremlin rejected the plan.";
  auto tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  d.entities.push_back({"e0", "Kremlin", "ORG", {Find(d.text, "Kremlin")}, {}, {}, std::nullopt});
  extractor_->Annotate(tokens, &d);
  const Event* e = At(d, "rejected");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actor.value_or(""), "e0");
  EXPECT_EQ(e->actor_name.value_or(""), "Kremlin");
}

TEST_F(EventsTest, QuotesBecomeStatementsOfTheirSpeaker) {
  Document d;
  d.text = "\"We are ready for talks,\" Peskov told reporters.";
  auto tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  Quote q;
  q.spans = {Find(d.text, "We are ready for talks,")};
  q.kind = "direct";
  q.speaker_name = "Dmitry Peskov";
  q.cue_span = Find(d.text, "told");
  d.quotes.push_back(q);
  extractor_->Annotate(tokens, &d);
  int statements = 0;
  for (const Event& e : d.events) {
    EXPECT_NE(e.type, "CONSULT") << "events inside quotation marks are the statement's content";
    if (e.type == "STATEMENT") {
      ++statements;
      EXPECT_EQ(e.actor_name.value_or(""), "Dmitry Peskov");
    }
  }
  EXPECT_EQ(statements, 1);
}

TEST(EventLexiconTest, RejectsMalformedData) {
  EXPECT_FALSE(EventLexicon::Parse("AGREE\n", "").ok());
  EXPECT_FALSE(EventLexicon::Parse("AGREE\tagree\n", "sometimes\tmaybe\t3\n").ok());
  EXPECT_FALSE(EventLexicon::Parse("AGREE\tagree\n", "denied\tnot\n").ok());
  auto ok = EventLexicon::Parse("# comment\nAGREE\tagree\n", "denied\tnot\t4\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->trigger_count(), 1u);
}

}  // namespace
// A duration used as an offset ("two days later", TIMEX3 P2D with "later"
// outside it) dates its events from the last day named before it.
TEST_F(EventsTest, OffsetDurationsDateEvents) {
  const std::string text =
      "Talks were held in Paris on April 17. Two days later, Russia attacked Kharkiv. "
      "Three weeks earlier, Russia attacked Sumy. Four days later the envoy met Putin in Moscow. "
      "For two days the army attacked Kherson.";
  Document d = Run(text, {{"April 17", "2025-04-17"}, {"Two days", "P2D"}, {"Three weeks", "P3W"},
                          {"Four days", "P4D"}, {"two days", "P2D"}}, "2025-04-30");
  const Event* kharkiv = At(d, "attacked");
  ASSERT_NE(kharkiv, nullptr);
  EXPECT_EQ(kharkiv->date.value_or(""), "2025-04-19");
  bool sumy = false, kherson_dated = false, met = false;
  for (const Event& e : d.events) {
    std::string sentence = d.text.substr(d.sentences[e.sentence].begin, 20);
    if (sentence.rfind("Three weeks", 0) == 0) sumy |= e.date.value_or("") == "2025-03-27";
    if (sentence.rfind("Four days", 0) == 0) met |= e.date.value_or("") == "2025-04-21";
    if (sentence.rfind("For two days", 0) == 0) kherson_dated |= e.date.has_value();
  }
  EXPECT_TRUE(sumy);
  EXPECT_TRUE(met);
  EXPECT_FALSE(kherson_dated) << "a duration not followed by later/earlier dates nothing";
}

}  // namespace dateline
