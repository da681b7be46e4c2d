// Per-node facts computed once per page for article extraction (internal to
// clean/): which subtrees are boilerplate, and text/link/comma counts.
// A value type built by Analyze(); no shared state.
#ifndef DATELINE_CLEAN_HTML_ANALYSIS_H_
#define DATELINE_CLEAN_HTML_ANALYSIS_H_

#include <cstdint>
#include <vector>

#include "clean/html_dom.h"
#include "clean/html_rules.h"

namespace dateline::html {

struct NodeStats {
  int32_t chars = 0;       // non-space code points of visible text below
  int32_t link_chars = 0;  // ... of which inside <a>
  int32_t commas = 0;
  int32_t imgs = 0;
  int32_t inputs = 0;
  int32_t lis = 0;
  int32_t paras = 0;       // <p> below with >= 40 chars
  int32_t prose = 0;       // chars in paragraph-like leaf blocks (>= 80 chars, few links)
  bool has_block = false;  // a block-level element below
};

enum Junk : uint8_t {
  kKeep = 0,
  kHard = 1,      // invisible or never content (script, nav, form controls, hidden)
  kByClass = 2,   // class/id names boilerplate (inherited by descendants)
};

struct Analysis {
  std::vector<NodeStats> stats;
  std::vector<uint8_t> junk;       // Junk of the node (or its nearest junk ancestor)
  std::vector<int8_t> weight;      // HtmlRules::ClassWeight of the node itself
  int32_t raw_prose = 0;           // page prose before class/role rules
  double LinkDensity(int i) const {
    return stats[i].chars ? static_cast<double>(stats[i].link_chars) / stats[i].chars : 0.0;
  }
};

// `lenient`: class/id names mark only strong negatives (comment threads);
// the fallback when the strict pass leaves almost no text on a page with prose.
Analysis Analyze(const HtmlDom& dom, const HtmlRules& rules, bool lenient = false);

bool IsBlockTag(Tag t);
bool IsHeadingTag(Tag t);
// Non-space code points in s.
int32_t CountChars(std::string_view s);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_ANALYSIS_H_
