// LineCounts against a std::unordered_map doing the same (the obviously
// correct engine), on random keys with collisions, growth and bulk removal.
#include "clean/line_counts.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <unordered_map>

#include <gtest/gtest.h>

#include "clean/cleaner.h"

namespace dateline {
namespace {

TEST(LineCountsTest, EmptyTableCountsNothing) {
  LineCounts c;
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.Count(0), 0u);
  EXPECT_EQ(c.Count(42), 0u);
  c.ForgetAtMost(1);
  EXPECT_EQ(c.size(), 0u);
}

TEST(LineCountsTest, KeyZeroIsAKeyLikeAnyOther) {
  LineCounts c;
  c.Add(0);
  c.Add(0);
  c.Add(7);
  EXPECT_EQ(c.Count(0), 2u);
  EXPECT_EQ(c.Count(7), 1u);
  EXPECT_EQ(c.size(), 2u);
  c.ForgetAtMost(1);
  EXPECT_EQ(c.Count(0), 2u);
  EXPECT_EQ(c.Count(7), 0u);
  EXPECT_EQ(c.size(), 1u);
}

TEST(LineCountsTest, CountsSaturate) {
  LineCounts c;
  c.Add(5, std::numeric_limits<uint32_t>::max() - 1);
  c.Add(5, 10);
  EXPECT_EQ(c.Count(5), std::numeric_limits<uint32_t>::max());
  c.Add(6, uint64_t{1} << 40);
  EXPECT_EQ(c.Count(6), std::numeric_limits<uint32_t>::max());
}

TEST(LineCountsTest, MatchesAHashMapThroughGrowthAndRemoval) {
  std::mt19937_64 rng(7);
  LineCounts c;
  std::unordered_map<uint64_t, uint32_t> ref;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20000; ++i) {
      // Small key range: many repeats; multiples of 2^32 collide in the low bits.
      uint64_t key = (rng() % 6000) << (i % 2 ? 32 : 0);
      c.Add(key);
      ++ref[key];
    }
    ASSERT_EQ(c.size(), ref.size());
    for (const auto& [k, n] : ref) ASSERT_EQ(c.Count(k), n) << k;
    uint32_t forget = static_cast<uint32_t>(round + 1);
    c.ForgetAtMost(forget);
    for (auto it = ref.begin(); it != ref.end();) it = it->second <= forget ? ref.erase(it) : std::next(it);
    ASSERT_EQ(c.size(), ref.size());
    size_t seen = 0;
    c.ForEach([&](uint64_t k, uint32_t n) {
      ++seen;
      auto it = ref.find(k);
      ASSERT_NE(it, ref.end());
      EXPECT_EQ(n, it->second);
    });
    EXPECT_EQ(seen, ref.size());
    EXPECT_EQ(c.Count(uint64_t{1} << 63), 0u);
  }
}

// Keys seen once cost a 4-byte fingerprint slot, not a 12-byte counted one;
// seen again, they are counted exactly.
TEST(LineCountsTest, KeysSeenOnceAreHeldCompactly) {
  std::mt19937_64 rng(11);
  std::vector<uint64_t> keys(40000);
  for (uint64_t& k : keys) k = rng() | 1;
  LineCounts c;
  for (uint64_t k : keys) c.Add(k);
  EXPECT_EQ(c.size(), keys.size());
  EXPECT_LE(c.MemoryBytes(), keys.size() * 8);  // 4-byte slots at least half full
  const size_t once = c.MemoryBytes();
  for (size_t i = 0; i < keys.size(); i += 2) c.Add(keys[i]);
  EXPECT_EQ(c.size(), keys.size());
  EXPECT_GT(c.MemoryBytes(), once);  // the keys seen twice moved to the counted table
  for (size_t i = 0; i < keys.size(); ++i) ASSERT_EQ(c.Count(keys[i]), i % 2 == 0 ? 2u : 1u) << i;
  c.ForgetAtMost(1);
  EXPECT_EQ(c.size(), keys.size() / 2);
  EXPECT_EQ(c.Count(keys[1]), 0u);
  EXPECT_EQ(c.Count(keys[0]), 2u);
}

TEST(LineCountsTest, ShrinksAfterForgetting) {
  LineCounts c;
  for (uint64_t k = 1; k <= 10000; ++k) c.Add(k);
  size_t full = c.MemoryBytes();
  c.Add(3);
  c.ForgetAtMost(1);
  EXPECT_EQ(c.size(), 1u);
  EXPECT_LT(c.MemoryBytes(), full / 100);
  EXPECT_LE(c.MemoryBytes(), 10000 * 12 / 100 + 12 * 16);
}

