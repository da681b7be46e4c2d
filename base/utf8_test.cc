#include "base/utf8.h"

#include <gtest/gtest.h>

namespace dateline::utf8 {
namespace {

TEST(Utf8Test, ValidityTable) {
  struct Case { std::string s; bool valid; } cases[] = {
      {"plain", true}, {"caf\xC3\xA9", true}, {"\xE2\x80\x9C", true}, {"\xF0\x9F\x98\x80", true},
      {"\xC3", false}, {"\xE9t\xE9", false}, {"\xED\xA0\x80", false} /* surrogate */,
      {"\xC0\xAF", false} /* overlong */, {"\xF5\x80\x80\x80", false}};
  for (const auto& c : cases) EXPECT_EQ(IsValid(c.s), c.valid) << c.s;
}

TEST(Utf8Test, RepairReadsBadBytesAsCp1252) {
  EXPECT_EQ(Repair("caf\xE9"), "caf\xC3\xA9");
  EXPECT_EQ(Repair("\x93hi\x94"), "\xE2\x80\x9Chi\xE2\x80\x9D");
  EXPECT_EQ(Repair("ok \xC3\xA9 \x80"), "ok \xC3\xA9 \xE2\x82\xAC");
  EXPECT_EQ(Repair(std::string("a\0b", 3)), "ab");
  EXPECT_TRUE(IsValid(Repair("\xFF\xFE\xFD\xC3")));
}

TEST(Utf8Test, OffsetMapRoundTrip) {
  std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80z";  // a é “ 😀 z
  OffsetMap m(s);
  EXPECT_EQ(Length(s), 5);
  EXPECT_EQ(m.ToCodepoint(0), 0);
  EXPECT_EQ(m.ToCodepoint(1), 1);
  EXPECT_EQ(m.ToCodepoint(3), 2);
  EXPECT_EQ(m.ToCodepoint(6), 3);
  EXPECT_EQ(m.ToCodepoint(10), 4);
  EXPECT_EQ(m.ToCodepoint(s.size()), 5);
  for (int64_t cp = 0; cp <= 5; ++cp) EXPECT_EQ(m.ToCodepoint(m.ToByte(cp)), cp);
}

}  // namespace
}  // namespace dateline::utf8
