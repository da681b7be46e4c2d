// TimeLexicon: the frozen word tables and anchoring rules of the time tagger,
// loaded from data/time/lexicon.tsv, anchoring.tsv and holidays.tsv.
// Immutable after Load(); safe to share across threads.
// Load() fails (InvalidInput/NotFound) when a file is missing or a line is
// malformed; the message names the file and line.
#ifndef DATELINE_ANNOTATE_TIME_LEXICON_H_
#define DATELINE_ANNOTATE_TIME_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annotate/time_holiday.h"
#include "base/status.h"

namespace dateline::timex {

// Category bits of a lexicon word (a word may carry several).
enum Cat : uint32_t {
  kMonth = 1u << 0,
  kWeekday = 1u << 1,
  kSeason = 1u << 2,
  kUnit = 1u << 3,
  kNumber = 1u << 4,
  kOrdinal = 1u << 5,
  kPod = 1u << 6,
  kMod = 1u << 7,
  kRel = 1u << 8,
  kRef = 1u << 9,
  kSet = 1u << 10,
  kDeictic = 1u << 11,
  kDir = 1u << 12,
  kFunc = 1u << 13,  // function word that can open an expression ("the", "more")
  kHoliday = 1u << 14,  // first word of a holiday name (data/time/holidays.tsv)
  kGeneric = 1u << 15,  // a noun that makes "today's" generic ("today's world")
};

struct LexEntry {
  uint32_t cats = 0;
  int month = 0, weekday = 0, ordinal = 0, rel = 0, deictic = 0, dir = 0;
  double number = 0;       // kNumber; < 0 means vague ("several": X)
  std::string season;      // SP SU FA WI
  std::string unit;        // D W M Y Q HR MI S DE CE WE
  std::string pod;         // MO AF EV NI DT
  std::string mod;         // START MID END
  std::string ref;         // PAST_REF ...
  std::string set;         // P1D ...
  std::vector<HolidayRule> holidays;  // kHoliday: names starting here, longest first
};

// How one class of expression is anchored (see data/time/anchoring.tsv).
struct AnchorRule {
  std::string anchor = "dct";       // dct | last
  std::string direction = "nearest";  // tense | past | future | nearest
  std::string fallback = "nearest";   // for tense when no cue is near
};

// A cue of several words ("as early as"): its direction (+1 future, -1 past).
struct CuePhrase {
  std::vector<std::string> words;
  int dir = 0;
};

struct StrHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

class TimeLexicon {
 public:
  static Result<TimeLexicon> Load(const std::string& data_dir);
  // Parses the tables from text (used by Load and by tests).
  static Result<TimeLexicon> Parse(std::string_view lexicon, std::string_view anchoring,
                                   std::string_view holidays = "");

  // nullptr when the lower-case word is not a time word.
  const LexEntry* Find(std::string_view lower) const {
    // Pre-filter: most words fail on (first letter, length) without hashing.
    if (lower.empty() || lower.size() > 31) return nullptr;
    unsigned c = static_cast<unsigned char>(lower[0]) - 'a';
    if (c >= 26 || !(shape_[c] & (1u << lower.size()))) return nullptr;
    if (lower.size() > 1) {
      unsigned c2 = static_cast<unsigned char>(lower[1]) - 'a';
      if (c2 >= 26 || !(pair_[c] & (1u << c2))) return nullptr;
    }
    return FindSlow(lower);
  }
  // The rule for an expression class; the default rule when not listed.
  AnchorRule Rule(std::string_view expression_class) const;
  bool IsFutureCue(std::string_view lower) const { return future_.find(lower) != future_.end(); }
  bool IsPastCue(std::string_view lower) const { return past_.find(lower) != past_.end(); }
  // Cues of several words, checked before single-word cues.
  const std::vector<CuePhrase>& cue_phrases() const { return phrases_; }
  int cue_window() const { return window_; }
  // Without a cue, a month or month-day is read in the DCT's year unless that
  // puts it more than ahead() days after or behind() days before the DCT.
  int ahead() const { return ahead_; }
  int behind() const { return behind_; }
  // A past (future) cue moves such a date to the previous (next) year only
  // when it lies more than near() days after (before) the DCT.
  int near() const { return near_; }
  // "a year ago" reads as a quarter ("1988-Q3") only within this many tokens
  // after a quarter was mentioned.
  uint32_t quarter_reach() const { return quarter_reach_; }

 private:
  const LexEntry* FindSlow(std::string_view lower) const;

  std::unordered_map<std::string, LexEntry, StrHash, std::equal_to<>> words_;
  uint32_t shape_[26] = {0};  // bit n of [letter]: a word of length n starts with it
  uint32_t pair_[26] = {0};   // bit of [first letter]: second letters seen
  std::unordered_map<std::string, AnchorRule> rules_;
  std::unordered_set<std::string, StrHash, std::equal_to<>> future_, past_;
  std::vector<CuePhrase> phrases_;
  int window_ = 8;
  int ahead_ = 270, behind_ = 270, near_ = 0;
  uint32_t quarter_reach_ = 100;
};

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_LEXICON_H_
