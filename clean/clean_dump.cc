// Text-dump cleaner: line classification (clean/dump_model.h) over line
// features (clean/dump_features.h) with template evidence from other pages
// of the same site, then metadata from the non-body lines (clean/dump_meta.h).
// See docs/clean-dump.md.
#include <algorithm>
#include <mutex>
#include <unordered_set>

#include "base/data_dir.h"
#include "base/hash.h"
#include "clean/dump_clean.h"
#include "clean/dump_meta.h"
#include "clean/dump_rules.h"
#include "clean/formats.h"

namespace dateline {
namespace {

constexpr int kBands = 6;
constexpr int kRowsPerBand = 3;
constexpr size_t kMinShortLines = 5;

std::string UrlHost(const std::string& url) {
  size_t s = url.find("://");
  size_t b = s == std::string::npos ? 0 : s + 3;
  size_t e = url.find_first_of("/?#:", b);
  std::string host = url.substr(b, e == std::string::npos ? std::string::npos : e - b);
  for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

bool ShortLine(const DumpLine& l) { return l.words >= 1 && l.words <= 6 && l.text.size() <= 80; }

// Distinct keys of the page's lines, in first-seen order.
std::vector<uint64_t> DistinctKeys(const std::vector<uint64_t>& keys) {
  std::unordered_set<uint64_t> seen;
  std::vector<uint64_t> out;
  for (uint64_t k : keys)
    if (seen.insert(k).second) out.push_back(k);
  return out;
}

std::vector<uint64_t> KeysOf(const std::vector<DumpLine>& lines) {
  std::vector<uint64_t> keys(lines.size());
  std::string scratch;
  for (size_t i = 0; i < lines.size(); ++i) keys[i] = LineKey(lines[i].text, &scratch);
  return keys;
}

// True when most of the page's longest lines recur on other pages: the page
// is a copy of one seen before (syndication, a re-crawl), and its shared
// lines are article text, not template.
bool LooksLikeCopy(const std::vector<DumpLine>& lines, const std::vector<double>& share) {
  std::vector<std::pair<int, size_t>> longest;
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].words >= 15) longest.emplace_back(lines[i].words, i);
  std::sort(longest.rbegin(), longest.rend());
  if (longest.size() > 5) longest.resize(5);
  size_t shared = 0;
  for (const auto& [w, i] : longest) shared += share[i] > 0;
  return !longest.empty() && shared * 2 > longest.size();
}

}  // namespace

const DumpResources& DefaultDumpResources() {
  static const DumpResources* r = [] {
    auto* res = new DumpResources;
    std::string dir = DataDir() + "/clean/dump";
    if (auto lex = DumpLexicon::Load(dir); lex.ok()) res->lex = std::move(lex.value());
    else res->error = lex.status().message();
    if (auto r = DumpMetaRules::Load(dir); r.ok()) res->meta = std::move(r.value());
    else res->error += (res->error.empty() ? "" : "; ") + r.status().message();
    if (auto m = DumpLineModel::Load(dir + "/line_model.tsv"); m.ok()) res->model = std::move(m.value());
    else res->error += (res->error.empty() ? "" : "; ") + m.status().message();
    return res;
  }();
  return *r;
}

std::vector<std::string> DumpSiteKeys(const RawPage& page, const std::vector<DumpLine>& lines) {
  return DumpSiteKeys(page, lines, KeysOf(lines));
}

std::vector<std::string> DumpSiteKeys(const RawPage& page, const std::vector<DumpLine>& lines,
                                      const std::vector<uint64_t>& keys) {
  if (page.url && !UrlHost(*page.url).empty()) return {"host:" + UrlHost(*page.url)};
  if (page.outlet && !page.outlet->empty()) return {"outlet:" + NormalizeLine(*page.outlet)};
  std::vector<uint64_t> shorts;
  std::unordered_set<uint64_t> seen;
  for (size_t i = 0; i < lines.size(); ++i)
    if (ShortLine(lines[i]) && seen.insert(keys[i]).second) shorts.push_back(keys[i]);
  if (shorts.size() < kMinShortLines) return {};
  std::vector<std::string> out;
  for (int b = 0; b < kBands; ++b) {
    std::string key = "tpl:" + std::to_string(b);
    for (int r = 0; r < kRowsPerBand; ++r) {
      uint64_t seed = static_cast<uint64_t>(b * kRowsPerBand + r + 1) * 0x9E3779B97F4A7C15ull;
      uint64_t best = ~0ull;
      for (uint64_t k : shorts) best = std::min(best, Hash64(std::string_view(reinterpret_cast<const char*>(&k), 8), seed));
      key += ":" + std::to_string(best % 1000000007ull);
    }
    out.push_back(std::move(key));
  }
  return out;
}

