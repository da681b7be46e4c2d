#include "annotate/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate/sentences.h"
#include "base/utf8.h"

namespace dateline {
namespace {

std::string Join(const std::vector<Token>& toks) {
  std::string s;
  for (const auto& t : toks) {
    if (!s.empty()) s += "|";
    s += std::string(t.text);
  }
  return s;
}

struct TokCase {
  const char* in;
  const char* want;
};

TEST(TokenizerTest, Table) {
  const TokCase cases[] = {
      {"Kyiv’s willingness", "Kyiv|’s|willingness"},
      {"Putin's remarks", "Putin|'s|remarks"},
      {"They don't know", "They|do|n't|know"},
      {"O'Brien and D’Amato", "O'Brien|and|D’Amato"},
      {"the U.S. could", "the|U.S.|could"},
      {"on Sept. 11 Gov. Smith", "on|Sept.|11|Gov.|Smith"},
      {"J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
      {"at 10 a.m. sharp", "at|10|a.m.|sharp"},
      {"1,000 people and 3.5% of 22/04/2025", "1,000|people|and|3.5|%|of|22/04/2025"},
      {"a 30-day halt", "a|30-day|halt"},
      {"“Yes,” he said…", "“|Yes|,|”|he|said|…"},
      {"talks — mediated by Qatar— on", "talks|—|mediated|by|Qatar|—|on"},
      {"wait... what -- no", "wait|...|what|--|no"},
      {"see https://example.com/a?b=1. Next", "see|https://example.com/a?b=1|.|Next"},
      {"follow @KremlinRussia_E and #Ukraine", "follow|@KremlinRussia_E|and|#Ukraine"},
      {"mail info@example.org now", "mail|info@example.org|now"},
      {"Zelenskyy’s aide", "Zelenskyy|’s|aide"},
      {"Zaporizhzhia, Kharkiv.", "Zaporizhzhia|,|Kharkiv|."},
      {"AT&T shares", "AT&T|shares"},
      {"Müller über Straße", "Müller|über|Straße"},
      {"end.", "end|."},
  };
  for (const auto& c : cases) EXPECT_EQ(Join(Tokenize(c.in)), c.want) << c.in;
}

TEST(TokenizerTest, OffsetsAreCodePoints) {
  std::string text = "“Müller” said\nhi";
  auto toks = Tokenize(text);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[1].span.begin, 1);
  EXPECT_EQ(toks[1].span.end, 7);
  EXPECT_EQ(toks[1].byte_begin, 3u);
  EXPECT_EQ(toks[2].span.begin, 7);
  EXPECT_TRUE(toks[4].newline_before);
  EXPECT_FALSE(toks[3].newline_before);
}

std::vector<std::string> Sentences(const std::string& text) {
  auto toks = Tokenize(text);
  std::vector<std::string> out;
  utf8::OffsetMap map(text);
  for (const Span& s : SplitSentences(text, toks)) {
    size_t b = map.ToByte(s.begin), e = map.ToByte(s.end);
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

struct SentCase {
  const char* in;
  std::vector<std::string> want;
};

TEST(SentencesTest, Table) {
  const SentCase cases[] = {
      {"He left. She stayed.", {"He left.", "She stayed."}},
      {"“We are open to talks,” he said. Kyiv rejected it.", {"“We are open to talks,” he said.", "Kyiv rejected it."}},
      {"\"Stop!\" he shouted. Then he left.", {"\"Stop!\" he shouted.", "Then he left."}},
      {"He said: \"No.\" Then he left.", {"He said: \"No.\"", "Then he left."}},
      {"Putin says Russia open to talks\nMoscow said on Monday", {"Putin says Russia open to talks", "Moscow said on Monday"}},
      {"The U.S. Senate voted. Gov. Smith agreed.", {"The U.S. Senate voted.", "Gov. Smith agreed."}},
      {"He met Mr. Witkoff in Sept. 2024 in St. Petersburg.", {"He met Mr. Witkoff in Sept. 2024 in St. Petersburg."}},
      {"J. Smith spoke. He left.", {"J. Smith spoke.", "He left."}},
      {"It helps the U.S. The deal is done.", {"It helps the U.S.", "The deal is done."}},
      {"Will it work? Nobody knows!", {"Will it work?", "Nobody knows!"}},
      {"We waited... and waited. Nothing.", {"We waited... and waited.", "Nothing."}},
      {"Prices rose 3.5 percent. Sales fell.", {"Prices rose 3.5 percent.", "Sales fell."}},
      {"(He left.) She stayed.", {"(He left.)", "She stayed."}},
      {"See example.com. it is lower.", {"See example.com. it is lower."}},
  };
  for (const auto& c : cases) EXPECT_EQ(Sentences(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace dateline
