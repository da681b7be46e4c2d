// Tables of cases for expressions anchored on the last mentioned date rather
// than on the document creation time ("that year", "the following month",
// "the previous Friday"; rules "that", "shift" and "weekday_shift" in
// data/time/anchoring.tsv).
#include <gtest/gtest.h>

#include "annotate/time_test_util.h"

namespace dateline {
namespace {

using time_test::Case;
using time_test::Check;
using time_test::Tagged;

TEST(TimeDiscourse, ThatPeriodTakesTheLastMention) {
  const Case cases[] = {
      {"Imports reached $2 billion in 1988, a small share of the total that year.",
       "1989-11-02", "that year", "DATE", "1988"},
      {"She fled in June 1998 and returned later that year.", "2000-01-28", "later that year",
       "DATE", "1998"},
      {"He was shot on Oct. 23, 1998. Earlier that day, police were warned.", "1999-10-24",
       "Earlier that day", "DATE", "1998-10-23"},
      {"The plant opened on March 3, 1995, and closed the same day.", "1999-01-01",
       "the same day", "DATE", "1995-03-03"},
      {"The strike began on May 2, 1990. That night the police moved in.", "1990-06-01",
       "That night", "TIME", "1990-05-02TNI"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeDiscourse, ThatDayAfterAMonthIsADayOfThatMonth) {
  Check({"He was killed in October 1998; his name was crossed out that same day.",
         "1999-02-06", "that same day", "DATE", "1998-10-XX"});
  Check({"The law passed in 1994 and was signed that month.", "1999-02-06", "that month",
         "DATE", "1994-XX"});
}

TEST(TimeDiscourse, ThatQuarterIsTheLastQuarter) {
  Check({"In the second quarter of 1988 it lost money; results for that quarter were poor.",
         "1989-10-27", "that quarter", "DATE", "1988-Q2"});
}

TEST(TimeDiscourse, FollowingPeriodMovesFromTheLastMention) {
  const Case cases[] = {
      {"The board met in March. The following month, it named a new chief.", "1989-10-27",
       "The following month", "DATE", "1989-04"},
      {"It was founded in 1995 and listed the following year.", "1998-04-18",
       "the following year", "DATE", "1996"},
      {"Trading halted on Friday, Oct. 27, 1989, after a fall the previous Friday.",
       "1989-10-30", "the previous Friday", "DATE", "1989-10-20"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeDiscourse, ComparisonsDoNotChain) {
  // "a year earlier" compares with the present, twice: both are 1988.
  const std::string text =
      "Output fell from a year ago. Costs rose compared with a year earlier. Revenue was 45% "
      "of the total, compared with 40% a year earlier.";
  int n = 0;
  for (const ByteTimex& t : time_test::Tagger().TagText(text, "1989-10-26")) {
    if (text.substr(t.begin, t.end - t.begin) != "a year earlier") continue;
    EXPECT_EQ(t.value, "1988");
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(TimeDiscourse, ClockTimeIsOnTheLastMentionedDay) {
  Check({"The doctor was shot on Oct. 23, 1998, at his home. He died at 10 p.m. in hospital.",
         "1999-04-19", "10 p.m.", "TIME", "1998-10-23T22:00"});
  // No day mentioned before: the DCT's day.
  Check({"The market closed at 4 p.m. with losses.", "1999-04-19", "4 p.m.", "TIME",
         "1999-04-19T16:00"});
}

TEST(TimeDiscourse, CuePhrasesAndDeadlines) {
  const Case cases[] = {
      // Monday DCT: "as early as Tuesday" is tomorrow, not last week.
      {"His father could come from Cuba as early as Tuesday.", "2000-04-03", "Tuesday", "DATE",
       "2000-04-04"},
      {"Officials postponed until Tuesday morning any action on the case.", "2000-03-30",
       "Tuesday morning", "TIME", "2000-04-04TMO"},
      // "set to"/"set for" look ahead; "set" alone does not.
      {"The peace process is set to resume Monday in Belfast.", "1998-03-22", "Monday", "DATE",
       "1998-03-23"},
      {"The judge set Friday as the deadline for his return.", "2000-01-15", "Friday", "DATE",
       "2000-01-14"},
      // "is to" + verb: a scheduled event.
      {"The stock is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "DATE",
       "1989-10-31"},
      // A past perfect after it: the deadline is already past.
      {"Until Thursday, they had not called him a suspect.", "1999-05-08", "Thursday", "DATE",
       "1999-05-06"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeDiscourse, ThatIsNotATimeWordAlone) {
  EXPECT_FALSE(Tagged("He said that the day was long.", "1998-01-01", "that"));
  EXPECT_FALSE(Tagged("That year-end bonus was paid.", "1998-01-01", "That year"));
}

}  // namespace
}  // namespace dateline
