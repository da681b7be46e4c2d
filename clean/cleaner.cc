// Clean stage dispatch: by page format to CleanHtml (clean/clean_html.cc) or
// CleanDump (clean/clean_dump.cc); "text" is kept exactly. Then fields common
// to every format (ids, dates from the reader, flags).
#include "clean/cleaner.h"

#include <algorithm>

#include "clean/dump_lines.h"
#include "clean/formats.h"
#include "clean/lang.h"

namespace dateline {
namespace {

// An article has running prose: enough words and at least one full sentence
// line. Home pages, listings and galleries fail this.
bool LooksLikeArticle(const std::string& text) {
  int words = 0, prose_lines = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    int w = CountWords(line);
    words += w;
    char last = line.empty() ? 0 : line.back();
    if (w >= 12 && (last == '.' || last == '!' || last == '?' || last == '"' || static_cast<unsigned char>(last) >= 0x80))
      ++prose_lines;
    if (words >= 40 && prose_lines >= 1) return true;  // the counts only grow
    pos = nl + 1;
  }
  return false;
}

void SetLanguageAndFlags(const RawPage& page, const CleanOptions& options, Document* d) {
  std::string short_sample;  // only built for short texts
  std::string_view sample = d->text;
  if (!HasWords(d->text, 30)) {
    short_sample = d->title.value_or("") + "\n" + d->text + "\n" + (d->format == "html" ? "" : page.content);
    sample = short_sample;
  }
  if (auto lang = DetectLanguage(sample)) {
    d->language = lang->code;
    if (lang->reliable && !options.target_language.empty() && lang->code != options.target_language &&
        !d->text.empty())
      d->flags.push_back("other_language");
  }
  if (d->text.empty()) {
    d->flags.push_back("empty_body");
  } else if (d->format != "text" && !LooksLikeArticle(d->text) &&
             std::find(d->flags.begin(), d->flags.end(), "not_article") == d->flags.end()) {
    d->flags.push_back("not_article");
  }
}

}  // namespace

Cleaner::Cleaner(CleanOptions options) : options_(options) {}

Cleaner::Observation Cleaner::Prepare(const RawPage& page) const {
  if (page.format == "dump" && options_.learn_templates) return ObserveDump(page);
  return {};
}

void Cleaner::Observe(const Observation& o, TemplateStats* delta) {
  for (const std::string& site : o.sites) {
    templates_.Observe(site, o.lines);
    if (delta) delta->Observe(site, o.lines);
  }
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
  SetLanguageAndFlags(page, options_, &d);
  return d;
}

}  // namespace dateline
