// Fuzz driver for the HTML cleaner: tree builder (html_dom.h), metadata
// (html_meta.h, including JSON-LD), article extraction (html_extract.h) and
// the Cleaner entry point on format "html" (input made valid UTF-8 first, as
// readers guarantee). Any input must give a Document without crashing.
#include <string>

#include "base/utf8.h"
#include "clean/cleaner.h"
#include "clean/html_dom.h"
#include "clean/html_extract.h"
#include "clean/html_meta.h"
#include "fuzz/fuzz_main.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string s(reinterpret_cast<const char*>(data), size);
  namespace h = dateline::html;
  h::HtmlDom dom = h::HtmlDom::Parse(s, 64);
  h::ReadMeta(dom, "https://example.com/2020/01/02/x");
  h::ExtractArticle(dom, h::HtmlRules::Default());
  h::NormalizeDate(s.substr(0, 64));
  h::SplitAuthors(s.substr(0, 200));
  static const dateline::Cleaner cleaner;
  dateline::RawPage page;
  page.format = "html";
  page.content = dateline::utf8::Repair(s);  // RawPage promises valid UTF-8
  cleaner.Clean(page);
  return 0;
}
