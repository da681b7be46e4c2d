#include "annotate/time_resolve.h"

#include <cstdio>
#include <cstdlib>

namespace dateline::timex {
namespace {

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

std::string FormatQuarter(int year, int q) { return FormatYear(year) + "-Q" + std::to_string(q); }

int SeasonStart(const std::string& s) {
  if (s == "SP") return 3;
  if (s == "SU") return 6;
  if (s == "FA") return 9;
  return 12;
}

bool SentenceEnd(const TTok& t) {
  return t.kind == 'p' && (t.lower == "." || t.lower == "!" || t.lower == "?");
}

// A future cue under a past perfect or adverb ("had been scheduled", "had been due",
// "previously planned") tells of a plan made in the past: read as past.
bool PastPlan(const std::vector<TTok>& t, size_t cue) {
  for (size_t k = cue; k > 0 && cue - k < 3; --k) {
    std::string_view x = t[k - 1].lower;
    if (x == "had" || x == "previously" || x == "originally") {
      return true;
    }
    if (t[k - 1].kind == 'p') return false;
  }
  return false;
}

// The direction of a cue phrase ending at token k ("as early as"), or 0.
int PhraseAt(const std::vector<TTok>& t, size_t k, const std::vector<CuePhrase>& phrases) {
  for (const CuePhrase& p : phrases) {
    size_t n = p.words.size();
    if (k + 1 < n) continue;
    size_t w = 0;
    while (w < n && t[k + 1 - n + w].lower == p.words[w]) ++w;
    if (w == n) return p.dir;
  }
  return 0;
}

}  // namespace

int Resolver::Tense(uint32_t b, uint32_t e) const {
  int dir = CueTense(b, e);
  // A future cue in a past-perfect frame ("until Thursday, they had not")
  // tells of a time already past.
  if (dir > 0 && PastPerfectAfter(e)) return -1;
  return dir;
}

bool Resolver::PastPerfectAfter(uint32_t e) const {
  const auto& t = scan_.toks;
  int w = lex_.cue_window() / 2;
  for (size_t k = e; k < t.size() && k < e + w; ++k) {
    if (SentenceEnd(t[k]) || (k > e && t[k].newline_before)) return false;
    if (t[k].lower == "had") return true;
  }
  return false;
}

int Resolver::CueTense(uint32_t b, uint32_t e) const {
  const auto& t = scan_.toks;
  int w = lex_.cue_window();
  bool left_open = true, right_open = true;
  for (int d = 1; d <= w && (left_open || right_open); ++d) {
    if (left_open) {
      if (b < static_cast<uint32_t>(d) || SentenceEnd(t[b - d]) || t[b - d + 1].newline_before) {
        left_open = false;
      } else {
        std::string_view x = t[b - d].lower;
        if (int p = PhraseAt(t, b - d, lex_.cue_phrases()); p != 0) return p;
        if (lex_.IsFutureCue(x)) return PastPlan(t, b - d) ? -1 : 1;
        if (lex_.IsPastCue(x)) return -1;
        // Present progressive ("is sending") tells of a plan.
        if (x.size() > 4 && x.substr(x.size() - 3) == "ing" && b - d > 0 &&
            (t[b - d - 1].lower == "is" || t[b - d - 1].lower == "are")) {
          return 1;
        }
        // "-ed" verbs read as past ("met", irregulars are in the list).
        if (x.size() > 4 && x.substr(x.size() - 2) == "ed" && !t[b - d].cap) return -1;
      }
    }
    if (right_open && d <= w / 2) {
      size_t k = e - 1 + d;
      if (k >= t.size() || SentenceEnd(t[k - 1]) || t[k].newline_before) {
        right_open = false;
      } else {
        std::string_view x = t[k].lower;
        if (lex_.IsFutureCue(x)) return PastPlan(t, k) ? -1 : 1;
        if (lex_.IsPastCue(x)) return -1;
      }
    }
  }
  return 0;
}

int Resolver::Direction(const Mention& m, const AnchorRule& rule) const {
  if (rule.direction == "past") return -1;
  if (rule.direction == "future") return 1;
  if (rule.direction == "tense") {
    // "Friday's session", "Wednesday's ruling": a possessive weekday is one
    // already reported on (17 of 17 in TimeBank+AQUAINT).
    const auto& t_ = scan_.toks;
    size_t e = m.tok_end;
    if (m.sem.cls == "weekday" && e + 1 < t_.size() && t_[e].kind == 'p' && !t_[e].space_before &&
        (t_[e].lower == "'" || t_[e].lower == "\xE2\x80\x99") && t_[e + 1].lower == "s" &&
        !t_[e + 1].space_before) {
      return -1;
    }
    int t = Tense(m.tok_begin, m.tok_end);
    if (t != 0) return t;
    return rule.fallback == "past" ? -1 : rule.fallback == "future" ? 1 : 0;
  }
  return 0;
}

std::string Resolver::Relative(const Sem& s, const Date& a) {
  switch (s.gran) {
    case Gran::kDay: {
      Date d = AddDays(a, s.shift);
      return FormatDay(d) + s.suffix;
    }
    case Gran::kWeek: return FormatWeek(AddDays(a, 7 * s.shift));
    case Gran::kWeekend: {
      // "the weekend" early in the week is the one just past.
      int back = s.shift == 0 && s.cls == "weekend" && timex::Weekday(a) <= 3 ? -1 : 0;
      return FormatWeek(AddDays(a, 7 * (s.shift + back))) + "-WE";
    }
    case Gran::kMonth: {
      Date d = AddMonths(a, s.shift);
      return FormatMonth(d.year, d.month);
    }
    case Gran::kQuarter: {
      int q = (a.year * 4 + QuarterOf(a.month) - 1) + s.shift;
      return FormatQuarter(q / 4, q % 4 + 1);
    }
    case Gran::kYear: return FormatYear(a.year + s.shift);
    case Gran::kDecade: return std::to_string(a.year / 10 + s.shift);
    case Gran::kCentury: return std::to_string(a.year / 100 + s.shift);
    default: return "";
  }
}

std::string Resolver::Weekday(const Sem& s, const Date& a, int dir) {
  int delta = s.weekday - timex::Weekday(a);  // -6..6
  int back = delta > 0 ? delta - 7 : delta;    // on or before the anchor
  int fwd = delta < 0 ? delta + 7 : delta;     // on or after
  int shift;
  if (s.has_rel && s.rel < 0) shift = back == 0 ? -7 : back;
  else if (s.has_rel && s.rel > 0) shift = fwd == 0 ? 7 : fwd;
  else if (s.has_rel) shift = fwd;  // "this Friday"
  else if (dir > 0) shift = fwd;
  else if (dir < 0) shift = back;
  else shift = -back < fwd ? back : fwd;
  Date d = AddDays(a, shift);
  return FormatDay(d) + s.suffix;
}

namespace {

// The year of month/day seen from anchor a: the anchor's year, moved back when
// a past reading puts it more than near() days after the anchor, forward when
// a future reading puts it as far before; with no reading, only dates beyond
// the horizon (ahead() days after, behind() days before) move.
int YearNear(const Date& a, int month, int day, int dir, const TimeLexicon& lex) {
  int ahead = lex.ahead(), behind = lex.behind(), near = lex.near();
  int y = a.year;
  int d = day ? day : (month == a.month ? a.day : 15);
  if (!IsValidDate(y, month, d)) d = DaysInMonth(y, month);
  int64_t diff = DaysFromCivil(Date{y, month, d}) - DaysFromCivil(a);
  if (dir < 0 && diff > near) return y - 1;
  if (dir > 0 && diff < -near) return y + 1;
  if (dir == 0 && diff < -behind) return y + 1;
  if (dir == 0 && diff > ahead) return y - 1;
  return y;
}

}  // namespace

std::string Resolver::MonthDay(const Sem& s, const Date& a, int dir) {
  int year = s.year ? s.year : YearNear(a, s.month, s.day, dir, lex_);
  if (!IsValidDate(year, s.month, s.day)) return "";
  Date d{year, s.month, s.day};
  return FormatDay(d) + s.suffix;
}

std::string Resolver::Month(const Sem& s, const Date& a, int dir) {
  int year = s.year;
  if (year == 0 && s.has_rel) {
    year = a.year;
    if (s.rel < 0 && s.month >= a.month) year -= 1;
    if (s.rel > 0 && s.month <= a.month) year += 1;
  } else if (year == 0) {
    year = s.month == a.month ? a.year : YearNear(a, s.month, 0, dir, lex_);
  }
  return FormatMonth(year, s.month);
}

std::string Resolver::Season(const Sem& s, const Date& a, int dir) {
  int year = s.year;
  if (year == 0) {
    int now = a.year * 12 + a.month - 1;
    int start = SeasonStart(s.season) - 1;
    auto begins = [start](int y) { return y * 12 + start; };
    bool exclude_current = s.has_rel && s.rel != 0;
    if (s.has_rel) dir = s.rel;
    year = a.year;
    if (dir < 0) {
      year = a.year + 1;
      while (begins(year) > now || (exclude_current && now < begins(year) + 3)) --year;
    } else if (dir > 0) {
      year = a.year - 1;
      while (begins(year) + 3 <= now || (exclude_current && begins(year) <= now)) ++year;
    } else if (start == 11 && a.month <= 2) {
      year = a.year - 1;
    }
  }
  return FormatYear(year) + "-" + s.season;
}

std::string Resolver::Quarter(const Sem& s, const Date& a, int dir) {
  int year = s.year ? s.year : a.year + (s.has_year_rel ? s.year_rel : 0);
  int q = s.quarter;
  if (q == 0 && s.has_rel && s.half == 0) {  // "the latest quarter", "the current quarter"
    int cur = a.year * 4 + QuarterOf(a.month) - 1 + (s.rel < 0 ? -1 : 0);
    // "the fiscal second quarter ... the latest period": a quarter just
    // mentioned that is already over is the latest one.
    if (s.rel < 0 && last_q_ != 0 && near_q_ && last_q_year_ * 4 + last_q_ - 1 < cur) {
      cur = last_q_year_ * 4 + last_q_ - 1;
    }
    year = cur / 4, q = cur % 4 + 1;
    if (s.relative) year += s.shift;
    else NoteQuarter(year, q);
    return FormatQuarter(year, q);
  }
  if (q == 0 && s.year != 0 && s.same_period && last_q_ != 0) {  // "the 1988 period"
    return months_after_q_ ? FormatYear(s.year) : FormatQuarter(s.year, last_q_);
  }
  if (q == 0 && s.half == 0 && s.relative && months_after_q_) {  // "the year-earlier period"
    return FormatYear(a.year + s.shift);
  }
  if (s.half) return FormatYear(year + (s.relative ? s.shift : 0)) + "-H" + std::to_string(s.half);
  if (q == 0) {
    if (s.relative && s.shift < 0 && past_q_ != 0) {
      // "the year-ago period" after "the third quarter of 1990": a year
      // before the last quarter already under way, not before a future one.
      year = past_q_year_, q = past_q_;
    } else if (s.ended_quarter != 0 && last_q_ == 0) {
      // "the quarter ended July 31" with no quarter named before: the quarter
      // those three months fill, the latest one not after the anchor's.
      q = s.ended_quarter;
      if (q > QuarterOf(a.month)) year -= 1;
    } else if (last_q_ != 0) {
      year = last_q_year_, q = last_q_;
    } else {
      int cur = a.year * 4 + QuarterOf(a.month) - 1 - 1;  // the quarter before the DCT's
      year = cur / 4, q = cur % 4 + 1;
    }
  } else if (s.year == 0 && (a.year * 4 + QuarterOf(a.month)) < (a.year * 4 + q) && dir < 0 &&
             q - QuarterOf(a.month) >= 2) {
    year -= 1;
  }
  if (!s.relative && !s.indefinite) NoteQuarter(year, q);
  if (s.relative) year += s.shift;
  return FormatQuarter(year, q);
}

void Resolver::NoteQuarter(int year, int q) {
  last_q_year_ = year, last_q_ = q;
  months_after_q_ = false;
  if (!dct_ || year * 4 + q < dct_->year * 4 + QuarterOf(dct_->month)) {
    past_q_year_ = year, past_q_ = q;
  }
}

std::string Resolver::Holiday(const Sem& s, const Date& a, int dir) {
  const HolidayRule& r = *s.holiday;
  std::optional<Date> d = HolidayDate(r, s.year ? s.year : a.year);
  if (d && s.year == 0) {
    int64_t at = DaysFromCivil(a);
    auto in = [&r](int y) { return HolidayDate(r, y); };
    int64_t diff = DaysFromCivil(*d) - at;
    int y = a.year;
    if (s.has_rel) dir = s.rel;
    bool strict = s.has_rel && s.rel != 0;  // "last Christmas" is never today
    if (s.has_rel && s.rel == 0) dir = 2;   // "this Christmas": this year's
    int near = strict ? 0 : lex_.near();  // as for months: a cue moves only distant days
    if (dir < 0 && (diff > near || (strict && diff == 0))) y -= 1;
    if (dir > 0 && dir != 2 && (diff < -near || (strict && diff == 0))) y += 1;
    if (dir == 0 && diff > lex_.ahead()) y -= 1;
    if (dir == 0 && diff < -lex_.behind()) y += 1;
    d = in(y);
  }
  if (!d) return "";
  if (s.gran == Gran::kWeek) return FormatWeek(*d);  // "Easter week"
  return FormatDay(*d) + s.suffix;
}

std::string Resolver::Underspecified(const Sem& s) const {
  char buf[32];
  if (s.month && s.day) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", s.month, s.day);
    return buf + s.suffix;
  }
  if (s.weekday) return "XXXX-WXX-" + std::to_string(s.weekday) + s.suffix;
  if (s.month) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d", s.month);
    return buf;
  }
  if (!s.season.empty()) return "XXXX-" + s.season;
  if (s.quarter) return "XXXX-Q" + std::to_string(s.quarter);
  if (s.relative && s.gran == Gran::kDay && s.shift == 0) return "PRESENT_REF";
  if (s.relative) return s.shift < 0 ? "PAST_REF" : s.shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
  return "";
}

