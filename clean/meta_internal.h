// Internal to clean/: the JSON-LD reader and the displayed-date finder used
// by ReadMeta (html_meta.h).
#ifndef DATELINE_CLEAN_META_INTERNAL_H_
#define DATELINE_CLEAN_META_INTERNAL_H_

#include <string>
#include <vector>

#include "clean/html_dom.h"

namespace dateline::html {

struct JsonLdMeta {
  bool found_article = false;  // an Article-like @type was found
  std::string type, headline, published, modified, publisher, body;
  std::vector<std::string> authors;
};

// Reads JSON-LD script bodies; malformed blocks are skipped.
JsonLdMeta ReadJsonLd(const std::vector<std::string>& blocks);

// Dates (YYYY-MM-DD) shown in short visible text lines near the headline
// element `anchor` (from 300 code points before it to 2000 after; the page
// start when anchor < 0), in document order (meta_displayed.cc).
std::vector<std::string> DisplayedDates(const HtmlDom& dom, int anchor);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_META_INTERNAL_H_
