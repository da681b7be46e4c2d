// Pattern families for relative expressions ("last week", "earlier this
// month", "the next day"), quantities and durations ("two days", "a year
// ago", "the past three months"), quarters and fiscal periods, sets ("every
// Monday", "weekly") and reference words ("now", "recently").
#include <cmath>
#include <cstdio>

#include "annotate/time_grammar.h"
#include "annotate/time_matcher.h"

namespace dateline::timex {
namespace {

Gran UnitGran(const std::string& u) {
  if (u == "D") return Gran::kDay;
  if (u == "W") return Gran::kWeek;
  if (u == "WE") return Gran::kWeekend;
  if (u == "M") return Gran::kMonth;
  if (u == "Q") return Gran::kQuarter;
  if (u == "Y") return Gran::kYear;
  if (u == "DE") return Gran::kDecade;
  if (u == "CE") return Gran::kCentury;
  return Gran::kTime;
}

bool Plural(std::string_view w) { return !w.empty() && w.back() == 's'; }

// TIMEX3 duration value for n units ("P3Y", "PT30H", "PXW").
std::string Duration(double n, const std::string& unit) {
  std::string num;
  std::string u = unit;
  bool time = unit == "HR" || unit == "MI" || unit == "S";
  if (unit == "HR") u = "H";
  if (unit == "MI") u = "M";
  if (unit == "WE") u = "WE";
  if (unit == "DE") n = n < 0 ? n : n * 10, u = "Y";
  if (unit == "CE") n = n < 0 ? n : n * 100, u = "Y";
  if (n < 0) {
    num = "X";
    if (unit == "DE") u = "DE";
    if (unit == "CE") u = "CE";
  } else if (n == std::floor(n)) {
    num = std::to_string(static_cast<long long>(n));
  } else if (n - std::floor(n) == 0.5 &&
             (unit == "Y" || unit == "D" || unit == "HR" || unit == "MI")) {
    // Halves as the next smaller unit: 2 1/2 years = P2Y6M, a minute and a half = PT1M30S.
    std::string whole = n >= 1 ? std::to_string(static_cast<int>(n)) : "";
    if (unit == "Y") return "P" + (whole.empty() ? "" : whole + "Y") + "6M";
    if (unit == "D") return "P" + (whole.empty() ? "" : whole + "D") + "T12H";
    if (unit == "HR") return "PT" + (whole.empty() ? "" : whole + "H") + "30M";
    return "PT" + (whole.empty() ? "" : whole + "M") + "30S";
  } else {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%g", n);
    num = buf;
  }
  return std::string(time ? "PT" : "P") + num + u;
}

Sem RefSem(const std::string& value) {
  Sem s;
  s.literal = value;
  return s;
}

}  // namespace

std::optional<Match> Matcher::Relative(size_t i) const {
  // Deictic days: today, yesterday, tomorrow, tonight.
  if (Has(i, kDeictic)) {
    // "today's world", "for today's youth", "the people of tomorrow": the
    // present age, not a day.
    if (Punct(i + 1, '\'') && Is(i + 2, "s") && Has(i + 3, kGeneric)) return std::nullopt;
    if (Is(i, "tomorrow") && i >= 3 && Is(i - 1, "of") && Is(i - 3, "the")) return std::nullopt;
    Match m{i + 1, Sem{}};
    m.sem.cls = "deictic";
    m.sem.relative = true;
    m.sem.gran = Gran::kDay;
    m.sem.shift = Lex(i).deictic;
    if (Is(i, "tonight")) m.sem.suffix = "TNI", m.sem.type = "TIME";
    return m;
  }
  // "year-end", "year end", "year's end": a point in the anchor's year.
  if (Is(i, "year")) {
    size_t e = Hyphen(i + 1) ? i + 2 : Punct(i + 1, '\'') && Is(i + 2, "s") ? i + 3 : i + 1;
    if (Is(e, "end") && !Hyphen(e + 1)) {
      Match m{e + 1, Sem{}};
      m.sem.relative = true, m.sem.gran = Gran::kYear, m.sem.cls = "relative";
      return m;
    }
  }
  if (std::optional<Match> d = Discourse(i)) return d;
  size_t j = i;
  bool the = Is(j, "the");
  if (the) ++j;
  if (the && Is(j, "full") && Is(j + 1, "year")) {  // "the full year": this year
    Match m{j + 2, Sem{}};
    m.sem.relative = true, m.sem.gran = Gran::kYear, m.sem.cls = "relative";
    return m;
  }
  size_t y = the && Is(j, "fiscal") ? j + 1 : j;
  if (the && Is(y, "year") && !Hyphen(y + 1) && !Is(y + 1, "before") && !Is(y + 1, "after") &&
      !Is(y + 1, "earlier")) {
    Match m{y + 1, Sem{}};
    if (Is(y + 1, "ended") || Is(y + 1, "ending")) {
      // "the year ended March 31": twelve months to that date (6 of 7 in TimeBank).
      m.sem.type = "DURATION";
      m.sem.literal = "P1Y";
    } else {
      // "for the year", "the first nine months of the year": the anchor's year.
      m.sem.relative = true, m.sem.gran = Gran::kYear, m.sem.cls = "relative";
    }
    return m;
  }
  if (the && (Is(j, "week") || Is(j, "weekend")) && !Hyphen(j + 1) &&
      !Is(j + 1, "before") && !Is(j + 1, "after") && !Is(j + 1, "earlier")) {
    Match m{j + 1, Sem{}};
    m.sem.cls = Is(j, "weekend") ? "weekend" : "relative";
    m.sem.relative = true;
    m.sem.gran = Is(j, "year") ? Gran::kYear : Is(j, "week") ? Gran::kWeek : Gran::kWeekend;
    return m;
  }
  if (the && Has(j, kSeason) && !Year(j + 1)) {
    Match m{j + 1, Sem{}};
    m.sem.season = Lex(j).season;
    m.sem.cls = "season";
    if (Is(j + 1, "of") && Year(j + 2)) m.sem.year = Value(j + 2), m.end = j + 3;
    if (Is(j + 1, "of") && !Year(j + 2)) {
      if (std::optional<Match> y = SpelledYear(j + 2)) m.sem.year = y->sem.year, m.end = y->end;
    }
    return m;
  }
  if (!Has(j, kRel)) return std::nullopt;
  // ABC's "This Week": a title in quotes, not a time.
  if (!the && Cap(j) && Cap(j + 1) && j > 0 && QuoteMark(j - 1)) return std::nullopt;
  int rel = Lex(j).rel;
  std::string_view relw = t_[j].lower;
  size_t k = j + 1;
  if (!the && rel < 0 && Is(k, "night")) {  // "last night"
    Match m{k + 1, Sem{}};
    m.sem.type = "TIME";
    m.sem.cls = "deictic";
    m.sem.relative = true;
    m.sem.gran = Gran::kDay;
    m.sem.shift = -1;
    m.sem.suffix = "TNI";
    return m;
  }
  if (Is(k, "fiscal") && (Is(k + 1, "year") || Is(k + 1, "quarter"))) ++k;
  if (Has(k, kPod) && !the && rel == 0) {  // "this morning"
    Match m{k + 1, Sem{}};
    m.sem.type = "TIME";
    m.sem.cls = "deictic";
    m.sem.relative = true;
    m.sem.gran = Gran::kDay;
    m.sem.suffix = "T" + Lex(k).pod;
    return m;
  }
  Sem s;
  s.has_rel = true;
  s.rel = rel;
  if (Has(k, kWeekday) && Cap(k) && (!the || rel != 0)) {
    s.weekday = Lex(k).weekday;
    // "the previous Friday", "the following Monday": next to the last
    // mentioned day, not to the DCT.
    s.cls = the ? "weekday_shift" : "weekday";
    return Match{k + 1, s};
  }
  if (MonthAt(k) && !the) {
    // "last Oct. 23": the written date stands alone; "last" is a past cue.
    if (std::optional<Match> d = WrittenDate(k); d && d->sem.day != 0) return std::nullopt;
    s.month = Lex(k).month;
    s.cls = "month";
    return Match{k + 1, s};
  }
  if (Has(k, kSeason) && !the) {
    s.season = Lex(k).season;
    s.cls = "season";
    return Match{k + 1, s};
  }
  if (Has(k, kHoliday) && !the) {  // "last Thanksgiving"
    std::optional<Match> h = Holiday(k);
    if (h && h->sem.year == 0) {
      s.holiday = h->sem.holiday;
      s.cls = "holiday";
      return Match{h->end, s};
    }
  }
  if (!Has(k, kUnit) || Plural(t_[k].lower)) return std::nullopt;
  const std::string& unit = Lex(k).unit;
  Gran g = UnitGran(unit);
  if (g == Gran::kTime) return std::nullopt;
  if (the) {
    // "the past year" is a duration; "the next day" moves from the last date.
    if ((relw == "past" || relw == "last") && g == Gran::kYear) {
      // "the past year": TimeBank reads the calendar year before the anchor.
      s.relative = true, s.gran = g, s.shift = -1, s.cls = "relative";
      return Match{k + 1, s};
    }
    if (relw == "past" || relw == "last") {
      Match m{k + 1, Sem{}};
      m.sem.type = "DURATION";
      m.sem.literal = Duration(1, unit);
      return m;
    }
    if (relw == "current" || relw == "this") {
      s.relative = true, s.gran = g, s.shift = 0, s.cls = "relative";
      return Match{k + 1, s};
    }
    if (g == Gran::kQuarter) return std::nullopt;
    s.relative = true, s.gran = g, s.shift = rel, s.cls = "shift";
    return Match{k + 1, s};
  }
  if (relw == "past" || relw == "following" || relw == "preceding" || relw == "prior") {
    return std::nullopt;
  }
  s.relative = true, s.gran = g, s.shift = rel, s.cls = "relative";
  return Match{k + 1, s};
}

std::optional<Match> Matcher::Discourse(size_t i) const {
  // "that year", "that same day", "the same month", "that night": the period
  // of the last date mentioned (class "that" in data/time/anchoring.tsv).
  bool that = Is(i, "that");
  if (!that && !(Is(i, "the") && Is(i + 1, "same"))) return std::nullopt;
  size_t k = i + 1;
  if (Is(k, "same")) ++k;
  if (!Ok(k) || Hyphen(k + 1) || Punct(k + 1, '\'')) return std::nullopt;
  Sem s;
  s.cls = "that";
  s.relative = true;
  if (Has(k, kPod)) {
    s.gran = Gran::kDay;
    s.type = "TIME";
    s.suffix = "T" + Lex(k).pod;
    return Match{k + 1, s};
  }
  if (!Has(k, kUnit) || Plural(t_[k].lower)) return std::nullopt;
  Gran g = UnitGran(Lex(k).unit);
  if (g == Gran::kQuarter) {  // "that quarter": the last mentioned quarter
    s = Sem{};
    s.cls = "quarter";
    s.same_period = true;
    return Match{k + 1, s};
  }
  if (g != Gran::kDay && g != Gran::kWeek && g != Gran::kMonth && g != Gran::kYear) {
    return std::nullopt;
  }
  s.gran = g;
  return Match{k + 1, s};
}

std::optional<Match> Matcher::Quantity(size_t i) const {
  size_t j = i;
  bool the = Is(j, "the");
  if (the) ++j;
  bool span_rel = false;  // "the past", "the next", "the first", "the last"
  if (Has(j, kRel) || Is(j, "first") || Is(j, "final")) {
    if (Is(j, "this")) return std::nullopt;
    span_rel = true;
    ++j;
  } else if (Is(j, "recent") || Is(j, "coming")) {
    span_rel = true;
    ++j;
  }
  double n = 1;
  size_t k = Number(j, &n);
  bool has_num = k != 0;
  if (!has_num) k = j;
  // "20 more years", "an additional year", "two extra days".
  if (has_num && (Is(k, "more") || Is(k, "additional") || Is(k, "extra") || Is(k, "further")) &&
      Has(k + 1, kUnit)) {
    ++k;
  }
  bool hyphen = Hyphen(k);
  if (hyphen) ++k;  // "five-year"
  if (!Has(k, kUnit)) return std::nullopt;
  // "last-minute", "the past-year": an adjective, not a period.
  if (hyphen && !has_num) return std::nullopt;
  // "a quarter of the market", "more than a quarter of": a fraction.
  if (Is(j, "a") && Is(k, "quarter") && Is(k + 1, "of")) return std::nullopt;
  // "year-earlier", "year-ago": a quarter expression, not a quantity.
  if (Hyphen(k + 1) && (Is(k + 2, "earlier") || Is(k + 2, "ago"))) return std::nullopt;
  // "second quarter": an ordinal, not a unit.
  if (Has(k, kOrdinal) && (Is(k + 1, "quarter") || Is(k + 1, "half"))) return std::nullopt;
  // "a second betrayal", "a second group": an ordinal before a noun, not one second.
  if ((Is(j, "a") || Is(j, "the")) && Is(k, "second") && k + 1 < t_.size() &&
      t_[k + 1].kind == 'a' && !Has(k + 1, kDir) && !Is(k + 1, "after") &&
      !Is(k + 1, "before") && !Is(k + 1, "or") && !Is(k + 1, "and") && !Is(k + 1, "of")) {
    return std::nullopt;
  }
  std::string unit = Lex(k).unit;
  bool plural = Plural(t_[k].lower);
  bool day_next_to = !has_num && !span_rel && the && unit == "D" && !plural &&
                     (Is(k + 1, "after") || Is(k + 1, "before"));  // "the day after"
  if (!has_num && !span_rel && !day_next_to) {
    if (!plural || the) return std::nullopt;
    // Bare plural unit: only after "for", "in", "over" ("for years").
    if (i == 0 || !(Is(i - 1, "for") || Is(i - 1, "over") || Is(i - 1, "in") ||
                    Is(i - 1, "within"))) {
      return std::nullopt;
    }
    n = -1;
  }
  if (!has_num && span_rel) {
    if (!plural && !the) return std::nullopt;
    if (plural) n = -1;
  }
  if (has_num && n == 1 && plural && !Digits(j)) return std::nullopt;
  if (unit == "Q" && plural && k > 0 && Hyphen(k - 1)) return std::nullopt;  // "three-quarters"
  // Rates ("four flights a week", "358,000 a month") are not time expressions.
  if ((Is(j, "a") || Is(j, "an")) && !plural && !the && !span_rel && i > 0 &&
      !Has(k + 1, kDir) && !Is(k + 1, "after") && !Is(k + 1, "before")) {
    const TTok& prev = t_[i - 1];
    bool plural_noun = prev.kind == 'a' && prev.lower.size() > 3 && prev.lower.back() == 's' &&
                       prev.lower != "was" && prev.lower != "has" && prev.lower != "this";
    if (prev.kind == 'd' || plural_noun || prev.lower == "%" || prev.lower == "percent") {
      return std::nullopt;
    }
  }
  // "he one day follow": an indefinite time after a subject pronoun.
  if (Is(j, "one") && unit == "D" && !plural && i > 0 &&
      (Is(i - 1, "he") || Is(i - 1, "she") || Is(i - 1, "they") || Is(i - 1, "we") ||
       Is(i - 1, "i"))) {
    return std::nullopt;
  }
  // "will one day be": an indefinite future.
  if (Is(j, "one") && unit == "D" && !plural && i > 0 &&
      (Is(i - 1, "will") || Is(i - 1, "could") || Is(i - 1, "might") || Is(i - 1, "may") ||
       Is(i - 1, "would") || Is(i - 1, "can"))) {
    Match m{k + 1, Sem{}};
    m.sem.literal = "FUTURE_REF";
    return m;
  }
  if (has_num && Digits(j) && n >= 1000 && !plural) return std::nullopt;  // "the 1988 quarter"
  size_t e = k + 1;
  if (Is(e, "or") && Is(e + 1, "so")) e += 2;  // "a week or so ago"
  if (Is(e, "and") && Is(e + 1, "a") && Is(e + 2, "half") && n > 0 && !plural) {
    n += 0.5;  // "a minute and a half"
    e += 3;
  }
  Match m{e, Sem{}};
  // "a year ago", "two days later", "three weeks earlier"
  if (!span_rel && Has(e, kDir) && !Is(e, "after") && !Is(e, "before") && !the) {
    int dir = Lex(e).dir;
    // "three days later", "a few days later": TimeML tags the duration and
    // leaves "later" out as a signal (4 of 4 in TimeBank and AQUAINT).
    if (Is(e, "later")) {
      m.sem.type = "DURATION";
      m.sem.literal = Duration(n, unit);
      return m;
    }
    // "A day earlier" is tagged whole as a duration (1 of 1); "a year
    // earlier" stays a point in time (24 of 24, compared results).
    if (Is(e, "earlier") && unit == "D" && n > 0) {
      m.end = e + 1;
      m.sem.type = "DURATION";
      m.sem.literal = Duration(n, unit);
      return m;
    }
    m.end = e + 1;
    if (Is(e, "earlier") || Is(e, "later")) {
      m.sem.cls = "shift";
    } else {
      m.sem.cls = "ago";
    }
    if (n < 0) {
      m.sem.literal = dir < 0 ? "PAST_REF" : "FUTURE_REF";
      return m;
    }
    Gran g = UnitGran(unit);
    if (g == Gran::kTime) {
      m.sem.type = "DURATION";
      m.sem.literal = Duration(n, unit);
      m.end = e;
      return m;
    }
    m.sem.relative = true;
    m.sem.gran = g;
    m.sem.shift = dir * static_cast<int>(n);
    if (g == Gran::kDecade) m.sem.gran = Gran::kYear, m.sem.shift *= 10;
    if (g == Gran::kCentury) m.sem.gran = Gran::kYear, m.sem.shift *= 100;
    return m;
  }
  // "a day after", "the day before": the day next to the last mentioned date.
  if (unit == "D" && n == 1 && !plural && (Is(e, "after") || Is(e, "before")) &&
      (!span_rel || the)) {
    m.sem.cls = "shift";
    m.sem.relative = true;
    m.sem.gran = Gran::kDay;
    m.sem.shift = Is(e, "after") ? 1 : -1;
    return m;
  }
  if (Is(e, "from") && Is(e + 1, "now") && n > 0) {
    m.end = e + 2;
    m.sem.cls = "ago";
    m.sem.relative = true;
    m.sem.gran = UnitGran(unit);
    m.sem.shift = static_cast<int>(n);
    return m;
  }
  // Ages ("a six-year-old", "44 years old") are not time expressions.
  if ((Hyphen(e) && Is(e + 1, "old")) || Is(e, "old")) return std::nullopt;
  m.sem.type = "DURATION";
  m.sem.literal = Duration(n, unit);
  return m;
}

std::optional<Match> Matcher::Quarter(size_t i) const {
  size_t j = i;
  bool the = Is(j, "the");
  if (the) ++j;
  Sem s;
  s.cls = "quarter";
  // "the comparable year-ago quarter", "the corresponding period last year"
  bool comparable = the && (Is(j, "comparable") || Is(j, "corresponding"));
  if (comparable) ++j;
  comparable = comparable || (the && Is(j, "same"));
  // "the same period last year", "the corresponding quarter a year ago"
  auto year_back_after = [this](size_t e) -> size_t {
    if ((Is(e, "a") || Is(e, "one")) && Is(e + 1, "year") &&
        (Is(e + 2, "ago") || Is(e + 2, "earlier"))) {
      return 3;
    }
    if (Is(e, "last") && Is(e + 1, "year") && !Punct(e + 2, '\'')) return 2;
    return 0;
  };
  // "fiscal 1989"
  if (Is(j, "fiscal") && Year(j + 1)) {
    s.literal = std::to_string(Value(j + 1));
    return Match{j + 2, s};
  }
  // "this year's third quarter", "the 1988 second quarter", "1989's".
  if ((Is(j, "this") || Is(j, "last") || Is(j, "next")) && Is(j + 1, "year") &&
      Punct(j + 2, '\'') && Is(j + 3, "s") && !the) {
    s.has_year_rel = true;
    s.year_rel = Lex(j).rel;
    j += 4;
  } else if (Year(j) && (Has(j + 1, kOrdinal) || Is(j + 1, "fiscal") || Is(j + 1, "period") ||
                         Is(j + 1, "quarter"))) {
    s.year = Value(j);
    ++j;
  }
  if (Is(j, "fiscal")) ++j;
  // "year-earlier", "year-ago"
  bool year_back = false;
  if (Is(j, "year") && Hyphen(j + 1) && (Is(j + 2, "earlier") || Is(j + 2, "ago"))) {
    year_back = true;
    j += 3;
  }
  int ord = 0;
  if (Has(j, kOrdinal) && Lex(j).ordinal > 0) {
    // "after a flat second quarter": an indefinite article before an adjective.
    s.indefinite = j == i && i >= 2 && (Is(i - 2, "a") || Is(i - 2, "an")) &&
                   t_[i - 1].kind == 'a' && !Has(i - 1, kOrdinal);
    ord = Lex(j).ordinal;
    ++j;
  } else if (the && Is(j, "last") && Is(j + 1, "half") && Is(j + 2, "of") && Year(j + 3)) {
    ord = 2;  // "the last half of 1989": the second half
    ++j;
  } else if (NDigits(j) == 1 && (Is(j + 1, "st") || Is(j + 1, "nd") || Is(j + 1, "rd") ||
                                 Is(j + 1, "th"))) {
    ord = Value(j);
    j += 2;
  } else if (Is(j, "latest") || Is(j, "same") || Is(j, "current") || Is(j, "most")) {
    if (!Is(j, "same")) s.has_rel = true, s.rel = Is(j, "current") ? 0 : -1;
    if (Is(j, "most") && Is(j + 1, "recent")) ++j;
    ++j;
  }
  if (Hyphen(j)) ++j;
  if (Is(j, "fiscal")) ++j;
  bool quarter = Is(j, "quarter");
  if (quarter && Hyphen(j + 1) && Is(j + 2, "to")) return std::nullopt;  // "quarter-to-quarter"
  bool half = Is(j, "half") && ord > 0 && ord <= 2;
  bool period = Is(j, "period") && (year_back || Is(j - 1, "latest") || s.year != 0 ||
                                    (comparable && year_back_after(j + 1) != 0));
  if (quarter && s.year != 0 && ord == 0) period = true, quarter = false;
  if (!quarter && !half && !period) {
    if (year_back && j == i + 3 + (the ? 1 : 0)) {  // bare "year-earlier"
      s.relative = true, s.gran = Gran::kYear, s.shift = -1, s.cls = "shift";
      s.same_period = true;
      return Match{j, s};
    }
    return std::nullopt;
  }
  if (quarter && ord > 4) return std::nullopt;
  s.quarter = quarter ? ord : 0;
  s.half = half ? ord : 0;
  s.same_period = ord == 0;
  if (period && s.year != 0 && !year_back) s.same_period = true;
  if (year_back) s.relative = true, s.gran = Gran::kYear, s.shift = -1;
  if (!the && ord == 0 && !year_back && !Is(i, "latest") && !Is(i, "current")) {
    return std::nullopt;  // bare "quarter"
  }
  size_t e = j + 1;
  // "the third quarter of 1989", "1989's": year given
  if (Is(e, "of") && Year(e + 1)) s.year = Value(e + 1), e += 2;
  // "the quarter ended July 31": the three months up to that day.
  if (ord == 0 && quarter && !year_back && Is(e, "ended")) {
    std::optional<Match> d = WrittenDate(e + 1);
    if (d && d->sem.month != 0 && d->sem.day != 0) {
      int mid = d->sem.month - (d->sem.day >= 15 ? 1 : 2);  // the middle month
      if (mid < 1) mid += 12;
      s.ended_quarter = (mid - 1) / 3 + 1;
    }
  }
  // "the quarter a year ago", "the third quarter a year earlier": one period.
  size_t back = year_back_after(e);
  if (!year_back && s.year == 0 && !s.has_rel && back != 0 && (comparable || !Is(e, "last"))) {
    s.relative = true, s.gran = Gran::kYear, s.shift = -1;
    e += back;
  }
  return Match{e, s};
}

std::optional<Match> Matcher::SetExpr(size_t i) const {
  if (Has(i, kSet)) {
    // "the average daily volume": a statistic, not a recurrence (2 of 3 in
    // TimeBank; "average hourly earnings" is tagged).
    if (i > 0 && Is(i - 1, "average")) return std::nullopt;
    Match m{i + 1, Sem{}};
    m.sem.type = "SET";
    m.sem.literal = Lex(i).set;
    return m;
  }
  if (Is(i, "every") || Is(i, "each") || Is(i, "per")) {
    size_t j = i + 1;
    if (Is(j, "other")) ++j;
    double n = 1;
    size_t k = Number(j, &n);
    if (k == 0 || Is(j, "a")) k = j, n = 1;
    // "instructions per second", "$5 per hour": a rate, not a recurring time.
    if (Is(i, "per") && k == j) return std::nullopt;
    Match m{k + 1, Sem{}};
    m.sem.type = "SET";
    if (Has(k, kWeekday) && Cap(k)) {
      m.sem.literal = "XXXX-WXX-" + std::to_string(Lex(k).weekday);
      return m;
    }
    if (MonthAt(k)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", Lex(k).month);
      m.sem.literal = buf;
      return m;
    }
    if (!Has(k, kUnit) || n < 0) return std::nullopt;
    if (Is(j, "other")) n *= 2;
    m.sem.literal = Duration(n, Lex(k).unit);
    return m;
  }
  return std::nullopt;
}

std::optional<Match> Matcher::Holiday(size_t i) const {
  if (!Has(i, kHoliday) || !Cap(i)) return std::nullopt;
  for (const HolidayRule& r : Lex(i).holidays) {  // longest names first
    size_t k = 1;
    for (; k < r.words.size(); ++k) {
      const std::string& w = r.words[k];
      bool apostrophe = w == "'" && (Punct(i + k, '\'') || Is(i + k, "\xE2\x80\x99"));
      if (!apostrophe && !Is(i + k, w)) break;
    }
    if (k < r.words.size()) continue;
    Match m{i + k, Sem{}};
    m.sem.holiday = &r;
    m.sem.cls = "holiday";
    if (Is(m.end, "week") && !Hyphen(m.end + 1)) m.sem.gran = Gran::kWeek, ++m.end;
    if (Punct(m.end, ',') && Year(m.end + 1)) ++m.end;
    if (Year(m.end)) m.sem.year = Value(m.end++);
    return m;
  }
  return std::nullopt;
}

std::optional<Match> Matcher::Reference(size_t i) const {
  if (Is(i, "the") && Is(i + 1, "past") && !Has(i + 2, kUnit) && !Has(i + 2, kNumber)) {
    return Match{i + 2, RefSem("PAST_REF")};
  }
  // "the near future", "the near term", "the short term": what is coming.
  if (Is(i, "the") && (Is(i + 1, "near") || Is(i + 1, "short")) &&
      (Is(i + 2, "future") || (Is(i + 2, "term") && !Hyphen(i + 3)))) {
    return Match{i + 3, RefSem("FUTURE_REF")};
  }
  // "the future of our peoples", "an approach to the future": the abstract future.
  if (Is(i, "the") && Is(i + 1, "future") && (Is(i + 2, "of") || (i > 0 && Is(i - 1, "to")))) {
    return std::nullopt;
  }
  if (Is(i, "the") && (Is(i + 1, "future") || Is(i + 1, "present"))) {
    return Match{i + 2, RefSem(Is(i + 1, "future") ? "FUTURE_REF" : "PRESENT_REF")};
  }
  if (Is(i, "these") && Is(i + 1, "days")) return Match{i + 2, RefSem("PRESENT_REF")};
  if (Is(i, "right") && Is(i + 1, "now")) return Match{i + 2, RefSem("PRESENT_REF")};
  if (!Has(i, kRef)) return std::nullopt;
  if (Has(i + 1, kUnit)) return std::nullopt;  // "current quarter", "recent years"
  // "soon" is a time when it tells of what is to come under a modal ("may
  // soon seek", "will be ready soon", "it soon will", "to soon grow"); not in
  // "as soon as", "soon after" or a past narrative ("was soon released").
  if (Is(i, "soon")) {
    bool modal = Is(i + 1, "will") || (i > 0 && Is(i - 1, "to"));
    for (size_t k = i; k > 0 && i - k < 4 && !modal; --k) {
      if (t_[k - 1].kind == 'p') break;
      modal = Is(k - 1, "will") || Is(k - 1, "may") || Is(k - 1, "might") || Is(k - 1, "could") ||
              Is(k - 1, "would") || Is(k - 1, "shall");
    }
    if (!modal || Is(i + 1, "as") || Is(i + 1, "after") || (i > 0 && Is(i - 1, "as"))) {
      return std::nullopt;
    }
  }
  return Match{i + 1, RefSem(Lex(i).ref)};
}

}  // namespace dateline::timex
