// Cleaner: RawPage -> Document with the article text and metadata (title,
// authors, outlet, publication date, language, captions, flags).
//
// Usage is two-phase so that template lines can be learned across pages of
// one site: Observe() every page of a batch (not thread-safe), then Clean()
// them (const, thread-safe). TemplateStats can be exported to and imported
// from the store so that learning carries across ingest runs.
#ifndef DATELINE_CLEAN_CLEANER_H_
#define DATELINE_CLEAN_CLEANER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/document.h"
#include "clean/line_counts.h"
#include "ingest/raw_page.h"

namespace dateline {

struct CleanOptions {
  bool learn_templates = true;  // use lines recurring across pages of a site
  // Documents reliably detected in another language are flagged "other_language".
  std::string target_language = "en";
};

// How often each normalised line (by hash) occurs across pages of one site.
struct TemplateRow {
  std::string site;
  uint64_t line_hash = 0;
  int64_t pages = 0;
};

// Memory: one flat LineCounts table per site (12 bytes a slot for a line
// seen on two or more pages, 4 for one seen once). When a site holds more
// than kMaxOncePerSite lines seen on one page only, they are forgotten (a
// template line recurs within a few pages, so it is counted before that or
// soon comes back); when it holds more than kMaxLinesPerSite lines, the
// least counted go too, down to half the cap. So a site costs at most
// ~0.6 MB, and ~0.1 MB when few of its lines recur (docs/memory.md).
class TemplateStats {
 public:
  static constexpr size_t kMaxLinesPerSite = 50000;
  static constexpr size_t kMaxOncePerSite = 12000;
  // Records the distinct lines of one page of `site`.
  void Observe(const std::string& site, const std::vector<uint64_t>& distinct_line_hashes);
  int64_t LinePages(const std::string& site, uint64_t line_hash) const;
  int64_t SitePages(const std::string& site) const;
  // Pages per line hash of `site`, or null when the site is unknown.
  const LineCounts* SiteLines(const std::string& site) const;
  std::vector<TemplateRow> Export() const;  // site pages are row with line_hash 0
  void Import(const std::vector<TemplateRow>& rows);
  size_t MemoryBytes() const;  // approximate bytes held

 private:
  std::unordered_map<std::string, LineCounts> lines_;
  std::unordered_map<std::string, int64_t> pages_;
};

class Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {});
  // Learns from one page (template lines of its site). Counts also go to
  // *delta when given, so the caller can persist what this batch added.
  void Observe(const RawPage& page, TemplateStats* delta = nullptr) { Observe(Prepare(page), delta); }
  // Observe() in two parts: what a page shows of its site's template (only
  // reads the page: thread-safe, may run ahead on another thread), then
  // counting it (not thread-safe).
  struct Observation {
    std::vector<std::string> sites;  // template keys of the page's site
    std::vector<uint64_t> lines;     // distinct line keys
  };
  Observation Prepare(const RawPage& page) const;
  void Observe(const Observation& o, TemplateStats* delta = nullptr);
  // Article text and metadata; every document gets `language` (when CLD2 can
  // tell) and the flags empty_body, not_article, other_language as they apply.
  Document Clean(const RawPage& page) const;
  TemplateStats& templates() { return templates_; }
  const TemplateStats& templates() const { return templates_; }

 private:
  CleanOptions options_;
  TemplateStats templates_;
};

}  // namespace dateline

#endif  // DATELINE_CLEAN_CLEANER_H_
