// Pattern families for absolute dates and clock times, the shared token
// helpers, and the left-to-right driver. Relative expressions, quantities,
// quarters and sets are in time_grammar_rel.cc.
#include "annotate/time_grammar.h"

#include "annotate/time_calendar.h"
#include "annotate/time_matcher.h"

namespace dateline::timex {

bool IsZone(std::string_view w) {
  return w == "est" || w == "edt" || w == "cst" || w == "cdt" || w == "pst" || w == "pdt" ||
         w == "mst" || w == "mdt" || w == "gmt" || w == "utc" || w == "et" || w == "bst" ||
         w == "cet";
}

size_t Matcher::Number(size_t i, double* v) const {
  if (Digits(i)) {
    // Not part of "1,000" or "3.5".
    if ((Punct(i + 1, ',') || Punct(i + 1, '.')) && Glued(i + 1) && Digits(i + 2) && Glued(i + 2)) {
      return 0;
    }
    if (Value(i) < 0) return 0;
    *v = Value(i);
    // "2 1/2"
    if (Value(i + 1) == 1 && Punct(i + 2, '/') && Glued(i + 2) && Value(i + 3) == 2 &&
        Glued(i + 3)) {
      *v += 0.5;
      return i + 4;
    }
    return i + 1;
  }
  if (Is(i, "a") && (Is(i + 1, "few") || Is(i + 1, "couple"))) {
    *v = Is(i + 1, "few") ? -1 : 2;
    return Is(i + 2, "of") ? i + 3 : i + 2;
  }
  if (Is(i, "couple") && Is(i + 1, "of")) {
    *v = 2;
    return i + 2;
  }
  if (!Has(i, kNumber)) return 0;
  double x = Lex(i).number;
  size_t j = i + 1;
  // "twenty four", "twenty-four", "one hundred"
  if (x >= 20 && x < 100 && static_cast<int>(x) % 10 == 0) {
    size_t k = Hyphen(j) ? j + 1 : j;
    if (Has(k, kNumber) && Lex(k).number >= 1 && Lex(k).number <= 9) {
      x += Lex(k).number;
      j = k + 1;
    }
  }
  if (x > 0 && x < 10 && Is(j, "hundred")) x *= 100, ++j;
  *v = x;
  return j;
}

bool Matcher::Year(size_t i) const {
  if (NDigits(i) != 4) return false;
  int y = Value(i);
  if (y < 1000 || y > 2999) return false;
  if (i > 0 && (Punct(i - 1, '$') || Punct(i - 1, '#')) && Glued(i)) return false;
  if ((Punct(i + 1, ',') || Punct(i + 1, '.')) && Glued(i + 1) && Digits(i + 2) && Glued(i + 2)) {
    return false;
  }
  if (Punct(i + 1, '%') || Is(i + 1, "percent")) return false;
  if (i > 0 && Glued(i) && (t_[i - 1].kind == 'a' || t_[i - 1].kind == 'd')) return false;
  return true;
}

size_t Matcher::Meridiem(size_t i, bool* pm) const {
  if (Is(i, "am") || Is(i, "pm")) {
    *pm = Is(i, "pm");
    return i + 1;
  }
  if ((Is(i, "a") || Is(i, "p")) && Punct(i + 1, '.') && Is(i + 2, "m") && Glued(i + 1) &&
      Glued(i + 2)) {
    *pm = Is(i, "p");
    // Final "." belongs to the abbreviation unless it ends the sentence.
    if (Punct(i + 3, '.') && Glued(i + 3) &&
        !(Ok(i + 4) && Cap(i + 4) && !Has(i + 4, kWeekday | kMonth) &&
          !IsZone(t_[i + 4].lower))) {
      return i + 4;
    }
    return i + 3;
  }
  return 0;
}

bool Matcher::MonthAt(size_t i) const {
  if (!Has(i, kMonth) || !Cap(i)) return false;
  size_t len = t_[i].end - t_[i].begin;
  bool abbrev = len <= 4 && !Is(i, "june") && !Is(i, "july") && !Is(i, "may");
  if (abbrev) {
    // "Aug." or "Aug 7": abbreviations need a dot or a following number.
    return (Punct(i + 1, '.') && Glued(i + 1)) || Digits(i + 1);
  }
  if (Is(i, "may") || Is(i, "march")) {
    if (Digits(i + 1) || Year(i + 1)) return true;
    if (i == 0) return false;
    std::string_view p = t_[i - 1].lower;
    return p == "in" || p == "of" || p == "since" || p == "until" || p == "by" || p == "from" ||
           p == "through" || p == "last" || p == "next" || p == "this" || p == "early" ||
           p == "late" || p == "mid" || p == "-" || p == "to" || p == "during" || p == "before" ||
           p == "after" || p == "between" || p == "and" || p == "till";
  }
  return true;
}

size_t Matcher::SkipAbbrevDot(size_t i, size_t after) const {
  size_t len = t_[i].end - t_[i].begin;
  if (len <= 4 && Punct(after, '.') && Glued(after)) return after + 1;
  return after;
}

namespace {

Sem DaySem(int y, int m, int d) {
  Sem s;
  s.year = y;
  s.month = m;
  s.day = d;
  s.cls = "month_day";
  return s;
}

// "08:30", "8:30:15": hour, minute; returns end token or 0.
size_t HourMinute(const Matcher& m, size_t i, int* h, int* mi) {
  if (!m.Digits(i) || m.NDigits(i) > 2 || !m.Punct(i + 1, ':') || !m.Glued(i + 1) ||
      m.NDigits(i + 2) != 2 || !m.Glued(i + 2)) {
    return 0;
  }
  *h = m.Value(i);
  *mi = m.Value(i + 2);
  if (*h > 24 || *mi > 59) return 0;
  size_t j = i + 3;
  if (m.Punct(j, ':') && m.Glued(j) && m.NDigits(j + 1) == 2 && m.Glued(j + 1)) j += 2;
  return j;
}

std::string Clock(int h, int mi) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
  return buf;
}

}  // namespace

