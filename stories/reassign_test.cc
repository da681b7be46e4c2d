// Re-assignment of recent documents (stories/reassign.cc): a young story that
// holds two events is split, copies follow their canonical document, and the
// caller learns every move through TakeMoves().
#include <gtest/gtest.h>

#include <map>

#include "stories/stories.h"

namespace dateline {
namespace {

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.text = text;
  d.content_hash = id + "-0123456789abcdef";
  return d;
}

// Two earthquakes: same kind of event, different places and numbers.
const char* kChile[] = {
    "A powerful earthquake of magnitude 7.3 struck off the coast of Chile on Sunday, shaking buildings in "
    "Santiago and Valparaiso. The quake killed 12 people, officials in Santiago said.",
    "Rescuers in Valparaiso searched rubble after the magnitude 7.3 earthquake that hit Chile. The quake "
    "left 12 people dead and hundreds injured, Chilean officials in Santiago said.",
    "Chile mourned 12 people killed by the magnitude 7.3 quake near Valparaiso, as officials in Santiago "
    "counted damaged buildings."};
const char* kJapan[] = {
    "A strong earthquake of magnitude 6.1 struck northern Japan near Sendai on Tuesday, shaking buildings "
    "in Tokyo. The quake injured 40 people, officials in Miyagi said.",
    "Officials in Miyagi said 40 people were hurt when the magnitude 6.1 earthquake hit Japan near Sendai, "
    "and trains in Tokyo stopped after the quake."};

// Forces chile0, japan0, chile1, japan1 (and a copy of japan0) into one
// story, as a single pass can when the first reports of two events arrive
// interleaved; then assigns chile2 freely. Returns every document's story
// after the moves, and the moves.
std::map<std::string, std::string> MixedThenFree(const StoryOptions& options, std::vector<StoryMove>* moves) {
  auto c = StoryClusterer::Create(options);
  EXPECT_TRUE(c.ok());
  std::map<std::string, std::string> story;
  std::string mixed;
  for (auto [id, text] : std::vector<std::pair<std::string, const char*>>{
           {"chile0", kChile[0]}, {"japan0", kJapan[0]}, {"chile1", kChile[1]}, {"japan1", kJapan[1]}}) {
    story[id] = c.value()->AssignExplained(Doc(id, text), &mixed, nullptr).story;
    mixed = story[id];
  }
  Document copy = Doc("japan0-copy", kJapan[0]);
  copy.duplicate_of = "japan0";
  story["japan0-copy"] = c.value()->Assign(copy).story;
  story["chile2"] = c.value()->Assign(Doc("chile2", kChile[2])).story;
  *moves = c.value()->TakeMoves();
  for (const StoryMove& m : *moves) story[m.document] = m.to.story;
  EXPECT_TRUE(c.value()->TakeMoves().empty());
  return story;
}

TEST(StoryReassign, YoungStoryWithTwoEventsIsSplit) {
  std::vector<StoryMove> moves;
  auto story = MixedThenFree(StoryOptions{}, &moves);
  EXPECT_EQ(story["chile0"], story["chile1"]);
  EXPECT_EQ(story["chile0"], story["chile2"]);
  EXPECT_EQ(story["japan0"], story["japan1"]);
  EXPECT_NE(story["chile0"], story["japan0"]);
  // The group without the story's first document moved, with its copy.
  EXPECT_EQ(story["japan0-copy"], story["japan0"]);
  std::map<std::string, std::optional<std::string>> moved;
  for (const StoryMove& m : moves) moved[m.document] = m.duplicate_of;
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_TRUE(moved.count("japan0") && !moved["japan0"]);
  EXPECT_TRUE(moved.count("japan1"));
  EXPECT_EQ(moved["japan0-copy"], std::optional<std::string>("japan0"));
}

TEST(StoryReassign, NothingMovesWhenDisabled) {
  StoryOptions o;
  o.reassign_window = 0;
  std::vector<StoryMove> moves;
  auto story = MixedThenFree(o, &moves);
  EXPECT_TRUE(moves.empty());
  EXPECT_EQ(story["chile0"], story["japan0"]);
}

TEST(StoryReassign, RestoredDocumentsCanMove) {
  auto c = StoryClusterer::Create();
  ASSERT_TRUE(c.ok());
  int n = 0;
  for (const char* text : {kChile[0], kJapan[0], kChile[1], kJapan[1]}) {
    Document d = Doc("stored" + std::to_string(n++), text);
    d.story = "story-stored";
    d.storyline = "storyline-stored";
    c.value()->Restore(d);
  }
  StoryAssignment a = c.value()->Assign(Doc("chile2", kChile[2]));
  EXPECT_EQ(a.story, "story-stored");
  std::map<std::string, std::string> moved;
  for (const StoryMove& m : c.value()->TakeMoves()) moved[m.document] = m.to.story;
  EXPECT_EQ(moved.size(), 2u);
  EXPECT_NE(moved["stored1"], "story-stored");
  EXPECT_EQ(moved["stored1"], moved["stored3"]);
}

TEST(ApplyMoves, BatchInPlaceOthersReturnedOnceWithTheirLastMove) {
  std::vector<Document> batch = {Doc("b1", ""), Doc("b2", "")};
  for (Document& d : batch) d.story = "s0", d.storyline = "l0";
  std::vector<StoryMove> moves = {{"old", std::nullopt, {"s1", "l1"}},
                                  {"b2", std::nullopt, {"s1", "l1"}},
                                  {"old-copy", std::string("old"), {"s1", "l1"}},
                                  {"old", std::nullopt, {"s2", "l2"}}};
  std::vector<Document> earlier = ApplyMoves(moves, &batch);
  EXPECT_EQ(batch[0].story, std::optional<std::string>("s0"));
  EXPECT_EQ(batch[1].story, std::optional<std::string>("s1"));
  EXPECT_EQ(batch[1].storyline, std::optional<std::string>("l1"));
  ASSERT_EQ(earlier.size(), 2u);
  EXPECT_EQ(earlier[0].id, "old-copy");
  EXPECT_EQ(earlier[0].duplicate_of, std::optional<std::string>("old"));
  EXPECT_EQ(earlier[1].id, "old");
  EXPECT_EQ(earlier[1].story, std::optional<std::string>("s2"));
  EXPECT_FALSE(earlier[1].duplicate_of);
}

}  // namespace
}  // namespace dateline
