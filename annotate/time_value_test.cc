// Tables of cases for the value F1 round (issue 5): each case comes from an
// error group in the TimeBank listing, written here in fresh words.
#include <gtest/gtest.h>

#include "annotate/time_test_util.h"

namespace dateline {
namespace {

using time_test::Case;
using time_test::Check;
using time_test::Tagged;

TEST(TimeValueCases, LaterStaysOutsideTheDuration) {
  const Case cases[] = {
      {"The index fell. Three days later, it had recovered.", "1989-10-30", "Three days",
       "DURATION", "P3D"},
      {"A few days later, the firm cut its forecast.", "1989-10-27", "A few days", "DURATION",
       "PXD"},
  };
  for (const Case& c : cases) Check(c);
  EXPECT_FALSE(Tagged("Three days later, it had recovered.", "1989-10-30", "Three days later"));
}

TEST(TimeValueCases, AdjectivesFractionsAndRatesAreNotTimes) {
  EXPECT_FALSE(Tagged("They rejected the last-minute offer.", "1991-02-25", "last-minute"));
  EXPECT_FALSE(Tagged("Funds hold more than a quarter of the market.", "1989-10-27",
                      "more than a quarter"));
  EXPECT_FALSE(Tagged("Funds hold a quarter of the market.", "1989-10-27", "a quarter"));
  EXPECT_FALSE(Tagged("It runs 15 million instructions per second.", "1989-10-27",
                      "per second"));
  EXPECT_FALSE(Tagged("The quarter-to-quarter comparison improved.", "1989-11-01",
                      "The quarter"));
  EXPECT_FALSE(Tagged("Baker said on ABC's \"This Week\" that talks failed.", "1990-08-13",
                      "This Week"));
  // Still times: a quarter of a year named as such, a bare "this week".
  Check({"Sales rose in the quarter.", "1989-11-01", "the quarter", "DATE", "1989-Q3"});
  Check({"He said this week that talks failed.", "1990-08-13", "this week", "DATE",
         "1990-W33"});
}

TEST(TimeValueCases, PartOfDayWithAModifier) {
  const Case cases[] = {
      {"In London at mid-afternoon yesterday, shares were up.", "1989-11-02",
       "mid-afternoon yesterday", "TIME", "1989-11-01TAF"},
      {"By mid afternoon, sources were reporting clashes.", "1998-03-06", "mid afternoon",
       "TIME", "1998-03-06TAF"},
  };
  for (const Case& c : cases) Check(c);
  EXPECT_FALSE(Tagged("She hosts a late-night show.", "1998-03-06", "late-night"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, LatestPeriodIsAQuarterJustMentionedIfOver) {
  time_test::Check({"Net rose in the fiscal second quarter. The latest period includes a gain.",
                    "1989-10-26", "The latest period", "DATE", "1989-Q2"});
  // A quarter not yet over is not the latest one.
  time_test::Check({"It expects a fourth-quarter charge. Profit fell in the latest quarter.",
                    "1989-11-02", "the latest quarter", "DATE", "1989-Q3"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, SoonOnlyUnderAModal) {
  const time_test::Case cases[] = {
      {"Regulators may soon seek a ban.", "1989-10-27", "soon", "DATE", "FUTURE_REF"},
      {"The firm soon will start selling cheaper boxes.", "1989-10-30", "soon", "DATE",
       "FUTURE_REF"},
      {"It expects exports to soon reach a third of sales.", "1989-10-26", "soon", "DATE",
       "FUTURE_REF"},
  };
  for (const time_test::Case& c : cases) time_test::Check(c);
  EXPECT_FALSE(time_test::Tagged("He was soon released.", "2000-02-24", "soon"));
  EXPECT_FALSE(time_test::Tagged("They could leave as soon as Tuesday.", "2000-04-03", "soon"));
  EXPECT_FALSE(time_test::Tagged("He was killed soon after his capture.", "1998-02-19", "soon"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, MoreAndAdditionalInsideADuration) {
  const time_test::Case cases[] = {
      {"The navy may use the base for at least 20 more years.", "1998-02-27",
       "at least 20 more years", "DURATION", "P20Y"},
      {"The loan may be extended for an additional year.", "1989-11-02", "an additional year",
       "DURATION", "P1Y"},
  };
  for (const time_test::Case& c : cases) time_test::Check(c);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, QuarterAYearAgoIsOnePeriod) {
  time_test::Check({"It lost money in the third quarter. For the quarter a year ago, it earned "
                    "$16 million.",
                    "1989-10-26", "the quarter a year ago", "DATE", "1988-Q3"});
  time_test::Check({"Sales in the second quarter a year earlier were flat.", "1989-10-26",
                    "the second quarter a year earlier", "DATE", "1988-Q2"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, PeriodEndedOnADayIsNotAhead) {
  const time_test::Case cases[] = {
      {"In the fiscal year ended Jan. 31, sales were $59 million.", "1989-10-31", "Jan. 31",
       "DATE", "1989-01-31"},
      {"In the second quarter ended Oct. 31, it lost money.", "1989-10-27", "Oct. 31", "DATE",
       "1988-10-31"},
      {"For the quarter ended Sept. 30, net rose.", "1989-10-26", "Sept. 30", "DATE",
       "1989-09-30"},
  };
  for (const time_test::Case& c : cases) time_test::Check(c);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, YearAgoPeriodsTakeTheQuarterReported) {
  const time_test::Case cases[] = {
      // An apposition names the year-ago quarter; "that quarter" follows it.
      {"In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost $12 "
       "million. Results for that quarter included a charge.",
       "1989-10-27", "the comparable year-ago quarter", "DATE", "1988-Q2"},
      {"In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost $12 "
       "million. Results for that quarter included a charge.",
       "1989-10-27", "the second quarter", "DATE", "1988-Q2"},
      {"In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost $12 "
       "million. Results for that quarter included a charge.",
       "1989-10-27", "that quarter", "DATE", "1988-Q2"},
      {"Net fell in the third quarter ended Sept. 30, against a profit for the corresponding "
       "period last year.",
       "1989-11-01", "the corresponding period last year", "DATE", "1988-Q3"},
      // A future quarter mentioned on the way is not the one compared.
      {"Net rose in the third quarter. Prices may fall in the third quarter of 1990. In the "
       "year-ago period, it earned $101 million.",
       "1989-10-26", "the year-ago period", "DATE", "1988-Q3"},
  };
  for (const time_test::Case& c : cases) time_test::Check(c);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, IndefiniteQuarterIsNotTheOneReported) {
  time_test::Check({"Third-quarter net rose 20%, after a flat second quarter. Charges were "
                    "taken in the year-earlier period.",
                    "1989-11-01", "the year-earlier period", "DATE", "1988-Q3"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, AfterNineMonthsComparisonsAreToTheYear) {
  const char* text =
      "Third-quarter net rose to $9 million from $7 million a year ago. For the nine months, "
      "the company had a loss of $6 million, compared with year-earlier net of $9 million. "
      "In the first nine months, net was $30 million, against $19 million in the 1988 period.";
  time_test::Check({text, "1989-11-02", "a year ago", "DATE", "1988-Q3"});
  time_test::Check({text, "1989-11-02", "year-earlier", "DATE", "1988"});
  time_test::Check({text, "1989-11-02", "the 1988 period", "DATE", "1988"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, QuarterEndedOnADayIsTheQuarterItFills) {
  time_test::Check({"In the quarter ended July 31, the firm had 5.6 million shares.",
                    "1989-10-30", "the quarter", "DATE", "1989-Q2"});
  time_test::Check({"For the quarter ended Sept. 30, net rose.", "1989-11-01", "the quarter",
                    "DATE", "1989-Q3"});
  // A quarter named before decides.
  time_test::Check({"Net rose in the fiscal first quarter. For the quarter ended Sept. 30, "
                    "sales rose.",
                    "1989-10-26", "the quarter", "DATE", "1989-Q1"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, SeasonWithAModifier) {
  time_test::Check({"Orders rose from the low levels of the early summer.", "1989-10-26",
                    "the early summer", "DATE", "1989-SU"});
  EXPECT_FALSE(time_test::Tagged("They sell late summer fashions.", "1989-10-26", "late summer"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, GenericTodayAndFuture) {
  EXPECT_FALSE(time_test::Tagged("Rules differ in today's world.", "1998-04-24", "today"));
  EXPECT_FALSE(time_test::Tagged("The case is for today's youth a lesson.", "2000-01-07",
                                 "today"));
  EXPECT_FALSE(time_test::Tagged("I would have chosen the people of tomorrow.", "1989-11-02",
                                 "tomorrow"));
  EXPECT_FALSE(time_test::Tagged("That is important to the future of our peoples.",
                                 "1998-02-13", "the future"));
  time_test::Check({"It was in today's editions of the paper.", "1989-11-02", "today", "DATE",
                    "1989-11-02"});
  time_test::Check({"They will sell more in the future.", "1989-10-30", "the future", "DATE",
                    "FUTURE_REF"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, DecadeInWordsAndThisQuarter) {
  time_test::Check({"Group numbers dropped through the nineties.", "1998-03-03", "the nineties",
                    "DATE", "199"});
  time_test::Check({"Net was $8 million for the third quarter ended Sept. 30. This quarter's "
                    "loss includes charges.",
                    "1989-11-01", "This quarter", "DATE", "1989-Q3"});
  time_test::Check({"Sales will rise this quarter, it said.", "1989-11-01", "this quarter",
                    "DATE", "1989-Q4"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, NamesAndStatisticsAreNotTimes) {
  EXPECT_FALSE(time_test::Tagged("He set up a joint venture called Orion 1980, making parts.",
                                 "1998-04-18", "1980"));
  EXPECT_FALSE(time_test::Tagged("He hoped he one day follow in their footsteps.", "1998-04-18",
                                 "one day"));
  EXPECT_FALSE(time_test::Tagged("It was 5% of the average daily volume.", "1989-10-30",
                                 "daily"));
  // A year after a month, a possessive or at the start of a line stays a time.
  time_test::Check({"Navigation Mixte's 1989 profit rose.", "1989-10-27", "1989", "DATE",
                    "1989"});
  time_test::Check({"The pact runs to June 1990, it said.", "1989-10-27", "June 1990", "DATE",
                    "1990-06"});
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(TimeValueCases, ADayEarlierIsADuration) {
  time_test::Check({"A day earlier, trucks streamed across the border.", "1990-08-16",
                    "A day earlier", "DURATION", "P1D"});
  time_test::Check({"Net rose from $4 million a year earlier.", "1989-06-01", "a year earlier",
                    "DATE", "1988"});
}

}  // namespace
}  // namespace dateline
