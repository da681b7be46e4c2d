#include "store/scratch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "stories/summary_test_docs.h"
#include "store/test_summaries.h"

namespace dateline {
namespace {

std::unique_ptr<Store> FreshStore(const char* name) {
  std::string path = testing::TempDir() + "/scratch_test_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto s = Store::Open(path);
  return s.ok() ? std::move(s.value()) : nullptr;
}

TEST(StoreScratchRows, GroupsComeBackInAppendOrder) {
  auto store = FreshStore("rows");
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Begin().ok());
  auto rows = ScratchRows::Create(store.get(), "t_rows");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::map<int64_t, std::vector<std::string>> want;
  for (int i = 0; i < 3000; ++i) {
    const int64_t group = (i * 7919) % 13;
    const std::string a = "doc" + std::to_string(i), b = i % 5 ? "e" + std::to_string(i % 5) : "";
    ASSERT_TRUE((*rows)->Append(group, i, a, b).ok());
    want[group].push_back(std::to_string(i) + "/" + a + "/" + b);
  }
  EXPECT_EQ((*rows)->size(), 3000);
  for (int64_t group = 0; group < 14; ++group) {
    std::vector<std::string> got;
    ASSERT_TRUE((*rows)->ForGroups({group}, [&](size_t, int64_t n, std::string_view a, std::string_view b) {
      got.push_back(std::to_string(n) + "/" + std::string(a) + "/" + std::string(b));
    }).ok());
    EXPECT_EQ(got, want[group]) << group;  // group 13 is empty
  }
  // All groups in a chosen order, in one pass: the same rows group by group.
  const std::vector<int64_t> order = {7, 2, 13, 0, 12, 1, 11, 3, 10, 4, 9, 5, 8, 6};
  std::vector<std::vector<std::string>> in_order(order.size());
  size_t last = 0;
  ASSERT_TRUE((*rows)->ForGroups(order, [&](size_t at, int64_t n, std::string_view a, std::string_view b) {
    EXPECT_GE(at, last);  // positions never go back
    last = at;
    in_order[at].push_back(std::to_string(n) + "/" + std::string(a) + "/" + std::string(b));
  }).ok());
  for (size_t at = 0; at < order.size(); ++at) EXPECT_EQ(in_order[at], want[order[at]]) << order[at];
  // Appending after a read still works.
  ASSERT_TRUE((*rows)->Append(13, 1, "late", "x").ok());
  int late = 0;
  ASSERT_TRUE((*rows)->ForGroups({13}, [&](size_t, int64_t, std::string_view a, std::string_view) {
    late += a == "late";
  }).ok());
  EXPECT_EQ(late, 1);
  rows->reset();  // dropped
  EXPECT_FALSE(store->Exec("SELECT * FROM temp.t_rows").ok());
  ASSERT_TRUE(store->Commit().ok());
}

// ForEachByA: every row in the byte order of a, as std::string compares
// (the entity linker's key order), ties in append order.
TEST(StoreScratchRows, EveryRowInByteOrderOfA) {
  auto store = FreshStore("by_a");
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Begin().ok());
  auto rows = ScratchRows::Create(store.get(), "t_by_a");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const std::vector<std::string> keys = {"P:putin", "N:nato", "P:vladimir putin", "N:Ärzte", "N:", "N:nato",
                                         "P:putin z", "N:zz", "N:a b", "N:a", "P:\xc3\xa9mile"};
  std::vector<std::pair<std::string, int64_t>> want;
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_TRUE((*rows)->Append(static_cast<int64_t>(i), 0, keys[i], {}).ok());
    want.emplace_back(keys[i], static_cast<int64_t>(i));
  }
  std::stable_sort(want.begin(), want.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::pair<std::string, int64_t>> got;
  ASSERT_TRUE((*rows)->ForEachByA([&](int64_t group, int64_t, std::string_view a, std::string_view) {
    got.emplace_back(std::string(a), group);
  }).ok());
  EXPECT_EQ(got, want);
  ASSERT_TRUE(store->Commit().ok());
}

