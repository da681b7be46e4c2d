// Tables of {text, DCT, expected expressions} for the time tagger, including
// the seed cases of issue 5, plus document-date inference and the TimeML
// round trip of cli/tag_timeml.cc's building blocks.
#include "annotate/time.h"

#include <gtest/gtest.h>

#include "annotate/time_test_util.h"

namespace dateline {
namespace {

using time_test::Case;
using time_test::Check;
using time_test::Tagger;

TEST(TimeTagger, SeedCases) {
  const Case cases[] = {
      {"Putin said on Monday, April 21, that Moscow remains open.", "2025-04-22",
       "Monday, April 21", "DATE", "2025-04-21"},
      {"Last summer, Russia and Ukraine were close to a deal.", "2025-04-22", "Last summer",
       "DATE", "2024-SU"},
      {"Earlier this month the talks were set for Istanbul.", "2025-04-08",
       "Earlier this month", "DATE", "2025-04"},
      {"Witkoff met Putin on April 24 in Moscow.", "2025-04-25", "April 24", "DATE",
       "2025-04-24"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, WrittenDates) {
  const Case cases[] = {
      {"It opened on 21 April 2025.", "2025-05-01", "21 April 2025", "DATE", "2025-04-21"},
      {"Sales rose in July 1997.", "1998-01-08", "July 1997", "DATE", "1997-07"},
      {"The deal closed Aug. 7, 1998, in New York.", "1998-08-10", "Aug. 7, 1998", "DATE",
       "1998-08-07"},
      {"Posted 2025-04-21 by staff.", "2025-04-22", "2025-04-21", "DATE", "2025-04-21"},
      {"Filed 10/30/89 in court.", "1989-11-01", "10/30/89", "DATE", "1989-10-30"},
      {"Prices fell in 1990.", "1998-01-08", "1990", "DATE", "1990"},
      {"Growth slowed in the 1990s.", "2000-01-01", "the 1990s", "DATE", "199"},
      {"Talks are set for April 17-18.", "2025-04-08", "April 17-18", "DATE", "2025-04-17"},
      {"He arrived in the winter of nineteen ninety-four.", "1998-02-01",
       "the winter of nineteen ninety-four", "DATE", "1994-WI"},
      {"It ends in the year two thousand.", "1998-02-01", "the year two thousand", "DATE",
       "2000"},
      {"The attack began at 10 p.m. Wednesday.", "1998-02-13", "10 p.m. Wednesday", "TIME",
       "1998-02-11T22:00"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, RelativeToDct) {
  const Case cases[] = {
      {"The minister resigned yesterday.", "2025-04-22", "yesterday", "DATE", "2025-04-21"},
      {"The vote is tomorrow.", "2025-04-22", "tomorrow", "DATE", "2025-04-23"},
      {"They will meet next week.", "2025-04-22", "next week", "DATE", "2025-W18"},
      {"Profits fell last year.", "1989-11-02", "last year", "DATE", "1988"},
      {"Exports rose last month.", "2025-01-15", "last month", "DATE", "2024-12"},
      {"The plant closed three years ago.", "2025-04-22", "three years ago", "DATE", "2022"},
      {"He spoke this morning.", "2025-04-22", "this morning", "TIME", "2025-04-22TMO"},
      {"It is now clear.", "2025-04-22", "now", "DATE", "PRESENT_REF"},
      {"It was first sold last fall.", "1998-01-08", "last fall", "DATE", "1997-FA"},
      {"Results came in the third quarter.", "1989-11-02", "the third quarter", "DATE",
       "1989-Q3"},
      {"The talks ended early next year.", "1998-01-08", "early next year", "DATE", "1999"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, TenseDecidesWeekdays) {
  // 2025-04-22 is a Tuesday.
  const Case cases[] = {
      {"Putin said Friday that talks were possible.", "2025-04-22", "Friday", "DATE",
       "2025-04-18"},
      {"Delegates will meet Friday in London.", "2025-04-22", "Friday", "DATE", "2025-04-25"},
      {"The truce held on Sunday.", "2025-04-22", "Sunday", "DATE", "2025-04-20"},
      {"Kyiv is sending a delegation on Wednesday.", "2025-04-22", "Wednesday", "DATE",
       "2025-04-23"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, AnchoredOnLastMentionedDate) {
  const Case cases[] = {
      // "later" is a signal outside the extent: the duration is tagged.
      {"The truce began on April 19. Two days later fighting resumed.", "2025-04-25",
       "Two days", "DURATION", "P2D"},
      {"The talks opened on March 3. A day after, they collapsed.", "2025-04-25", "A day",
       "DATE", "2025-03-04"},
      {"Troops crossed on May 1, 1998. The next day they withdrew.", "1998-06-01",
       "The next day", "DATE", "1998-05-02"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, DurationsAndSets) {
  const Case cases[] = {
      {"A 30-day halt on strikes.", "2025-04-22", "30-day", "DURATION", "P30D"},
      {"It lasted 30 hours.", "2025-04-22", "30 hours", "DURATION", "PT30H"},
      {"He served three years in office.", "2025-04-22", "three years", "DURATION", "P3Y"},
      {"Sales in the past two months rose.", "2025-04-22", "the past two months", "DURATION",
       "P2M"},
      {"They meet every Monday.", "2025-04-22", "every Monday", "SET", "XXXX-WXX-1"},
      {"The paper is published weekly.", "2025-04-22", "weekly", "SET", "P1W"},
      {"Islam will one day be the largest religion.", "1998-02-01", "one day", "DATE",
       "FUTURE_REF"},
      {"a stock at a five year low", "1998-01-08", "five year", "DURATION", "P5Y"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, NotTimeExpressions) {
  const char* texts[] = {
      "The 6-year-old boy was found.",     // ages
      "You may go now or never.",          // "may" is a verb ("now" is tagged though)
      "He paid $1990 for the car.",        // money
      "They march on the capital.",        // verb
      "It runs four flights a week.",      // a rate
      "Three-quarters of voters agreed.",  // a fraction
  };
  for (const char* text : texts) {
    for (const ByteTimex& t : Tagger().TagText(text, "2025-04-22")) {
      std::string s = std::string(text).substr(t.begin, t.end - t.begin);
      EXPECT_TRUE(s == "now") << "unexpected \"" << s << "\" in: " << text;
    }
  }
}

TEST(TimeTagger, UndatedValuesStayUnderspecified) {
  const Case cases[] = {
      {"They met on Monday.", "-", "Monday", "DATE", "XXXX-WXX-1"},
      {"They met on April 21.", "-", "April 21", "DATE", "XXXX-04-21"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeTagger, InfersDateFromWeekdayWithDate) {
  // Seed 001 has no date header: the weekday fixes the year.
  const std::string text =
      "Putin said on Monday, April 21, that Moscow remains open to talks.\n"
      "Tuesday, April 22\nSince 2022 the war has gone on.";
  auto d = Tagger().InferDate(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, "2025-04-22");
  EXPECT_FALSE(Tagger().InferDate("Nothing dated here.").has_value());
}

TEST(TimeTagger, AnnotateFillsDocument) {
  Document doc;
  doc.text = "Zelensky said on Monday, April 21 — a day after Easter — that 2022 was long ago.";
  Tagger().Annotate({}, &doc);
  ASSERT_TRUE(doc.published.has_value());
  EXPECT_EQ(*doc.published, "2025-04-21");
  EXPECT_EQ(doc.published_source.value_or(""), "text");
  ASSERT_FALSE(doc.timexes.empty());
  // Spans are code points: the em dash is one.
  const Timex& first = doc.timexes[0];
  EXPECT_EQ(first.value, "2025-04-21");
  EXPECT_EQ(first.span.begin, 17);
  EXPECT_EQ(first.span.end, 33);
}

}  // namespace
}  // namespace dateline
