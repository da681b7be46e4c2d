#include "stories/stories.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Document Doc(const std::string& id, const std::string& text, const std::string& published = "") {
  Document d;
  d.id = id;
  d.text = text;
  d.content_hash = id + "-0123456789abcdef";
  if (!published.empty()) d.published = published;
  return d;
}

std::unique_ptr<StoryClusterer> Clusterer() {
  auto c = StoryClusterer::Create();
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c.value());
}

// Two earthquakes and two rehab check-ins: same kind of event, told with the
// same words, different people, places and numbers.
const char* kChile1 =
    "A powerful earthquake of magnitude 7.3 struck off the coast of Chile on Sunday, shaking buildings in "
    "Santiago and Valparaiso. The quake killed 12 people, officials in Santiago said.";
const char* kChile2 =
    "Rescuers in Valparaiso searched rubble after the magnitude 7.3 earthquake that hit Chile. The quake "
    "left 12 people dead and hundreds injured, Chilean officials in Santiago said.";
const char* kJapan1 =
    "A strong earthquake of magnitude 6.1 struck northern Japan near Sendai on Tuesday, shaking buildings "
    "in Tokyo. The quake injured 40 people, officials in Miyagi said.";
const char* kJapan2 =
    "Officials in Miyagi said 40 people were hurt when the magnitude 6.1 earthquake hit Japan near Sendai, "
    "and trains in Tokyo stopped after the quake.";
const char* kReid =
    "Actress Tara Reid checked into Promises Treatment Center in Malibu, her representative told People "
    "magazine. Reid entered rehab on Tuesday.";
const char* kLohan =
    "Actress Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage, her lawyer told reporters. "
    "Lohan entered rehab on Thursday.";

TEST(StoryClusterer, SameEventTogetherSameKindApart) {
  auto c = Clusterer();
  std::map<std::string, std::string> story;
  for (auto [id, text] : std::vector<std::pair<std::string, const char*>>{
           {"chile1", kChile1}, {"japan1", kJapan1}, {"reid", kReid},
           {"chile2", kChile2}, {"lohan", kLohan}, {"japan2", kJapan2}})
    story[id] = c->Assign(Doc(id, text)).story;
  EXPECT_EQ(story["chile1"], story["chile2"]);
  EXPECT_EQ(story["japan1"], story["japan2"]);
  EXPECT_NE(story["chile1"], story["japan1"]);
  EXPECT_NE(story["reid"], story["lohan"]);
  EXPECT_NE(story["reid"], story["chile1"]);
}

TEST(StoryClusterer, DuplicateJoinsItsCanonicalStory) {
  auto c = Clusterer();
  StoryAssignment a = c->Assign(Doc("chile1", kChile1));
  c->Assign(Doc("reid", kReid));
  Document copy = Doc("copy", kReid);  // text would join reid; duplicate_of wins
  copy.duplicate_of = "chile1";
  StoryAssignment b = c->Assign(copy);
  EXPECT_EQ(a.story, b.story);
  EXPECT_EQ(a.storyline, b.storyline);
}

TEST(StoryClusterer, RestoredStoryAcceptsNewDocuments) {
  Document old = Doc("chile1", kChile1);
  old.story = "story-restored";
  old.storyline = "storyline-restored";
  auto c = Clusterer();
  c->Restore(old);
  StoryAssignment a = c->Assign(Doc("chile2", kChile2));
  EXPECT_EQ(a.story, "story-restored");
  EXPECT_EQ(a.storyline, "storyline-restored");
  EXPECT_NE(c->Assign(Doc("lohan", kLohan)).story, "story-restored");
}

TEST(StoryClusterer, DistantDatesSplitStoryButKeepStoryline) {
  auto c = Clusterer();
  StoryAssignment a = c->Assign(Doc("chile1", kChile1, "2024-03-01"));
  StoryAssignment b = c->Assign(Doc("chile2", kChile2, "2024-03-02"));
  StoryAssignment later = c->Assign(Doc("chile3", kChile2, "2024-03-20"));
  StoryAssignment much_later = c->Assign(Doc("chile4", kChile1, "2025-03-20"));
  EXPECT_EQ(a.story, b.story);
  EXPECT_NE(a.story, later.story);
  EXPECT_EQ(a.storyline, later.storyline);
  EXPECT_NE(a.storyline, much_later.storyline);
}

