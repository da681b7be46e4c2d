// Foundation HTML cleaner: the whole visible body text (html_text.h) and the
// og:title / <title>. No boilerplate removal yet (the clean issue adds it).
#include "clean/formats.h"
#include "clean/html_text.h"

namespace dateline {

void CleanHtml(const RawPage& page, Document* d) {
  HtmlText h = ExtractHtmlText(page.content);
  d->text = std::move(h.text);
  if (!d->title && !h.title.empty()) d->title = h.title;
}

}  // namespace dateline