// TemplateStats: counts, the per-site bound, and export/import round trip.
TEST(LineCountsTest, ForgetRarestKeepsTheMostCounted) {
  LineCounts m;
  for (uint64_t k = 1; k <= 100; ++k) m.Add(k, k % 10 + 1);  // counts 1..10, ten keys each
  m.ForgetRarest(35);  // counts 8, 9, 10 stay (30 keys); 7 would make 40
  EXPECT_EQ(m.size(), 30u);
  EXPECT_EQ(m.Count(7), 8u);
  EXPECT_EQ(m.Count(6), 0u);
  m.ForgetRarest(1000);  // only the keys counted once would go: none are left
  EXPECT_EQ(m.size(), 30u);
  m.Add(0, 1);
  m.Add(500, 1);
  m.ForgetRarest(1000);
  EXPECT_EQ(m.size(), 30u);
}

TEST(TemplateStatsTest, CountsExportsAndImports) {
  TemplateStats t;
  t.Observe("a", {1, 2, 3});
  t.Observe("a", {1, 2});
  t.Observe("b", {1});
  EXPECT_EQ(t.SitePages("a"), 2);
  EXPECT_EQ(t.SitePages("c"), 0);
  EXPECT_EQ(t.LinePages("a", 1), 2);
  EXPECT_EQ(t.LinePages("a", 3), 1);
  EXPECT_EQ(t.LinePages("b", 2), 0);
  EXPECT_EQ(t.SiteLines("c"), nullptr);
  TemplateStats u;
  u.Import(t.Export());  // lines seen once are not exported
  EXPECT_EQ(u.SitePages("a"), 2);
  EXPECT_EQ(u.LinePages("a", 1), 2);
  EXPECT_EQ(u.LinePages("a", 2), 2);
  EXPECT_EQ(u.LinePages("a", 3), 0);
  u.Import(t.Export());  // imports add up
  EXPECT_EQ(u.LinePages("a", 1), 4);
  EXPECT_EQ(u.SitePages("b"), 2);
}

TEST(TemplateStatsTest, ForgetsLinesSeenOnceWhenASiteHoldsTooMany) {
  TemplateStats t;
  std::vector<uint64_t> page;
  for (uint64_t k = 1000; k < 1010; ++k) page.push_back(k);
  t.Observe("s", page);
  t.Observe("s", page);  // template lines: seen twice
  uint64_t next = 1u << 20;
  const int pages = static_cast<int>(TemplateStats::kMaxLinesPerSite / 1000 + 10);
  for (int i = 0; i < pages; ++i) {  // pages of 1000 new lines each: past the cap
    std::vector<uint64_t> lines;
    for (int j = 0; j < 1000; ++j) lines.push_back(next++);
    t.Observe("s", lines);
  }
  EXPECT_LE(t.SiteLines("s")->size(), TemplateStats::kMaxLinesPerSite);
  EXPECT_LT(t.SiteLines("s")->size(), TemplateStats::kMaxLinesPerSite / 2 + 1000 * 10 + 10);
  EXPECT_EQ(t.LinePages("s", 1005), 2);
  EXPECT_EQ(t.SitePages("s"), pages + 2);
}

TEST(TemplateStatsTest, LinesSeenOnceTakeBoundedMemory) {
  TemplateStats t;
  uint64_t next = 1u << 20;
  const int pages = 600;  // 100 new lines a page: five times the lines seen once a site keeps
  size_t most = 0;
  for (int i = 0; i < pages; ++i) {
    std::vector<uint64_t> lines = {7};          // on every page
    if (i % 50 == 0) lines.push_back(8);        // on every 50th page
    for (int j = 0; j < 100; ++j) lines.push_back(next++);
    t.Observe("s", lines);
    most = std::max(most, t.SiteLines("s")->MemoryBytes());
  }
  // The set of lines seen once is dropped past kMaxOncePerSite (4-byte slots
  // at most 80 % full), so the site's table never grows past ~64 KB here.
  EXPECT_LE(most, TemplateStats::kMaxOncePerSite * 4 * 2);
  EXPECT_LT(t.SiteLines("s")->size(), TemplateStats::kMaxOncePerSite + 10);
  EXPECT_EQ(t.LinePages("s", 7), pages);  // recurring lines are counted exactly
  EXPECT_EQ(t.LinePages("s", 8), pages / 50);
  EXPECT_EQ(t.LinePages("s", next - 1), 1);  // the last page's own lines are still there
}

TEST(TemplateStatsTest, StaysBoundedWhenManyLinesRecurAFewTimes) {
  TemplateStats t;
  std::vector<uint64_t> tmpl;
  for (uint64_t k = 1000; k < 1010; ++k) tmpl.push_back(k);
  uint64_t next = 1u << 20;
  const size_t cap = TemplateStats::kMaxLinesPerSite;
  for (size_t i = 0; i < 3 * cap / 500; ++i) {  // every page twice (a copy), 500 new lines each
    std::vector<uint64_t> lines = tmpl;
    for (int j = 0; j < 500; ++j) lines.push_back(next++);
    t.Observe("s", lines);
    t.Observe("s", lines);
    ASSERT_LE(t.SiteLines("s")->size(), cap + 510);
  }
  EXPECT_EQ(t.LinePages("s", 1003), static_cast<int64_t>(2 * (3 * cap / 500)));  // the template survives
}

}  // namespace
}  // namespace dateline
