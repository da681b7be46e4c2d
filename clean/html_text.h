// Baseline HTML to text with gumbo: visible block text of the body, in order.
// Thread-safe (no shared state).
#ifndef DATELINE_CLEAN_HTML_TEXT_H_
#define DATELINE_CLEAN_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace dateline {

struct HtmlText {
  std::string title;  // og:title, else <title>
  std::string text;   // paragraphs separated by "\n"
};

HtmlText ExtractHtmlText(std::string_view html);

}  // namespace dateline

#endif  // DATELINE_CLEAN_HTML_TEXT_H_
