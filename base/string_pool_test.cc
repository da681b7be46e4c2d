#include "base/string_pool.h"

#include <string>

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(StringPool, EqualStringsShareAnId) {
  StringPool p;
  uint32_t a = p.Intern("Zelensky");
  uint32_t b = p.Intern("Peskov");
  EXPECT_NE(a, b);
  EXPECT_EQ(p.Intern("Zelensky"), a);
  EXPECT_EQ(p.Get(a), "Zelensky");
  EXPECT_EQ(p.Get(b), "Peskov");
  EXPECT_EQ(p.size(), 2u);
  EXPECT_EQ(p.Find("Peskov"), b);
  EXPECT_EQ(p.Find("Putin"), StringPool::kNone);
}

TEST(StringPool, EmptyAndBinaryStrings) {
  StringPool p;
  uint32_t e = p.Intern("");
  uint32_t z = p.Intern(std::string("a\0b", 3));
  EXPECT_EQ(p.Get(e), "");
  EXPECT_EQ(p.Get(z).size(), 3u);
  EXPECT_NE(p.Intern("a"), z);
  EXPECT_EQ(p.Intern(""), e);
}

TEST(StringPool, KeepsEveryStringAcrossGrowth) {
  StringPool p;
  for (int i = 0; i < 100000; ++i) EXPECT_EQ(p.Intern("s" + std::to_string(i)), static_cast<uint32_t>(i));
  for (int i = 0; i < 100000; i += 997) {
    EXPECT_EQ(p.Find("s" + std::to_string(i)), static_cast<uint32_t>(i));
    EXPECT_EQ(p.Get(i), "s" + std::to_string(i));
  }
  EXPECT_GT(p.MemoryBytes(), 100000u * 8);
  p.Clear();
  EXPECT_EQ(p.size(), 0u);
  EXPECT_EQ(p.Find("s1"), StringPool::kNone);
  EXPECT_EQ(p.Intern("x"), 0u);
}

}  // namespace
}  // namespace dateline
