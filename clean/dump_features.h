// Line features for the text-dump line classifier. A line is described by
// binary features (names such as "len=10-19" or "p:end=." for the previous
// line) computed from the line, its neighbours, its position, how often it
// recurs on the page and on other pages of its site, and the stop-word and
// boilerplate lexicons (data/clean/dump/). Stage 2 adds features of the stage-1
// scores of neighbouring lines. Thread-safe after Load.
#ifndef DATELINE_CLEAN_DUMP_FEATURES_H_
#define DATELINE_CLEAN_DUMP_FEATURES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"
#include "clean/dump_lines.h"

namespace dateline {

// Hash of strings that also looks up by std::string_view (no temporary string).
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// Word lists the features use. Immutable after Load.
struct DumpLexicon {
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> stop_words;  // lowercase
  std::vector<std::pair<std::string, std::string>> boiler;    // {category, phrase}
  // Index of `boiler` by the first two bytes of each phrase (built by Load):
  // phrase indices for the pair (b0 << 8 | b1) are boiler_lists[boiler_pair[..] - 1].
  // Phrases shorter than two bytes are in boiler_short.
  std::vector<uint16_t> boiler_pair;
  std::vector<std::vector<uint16_t>> boiler_lists;
  std::vector<uint16_t> boiler_short;
  // Loads stopwords.txt and boilerplate.txt from `dir` (data/clean/dump).
  static Result<DumpLexicon> Load(const std::string& dir);
  // Indices into `boiler` of the phrases found in `low` (a lowercased line),
  // ascending; the same as testing low.find(phrase) for each phrase.
  void FindBoiler(std::string_view low, std::vector<uint16_t>* hits) const;
};

// Per-line facts computed once per page and shared by both stages.
struct LineFacts {
  int words = 0, chars = 0, stop = 0, caps = 0, digits = 0, sentences = 0;
  std::string end;              // class of the last character
  bool teaser = false;          // ends with an ellipsis
  int dup = 1;                  // lines on the page with the same key
  double template_share = -1;   // share of the site's pages holding the line; -1 unknown
  std::vector<std::string> kw;  // boilerplate categories hit
};

// A run of lines [a, b] (the best-scoring stretch of a page).
struct LineRun {
  bool found = false;
  size_t a = 0, b = 0;
};
// The maximum-sum run of per-line values.
LineRun BestRun(const std::vector<double>& v);

// The page context for feature extraction.
struct PageLines {
  std::vector<DumpLine> lines;
  std::vector<uint64_t> keys;   // LineKey of each line (filled before ComputeFacts, or by it)
  std::vector<LineFacts> facts;
  double page_stop_ratio = 0;   // stop words / words over the whole page
  LineRun prose_run;            // best run of prose lines
};

// Stage-1 scores of a page's lines and their best run.
struct Stage1 {
  std::vector<double> p;
  LineRun run;
};
Stage1 MakeStage1(const PageLines& page, std::vector<double> p);

// Fills page->facts. template_share[i] (may be empty) is the share of the
// site's pages that hold line i, or -1 when the site is unknown.
void ComputeFacts(const DumpLexicon& lex, const std::vector<double>& template_share, PageLines* page);

// Line i reads as running prose: 8+ words, ends a sentence, has stop words
// (unless the page has none: a language without a list), not a teaser.
bool IsProse(const PageLines& page, size_t i);

// Stage-1 features of line i.
std::vector<std::string> LineFeatures(const PageLines& page, size_t i);
// Stage-2 features: stage-1 features plus features of the stage-1 scores p1.
std::vector<std::string> ContextFeatures(const PageLines& page, const Stage1& s1, size_t i);

// The same features, in the same order, handed one at a time to `emit`
// (the view is valid during the call only): scoring needs no strings.
using FeatureEmitter = std::function<void(std::string_view)>;
void EmitLineFeatures(const PageLines& page, size_t i, const FeatureEmitter& emit);
// Only the features ContextFeatures adds after the stage-1 ones.
void EmitContextOnlyFeatures(const PageLines& page, const Stage1& s1, size_t i, const FeatureEmitter& emit);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_FEATURES_H_