std::optional<Match> Matcher::SpelledYear(size_t i) const {
  if (Is(i, "the") && Is(i + 1, "year")) {  // "the year two thousand", "the year 2000"
    std::optional<Match> y = Year(i + 2) ? Numeric(i + 2) : SpelledYear(i + 2);
    if (y && y->sem.year) return Match{y->end, y->sem};
    return std::nullopt;
  }
  auto tens_units = [this](size_t j, int* v) -> size_t {
    if (!Has(j, kNumber)) return 0;
    int x = static_cast<int>(Lex(j).number);
    if (x < 10 || x > 90 || (x >= 20 && x % 10 != 0)) return 0;
    size_t k = Hyphen(j + 1) ? j + 2 : j + 1;
    if (x >= 20 && Has(k, kNumber) && Lex(k).number >= 1 && Lex(k).number <= 9) {
      *v = x + static_cast<int>(Lex(k).number);
      return k + 1;
    }
    *v = x;
    return j + 1;
  };
  int year = 0;
  size_t e = 0;
  if ((Is(i, "nineteen") || Is(i, "eighteen")) && !Has(i + 1, kUnit)) {
    int v = 0;
    if (size_t k = tens_units(i + 1, &v)) year = (Is(i, "nineteen") ? 1900 : 1800) + v, e = k;
  } else if (Is(i, "two") && Is(i + 1, "thousand")) {
    year = 2000, e = i + 2;
    size_t k = Is(e, "and") ? e + 1 : e;
    if (Has(k, kNumber) && Lex(k).number >= 1 && Lex(k).number <= 19 && !Has(k + 1, kUnit)) {
      year += static_cast<int>(Lex(k).number), e = k + 1;
    }
    if (Has(e, kUnit)) return std::nullopt;  // "two thousand years"
  }
  if (year == 0) return std::nullopt;
  Match m{e, Sem{}};
  m.sem.year = year;
  m.sem.literal = FormatYear(year);
  return m;
}

