#include "base/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

namespace dateline::json_text {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendString(s, &out);
  return out;
}

std::string Nlohmann(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonTextTest, EscapesLikeNlohmann) {
  for (std::string s : {std::string(""), std::string("plain"), std::string("a \"quote\" and \\ slash"),
                        std::string("tab\tnew\nline\r\b\f"), std::string("\x01\x1f\x7f", 3),
                        std::string("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"),
                        std::string("nul\0byte", 8)})
    EXPECT_EQ(Quoted(s), Nlohmann(s)) << s;
}

TEST(JsonTextTest, ReplacesInvalidUtf8LikeNlohmann) {
  // Lone continuation, truncated sequences, overlong leads, surrogates,
  // code points past U+10FFFF, and a sequence cut at the end.
  for (std::string s : {"a\x80z", "b\xE2\x82z", "\xC3", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                        "\xF0\x9F\x98", "x\xE2\x82\xAC\xC3\x01", "\xFF\xFE"})
    EXPECT_EQ(Quoted(s), Nlohmann(s)) << s;
}

TEST(JsonTextTest, RandomBytesMatchNlohmann) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a", " ", "\"", "\\", "\n", "\x01", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                "\x80", "\xC3", "\xE2\x80", "\xED\xA0", "\xF0\x9F", "\xFF", "\xC1", "\xF5"};
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    int len = rng() % 12;
    for (int i = 0; i < len; ++i) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(Quoted(s), Nlohmann(s));
  }
}

TEST(JsonTextTest, Integers) {
  std::string out;
  AppendInt(0, &out);
  out += ',';
  AppendInt(-42, &out);
  out += ',';
  AppendInt(INT64_MAX, &out);
  EXPECT_EQ(out, "0,-42,9223372036854775807");
}

}  // namespace
}  // namespace dateline::json_text
