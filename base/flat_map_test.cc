#include "base/flat_map.h"

#include <random>
#include <unordered_map>

#include <gtest/gtest.h>

namespace dateline {
namespace {

// Against std::unordered_map over a million random keys (key 0 included):
// every key is found with its value, absent keys are not, a second Insert
// keeps the first value, and values written through Find() stick.
TEST(FlatMap, AgreesWithUnorderedMap) {
  FlatMap<uint64_t, uint32_t> map;
  std::unordered_map<uint64_t, uint32_t> want;
  std::mt19937_64 rng(7);
  for (uint32_t i = 0; i < 1000000; ++i) {
    uint64_t key = i == 500 ? 0 : rng() % 3000000;  // repeats too
    bool inserted;
    uint32_t* v = map.Insert(key, i, &inserted);
    EXPECT_EQ(inserted, want.emplace(key, i).second);
    EXPECT_EQ(*v, want[key]);
  }
  ASSERT_EQ(map.size(), want.size());
  for (const auto& [key, value] : want) {
    const uint32_t* v = map.Find(key);
    ASSERT_NE(v, nullptr) << key;
    EXPECT_EQ(*v, value);
  }
  for (uint64_t key = 3000000; key < 3001000; ++key) EXPECT_EQ(map.Find(key), nullptr);
  *map.Find(0) = 42;
  EXPECT_EQ(*map.Find(0), 42u);
}

// The table stays compact: 32-bit keys and values take 8 bytes a slot, and
// the slots are at least about half full at any size.
TEST(FlatMap, StaysCompact) {
  FlatMap<uint32_t, uint32_t> map;
  bool inserted;
  for (uint32_t i = 1; i <= 2000000; ++i) {
    map.Insert(i * 2654435761u, i, &inserted);
    if (i % 250000 == 0) EXPECT_LT(map.MemoryBytes(), i * 8 * 2 + 16384) << i;
  }
  EXPECT_EQ(map.size(), 2000000u);
  EXPECT_TRUE((FlatMap<uint32_t, uint32_t>().empty()));
}

// EraseIf removes exactly the entries its predicate picks (key 0 too), the
// rest stay found with their values, the table shrinks, and inserting after
// it works.
TEST(FlatMap, EraseIfKeepsTheRest) {
  FlatMap<uint64_t, uint32_t> map;
  bool inserted;
  for (uint32_t i = 0; i < 100000; ++i) map.Insert(i, i % 7, &inserted);
  const size_t before = map.MemoryBytes();
  map.EraseIf([](uint64_t key, uint32_t value) { return value != 3 || key == 3; });
  EXPECT_EQ(map.size(), 100000u / 7 - 1 + (100000 % 7 > 3));
  EXPECT_LT(map.MemoryBytes(), before / 4);
  for (uint32_t i = 0; i < 100000; ++i) {
    const uint32_t* v = map.Find(i);
    if (i % 7 == 3 && i != 3) {
      ASSERT_NE(v, nullptr) << i;
      EXPECT_EQ(*v, 3u);
    } else {
      EXPECT_EQ(v, nullptr) << i;
    }
  }
  map.EraseIf([](uint64_t, uint32_t) { return true; });
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.Find(10), nullptr);
  for (uint32_t i = 0; i < 1000; ++i) map.Insert(i, i, &inserted);
  EXPECT_EQ(map.size(), 1000u);
  EXPECT_EQ(*map.Find(999), 999u);
}

}  // namespace
}  // namespace dateline