std::optional<Match> Matcher::Numeric(size_t i) const {
  if (!Digits(i) && !Punct(i, '\'')) {
    std::optional<Match> y = SpelledYear(i);
    return y ? y : ClockTime(i);
  }
  // "20th century"
  if (Digits(i) && NDigits(i) <= 2 && (Is(i + 1, "th") || Is(i + 1, "st") || Is(i + 1, "nd")) &&
      Glued(i + 1) && Is(i + 2, "century")) {
    Match m{i + 3, Sem{}};
    m.sem.literal = std::to_string(Value(i) - 1);
    return m;
  }
  // ISO 2025-04-21 [hh:mm[:ss]]
  if (NDigits(i) == 4 && Punct(i + 1, '-') && Glued(i + 1) && NDigits(i + 2) == 2 &&
      Glued(i + 2) && Punct(i + 3, '-') && Glued(i + 3) && NDigits(i + 4) == 2 && Glued(i + 4)) {
    int y = Value(i), mo = Value(i + 2), d = Value(i + 4);
    if (!IsValidDate(y, mo, d)) return std::nullopt;
    Match m{i + 5, DaySem(y, mo, d)};
    int h, mi;
    if (size_t e = HourMinute(*this, i + 5, &h, &mi)) {
      m.end = e;
      m.sem.suffix = Clock(h, mi);
      m.sem.type = "TIME";
    }
    return m;
  }
  // US 04/21/2025, 4/21/89 [hh:mm[:ss]]
  if (Digits(i) && NDigits(i) <= 2 && Punct(i + 1, '/') && Glued(i + 1) && Digits(i + 2) &&
      NDigits(i + 2) <= 2 && Glued(i + 2) && Punct(i + 3, '/') && Glued(i + 3) &&
      (NDigits(i + 4) == 2 || NDigits(i + 4) == 4) && Glued(i + 4)) {
    int mo = Value(i), d = Value(i + 2), y = Value(i + 4);
    if (NDigits(i + 4) == 2) y += y < 50 ? 2000 : 1900;
    if (mo > 12 && d <= 12) std::swap(mo, d);  // day-first
    if (!IsValidDate(y, mo, d)) return std::nullopt;
    Match m{i + 5, DaySem(y, mo, d)};
    int h, mi;
    if (size_t e = HourMinute(*this, i + 5, &h, &mi)) {
      m.end = e;
      m.sem.suffix = Clock(h, mi);
      m.sem.type = "TIME";
    }
    return m;
  }
  // Compact 19980303
  if (NDigits(i) == 8) {
    int v = Value(i), y = v / 10000, mo = v / 100 % 100, d = v % 100;
    if (y >= 1900 && y <= 2099 && IsValidDate(y, mo, d)) return Match{i + 1, DaySem(y, mo, d)};
    return std::nullopt;
  }
  // Decades: 1990s, '90s, mid-1990s handled by the modifier prefix.
  if (NDigits(i) == 4 && Is(i + 1, "s") && Glued(i + 1) && Value(i) % 10 == 0 &&
      Value(i) >= 1000 && Value(i) <= 2990) {
    Match m{i + 2, Sem{}};
    m.sem.literal = std::to_string(Value(i) / 10);
    return m;
  }
  if (Punct(i, '\'') && NDigits(i + 1) == 2 && Glued(i + 1) && Is(i + 2, "s") && Glued(i + 2) &&
      Value(i + 1) % 10 == 0) {
    Match m{i + 3, Sem{}};
    m.sem.literal = "19" + std::to_string(Value(i + 1) / 10);
    return m;
  }
  if (Year(i)) {
    Match m{i + 1, Sem{}};
    m.sem.year = Value(i);
    m.sem.literal = FormatYear(Value(i));
    return m;
  }
  return ClockTime(i);
}

std::optional<Match> Matcher::ClockTime(size_t i) const {
  int h = -1, mi = 0;
  size_t j = HourMinute(*this, i, &h, &mi);
  if (j == 0 && Digits(i) && NDigits(i) <= 2 && Value(i) >= 1 && Value(i) <= 12) {
    bool pm;
    if (Meridiem(i + 1, &pm) || Is(i + 1, "o")) h = Value(i), j = i + 1;
  }
  if (j == 0) {
    if (Is(i, "noon") || Is(i, "midday")) h = 12, j = i + 1;
    else if (Is(i, "midnight")) h = 24, j = i + 1;
    else return std::nullopt;
    Match m{j, Sem{}};
    m.sem.type = "TIME";
    m.sem.cls = "clock";
    m.sem.relative = true;
    m.sem.gran = Gran::kDay;
    m.sem.suffix = Clock(h, 0);
    return m;
  }
  bool pm = false;
  size_t e = Meridiem(j, &pm);
  bool oclock = Is(j, "o") && Punct(j + 1, '\'') && Is(j + 2, "clock");
  if (e == 0 && oclock) e = j + 3;
  if (e == 0 && NDigits(i) != 2 && Value(i) > 12) return std::nullopt;
  if (e == 0 && !(Punct(i + 1, ':'))) return std::nullopt;
  if (pm && h < 12) h += 12;
  if (!pm && e != 0 && !oclock && h == 12) h = 0;
  Match m{e ? e : j, Sem{}};
  m.sem.type = "TIME";
  m.sem.cls = "clock";
  m.sem.relative = true;
  m.sem.gran = Gran::kDay;
  m.sem.suffix = Clock(h, mi);
  // "4 in the morning"
  if (Is(m.end, "in") && Is(m.end + 1, "the") && Has(m.end + 2, kPod)) {
    if (Lex(m.end + 2).pod != "MO" && h < 12) m.sem.suffix = Clock(h + 12, mi);
    m.end += 3;
  }
  return m;
}

