#include "annotate/time_holiday.h"

#include <cstdlib>
#include <sstream>

namespace dateline::timex {
namespace {

// The name split as time_scan splits text: letter runs, digit runs, and
// single other characters; spaces dropped.
std::vector<std::string> NameTokens(std::string_view name) {
  std::vector<std::string> out;
  size_t i = 0;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < name.size()) {
    char c = name[i];
    size_t j = i + 1;
    if (c == ' ') {
      ++i;
      continue;
    }
    if (alpha(c)) {
      while (j < name.size() && alpha(name[j])) ++j;
    } else if (digit(c)) {
      while (j < name.size() && digit(name[j])) ++j;
    }
    std::string tok(name.substr(i, j - i));
    for (char& ch : tok) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    }
    out.push_back(tok);
    i = j;
  }
  return out;
}

}  // namespace

Result<HolidayRule> ParseHoliday(std::string_view name, std::string_view rule) {
  HolidayRule r;
  r.words = NameTokens(name);
  std::istringstream in{std::string(rule)};
  std::string kind;
  in >> kind;
  bool ok = false;
  if (kind == "fixed") {
    r.kind = HolidayRule::kFixed;
    ok = static_cast<bool>(in >> r.month >> r.day) && IsValidDate(2000, r.month, r.day);
  } else if (kind == "nth") {
    r.kind = HolidayRule::kNth;
    r.day = 1;
    ok = static_cast<bool>(in >> r.nth >> r.weekday >> r.month);
    if (ok && !(in >> r.day)) r.day = 1;
    ok = ok && r.nth != 0 && r.nth <= 5 && r.weekday >= 1 && r.weekday <= 7 && r.month >= 1 &&
         r.month <= 12;
  } else if (kind == "easter" || kind == "orthodox") {
    r.kind = kind == "easter" ? HolidayRule::kEaster : HolidayRule::kOrthodoxEaster;
    ok = static_cast<bool>(in >> r.offset);
  }
  if (!ok || r.words.empty()) {
    return Status::InvalidInput("bad holiday rule \"" + std::string(rule) + "\"");
  }
  return r;
}

Date WesternEaster(int y) {
  // Gregorian computus (the "anonymous" algorithm of Meeus).
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month, day};
}

Date OrthodoxEaster(int y) {
  // Julian computus, then 13 days to the Gregorian calendar (1900-2099).
  int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30;
  int e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  return AddDays(Date{y, month, day}, 13);
}

std::optional<Date> HolidayDate(const HolidayRule& r, int year) {
  switch (r.kind) {
    case HolidayRule::kFixed: return Date{year, r.month, r.day};
    case HolidayRule::kNth: {
      if (r.nth > 0) {
        Date first{year, r.month, r.day};
        int shift = (r.weekday - Weekday(first) + 7) % 7;
        Date d = AddDays(first, shift + 7 * (r.nth - 1));
        if (d.month != r.month) return std::nullopt;
        return d;
      }
      Date last{year, r.month, DaysInMonth(year, r.month)};
      return AddDays(last, -((Weekday(last) - r.weekday + 7) % 7));
    }
    case HolidayRule::kEaster:
    case HolidayRule::kOrthodoxEaster: {
      if (year < 1583 || year > 2999) return std::nullopt;
      Date e = r.kind == HolidayRule::kEaster ? WesternEaster(year) : OrthodoxEaster(year);
      return AddDays(e, r.offset);
    }
  }
  return std::nullopt;
}

}  // namespace dateline::timex