std::optional<Date> Resolver::LastAt(Gran g) const {
  switch (g) {
    case Gran::kYear: case Gran::kDecade: case Gran::kCentury:
      if (last_year_) return Date{last_year_, 1, 1};
      return std::nullopt;
    case Gran::kMonth: case Gran::kQuarter: case Gran::kHalf: case Gran::kSeason:
      return last_month_;
    default: return last_day_;
  }
}

void Resolver::Note(const std::string& v) {
  auto digits = [&v](size_t b, size_t n) {
    if (v.size() < b + n) return -1;
    int x = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  int y = digits(0, 4);
  if (y < 1000 || (v.size() > 4 && v[4] != '-')) return;
  int mo = v.size() >= 7 ? digits(5, 2) : -1;
  int d = v.size() >= 10 ? digits(8, 2) : -1;
  size_t len = d > 0 ? 10 : mo > 0 ? 7 : 4;
  if (v.size() != len) return;  // weeks, quarters, seasons, times: no new anchor
  last_year_ = y;
  last_gran_ = Gran::kYear;
  if (mo >= 1 && mo <= 12) last_month_ = Date{y, mo, 1}, last_gran_ = Gran::kMonth;
  if (d > 0 && IsValidDate(y, mo, d)) last_day_ = Date{y, mo, d}, last_gran_ = Gran::kDay;
}

std::string Resolver::WithinLast(const Sem& s) const {
  if (s.gran != Gran::kDay && s.gran != Gran::kMonth) return "";
  if (last_gran_ == Gran::kMonth && s.gran == Gran::kDay) {
    return FormatMonth(last_month_->year, last_month_->month) + "-XX";
  }
  if (last_gran_ == Gran::kYear) {
    return FormatYear(last_year_) + (s.gran == Gran::kDay ? "-XX-XX" : "-XX");
  }
  return "";
}

std::string Resolver::Resolve(const Mention& m, std::string* type) {
  std::string v = ResolveValue(m, type);
  // Days always become the next anchor ("the next day", "a day later");
  // years and months only when named ("in 1995 ... the following year",
  // "in March ... the following month"), so that comparisons ("a year ago
  // ... a year earlier") do not chain.
  bool written = m.sem.year != 0 || m.sem.month != 0 || !m.sem.literal.empty();
  if (v.size() >= 10 || written) Note(v);
  return v;
}

std::string Resolver::ResolveValue(const Mention& m, std::string* type) {
  const Sem& s = m.sem;
  *type = s.type;
  // "For the nine months, ... a year earlier": after a longer period than
  // the quarter, comparisons are to the year, not to a quarter.
  if (s.literal == "P9M" || s.literal == "P6M") months_after_q_ = true;
  if (!s.literal.empty() && s.cls != "quarter") {
    if (s.year && s.month && s.day) Note(FormatDay(Date{s.year, s.month, s.day}));
    return s.literal;
  }
  if (!s.literal.empty()) return s.literal;
  if (s.has_year_rel && s.month && dct_) {  // "June last year"
    return FormatMonth(dct_->year + s.year_rel, s.month);
  }
  if (s.year && s.month && s.day) {
    if (s.gran == Gran::kWeek) return FormatWeek(Date{s.year, s.month, s.day});
    return FormatDay(Date{s.year, s.month, s.day}) + s.suffix;
  }
  if (s.holiday && s.year) return Holiday(s, Date{s.year, 1, 1}, 0);
  AnchorRule rule = lex_.Rule(s.cls);
  std::optional<Date> anchor = dct_;
  if (rule.anchor == "last") {
    // "that day" right after "last October": a day of that month.
    if (s.cls == "that" && s.suffix.empty()) {
      if (std::string v = WithinLast(s); !v.empty()) return v;
    }
    if (std::optional<Date> last = LastAt(s.gran)) anchor = last;
  }
  if (!anchor) {
    if (s.year && s.month) return FormatMonth(s.year, s.month);
    return Underspecified(s);
  }
  int dir = Direction(m, rule);
  if (s.cls == "quarter") {
    near_q_ = m.tok_begin - last_q_tok_ <= lex_.quarter_reach();
    last_q_tok_ = m.tok_end;
    return Quarter(s, *anchor, dir);
  }
  if (s.relative && s.gran == Gran::kYear && s.same_period && months_after_q_ && dct_) {
    return FormatYear(dct_->year + s.shift);  // "year-earlier" after "the nine months"
  }
  if (s.relative && s.gran == Gran::kYear && s.shift != 0 && last_q_ != 0 && !months_after_q_ &&
      (s.same_period || m.tok_begin - last_q_tok_ <= lex_.quarter_reach()) &&
      (s.same_period || s.cls == "shift" || s.cls == "ago")) {
    return FormatQuarter(last_q_year_ + s.shift, last_q_);
  }
  // "This quarter's loss" right after the results of a quarter already over:
  // that quarter.
  if (s.relative && s.gran == Gran::kQuarter && s.shift == 0 && s.cls == "relative" &&
      past_q_ != 0 && past_q_ == last_q_ && past_q_year_ == last_q_year_ &&
      m.tok_begin - last_q_tok_ <= lex_.quarter_reach() && m.tok_begin > 0 &&
      scan_.toks[m.tok_begin].lower == "this") {
    return FormatQuarter(past_q_year_, past_q_);
  }
  if (s.relative) return Relative(s, *anchor);
  if (s.holiday) return Holiday(s, *anchor, dir);
  if (s.month && s.day && s.gran == Gran::kWeek) {  // "the week of March 6"
    std::optional<Date> d = ParseIsoDay(MonthDay(s, *anchor, dir));
    return d ? FormatWeek(*d) : "";
  }
  // "the quarter ended Oct. 31": a period that has ended, so the latest such
  // day not after the anchor (never one ahead of it).
  if (s.month && s.day && s.year == 0 && m.tok_begin > 0 &&
      scan_.toks[m.tok_begin - 1].lower == "ended") {
    int y = anchor->year;
    if (IsValidDate(y, s.month, s.day) &&
        DaysFromCivil(Date{y, s.month, s.day}) > DaysFromCivil(*anchor)) {
      --y;
    }
    if (IsValidDate(y, s.month, s.day)) return FormatDay(Date{y, s.month, s.day}) + s.suffix;
  }
  if (s.month && s.day) return MonthDay(s, *anchor, dir);
  if (s.weekday) return Weekday(s, *anchor, dir);
  if (s.month) return Month(s, *anchor, dir);
  if (!s.season.empty()) return Season(s, *anchor, dir);
  return "";
}

}  // namespace dateline::timex