std::optional<Match> Matcher::WrittenDate(size_t i) const {
  size_t j = i;
  int weekday = 0;
  if (Has(j, kWeekday) && Cap(j)) {
    weekday = Lex(j).weekday;
    j = SkipAbbrevDot(j, j + 1);
    if (Punct(j, ',')) ++j;
  }
  // Day-first: "21 April 2025", "21st of April"
  if (Digits(j) && NDigits(j) <= 2 && Value(j) >= 1 && Value(j) <= 31) {
    size_t k = j + 1;
    if (Is(k, "st") || Is(k, "nd") || Is(k, "rd") || Is(k, "th")) ++k;
    if (Is(k, "of")) ++k;
    if (MonthAt(k)) {
      Sem s = DaySem(0, Lex(k).month, Value(j));
      s.weekday = weekday;
      size_t e = SkipAbbrevDot(k, k + 1);
      if (Punct(e, ',') && Year(e + 1)) ++e;
      if (Year(e)) s.year = Value(e++);
      return Match{e, s};
    }
  }
  if (!MonthAt(j)) {
    if (weekday == 0 || !Cap(i)) return std::nullopt;
    size_t len = t_[i].end - t_[i].begin;
    if (len <= 4) return std::nullopt;  // bare "Sun", "Wed": too ambiguous
    Match m{i + 1, Sem{}};
    m.sem.weekday = weekday;
    m.sem.cls = "weekday";
    return m;
  }
  int month = Lex(j).month;
  size_t k = SkipAbbrevDot(j, j + 1);
  // Month day[st][, year]
  if (Digits(k) && NDigits(k) <= 2 && Value(k) >= 1 && Value(k) <= 31 &&
      !(Punct(k + 1, ':') && Glued(k + 1) && Digits(k + 2) && Glued(k + 2))) {
    Sem s = DaySem(0, month, Value(k));
    s.weekday = weekday;
    size_t e = k + 1;
    if ((Is(e, "st") || Is(e, "nd") || Is(e, "rd") || Is(e, "th")) && Glued(e)) ++e;
    // Range "April 17-18": one expression valued at its first day.
    if ((Punct(e, '-') || t_[e < n_ ? e : 0].lower == "\xE2\x80\x93") && Digits(e + 1) &&
        Value(e + 1) <= 31 && Value(e + 1) > Value(k) && e < n_ && Glued(e + 1)) {
      e += 2;
    }
    if (Punct(e, ',') && Year(e + 1)) e += 1;
    if (Year(e)) s.year = Value(e++);
    return Match{e, s};
  }
  Sem s;
  s.month = month;
  s.weekday = weekday;
  s.cls = "month";
  size_t e = k;
  if (Punct(e, ',') && Year(e + 1)) ++e;
  if (Is(e, "of") && Year(e + 1)) ++e;
  if (Year(e)) s.year = Value(e++);
  if (s.year == 0) {
    if (std::optional<Match> y = SpelledYear(e)) s.year = y->sem.year, e = y->end;
  }
  if (s.year == 0 && (Is(e, "this") || Is(e, "last") || Is(e, "next")) && Is(e + 1, "year")) {
    s.has_year_rel = true;
    s.year_rel = Lex(e).rel;
    e += 2;
  }
  if (weekday != 0) return std::nullopt;  // "Monday April" without a day
  return Match{e, s};
}

