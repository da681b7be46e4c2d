// Internal to clean/: the JSON-LD reader and the displayed-date finder used
// by ReadMeta (html_meta.h).
#ifndef DATELINE_CLEAN_META_INTERNAL_H_
#define DATELINE_CLEAN_META_INTERNAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clean/html_dom.h"

namespace dateline::html {

struct JsonLdMeta {
  bool found_article = false;  // an Article-like @type was found
  std::string type, headline, published, modified, publisher, body;
  std::vector<std::string> authors;      // people (or untyped)
  std::vector<std::string> org_authors;  // authors typed Organization
};

// Reads JSON-LD script bodies; malformed blocks are skipped.
JsonLdMeta ReadJsonLd(const std::vector<std::string>& blocks);

// meta_title.cc. The page title: the <h1> agreeing with the metadata title
// (og:title, else JSON-LD headline, else <title>), else that title; site
// name, taglines, labels and leading dates removed. *h1 is the headline
// element used (-1 when none).
std::string ChooseTitle(const HtmlDom& dom, const std::string& og, const JsonLdMeta& ld,
                        const std::string& site, const std::string& domain, int* h1);

// meta_displayed.cc. A visible text node (head, script, select... excluded),
// whitespace collapsed, at `pos` code points into the page's visible text.
struct TextLine {
  int node;
  int32_t pos;
  std::string text;
};
// All visible text lines in document order; *anchor_pos is the position of
// element `anchor` (0 when anchor < 0).
std::vector<TextLine> VisibleLines(const HtmlDom& dom, int anchor, int32_t* anchor_pos);
// Dates (YYYY-MM-DD) in short lines from 300 code points before the anchor to
// 2000 after, in document order.
std::vector<std::string> DisplayedDates(const std::vector<TextLine>& lines, int32_t anchor_pos);
// The first byline near the anchor (500 before to 1500 after): a line
// starting "By" / "Written by" / "Author:" (name possibly in the next nodes),
// or an element named *author* / *byline*; split by SplitAuthors.
std::vector<std::string> DisplayedAuthors(const HtmlDom& dom, const std::vector<TextLine>& lines,
                                          int32_t anchor_pos);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_META_INTERNAL_H_
