// HTML cleaner: parse (html_dom.h), read metadata (html_meta.h), extract the
// article body (html_extract.h) and fill the Document. Fields the reader
// already set (url, outlet, title, published) are kept.
#include "clean/formats.h"
#include "clean/html_dom.h"
#include "clean/html_extract.h"
#include "clean/html_meta.h"
#include "clean/html_rules.h"

namespace dateline {
namespace {

// JSON-LD articleBody replaces the extraction only when the tree walk found
// clearly less (wrong container); it is never required.
constexpr double kBodyFallbackRatio = 0.5;
constexpr size_t kBodyFallbackMin = 500;
// Below this many characters of text a page is not treated as an article.
constexpr size_t kMinArticleChars = 250;

std::string BodyText(const std::string& raw) {
  std::string out;
  html::AppendDecoded(raw, &out);
  return out;
}

}  // namespace

void CleanHtml(const RawPage& page, Document* d) {
  html::HtmlDom dom = html::HtmlDom::Parse(page.content);
  html::PageMeta m = html::ReadMeta(dom, page.url ? *page.url : "");
  html::Extraction x = html::ExtractArticle(dom, html::HtmlRules::Default());
  d->text = std::move(x.text);
  if (m.article_body && m.article_body->size() >= kBodyFallbackMin &&
      d->text.size() < kBodyFallbackRatio * m.article_body->size())
    d->text = BodyText(*m.article_body);
  d->captions = std::move(x.captions);
  if (!d->url && m.url) d->url = m.url;
  if (!d->outlet && m.site_name) d->outlet = m.site_name;
  if (!d->title && m.title) d->title = m.title;
  if (!d->published && m.published) {
    d->published = m.published;
    d->published_source = m.published_source;
  }
  if (m.updated) d->updated = m.updated;
  if (!d->language && m.language) d->language = m.language;
  if (d->authors.empty()) d->authors = std::move(m.authors);
  bool listing = m.page_type == "website" || m.page_type == "collectionpage" ||
                 m.page_type == "itemlist" || m.page_type == "searchresultspage";
  if (d->text.size() < kMinArticleChars || (listing && x.page_link_density > 0.5))
    d->flags.push_back("not_article");
}

}  // namespace dateline
