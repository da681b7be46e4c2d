#include "clean/cleaner.h"

namespace dateline {

void TemplateStats::Observe(const std::string& site, const std::vector<uint64_t>& hashes) {
  ++pages_[site];
  auto& m = lines_[site];
  for (uint64_t h : hashes) ++m[h];
  // Bounded memory: a site's lines seen on one page only are forgotten when
  // it holds too many (a template line recurs, so it soon comes back).
  if (m.size() > kMaxLinesPerSite) {
    for (auto it = m.begin(); it != m.end();) {
      if (it->second <= 1) it = m.erase(it);
      else ++it;
    }
    if (m.size() > kMaxLinesPerSite / 2) m.rehash(0);
  }
}

int64_t TemplateStats::LinePages(const std::string& site, uint64_t h) const {
  const auto* m = SiteLines(site);
  if (!m) return 0;
  auto jt = m->find(h);
  return jt == m->end() ? 0 : jt->second;
}

const std::unordered_map<uint64_t, int64_t>* TemplateStats::SiteLines(const std::string& site) const {
  auto it = lines_.find(site);
  return it == lines_.end() ? nullptr : &it->second;
}

int64_t TemplateStats::SitePages(const std::string& site) const {
  auto it = pages_.find(site);
  return it == pages_.end() ? 0 : it->second;
}

std::vector<TemplateRow> TemplateStats::Export() const {
  std::vector<TemplateRow> rows;
  for (const auto& [site, n] : pages_) rows.push_back({site, 0, n});
  for (const auto& [site, m] : lines_)
    for (const auto& [h, n] : m)
      if (n > 1) rows.push_back({site, h, n});  // lines seen once carry no template evidence
  return rows;
}

void TemplateStats::Import(const std::vector<TemplateRow>& rows) {
  for (const auto& r : rows) {
    if (r.line_hash == 0) pages_[r.site] += r.pages;
    else lines_[r.site][r.line_hash] += r.pages;
  }
}

}  // namespace dateline