TEST(StoryClusterer, MemoryStaysBounded) {
  StoryOptions o;
  o.max_active_stories = 50;
  auto c = StoryClusterer::Create(o);
  ASSERT_TRUE(c.ok());
  for (int i = 0; i < 300; ++i)
    c.value()->Assign(Doc("d" + std::to_string(i), "Unrelated Name" + std::to_string(i) + " visited Place" +
                                                       std::to_string(i) + " with Person" + std::to_string(i)));
  EXPECT_EQ(c.value()->stories(), 300u);
  EXPECT_LE(c.value()->active_stories(), 50u);
}

std::string Unrelated(int i) {
  std::string n = std::to_string(i);
  return "Unrelated Name" + n + " visited Place" + n + " with Person" + n;
}

TEST(StoryClusterer, RetiresStoriesTheNewestDayLeavesBehind) {
  auto c = Clusterer();
  c->Assign(Doc("chile1", kChile1, "2024-03-01"));
  c->Assign(Doc("x0", Unrelated(0), "2024-09-01"));  // one page dated months later is not enough
  EXPECT_EQ(c->active_stories(), 2u);
  for (int i = 1; i < 5; ++i) c->Assign(Doc("x" + std::to_string(i), Unrelated(i), "2024-09-01"));
  EXPECT_EQ(c->active_stories(), 5u);  // the fifth made 2024-09-01 the newest day: chile1's story retired
  c->Assign(Doc("chile2", kChile2, "2024-03-02"));
  EXPECT_EQ(c->stories(), 7u);  // it could no longer join it
  EXPECT_EQ(c->active_stories(), 6u);

  StoryOptions o;
  o.retire_days = 0;  // never by date
  auto keep = StoryClusterer::Create(o);
  ASSERT_TRUE(keep.ok());
  keep.value()->Assign(Doc("chile1", kChile1, "2024-03-01"));
  for (int i = 0; i < 5; ++i) keep.value()->Assign(Doc("x" + std::to_string(i), Unrelated(i), "2024-09-01"));
  EXPECT_EQ(keep.value()->active_stories(), 6u);
}

TEST(StoryClusterer, QuietStoriesKeepNoMembersYetALateReportJoins) {
  StoryOptions keep_members;
  keep_members.quiet_days = 0;
  auto c = Clusterer();
  auto all = StoryClusterer::Create(keep_members);
  ASSERT_TRUE(all.ok());
  StoryAssignment first;
  for (StoryClusterer* x : {c.get(), all.value().get()}) {
    first = x->Assign(Doc("chile1", kChile1, "2024-03-01"));
    for (int i = 0; i < 5; ++i) x->Assign(Doc("x" + std::to_string(i), Unrelated(i), "2024-03-15"));
  }
  // Two weeks on, chile1's story has gone quiet: the same stories, less memory.
  EXPECT_EQ(c->active_stories(), 6u);
  EXPECT_LT(c->Memory().members, all.value()->Memory().members);
  // A report of the same event that comes late still joins it, on its centroid.
  EXPECT_EQ(c->Assign(Doc("chile2", kChile2, "2024-03-02")).story, first.story);
  EXPECT_EQ(c->stories(), 6u);
}

// Five unrelated documents a day for `days` days from 2024-01-01 (each its
// own story).
void FeedDays(StoryClusterer* c, int days, int first = 0) {
  for (int d = first; d < first + days; ++d) {
    char day[16];
    std::snprintf(day, sizeof day, "2024-%02d-%02d", 1 + d / 28, 1 + d % 28);
    for (int k = 0; k < 5; ++k) {
      const int i = d * 5 + k;
      c->Assign(Doc("u" + std::to_string(i), Unrelated(i), day));
    }
  }
}

// Retired stories leave memory some documents later: the records kept (and
// the document -> story memory) follow the stories of the last retire_days,
// not every story ever made; keeping them all is drop_retired_after = 0.
TEST(StoryClusterer, DropsRetiredStories) {
  StoryOptions o;
  o.retire_days = 20;
  o.reassign_window = 50;
  o.drop_retired_after = 50;
  auto c = StoryClusterer::Create(o);
  ASSERT_TRUE(c.ok());
  o.drop_retired_after = 0;
  auto all = StoryClusterer::Create(o);
  ASSERT_TRUE(all.ok());
  FeedDays(c.value().get(), 300);
  FeedDays(all.value().get(), 300);
  EXPECT_EQ(c.value()->stories(), 1500u);
  EXPECT_EQ(all.value()->stories(), 1500u);
  EXPECT_EQ(all.value()->kept_stories(), 1500u);
  // 21 days of 5 stories active, and the last 50 documents' worth retired.
  EXPECT_LE(c.value()->kept_stories(), 21u * 5 + 50 + 10);
  EXPECT_LE(c.value()->tracked_documents(), 21u * 5 + 50 + 10);
  EXPECT_EQ(all.value()->tracked_documents(), 1500u);
  EXPECT_EQ(c.value()->active_stories(), all.value()->active_stories());
  EXPECT_LT(c.value()->Memory().stories * 5, all.value()->Memory().stories);
}

