// Clean stage dispatch: by page format to CleanHtml (clean/clean_html.cc) or
// CleanDump (clean/clean_dump.cc); "text" is kept exactly. Then fields common
// to every format (ids, dates from the reader, flags).
#include "clean/cleaner.h"

#include "clean/formats.h"

namespace dateline {

Cleaner::Cleaner(CleanOptions options) : options_(options) {}

void Cleaner::Observe(const RawPage& page, TemplateStats* delta) {
  if (page.format == "dump" && options_.learn_templates) ObserveDump(page, &templates_, delta);
}

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
  }
  if (page.format == "text") {
    d.text = page.content;
  } else if (page.format == "html") {
    CleanHtml(page, &d);
  } else {
    CleanDump(page, templates_, &d);
  }
  if (!d.published && page.crawl_date) {
    d.published = page.crawl_date->substr(0, 10);
    d.published_source = "header";
  }
  if (page.encoding_repaired) d.flags.push_back("encoding_repaired");
  if (d.text.empty()) d.flags.push_back("empty_body");
  return d;
}

}  // namespace dateline