TEST(StoreScratchCounter, CountsEachKeyIncludingTheHighBit) {
  auto store = FreshStore("counter");
  ASSERT_TRUE(store);
  auto c = ScratchCounter::Create(store.get(), "t_counter");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const uint64_t keys[] = {1, 0xffffffffffffffffULL, 1, 0x8000000000000000ULL, 1, 0xffffffffffffffffULL};
  const int64_t want[] = {0, 0, 1, 0, 2, 1};
  for (size_t i = 0; i < 6; ++i) {
    Result<int64_t> n = (*c)->Next(keys[i]);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(*n, want[i]) << i;
  }
}

// The store's summary rows, summarised a group at a time, equal Summarize()
// over the stored documents read in the corpus step's order.
TEST(StoreSummaryRows, SummariesFromTheStoreEqualSummarize) {
  auto store = FreshStore("summaries");
  ASSERT_TRUE(store);
  int inserted = 0;
  ASSERT_TRUE(store->CommitBatch(testing_docs::SummaryTestDocs(300), {}, {}, &inserted).ok());
  ASSERT_EQ(inserted, 300);
  std::vector<StorySummary> want_stories;
  std::vector<StorylineSummary> want_lines;
  ASSERT_TRUE(testing_docs::SummarizeStored(store.get(), &want_stories, &want_lines));

  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> lines;
  ASSERT_TRUE(store->ForEachStoryRows([&](std::vector<SummaryRow>&& rows) {
    stories.push_back(SummarizeStory(rows));
    return true;
  }).ok());
  ASSERT_TRUE(store->ForEachStorylineRows([&](std::vector<SummaryRow>&& rows) {
    lines.push_back(SummarizeStoryline(rows));
    return true;
  }).ok());
  // Written piecewise and read back, as the serve API sees them.
  ASSERT_TRUE(store->ReplaceStories(want_stories, want_lines).ok());
  auto want_json = store->Stories();
  auto want_line_json = store->Storylines();
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->DeleteStories().ok());
  ASSERT_TRUE(store->AppendStories(stories, {}).ok());
  ASSERT_TRUE(store->AppendStories({}, lines).ok());
  ASSERT_TRUE(store->Commit().ok());
  auto got_json = store->Stories();
  auto got_line_json = store->Storylines();
  ASSERT_TRUE(want_json.ok() && got_json.ok() && want_line_json.ok() && got_line_json.ok());
  ASSERT_EQ(got_json->size(), want_stories.size());
  ASSERT_EQ(got_line_json->size(), want_lines.size());
  ASSERT_GE(want_stories.size(), 8u);
  for (size_t i = 0; i < want_stories.size(); ++i) {
    const StorySummary &g = (*got_json)[i], &w = (*want_json)[i];
    EXPECT_EQ(g.id, w.id);
    EXPECT_EQ(g.storyline, w.storyline) << w.id;
    EXPECT_EQ(g.title, w.title) << w.id;
    EXPECT_EQ(g.first_date, w.first_date) << w.id;
    EXPECT_EQ(g.last_date, w.last_date) << w.id;
    EXPECT_EQ(g.documents, w.documents) << w.id;
    EXPECT_EQ(g.outlets, w.outlets) << w.id;
    EXPECT_EQ(g.copies, w.copies) << w.id;
  }
  for (size_t i = 0; i < want_lines.size(); ++i) {
    const StorylineSummary &g = (*got_line_json)[i], &w = (*want_line_json)[i];
    EXPECT_EQ(g.id, w.id);
    EXPECT_EQ(g.title, w.title) << w.id;
    EXPECT_EQ(g.first_date, w.first_date) << w.id;
    EXPECT_EQ(g.last_date, w.last_date) << w.id;
    EXPECT_EQ(g.stories, w.stories) << w.id;
    EXPECT_EQ(g.outlets, w.outlets) << w.id;
    EXPECT_EQ(g.documents, w.documents) << w.id;
  }
}

}  // namespace
}  // namespace dateline
