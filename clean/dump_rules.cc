#include "clean/dump_rules.h"

#include <algorithm>

namespace dateline {
namespace {

bool HeadlineLike(const LineFacts& f) {
  return f.words >= 3 && f.words <= 25 && (f.end == "a" || f.end == "q" || f.end == "0" || f.end == "o");
}

bool HasKw(const LineFacts& f, const char* cat) { return std::find(f.kw.begin(), f.kw.end(), cat) != f.kw.end(); }

// A teaser: a long line cut off with an ellipsis, and the headline above it.
void DropTeasers(const PageLines& page, std::vector<bool>* body) {
  for (size_t i = 0; i < body->size(); ++i) {
    const LineFacts& f = page.facts[i];
    if (!f.teaser || f.words < 10) continue;
    (*body)[i] = false;
    if (i > 0 && HeadlineLike(page.facts[i - 1])) (*body)[i - 1] = false;
  }
}

// App adverts and the short call-to-action lines right after them.
void DropAdverts(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body) {
  for (size_t i = 0; i < body->size(); ++i) {
    if (rules.AppBrand(page.lines[i].text).empty()) continue;
    (*body)[i] = false;
    for (size_t j = i + 1; j < body->size() && j <= i + 3; ++j) {
      const LineFacts& g = page.facts[j];
      if (g.words > 5 || g.end == "!" || g.end == "." || g.end == ":") break;
      (*body)[j] = false;
    }
  }
}

// End-of-article markers: once the article has run, a short "Author: X",
// "Most popular" or "News Feed" line starts the page's furniture. Body lines
// after it go when they are fewer words than the article before it.
void CutAtEndMarker(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body) {
  const size_t n = body->size();
  int before = 0;
  for (size_t i = 0; i < n; ++i) {
    const LineFacts& f = page.facts[i];
    if ((*body)[i]) {
      before += f.words;
      continue;
    }
    if (before < 80 || f.words > 6) continue;
    bool marker = HasKw(f, "related") || (!rules.BylineAuthors(page.lines[i].text).empty() &&
                                          page.lines[i].text.find(':') != std::string::npos);
    if (!marker) continue;
    int after = 0;
    for (size_t j = i + 1; j < n; ++j)
      if ((*body)[j]) after += page.facts[j].words;
    if (after == 0 || after * 2 >= before) continue;
    for (size_t j = i + 1; j < n; ++j) (*body)[j] = false;
    return;
  }
}

// The prose line right after the last body line (the model is wary of a
// page's final lines; a page may end with its article).
void ExtendTail(const PageLines& page, std::vector<bool>* body) {
  const size_t n = body->size();
  size_t last = n;
  for (size_t i = 0; i < n; ++i)
    if ((*body)[i]) last = i;
  if (last == n) return;
  for (size_t i = last + 1; i < n; ++i) {
    const LineFacts& f = page.facts[i];
    if (!IsProse(page, i) || f.template_share > 0 || f.dup > 1 || !f.kw.empty()) break;
    (*body)[i] = true;
  }
}

// An article does not end on a headline: trailing body lines that end no
// sentence (a teaser's title, a section label) go.
void DropTrailingHeadings(const PageLines& page, std::vector<bool>* body) {
  for (size_t i = body->size(); i-- > 0;) {
    if (!(*body)[i]) continue;
    if (!HeadlineLike(page.facts[i]) && page.facts[i].end != ":") return;
    (*body)[i] = false;
  }
}

}  // namespace

void RefineBody(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body) {
  DropTeasers(page, body);
  DropAdverts(rules, page, body);
  CutAtEndMarker(rules, page, body);
  ExtendTail(page, body);
  DropTrailingHeadings(page, body);
}

}  // namespace dateline
