// Resolver: turns recognised expressions (Sem) into TIMEX3 values by
// anchoring them, following the rules of data/time/anchoring.tsv:
//  - the anchor is the document creation time (DCT) or the last date
//    mentioned before the expression at the granularity the expression needs
//    ("two days later", "that year", "the following month", "the previous
//    Friday");
//  - the direction for under-specified dates (bare weekdays, months,
//    seasons) is taken from future/past cue words near the expression.
// One Resolver per document; Resolve() must be called in text order because
// it keeps the discourse state (last date, last quarter). Not thread-safe.
// Without a DCT, values that need one are left under-specified ("XXXX-04",
// "XXXX-WXX-1") or empty (the mention is then dropped).
#ifndef DATELINE_ANNOTATE_TIME_RESOLVE_H_
#define DATELINE_ANNOTATE_TIME_RESOLVE_H_

#include <optional>
#include <string>

#include "annotate/time_calendar.h"
#include "annotate/time_grammar.h"
#include "annotate/time_lexicon.h"
#include "annotate/time_scan.h"

namespace dateline::timex {

class Resolver {
 public:
  Resolver(const TimeLexicon& lex, const Scan& scan, std::optional<Date> dct)
      : lex_(lex), scan_(scan), dct_(dct) {}
  // The TIMEX3 value of m; sets *type (may turn DATE into TIME).
  std::string Resolve(const Mention& m, std::string* type);
  // -1 past, +1 future, from cue words around tokens [b, e).
  int Tense(uint32_t b, uint32_t e) const;

 private:
  int CueTense(uint32_t b, uint32_t e) const;
  bool PastPerfectAfter(uint32_t e) const;
  std::string Relative(const Sem& s, const Date& anchor);
  std::string Weekday(const Sem& s, const Date& anchor, int dir);
  std::string MonthDay(const Sem& s, const Date& anchor, int dir);
  std::string Month(const Sem& s, const Date& anchor, int dir);
  std::string Season(const Sem& s, const Date& anchor, int dir);
  std::string Quarter(const Sem& s, const Date& anchor, int dir);
  std::string Holiday(const Sem& s, const Date& anchor, int dir);
  std::string Underspecified(const Sem& s) const;
  int Direction(const Mention& m, const AnchorRule& rule) const;
  std::string ResolveValue(const Mention& m, std::string* type);
  // The last mentioned date fine enough for granularity g, if any.
  std::optional<Date> LastAt(Gran g) const;
  // Records a resolved calendar value ("1998", "1998-10", "1998-10-23") as
  // the latest mentioned year / month / day.
  void Note(const std::string& value);
  // "that day" / "that month" when the last mention is coarser ("1998-10-XX",
  // "1998-XX"); "" when it is fine enough.
  std::string WithinLast(const Sem& s) const;

  const TimeLexicon& lex_;
  const Scan& scan_;
  std::optional<Date> dct_;
  std::optional<Date> last_day_;    // the last mentioned day
  std::optional<Date> last_month_;  // the last mentioned month (or day), day 1
  int last_year_ = 0;               // the last mentioned year (or month, day)
  Gran last_gran_ = Gran::kNone;    // granularity of the very last mention
  int last_q_year_ = 0, last_q_ = 0;
  uint32_t last_q_tok_ = 0;  // token after the last quarter expression
  bool near_q_ = false;      // the quarter being resolved is near the last one
  int past_q_year_ = 0, past_q_ = 0;  // the last quarter mentioned that is over
  bool months_after_q_ = false;  // "the nine months" mentioned after the last quarter
  void NoteQuarter(int year, int q);
};

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_RESOLVE_H_
