// Foundation version of the clean stage: a plain, documented baseline.
//  - html: visible text of <body> block by block, minus script/style/nav/
//    header/footer/aside/form; title from og:title or <title>.
//  - dump: the page text with blank lines removed (no boilerplate removal yet).
//  - text: kept exactly.
// The crawl header date becomes `published` (source "header").
#include "clean/cleaner.h"

#include <cctype>

#include "clean/html_text.h"

namespace dateline {

Cleaner::Cleaner(CleanOptions options) : options_(options) {}

void Cleaner::Observe(const RawPage& page, TemplateStats* delta) {}

namespace {

std::string DumpText(const std::string& content) {
  std::string out;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line(content.data() + pos, nl - pos);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace

Document Cleaner::Clean(const RawPage& page) const {
  Document d;
  d.id = page.id;
  d.url = page.url;
  d.outlet = page.outlet;
  d.title = page.title;
  d.format = page.format;
  d.content_hash = page.content_hash;
  if (page.published) {
    d.published = page.published;
    d.published_source = "metadata";
  } else if (page.crawl_date) {
    d.published = page.crawl_date->substr(0, 10);
    d.published_source = "header";
  }
  if (page.format == "text") {
    d.text = page.content;
  } else if (page.format == "html") {
    HtmlText h = ExtractHtmlText(page.content);
    d.text = std::move(h.text);
    if (!d.title && !h.title.empty()) d.title = h.title;
  } else {
    d.text = DumpText(page.content);
  }
  if (page.encoding_repaired) d.flags.push_back("encoding_repaired");
  if (d.text.empty()) d.flags.push_back("empty_body");
  return d;
}

}  // namespace dateline
