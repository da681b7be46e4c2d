// Postings against a std::unordered_map of vectors doing the same (the
// obviously correct engine): adds, lookups and bulk removal. 3000 keys fill
// a 4096-slot table to load 0.73, so probe runs are long and backward-shift
// deletion moves slots across them (and across the end of the table).
#include "stories/postings.h"

#include <algorithm>
#include <random>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

namespace dateline::stories {
namespace {

using Reference = std::unordered_map<uint64_t, std::vector<uint32_t>>;

void ExpectSame(const Postings& p, const Reference& ref, const std::vector<uint64_t>& probe) {
  size_t keys = 0;
  for (const auto& [k, list] : ref) keys += !list.empty();
  ASSERT_EQ(p.keys(), keys);
  for (uint64_t k : probe) {
    Postings::List got = p.Find(k);
    auto it = ref.find(k);
    std::vector<uint32_t> want = it == ref.end() ? std::vector<uint32_t>{} : it->second;
    ASSERT_EQ(std::vector<uint32_t>(got.data, got.data + got.size), want) << k;
  }
}

TEST(PostingsTest, EmptyFindsNothing) {
  Postings p;
  EXPECT_EQ(p.Find(0).size, 0u);
  EXPECT_EQ(p.Find(12345).size, 0u);
  p.RemoveIf([](uint32_t) { return true; });
  EXPECT_EQ(p.keys(), 0u);
}

TEST(PostingsTest, ListsKeepInsertionOrderAndKeyZeroWorks) {
  Postings p;
  p.Add(0, 5);
  p.Add(9, 1);
  p.Add(0, 7);
  p.Add(0, 6);
  Postings::List l = p.Find(0);
  ASSERT_EQ(l.size, 3u);
  EXPECT_EQ(l.data[0], 5u);
  EXPECT_EQ(l.data[1], 7u);
  EXPECT_EQ(l.data[2], 6u);
  ASSERT_EQ(p.Find(9).size, 1u);
  EXPECT_EQ(p.Find(9).data[0], 1u);
  p.RemoveIf([](uint32_t s) { return s != 7; });  // a long list back to one story
  ASSERT_EQ(p.Find(0).size, 1u);
  EXPECT_EQ(p.Find(0).data[0], 7u);
  EXPECT_EQ(p.Find(9).size, 0u);
  EXPECT_EQ(p.keys(), 1u);
  p.Add(0, 8);  // and long again
  ASSERT_EQ(p.Find(0).size, 2u);
  EXPECT_EQ(p.Find(0).data[1], 8u);
}

TEST(PostingsTest, MatchesAMapOfVectorsThroughGrowthAndRemoval) {
  for (int sequential : {0, 1}) {
    std::mt19937_64 rng(11 + sequential);
    Postings p;
    Reference ref;
    std::vector<uint64_t> keys;
    for (uint64_t i = 0; i < 3000; ++i) keys.push_back(sequential ? (i << 32) : rng());
    uint32_t next_story = 0;
    for (int round = 0; round < 6; ++round) {
      for (int i = 0; i < 4000; ++i) {
        uint64_t k = keys[rng() % (round % 2 ? keys.size() : keys.size() / 3)];
        uint32_t s = next_story++ % 500;
        p.Add(k, s);
        ref[k].push_back(s);
      }
      ExpectSame(p, ref, keys);
      uint32_t mod = 2 + round % 3;
      auto drop = [&](uint32_t s) { return s % mod == static_cast<uint32_t>(round) % mod; };
      p.RemoveIf(drop);
      for (auto it = ref.begin(); it != ref.end();) {
        auto& l = it->second;
        l.erase(std::remove_if(l.begin(), l.end(), drop), l.end());
        it = l.empty() ? ref.erase(it) : std::next(it);
      }
      ExpectSame(p, ref, keys);
    }
    p.RemoveIf([](uint32_t) { return true; });
    EXPECT_EQ(p.keys(), 0u);
    for (uint64_t k : keys) EXPECT_EQ(p.Find(k).size, 0u);
  }
}

}  // namespace
}  // namespace dateline::stories
