#include "base/block_vector.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(BlockVector, HoldsWhatWasAddedAcrossBlocks) {
  BlockVector<uint32_t, 8> v;
  EXPECT_TRUE(v.empty());
  for (uint32_t i = 0; i < 100; ++i) v.push_back(i * 3);
  ASSERT_EQ(v.size(), 100u);
  for (uint32_t i = 0; i < 100; ++i) ASSERT_EQ(v[i], i * 3) << i;
  v[41] = 7;
  EXPECT_EQ(v[41], 7u);
  EXPECT_EQ(v.back(), 297u);
}

TEST(BlockVector, ReferencesStayValidAndMemoryIsWholeBlocks) {
  BlockVector<std::string, 16> v;
  v.push_back("first");
  const std::string* first = &v[0];
  for (int i = 1; i < 1000; ++i) v.push_back(std::to_string(i));
  EXPECT_EQ(first, &v[0]);  // never moved to grow
  EXPECT_EQ(*first, "first");
  // 1,000 items in blocks of 16: 63 blocks, nothing like a doubled capacity.
  EXPECT_GE(v.MemoryBytes(), 63 * 16 * sizeof(std::string));
  EXPECT_LT(v.MemoryBytes(), 64 * 16 * sizeof(std::string) + 128 * sizeof(void*));
  v.clear();
  EXPECT_EQ(v.size(), 0u);
  EXPECT_EQ(v.MemoryBytes(), 0u);
}

}  // namespace
}  // namespace dateline
