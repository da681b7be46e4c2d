// Calendar arithmetic for the time tagger: proleptic Gregorian dates, ISO
// weeks, TIMEX3 value formatting. Pure functions on a plain value type.
#ifndef DATELINE_ANNOTATE_TIME_CALENDAR_H_
#define DATELINE_ANNOTATE_TIME_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

namespace dateline::timex {

struct Date {
  int year = 0, month = 0, day = 0;  // month 1-12, day 1-31
  bool operator==(const Date& o) const = default;
};

int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);
Date AddDays(const Date& d, int64_t n);
// Adds months, clamping the day to the target month's length.
Date AddMonths(const Date& d, int n);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);
// ISO weekday, Monday = 1 ... Sunday = 7.
int Weekday(const Date& d);
// ISO-8601 week: *iso_year may differ from d.year near New Year.
int IsoWeek(const Date& d, int* iso_year);
// The Monday of ISO week `week` of `iso_year`.
Date MondayOfIsoWeek(int iso_year, int week);

// "2025-04-21", "2025-04", "2025", "2025-W17" (zero-padded, 4-digit years).
std::string FormatDay(const Date& d);
std::string FormatMonth(int year, int month);
std::string FormatYear(int year);
std::string FormatWeek(const Date& d);
// Parses "YYYY-MM-DD" (a longer ISO date-time is accepted; the time is ignored).
std::optional<Date> ParseIsoDay(std::string_view s);

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_CALENDAR_H_
