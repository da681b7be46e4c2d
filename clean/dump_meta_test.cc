// Table tests for the dump metadata rules (data/clean/dump/meta.txt) and the
// line helpers.
#include "clean/dump_meta.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "clean/dump_lines.h"

namespace dateline {
namespace {

const DumpMetaRules& Rules() {
  static const DumpMetaRules r = DumpMetaRules::Load(DataDir() + "/clean/dump").value();
  return r;
}

TEST(DumpMeta, FindDate) {
  struct Case {
    const char* in;
    const char* want;  // "" = no date
  } cases[] = {
      {"by Abbey Fenbert April 22, 2025 12:52 AM 2 min read", "2025-04-22T00:52"},
      {"April 8, 2025 5:16 PM", "2025-04-08T17:16"},
      {"Updated on: November 19, 2019 / 10:07 AM / CBS News", "2019-11-19T10:07"},
      {"LinkNaija October 06, 2018", "2018-10-06"},
      {"Published 3 March 2021", "2021-03-03"},
      {"2019-11-20T08:15:00Z", "2019-11-20T08:15"},
      {"Dec. 5, 2019", "2019-12-05"},
      {"May the force be with you", ""},
      {"12 monkeys in 2020", ""},
      {"April 31 people", ""},
  };
  for (const auto& c : cases) {
    auto got = Rules().FindDate(c.in);
    EXPECT_EQ(got.value_or(""), c.want) << c.in;
  }
}

TEST(DumpMeta, BylineAuthors) {
  struct Case {
    const char* in;
    std::vector<std::string> want;
  } cases[] = {
      {"by Abbey Fenbert April 22, 2025 12:52 AM 2 min read", {"Abbey Fenbert"}},
      {"by Kateryna Denisova and The Kyiv Independent news desk April 8, 2025 5:16 PM 2 min read",
       {"Kateryna Denisova", "The Kyiv Independent news desk"}},
      {"Authors: Kateryna Denisova, The Kyiv Independent news desk",
       {"Kateryna Denisova", "The Kyiv Independent news desk"}},
      {"By JOHN SMITH | Updated 2 hours ago", {"JOHN SMITH"}},
      {"By Jane Doe, Mary Major and Ann Roe", {"Jane Doe", "Mary Major", "Ann Roe"}},
      {"by the way, this is not a byline at all because it goes on and on", {}},
      {"Bystanders watched", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Rules().BylineAuthors(c.in), c.want) << c.in;
}

TEST(DumpMeta, AppBrandAndCaptions) {
  EXPECT_EQ(Rules().AppBrand("Download the SAN app today to stay up-to-date with Unbiased. Straight Facts™."), "SAN");
  EXPECT_EQ(Rules().AppBrand("Get the Daily Planet app for iOS"), "Daily Planet");
  EXPECT_EQ(Rules().AppBrand("download the report as a PDF"), "");
  EXPECT_TRUE(Rules().IsCaption("A Russian flag flies next to the U.S. embassy (Alexander Nemenov/AFP via Getty Images)"));
  EXPECT_TRUE(Rules().IsCaption("Officials meet in Riyadh. (AP Photo/Evelyn Hockstein)"));
  EXPECT_FALSE(Rules().IsCaption("The minister said the talks would continue next week."));
}

TEST(DumpLines, SplitAndTokens) {
  auto lines = SplitDumpLines("  • Home/\n\n\n Title line \t\nlast");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "Home/");
  EXPECT_EQ(lines[1].text, "Title line");
  EXPECT_EQ(lines[1].blank_before, 2);
  EXPECT_EQ(lines[2].text, "last");
  EXPECT_EQ(CountWords("Zelenskyy's 30-day halt — ok"), 6);  // as Python's \w+ counts
  EXPECT_EQ(CountWords("Привет, мир"), 2);
  EXPECT_EQ(LineKey("Updated 12:52"), LineKey("updated  07:31"));
  EXPECT_NE(LineKey("Subscribe"), LineKey("Unsubscribe"));
}

}  // namespace
}  // namespace dateline