Cleaner::Observation ObserveDump(const RawPage& page) {
  std::vector<DumpLine> lines = SplitDumpLines(page.content);
  std::vector<uint64_t> keys = KeysOf(lines);
  Cleaner::Observation o;
  o.lines = DistinctKeys(keys);
  o.sites = DumpSiteKeys(page, lines, keys);
  return o;
}

PageLines PrepareDumpPage(const RawPage& raw, const TemplateStats& templates, const DumpLexicon& lex) {
  PageLines page;
  page.lines = SplitDumpLines(raw.content);
  page.keys = KeysOf(page.lines);
  std::vector<std::string> sites = DumpSiteKeys(raw, page.lines, page.keys);
  std::vector<double> share(page.lines.size(), -1);
  for (const auto& s : sites) {
    int64_t others = templates.SitePages(s) - 1;  // the page itself was observed
    if (others < 1) continue;
    const auto* site_lines = templates.SiteLines(s);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      int64_t pages = 0;
      if (site_lines) pages = site_lines->Count(page.keys[i]);
      int64_t with = std::max<int64_t>(0, pages - 1);
      share[i] = std::max(share[i], std::min(1.0, static_cast<double>(with) / others));
    }
  }
  if (LooksLikeCopy(page.lines, share)) std::fill(share.begin(), share.end(), -1.0);
  ComputeFacts(lex, share, &page);
  return page;
}

std::vector<double> ScoreDumpLinesReference(const PageLines& page, const DumpLineModel& model) {
  const size_t n = page.lines.size();
  std::vector<double> p1(n);
  for (size_t i = 0; i < n; ++i) p1[i] = model.stage1.Predict(LineFeatures(page, i));
  Stage1 s1 = MakeStage1(page, std::move(p1));
  std::vector<double> p2(n);
  for (size_t i = 0; i < n; ++i) p2[i] = model.stage2.Predict(ContextFeatures(page, s1, i));
  return p2;
}

std::vector<double> ScoreDumpLines(const PageLines& page, const DumpLineModel& model) {
  const size_t n = page.lines.size();
  std::vector<double> p1(n);
  if (model.empty()) {  // rule: prose lines inside the best prose run
    for (size_t i = 0; i < n; ++i) {
      const auto& r = page.prose_run;
      p1[i] = r.found && i >= r.a && i <= r.b && page.facts[i].words >= 6 ? 1.0 : 0.0;
    }
    return p1;
  }
  if (!model.indexed()) return ScoreDumpLinesReference(page, model);
  // One pass over the stage-1 features sums both stages' weights; stage 2
  // then adds its context features. Sums run in the reference's order, so
  // the scores are the same doubles.
  std::vector<double> z2(n);
  double z1 = 0, z = 0;
  FeatureEmitter both = [&](std::string_view f) {
    if (const auto* w = model.Find(f)) z1 += w->stage1, z += w->stage2;
  };
  for (size_t i = 0; i < n; ++i) {
    z1 = z = 0;
    EmitLineFeatures(page, i, both);
    p1[i] = LinearModel::Probability(z1);
    z2[i] = z;
  }
  Stage1 s1 = MakeStage1(page, std::move(p1));
  FeatureEmitter second = [&](std::string_view f) {
    if (const auto* w = model.Find(f)) z += w->stage2;
  };
  std::vector<double> p2(n);
  for (size_t i = 0; i < n; ++i) {
    z = z2[i];
    EmitContextOnlyFeatures(page, s1, i, second);
    p2[i] = LinearModel::Probability(z);
  }
  return p2;
}

void CleanDump(const RawPage& raw, const TemplateStats& templates, Document* d) {
  const DumpResources& res = DefaultDumpResources();
  PageLines page = PrepareDumpPage(raw, templates, res.lex);
  std::vector<double> p = ScoreDumpLines(page, res.model);
  std::vector<bool> body(p.size());
  for (size_t i = 0; i < p.size(); ++i) body[i] = p[i] >= res.model.threshold;
  ExtractDumpMeta(res.meta, page, &body, d);
  RefineBody(res.meta, page, &body);
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!body[i]) continue;
    if (!out.empty()) out += '\n';
    out += page.lines[i].text;
  }
  d->text = std::move(out);
}

}  // namespace dateline
