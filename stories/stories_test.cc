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