namespace {

bool StartsPattern(const std::vector<TTok>& t, size_t i) {
  const TTok& x = t[i];
  if (x.kind == 'd') return true;
  if (x.kind == 'p') return x.lower == "'";
  if (x.lex == nullptr) return false;
  if (x.lex->cats == kGeneric) return false;
  if (x.lex->cats != kFunc) return true;
  if (x.lower == "noon" || x.lower == "midnight" || x.lower == "midday") return true;
  size_t reach = i + 3;
  if (i + 1 < t.size() && (t[i + 1].lower == "end" || t[i + 1].lower == "beginning" ||
                           t[i + 1].lower == "start" || t[i + 1].lower == "middle")) {
    reach = i + 5;  // "the end of the year"
  }
  for (size_t k = i + 1; k < t.size() && k <= reach; ++k) {
    if ((t[k].lex != nullptr && t[k].lex->cats != kFunc) || t[k].kind == 'd') return true;
    std::string_view w = t[k].lower;
    bool decade_word = w.size() >= 7 && w.substr(w.size() - 4) == "ties";  // "the nineties"
    if (w == "future" || w == "present" || w == "period" || w == "term" || decade_word) {
      return true;
    }
  }
  return false;
}

std::optional<Match> BestAt(const Matcher& m, size_t i) {
  std::optional<Match> best;
  auto consider = [&best](std::optional<Match> c) {
    if (c && (!best || c->end > best->end)) best = std::move(c);
  };
  consider(m.Numeric(i));
  consider(m.WrittenDate(i));
  consider(m.Quarter(i));
  consider(m.Relative(i));
  consider(m.Quantity(i));
  consider(m.SetExpr(i));
  consider(m.Reference(i));
  consider(m.Holiday(i));
  if (best && best->end <= i) best.reset();
  return best;
}

// A calendar value a modifier ("early", "mid-", "later") can attach to.
bool Calendar(const Sem& s) {
  if (s.type != "DATE") return false;
  if (s.literal.empty()) return true;
  return s.literal[0] >= '0' && s.literal[0] <= '9';
}

// A single day, which a part of day ("morning") can follow.
bool DayLike(const Sem& s) {
  if (!s.suffix.empty() || !s.literal.empty()) return false;
  if (s.relative) return s.gran == Gran::kDay && s.cls == "deictic";
  return s.weekday != 0 || (s.month != 0 && s.day != 0) || s.holiday != nullptr;
}


// Words before a duration (or "N units ago") that TimeML keeps in the
// extent: "nearly two years", "more than four hours". Returns the first token
// after them, or i when there are none.
size_t SkipApproximator(const Matcher& m, size_t i) {
  if (m.Is(i, "nearly") || m.Is(i, "almost") || m.Is(i, "around") || m.Is(i, "roughly") ||
      m.Is(i, "approximately")) {
    return i + 1;
  }
  if ((m.Is(i, "more") || m.Is(i, "less")) && m.Is(i + 1, "than")) return i + 2;
  if (m.Is(i, "up") && m.Is(i + 1, "to")) return i + 2;
  if (m.Is(i, "at") && (m.Is(i + 1, "least") || m.Is(i + 1, "most"))) return i + 2;
  if (m.Is(i, "no") && (m.Is(i + 1, "more") || m.Is(i + 1, "less")) && m.Is(i + 2, "than")) {
    return i + 3;
  }
  return i;
}

// The longest match at i, with the prefixes TimeML keeps in the extent:
// "early"/"mid-"/"later" + calendar, "the end of" + calendar, approximators.
std::optional<Match> WithPrefixes(const Matcher& m, const std::vector<TTok>& t, size_t i) {
  std::optional<Match> best = BestAt(m, i);
  auto take = [&best](std::optional<Match> c, bool ok) {
    if (c && ok && (!best || c->end > best->end)) best = std::move(c);
  };
  size_t j = i;
  if (m.Is(j, "the") && (m.Is(j + 1, "end") || m.Is(j + 1, "beginning") ||
                         m.Is(j + 1, "start") || m.Is(j + 1, "middle")) && m.Is(j + 2, "of")) {
    std::optional<Match> c = BestAt(m, j + 3);
    // "the end of the year": a point in this year, not a span of one year.
    if (c && c->sem.literal == "P1Y" && m.Is(j + 3, "the") && c->end == j + 5) {
      c->sem = Sem{};
      c->sem.relative = true, c->sem.gran = Gran::kYear, c->sem.cls = "relative";
    }
    take(c, c && Calendar(c->sem));
  }
  if (m.Is(j, "the") && m.Has(j + 1, kMod)) ++j;
  if (m.Has(j, kMod)) {
    size_t k = m.Hyphen(j + 1) ? j + 2 : j + 1;
    std::optional<Match> c = BestAt(m, k);
    // "earlier Friday", "late Monday": a bare weekday keeps the modifier out.
    bool weekday = c && c->sem.weekday != 0 && c->sem.month == 0 && !c->sem.has_rel;
    take(c, c && !weekday && (Calendar(c->sem) || c->sem.type == "TIME"));
    // "mid-afternoon yesterday", "mid afternoon": a part of the day (today
    // when no day follows).
    // "the early summer", "early spring": a season with a modifier.
    if ((m.Is(j, "early") || m.Is(j, "late") || m.Is(j, "mid")) && m.Has(k, kSeason) &&
        !m.Year(k + 1) && !m.Hyphen(k + 1) && !(k + 1 < t.size() && t[k + 1].kind == 'a' &&
                                               !m.Is(k + 1, "and") && !m.Is(k + 1, "of"))) {
      Match c{k + 1, Sem{}};
      c.sem.season = m.Lex(k).season;
      c.sem.cls = "season";
      take(c, true);
    }
    bool pod_mod = m.Is(j, "mid") || m.Is(j, "early") || m.Is(j, "late");
    if (j == i && pod_mod && m.Has(k, kPod)) {
      std::optional<Match> d = BestAt(m, k + 1);
      Match p{k + 1, Sem{}};
      // "late-night television": an adjective when a word follows it.
      bool adjective = k + 1 < t.size() && t[k + 1].kind == 'a' && !m.Is(k + 1, "on") &&
                       !m.Is(k + 1, "and") && !m.Is(k + 1, "in") && !m.Is(k + 1, "at");
      if (d && DayLike(d->sem)) {
        p = *d;
      } else if (adjective) {
        p.end = 0;
      } else {
        p.sem.cls = "deictic", p.sem.relative = true, p.sem.gran = Gran::kDay;
      }
      p.sem.type = "TIME";
      p.sem.suffix = "T" + m.Lex(k).pod;
      take(p, p.end != 0);
    }
  }
  // "the week of March 6": the ISO week holding that day.
  if (m.Is(i, "the") && m.Is(i + 1, "week") && m.Is(i + 2, "of")) {
    std::optional<Match> c = BestAt(m, i + 3);
    bool day = c && c->sem.month != 0 && c->sem.day != 0 && c->sem.literal.empty() &&
               c->sem.suffix.empty() && !c->sem.relative;
    if (day) c->sem.gran = Gran::kWeek;
    take(c, day);
  }
  size_t k = SkipApproximator(m, i);
  if (k != i) {
    std::optional<Match> c = BestAt(m, k);
    // "around 7:15 p.m.", "around Nov. 1": TimeML keeps the approximator
    // (mod APPROX) before a clock time or a day of a month as well.
    bool point = m.Is(i, "around") && c &&
                 (c->sem.type == "TIME" || (c->sem.month != 0 && c->sem.day != 0));
    take(c, c && (c->sem.type == "DURATION" || c->sem.cls == "ago" || point));
  }
  if (m.Is(i, "the") && !best) {  // "the 1990s", "the 20th century": TimeBank keeps "the"
    std::optional<Match> c = BestAt(m, i + 1);
    bool decade = c && c->sem.type == "DATE" && c->sem.year == 0 && c->sem.month == 0 &&
                  (c->sem.literal.size() == 2 || c->sem.literal.size() == 3) &&
                  c->sem.literal[0] >= '0' && c->sem.literal[0] <= '9';
    take(c, decade);
  }
  // "the nineties", "the twenties": a decade in words (this century's, as
  // "the 1990s" is written 199).
  if (m.Is(i, "the") && i + 1 < t.size() && !best) {
    static const char* const kDecades[] = {"twenties", "thirties", "forties", "fifties",
                                           "sixties", "seventies", "eighties", "nineties"};
    for (int d = 0; d < 8; ++d) {
      if (t[i + 1].lower != kDecades[d]) continue;
      Match c{i + 2, Sem{}};
      c.sem.literal = "19" + std::to_string(d + 2);
      take(c, true);
    }
  }
  if (m.Is(i, "more") && m.Is(i + 1, "recently")) take(Match{i + 2, Sem{}}, true), best->sem.literal = "PAST_REF";
  return best;
}

// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a clock time
// followed by the day it belongs to becomes one expression.
void JoinClockAndDay(const Matcher& m, const std::vector<TTok>& t, Match* best) {
  const Sem& s = best->sem;
  if (s.type != "TIME" || !s.relative || s.shift != 0 || s.suffix.size() < 2 || s.suffix[1] == 'N') return;
  size_t k = best->end;
  if (k < t.size() && IsZone(t[k].lower)) ++k;
  if (m.Punct(k, ',')) ++k;
  if (m.Is(k, "on")) return;
  std::optional<Match> day = BestAt(m, k);
  if (!day || !DayLike(day->sem)) return;
  day->sem.suffix = s.suffix;
  day->sem.type = "TIME";
  best->sem = day->sem;
  best->end = day->end;
}

}  // namespace

