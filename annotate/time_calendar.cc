#include "annotate/time_calendar.h"

#include <cstdio>

namespace dateline::timex {

// Days since 1970-01-01 (H. Hinnant's civil calendar algorithm).
int64_t DaysFromCivil(const Date& d) {
  int64_t y = d.year - (d.month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (d.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return Date{y, m, d};
}

Date AddDays(const Date& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

Date AddMonths(const Date& d, int n) {
  int total = d.year * 12 + (d.month - 1) + n;
  Date r{total / 12, total % 12 + 1, d.day};
  if (r.day > DaysInMonth(r.year, r.month)) r.day = DaysInMonth(r.year, r.month);
  return r;
}

int Weekday(const Date& d) {
  int64_t z = DaysFromCivil(d);  // 1970-01-01 was a Thursday (4)
  int64_t w = ((z % 7) + 7 + 3) % 7;  // Monday = 0
  return static_cast<int>(w) + 1;
}

int IsoWeek(const Date& d, int* iso_year) {
  Date thursday = AddDays(d, 4 - Weekday(d));
  *iso_year = thursday.year;
  int64_t jan1 = DaysFromCivil(Date{thursday.year, 1, 1});
  return static_cast<int>((DaysFromCivil(thursday) - jan1) / 7 + 1);
}

Date MondayOfIsoWeek(int iso_year, int week) {
  Date jan4{iso_year, 1, 4};
  Date monday1 = AddDays(jan4, 1 - Weekday(jan4));
  return AddDays(monday1, 7 * (week - 1));
}

std::string FormatDay(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatMonth(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string FormatYear(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string FormatWeek(const Date& d) {
  int iso_year = 0;
  int week = IsoWeek(d, &iso_year);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", iso_year, week);
  return buf;
}

std::optional<Date> ParseIsoDay(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&s](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (d.year < 0 || !IsValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

}  // namespace dateline::timex
