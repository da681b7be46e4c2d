// Internal to the time grammar: token-level helpers shared by the pattern
// families (time_grammar.cc: dates and clock times; time_grammar_rel.cc:
// relative expressions, quantities, quarters, sets). Not a public contract.
#ifndef DATELINE_ANNOTATE_TIME_MATCHER_H_
#define DATELINE_ANNOTATE_TIME_MATCHER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "annotate/time_grammar.h"

namespace dateline::timex {

bool IsZone(std::string_view lower);  // "est", "gmt", ...

// A candidate: tokens [begin, end) and their meaning.
struct Match {
  size_t end = 0;
  Sem sem;
};

class Matcher {
 public:
  explicit Matcher(const std::vector<TTok>& t) : t_(t), n_(t.size()) {}

  // Pattern families; each returns the longest match starting at token i.
  std::optional<Match> Numeric(size_t i) const;
  std::optional<Match> WrittenDate(size_t i) const;
  std::optional<Match> ClockTime(size_t i) const;
  std::optional<Match> Relative(size_t i) const;
  std::optional<Match> Quantity(size_t i) const;
  std::optional<Match> Quarter(size_t i) const;
  std::optional<Match> SetExpr(size_t i) const;
  std::optional<Match> Reference(size_t i) const;
  // "that year", "the same day", "that night": the last mentioned period.
  std::optional<Match> Discourse(size_t i) const;
  // "Thanksgiving Day", "Christmas 1998", "Orthodox Easter" (time_grammar_rel.cc).
  std::optional<Match> Holiday(size_t i) const;
  // "nineteen ninety-six", "two thousand": a year in words.
  std::optional<Match> SpelledYear(size_t i) const;

  // Token tests (false past the end).
  bool Ok(size_t i) const { return i < n_; }
  bool Is(size_t i, std::string_view w) const { return i < n_ && t_[i].lower == w; }
  bool Punct(size_t i, char c) const {
    return i < n_ && t_[i].kind == 'p' && t_[i].end - t_[i].begin == 1 && t_[i].lower[0] == c;
  }
  bool Digits(size_t i) const { return i < n_ && t_[i].kind == 'd'; }
  int NDigits(size_t i) const { return Digits(i) ? static_cast<int>(t_[i].end - t_[i].begin) : 0; }
  int Value(size_t i) const { return Digits(i) ? t_[i].value : -1; }
  bool Has(size_t i, uint32_t cat) const {
    return i < n_ && t_[i].lex != nullptr && (t_[i].lex->cats & cat) != 0;
  }
  const LexEntry& Lex(size_t i) const { return *t_[i].lex; }
  bool Cap(size_t i) const { return i < n_ && t_[i].cap; }
  // Token i directly follows token i-1 with no space.
  bool Glued(size_t i) const { return i < n_ && !t_[i].space_before; }
  bool Hyphen(size_t i) const { return Punct(i, '-') && Glued(i) && Glued(i + 1); }
  // An opening quote mark: " ` ' or a typographic one.
  bool QuoteMark(size_t i) const {
    if (i >= n_ || t_[i].kind != 'p') return false;
    std::string_view w = t_[i].lower;
    return w == "\"" || w == "`" || w == "'" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x98";
  }
  size_t size() const { return n_; }

  // A cardinal at i: digits or number words ("twenty four", "twenty-four",
  // "a few", "a couple of"). *v < 0 for vague amounts. Returns the end token.
  size_t Number(size_t i, double* v) const;
  // A year at i: four digits 1000-2999 (not money or a longer number).
  bool Year(size_t i) const;
  // "a.m."/"p.m."/"am"/"pm" at i: returns end token (0 if none), *pm set.
  size_t Meridiem(size_t i, bool* pm) const;
  // Month word at i usable as a month (capitalised; "May" needs context).
  bool MonthAt(size_t i) const;
  // After an abbreviated month or weekday, an optional "." joins the span.
  size_t SkipAbbrevDot(size_t i, size_t after) const;

 private:
  const std::vector<TTok>& t_;
  size_t n_;
};

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_MATCHER_H_
