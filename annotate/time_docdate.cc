#include "annotate/time_docdate.h"

#include <algorithm>

namespace dateline::timex {
namespace {

// The latest year written in the text (1900-2099), or 0.
int LatestWrittenYear(const std::vector<Mention>& mentions) {
  int latest = 0;
  for (const Mention& m : mentions) {
    if (m.sem.year >= 1900 && m.sem.year <= 2099) latest = std::max(latest, m.sem.year);
  }
  return latest;
}

// The year in [from, from + 28) in which month/day falls on weekday, or 0.
int YearForWeekday(int from, int month, int day, int weekday) {
  for (int y = from; y < from + 28; ++y) {
    if (IsValidDate(y, month, day) && Weekday(Date{y, month, day}) == weekday) return y;
  }
  return 0;
}

}  // namespace

std::optional<Date> InferDocumentDate(const Scan& scan, const std::vector<Mention>& mentions) {
  int base = LatestWrittenYear(mentions);
  std::optional<Date> by_weekday, written;
  for (const Mention& m : mentions) {
    const Sem& s = m.sem;
    if (!s.month || !s.day) continue;
    if (s.year) {
      Date d{s.year, s.month, s.day};
      if (s.weekday && Weekday(d) != s.weekday) continue;
      if (!written || DaysFromCivil(d) > DaysFromCivil(*written)) written = d;
      if (s.weekday && (!by_weekday || DaysFromCivil(d) > DaysFromCivil(*by_weekday))) {
        by_weekday = d;
      }
      continue;
    }
    if (!s.weekday || base == 0) continue;
    int y = YearForWeekday(base, s.month, s.day, s.weekday);
    if (y == 0) continue;
    Date d{y, s.month, s.day};
    if (!by_weekday || DaysFromCivil(d) > DaysFromCivil(*by_weekday)) by_weekday = d;
  }
  return by_weekday ? by_weekday : written;
}

}  // namespace dateline::timex
