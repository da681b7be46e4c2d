// Article body extraction from an HtmlDom: a scoring walk over the tree
// (text length, commas, link density, class/id names from HtmlRules) picks
// the best container, adds sibling blocks that look like content, then emits
// its text without boilerplate blocks. Photo captions go to `captions`.
//
// Stateless and thread-safe; cost linear in the number of nodes.
#ifndef DATELINE_CLEAN_HTML_EXTRACT_H_
#define DATELINE_CLEAN_HTML_EXTRACT_H_

#include <string>
#include <vector>

#include "clean/html_dom.h"
#include "clean/html_rules.h"

namespace dateline::html {

struct Extraction {
  std::string text;                   // paragraphs separated by "\n"
  std::vector<std::string> captions;  // figure captions found in the article
  int container = -1;                 // chosen node, -1 when none
  int paragraphs = 0;                 // lines in text
  double page_link_density = 0.0;     // of the whole visible body
  int page_chars = 0;                 // visible body text (non-space code points)
  int raw_prose = 0;                  // paragraph text before class/id rules
};

Extraction ExtractArticle(const HtmlDom& dom, const HtmlRules& rules);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_EXTRACT_H_