// A copy of a document whose story was dropped takes the canonical's
// stored assignment from the lookup; while the story is kept, the lookup is
// not asked. Without a lookup the copy is assigned like any document.
TEST(StoryClusterer, CopyOfADroppedStoryAsksTheStore) {
  StoryOptions o;
  o.retire_days = 20;
  o.reassign_window = 50;
  o.drop_retired_after = 50;
  for (bool with_lookup : {true, false}) {
    auto made = StoryClusterer::Create(o);
    ASSERT_TRUE(made.ok());
    StoryClusterer& c = *made.value();
    std::vector<std::string> asked;
    if (with_lookup)
      c.SetStoredLookup([&](const std::string& id) -> std::optional<StoryAssignment> {
        asked.push_back(id);
        if (id != "chile1") return std::nullopt;
        return StoryAssignment{"story-stored", "storyline-stored"};
      });
    StoryAssignment a = c.Assign(Doc("chile1", kChile1, "2024-01-01"));
    Document copy = Doc("copy1", kChile1, "2024-01-01");
    copy.duplicate_of = "chile1";
    EXPECT_EQ(c.Assign(copy).story, a.story);  // kept: no lookup
    EXPECT_TRUE(asked.empty());
    FeedDays(&c, 60, 1);  // chile1's story retires, then is dropped
    copy = Doc("copy2", kReid, "2024-03-01");
    copy.duplicate_of = "chile1";
    StoryAssignment b = c.Assign(copy);
    if (with_lookup) {
      EXPECT_EQ(asked, std::vector<std::string>{"chile1"});
      EXPECT_EQ(b.story, "story-stored");
      EXPECT_EQ(b.storyline, "storyline-stored");
      EXPECT_EQ(c.stored_lookups(), 1u);
    } else {
      EXPECT_NE(b.story, a.story);  // a story of its own (its text is reid's)
      EXPECT_EQ(c.stored_lookups(), 0u);
    }
  }
}

// With a stored lookup the document -> story memory keeps only the last
// max_tracked_with_lookup documents; a copy of an earlier one asks the store
// even while its story is active. Without a lookup it remembers more.
TEST(StoryClusterer, WithALookupOnlyRecentDocumentsAreRemembered) {
  StoryOptions o;
  o.max_tracked_with_lookup = 8;
  for (bool with_lookup : {true, false}) {
    auto made = StoryClusterer::Create(o);
    ASSERT_TRUE(made.ok());
    StoryClusterer& c = *made.value();
    int asked = 0;
    if (with_lookup)
      c.SetStoredLookup([&](const std::string&) -> std::optional<StoryAssignment> {
        ++asked;
        return StoryAssignment{"story-stored", "storyline-stored"};
      });
    StoryAssignment a = c.Assign(Doc("chile1", kChile1, "2024-01-01"));
    for (int i = 0; i < 40; ++i) c.Assign(Doc("u" + std::to_string(i), Unrelated(i), "2024-01-01"));
    EXPECT_LE(c.tracked_documents(), with_lookup ? 8u : 41u);
    Document copy = Doc("copy", kChile1, "2024-01-01");
    copy.duplicate_of = "chile1";
    EXPECT_EQ(c.Assign(copy).story, with_lookup ? "story-stored" : a.story);
    EXPECT_EQ(asked, with_lookup ? 1 : 0);
  }
}

TEST(ParseDay, Table) {
  struct {
    const char* in;
    std::optional<int32_t> want;
  } cases[] = {{"1970-01-01", 0}, {"1970-01-02T10:00:00Z", 1}, {"2000-03-01", 11017},
               {"2025-04-21", 20199}, {"2025-4-21", std::nullopt}, {"", std::nullopt},
               {"2025-13-01", std::nullopt}};
  for (const auto& c : cases) EXPECT_EQ(stories::ParseDay(c.in), c.want) << c.in;
}

TEST(Summarize, ListsCopiesUnderTheirCanonical) {
  std::vector<Document> docs = {Doc("a", ""), Doc("b", ""), Doc("c", "")};
  for (auto& d : docs) d.story = "s", d.storyline = "l";
  docs[1].duplicate_of = "a";
  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> lines;
  Summarize(docs, &stories, &lines);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].documents, (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(stories[0].copies.at("a"), (std::vector<std::string>{"b"}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].documents, 3);
}

}  // namespace
}  // namespace dateline