std::vector<Mention> Recognize(const Scan& scan) {
  Matcher m(scan.toks);
  std::vector<Mention> out;
  const auto& t = scan.toks;
  size_t i = 0;
  while (i < t.size()) {
    if (!StartsPattern(t, i)) {
      ++i;
      continue;
    }
    std::optional<Match> best = WithPrefixes(m, t, i);
    if (!best) {
      ++i;
      continue;
    }
    if (DayLike(best->sem) && m.Has(best->end, kPod)) {
      best->sem.suffix = "T" + t[best->end].lex->pod;
      best->sem.type = "TIME";
      ++best->end;
    }
    JoinClockAndDay(m, t, &*best);
    // "a venture called Orion 1980": a year right after a capitalised name
    // inside a sentence is part of the name.
    if (best->end == i + 1 && m.NDigits(i) == 4 && i >= 2 && t[i - 1].kind == 'a' &&
        t[i - 1].cap && !t[i - 1].newline_before &&
        !m.Has(i - 1, kMonth | kWeekday | kSeason | kHoliday) && t[i - 2].kind == 'a') {
      ++i;
      continue;
    }
    size_t begin = i;
    // "Oct. 12, the day before the plunge": "the day" names the date it follows.
    const Sem& b = best->sem;
    if (m.Is(i, "the") && b.cls == "shift" && b.gran == Gran::kDay && i > 0 && m.Punct(i - 1, ',') &&
        !out.empty() && out.back().tok_end == i - 1 && out.back().sem.month != 0 &&
        out.back().sem.day != 0 && out.back().sem.suffix.empty()) {
      best->sem = out.back().sem;
    }
    // "the third-quarter results", "the five-year plan": an adjective keeps no article.
    if (m.Is(begin, "the") && best->end >= begin + 3 && m.Hyphen(best->end - 2) &&
        (m.Has(best->end - 1, kUnit) || m.Is(best->end - 1, "ago") ||
         m.Is(best->end - 1, "earlier"))) {
      ++begin;
    }
    // "the year-ago quarter, the second quarter ended Oct. 31": the
    // apposition names the quarter, in the year before.
    Sem& q = best->sem;
    if (q.cls == "quarter" && q.quarter != 0 && q.year == 0 && !q.relative && !q.has_year_rel &&
        !out.empty() && out.back().tok_end + 1 == begin && m.Punct(begin - 1, ',')) {
      Sem& prev = out.back().sem;
      if (prev.cls == "quarter" && prev.relative && prev.shift == -1 && prev.quarter == 0 &&
          prev.half == 0) {
        prev.quarter = q.quarter, prev.same_period = false;
        q.has_year_rel = true, q.year_rel = -1;
      }
    }
    out.push_back(Mention{static_cast<uint32_t>(begin), static_cast<uint32_t>(best->end), best->sem});
    i = best->end;
    // "April 24 and 25": the second day of the same month is its own expression.
    const Sem& d = best->sem;
    if (d.month != 0 && d.day != 0 && d.literal.empty() && d.suffix.empty() &&
        (m.Is(i, "and") || m.Is(i, "or")) && m.NDigits(i + 1) > 0 && m.NDigits(i + 1) <= 2 &&
        m.Value(i + 1) > d.day && m.Value(i + 1) <= 31 && !m.Digits(i + 2) &&
        !(i + 2 < t.size() && t[i + 2].kind == 'a' && !t[i + 2].newline_before)) {
      Sem second = d;
      second.day = m.Value(i + 1);
      second.weekday = 0;
      out.push_back(Mention{static_cast<uint32_t>(i + 1), static_cast<uint32_t>(i + 2), second});
      i += 2;
    }
  }
  return out;
}

}  // namespace dateline::timex
