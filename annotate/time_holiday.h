// Holidays: named days whose date follows a yearly rule (data/time/holidays.tsv).
// A rule is a fixed day ("christmas: 12-25"), the nth weekday of a month
// ("thanksgiving: 4th Thursday of November"; nth -1 = the last), or a day
// offset from Western or Orthodox Easter. Pure functions; the rules are part of
// the frozen TimeLexicon.
#ifndef DATELINE_ANNOTATE_TIME_HOLIDAY_H_
#define DATELINE_ANNOTATE_TIME_HOLIDAY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/time_calendar.h"
#include "base/status.h"

namespace dateline::timex {

struct HolidayRule {
  std::vector<std::string> words;  // the name as scanner tokens, lower case
  enum Kind { kFixed, kNth, kEaster, kOrthodoxEaster } kind = kFixed;
  int month = 0, day = 0;          // kFixed; kNth: month, first day counted
  int nth = 0, weekday = 0;        // kNth: nth (-1 last) weekday (Monday = 1)
  int offset = 0;                  // kEaster, kOrthodoxEaster: days after Easter
};

// Parses one holidays.tsv row: name, rule ("fixed 12 25", "nth 4 4 11",
// "nth 1 2 11 2", "easter -2", "orthodox 0"). InvalidInput when malformed.
Result<HolidayRule> ParseHoliday(std::string_view name, std::string_view rule);

// The date of the holiday in `year`; nullopt outside 1583-2999 for Easter rules.
std::optional<Date> HolidayDate(const HolidayRule& r, int year);

// Western (Gregorian) and Orthodox (Julian, shown in the Gregorian calendar,
// valid 1900-2099) Easter Sunday.
Date WesternEaster(int year);
Date OrthodoxEaster(int year);

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_HOLIDAY_H_
