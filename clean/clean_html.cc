// HTML cleaner: parse (html_dom.h), extract the article body (html_extract.h)
// and fill the Document.
#include "clean/formats.h"
#include "clean/html_dom.h"
#include "clean/html_extract.h"
#include "clean/html_rules.h"

namespace dateline {

void CleanHtml(const RawPage& page, Document* d) {
  html::HtmlDom dom = html::HtmlDom::Parse(page.content);
  html::Extraction x = html::ExtractArticle(dom, html::HtmlRules::Default());
  d->text = std::move(x.text);
  d->captions = std::move(x.captions);
}

}  // namespace dateline
