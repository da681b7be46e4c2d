// Line features for the text-dump line classifier. A line is described by
// binary features (names such as "len=10-19" or "p:end=." for the previous
// line) computed from the line, its neighbours, its position, how often it
// recurs on the page and on other pages of its site, and the stop-word and
// boilerplate lexicons (data/clean/dump/). Stage 2 adds features of the stage-1
// scores of neighbouring lines. Thread-safe after Load.
#ifndef DATELINE_CLEAN_DUMP_FEATURES_H_
#define DATELINE_CLEAN_DUMP_FEATURES_H_

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"
#include "clean/dump_lines.h"

namespace dateline {

// Word lists the features use. Immutable after Load.
struct DumpLexicon {
  std::unordered_set<std::string> stop_words;                 // lowercase
  std::vector<std::pair<std::string, std::string>> boiler;    // {category, phrase}
  // Loads stopwords.txt and boilerplate.txt from `dir` (data/clean/dump).
  static Result<DumpLexicon> Load(const std::string& dir);
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

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_FEATURES_H_
