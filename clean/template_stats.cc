#include "clean/cleaner.h"

#include <algorithm>

namespace dateline {

void TemplateStats::Observe(const std::string& site, const std::vector<uint64_t>& hashes) {
  ++pages_[site];
  auto& m = lines_[site];
  for (uint64_t h : hashes) m.Add(h);
  if (m.once_held() > kMaxOncePerSite) m.ForgetOnce();
  // Bounded memory: the rarest lines go first (a template line recurs, so it
  // survives or soon comes back). Forgetting down to half the cap when lines
  // seen once are not enough keeps the table bounded, and its rebuilds rare,
  // even when many lines recur a few times (copies).
  if (m.size() > kMaxLinesPerSite) {
    m.ForgetAtMost(1);
    if (m.size() > kMaxLinesPerSite / 4 * 3) m.ForgetRarest(kMaxLinesPerSite / 2);
  }
}

int64_t TemplateStats::LinePages(const std::string& site, uint64_t h) const {
  const LineCounts* m = SiteLines(site);
  return m ? m->Count(h) : 0;
}

const LineCounts* TemplateStats::SiteLines(const std::string& site) const {
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
    m.ForEach([&, &site = site](uint64_t h, uint32_t n) {
      if (n > 1) rows.push_back({site, h, n});  // lines seen once carry no template evidence
    });
  return rows;
}

void TemplateStats::Import(const std::vector<TemplateRow>& rows) {
  for (const auto& r : rows) {
    if (r.line_hash == 0) pages_[r.site] += r.pages;
    else lines_[r.site].Add(r.line_hash, static_cast<uint64_t>(std::max<int64_t>(0, r.pages)));
  }
}

size_t TemplateStats::MemoryBytes() const {
  constexpr size_t kNode = 64;  // a map node holding a site's key, with its bucket
  size_t n = 0;
  for (const auto& [site, m] : lines_) n += kNode + site.capacity() + m.MemoryBytes();
  for (const auto& [site, count] : pages_) n += kNode + site.capacity();
  return n;
}

}  // namespace dateline
