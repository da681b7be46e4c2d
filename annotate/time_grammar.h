// Time expression grammar: finds TIMEX3 extents in scanned tokens and builds
// their meaning (Sem) without anchoring it. Resolution against the document
// creation time and the discourse happens later (time_resolve.h).
//
// Recognize() is a pure function of the scan: left to right, at each token the
// longest of the pattern families wins (numeric dates and clock times, written
// dates, relative expressions, quantities and durations, quarters and fiscal
// periods, sets, reference words). Cost is linear in tokens: patterns only
// start at tokens that carry a lexicon entry or digits.
#ifndef DATELINE_ANNOTATE_TIME_GRAMMAR_H_
#define DATELINE_ANNOTATE_TIME_GRAMMAR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "annotate/time_scan.h"

namespace dateline::timex {

// Granularity of a calendar value (and the unit of a relative shift).
enum class Gran : uint8_t {
  kNone, kTime, kDay, kWeek, kWeekend, kMonth, kQuarter, kHalf, kSeason, kYear, kDecade, kCentury
};

// The meaning of one expression before anchoring.
struct Sem {
  std::string type = "DATE";  // DATE | TIME | DURATION | SET
  std::string literal;        // complete value: no anchoring needed
  std::string cls;            // anchoring rule class (data/time/anchoring.tsv)
  // Calendar fields given in the text; 0 = absent.
  int year = 0, month = 0, day = 0, weekday = 0, quarter = 0, half = 0;
  std::string season;         // SP SU FA WI
  bool has_year_rel = false;  // "June last year": year relative to the anchor
  int year_rel = 0;
  bool has_rel = false;       // "last"/"this"/"next" given
  int rel = 0;                // -1 last, 0 this, +1 next
  // Relative: the anchor moved by `shift` units of `gran`, shown at `gran`.
  bool relative = false;
  Gran gran = Gran::kNone;
  int shift = 0;
  bool vague = false;          // "a few years ago": PAST_REF / FUTURE_REF
  bool same_period = false;    // "the quarter": last mentioned quarter
  bool indefinite = false;     // "a flat second quarter": not the one reported on
  int ended_quarter = 0;       // "the quarter ended July 31": the quarter those months fill
  std::string suffix;         // "TMO", "T10:30" appended to a day value
  const HolidayRule* holiday = nullptr;  // "Thanksgiving": the lexicon's rule
};

struct Mention {
  uint32_t tok_begin = 0, tok_end = 0;  // token range [begin, end)
  Sem sem;
};

std::vector<Mention> Recognize(const Scan& scan);

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_GRAMMAR_H_
