#include "clean/dump_train.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "base/hash.h"
#include "clean/cleaner.h"
#include "clean/dump_clean.h"
#include "clean/formats.h"

namespace dateline {
namespace {

using Counts = std::unordered_map<std::string, int>;

std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  for (auto t : WordTokens(s)) out.emplace_back(t);
  return out;
}

std::string Join(const std::vector<std::string>& t, size_t b, size_t e) {
  std::string k;
  for (size_t i = b; i < e; ++i) {
    if (i > b) k += '\x1f';
    k += t[i];
  }
  return k;
}

Counts Shingles(std::string_view text) {
  std::vector<std::string> t = Tokens(text);
  Counts c;
  if (t.empty()) return c;
  if (t.size() < 4) {
    ++c[Join(t, 0, t.size())];
    return c;
  }
  for (size_t i = 0; i + 4 <= t.size(); ++i) ++c[Join(t, i, i + 4)];
  return c;
}

Result<nlohmann::json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (j.is_object() && j.contains("output") && j["output"].is_object()) j = j["output"];
    return j;
  } catch (const std::exception& e) {
    return Status::InvalidInput(path + ": " + e.what());
  }
}

std::string Host(const std::string& url) {
  size_t s = url.find("://");
  size_t b = s == std::string::npos ? 0 : s + 3;
  return url.substr(b, url.find('/', b) == std::string::npos ? std::string::npos : url.find('/', b) - b);
}

// Features as indices into a growing dictionary.
struct Dict {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> names;
  std::vector<int> Map(const std::vector<std::string>& x) {
    std::vector<int> out;
    out.reserve(x.size());
    for (const auto& f : x) {
      auto [it, added] = ids.emplace(f, static_cast<int>(names.size()));
      if (added) names.push_back(f);
      out.push_back(it->second);
    }
    return out;
  }
};

struct Sample {
  std::vector<int> x;
  float y = 0, w = 1;
};

// Logistic regression by AdaGrad with L2, sample-weighted.
std::vector<float> TrainLr(const std::vector<const Sample*>& data, size_t dim, const TrainOptions& o) {
  std::vector<float> w(dim, 0), g2(dim, 1e-6f);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(o.seed);
  for (int e = 0; e < o.epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k : order) {
      const Sample& s = *data[k];
      double z = 0;
      for (int f : s.x) z += w[f];
      double p = 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0)));
      double g = (p - s.y) * s.w;
      for (int f : s.x) {
        double gf = g + o.l2 * w[f];
        g2[f] += static_cast<float>(gf * gf);
        w[f] -= static_cast<float>(o.learning_rate * gf / std::sqrt(g2[f]));
      }
    }
  }
  return w;
}

double Predict(const std::vector<float>& w, const std::vector<int>& x) {
  double z = 0;
  for (int f : x)
    if (f < static_cast<int>(w.size())) z += w[f];
  return 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

LinearModel ToModel(const std::vector<float>& w, const Dict& d) {
  LinearModel m;
  for (size_t i = 0; i < w.size() && i < d.names.size(); ++i)
    if (std::fabs(w[i]) >= 1e-4) m.weights[d.names[i]] = w[i];
  return m;
}

// One page prepared for training: lines, labels, stage-1 samples.
struct Prepared {
  PageLines page;
  std::vector<Sample> s1;
  int fold = 0;
};

// Stage-1 weights trained on `train`, plus out-of-fold stage-1 scores for
// every page of `train` (inner 2-fold cross-fitting) to train stage 2 on.
struct StageTwoData {
  std::vector<float> w1, w2;
};

std::vector<const Sample*> Collect(const std::vector<Prepared>& pages, const std::vector<size_t>& idx) {
  std::vector<const Sample*> out;
  for (size_t i : idx)
    for (const auto& s : pages[i].s1) out.push_back(&s);
  return out;
}

std::vector<Sample> StageTwoSamples(const Prepared& p, const std::vector<float>& w1, Dict* d2) {
  std::vector<double> p1(p.s1.size());
  for (size_t i = 0; i < p1.size(); ++i) p1[i] = Predict(w1, p.s1[i].x);
  Stage1 s1 = MakeStage1(p.page, std::move(p1));
  std::vector<Sample> out(p.s1.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].x = d2->Map(ContextFeatures(p.page, s1, i));
    out[i].y = p.s1[i].y;
    out[i].w = p.s1[i].w;
  }
  return out;
}

StageTwoData TrainTwoStages(const std::vector<Prepared>& pages, const std::vector<size_t>& train, Dict* d1,
                            Dict* d2, const TrainOptions& o) {
  StageTwoData r;
  r.w1 = TrainLr(Collect(pages, train), d1->names.size(), o);
  std::vector<size_t> half[2];
  for (size_t k = 0; k < train.size(); ++k) half[k % 2].push_back(train[k]);
  std::vector<Sample> s2;
  for (int h = 0; h < 2; ++h) {
    std::vector<float> w = TrainLr(Collect(pages, half[1 - h]), d1->names.size(), o);
    for (size_t i : half[h])
      for (auto& s : StageTwoSamples(pages[i], w, d2)) s2.push_back(std::move(s));
  }
  std::vector<const Sample*> ptrs;
  for (const auto& s : s2) ptrs.push_back(&s);
  r.w2 = TrainLr(ptrs, d2->names.size(), o);
  return r;
}

std::vector<double> ScoreTwoStages(const Prepared& p, const StageTwoData& m, Dict* d2) {
  std::vector<Sample> s2 = StageTwoSamples(p, m.w1, d2);
  std::vector<double> out(s2.size());
  for (size_t i = 0; i < s2.size(); ++i) out[i] = Predict(m.w2, s2[i].x);
  return out;
}

std::string Selected(const PageLines& page, const std::vector<double>& p, double threshold) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] < threshold) continue;
    if (!out.empty()) out += '\n';
    out += page.lines[i].text;
  }
  return out;
}

}  // namespace

Result<std::vector<TrainPage>> LoadAebPages(const std::string& gold_path, const std::string& dumps_path) {
  auto gold = ReadJson(gold_path);
  if (!gold.ok()) return gold.status();
  auto dumps = ReadJson(dumps_path);
  if (!dumps.ok()) return dumps.status();
  std::vector<TrainPage> pages;
  for (auto it = gold->begin(); it != gold->end(); ++it) {
    auto d = dumps->find(it.key());
    if (d == dumps->end()) continue;
    TrainPage p;
    p.id = it.key();
    auto text = [](const nlohmann::json& j) -> std::string {
      if (j.is_string()) return j.get<std::string>();
      if (j.is_object() && j.contains("articleBody") && j["articleBody"].is_string())
        return j["articleBody"].get<std::string>();
      return "";
    };
    p.gold = text(it.value());
    p.dump = text(*d);
    std::string url;
    if (it.value().is_object() && it.value().contains("url") && it.value()["url"].is_string())
      url = it.value()["url"].get<std::string>();
    p.group = url.empty() ? p.id : Host(url);
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const TrainPage& a, const TrainPage& b) { return a.id < b.id; });
  return pages;
}

std::vector<int> LabelDumpLines(const std::vector<DumpLine>& lines, std::string_view gold) {
  std::vector<std::string> gt = Tokens(gold);
  std::unordered_set<std::string> grams;  // gold 1- to 4-grams
  for (size_t n = 1; n <= 4; ++n)
    for (size_t i = 0; i + n <= gt.size(); ++i) grams.insert(Join(gt, i, i + n));
  std::vector<int> y(lines.size(), 0);
  std::vector<bool> is_short(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string> t = Tokens(lines[i].text);
    if (t.size() < 4) {
      is_short[i] = true;
      continue;
    }
    size_t hit = 0, all = t.size() - 3;
    for (size_t k = 0; k + 4 <= t.size(); ++k) hit += grams.count(Join(t, k, k + 4));
    y[i] = hit * 2 >= all ? 1 : 0;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!is_short[i]) continue;
    std::vector<std::string> t = Tokens(lines[i].text);
    if (t.empty() || !grams.count(Join(t, 0, t.size()))) continue;
    bool before = false, after = false;
    for (size_t j = i; j-- > 0 && j + 3 > i;) before |= !is_short[j] && y[j];
    for (size_t j = i + 1; j < lines.size() && j < i + 3; ++j) after |= !is_short[j] && y[j];
    y[i] = before && after ? 1 : 0;
  }
  return y;
}

void ShingleScorer::Add(std::string_view gold, std::string_view pred) {
  Counts t = Shingles(gold), p = Shingles(pred);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [k, n] : p) {
    auto it = t.find(k);
    int m = it == t.end() ? 0 : it->second;
    tp += std::min(n, m);
    fp += std::max(0, n - m);
  }
  for (const auto& [k, n] : t) {
    auto it = p.find(k);
    fn += std::max(0, n - (it == p.end() ? 0 : it->second));
  }
  if (fp == 0 && fn == 0 && tp > 0) {
    ps_.push_back(1);
    rs_.push_back(1);
    return;
  }
  if (tp + fp > 0) ps_.push_back(tp / (tp + fp));
  if (tp + fn > 0) rs_.push_back(tp / (tp + fn));
}

double ShingleScorer::Precision() const {
  double s = 0;
  for (double v : ps_) s += v;
  return ps_.empty() ? 0 : s / ps_.size();
}

double ShingleScorer::Recall() const {
  double s = 0;
  for (double v : rs_) s += v;
  return rs_.empty() ? 0 : s / rs_.size();
}

double ShingleScorer::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

Result<TrainResult> TrainDumpModel(const std::vector<TrainPage>& eval_pages, const std::vector<TrainPage>& extra,
                                   const DumpLexicon& lex, const TrainOptions& o) {
  if (eval_pages.empty()) return Status::InvalidInput("no training pages");
  std::vector<TrainPage> input = eval_pages;
  input.insert(input.end(), extra.begin(), extra.end());
  const size_t n_eval = eval_pages.size();
  if (o.folds < 1) return Status::InvalidInput("folds must be >= 1");
  if (o.folds == 1 && extra.empty()) return Status::InvalidInput("--folds 1 needs training-only pages");
  // Templates are learned across all pages, as one extract call does.
  std::vector<RawPage> raws(input.size());
  TemplateStats stats;
  for (size_t i = 0; i < input.size(); ++i) {
    raws[i].id = input[i].id;
    raws[i].format = "dump";
    raws[i].content = input[i].dump;
    Cleaner::Observation seen = ObserveDump(raws[i]);
    for (const std::string& site : seen.sites) stats.Observe(site, seen.lines);
  }
  Dict d1, d2;
  std::vector<Prepared> pages(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    Prepared& p = pages[i];
    p.page = PrepareDumpPage(raws[i], stats, lex);
    // With one fold the model is trained on `extra` alone and tested on all pages.
    p.fold = i < n_eval ? static_cast<int>(Hash64(input[i].group, o.seed) % o.folds) : -1;
    std::vector<int> y = LabelDumpLines(p.page.lines, input[i].gold);
    double gold_words = CountWords(input[i].gold);
    p.s1.resize(y.size());
    for (size_t k = 0; k < y.size(); ++k) {
      p.s1[k].x = d1.Map(LineFeatures(p.page, k));
      p.s1[k].y = static_cast<float>(y[k]);
      p.s1[k].w = static_cast<float>(std::min(20.0, 100.0 * (1 + p.page.facts[k].words) / (50 + gold_words)));
    }
  }
  // Out-of-fold scores for the reported figure.
  std::vector<std::vector<double>> oof(n_eval);
  for (int f = 0; f < o.folds; ++f) {
    std::vector<size_t> train;
    for (size_t i = 0; i < pages.size(); ++i)
      if (pages[i].fold != f) train.push_back(i);
    StageTwoData m = TrainTwoStages(pages, train, &d1, &d2, o);
    for (size_t i = 0; i < n_eval; ++i)
      if (pages[i].fold == f) oof[i] = ScoreTwoStages(pages[i], m, &d2);
  }
  TrainResult result;
  std::ostringstream rep;
  double best_t = 0.5, best_f = -1;
  for (double t = 0.3; t <= 0.71; t += 0.05) {
    ShingleScorer sc;
    for (size_t i = 0; i < n_eval; ++i) sc.Add(input[i].gold, Selected(pages[i].page, oof[i], t));
    rep << (o.folds == 1 ? std::string("trained on extra only, tested on all") : std::to_string(o.folds) + "-fold CV (by site)") << " threshold " << t << ": shingle P " << sc.Precision() << " R "
        << sc.Recall() << " F1 " << sc.F1() << "\n";
    if (sc.F1() > best_f + 1e-9) best_f = sc.F1(), best_t = t;
  }
  std::vector<size_t> all(pages.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  StageTwoData m = TrainTwoStages(pages, all, &d1, &d2, o);
  result.model.stage1 = ToModel(m.w1, d1);
  result.model.stage2 = ToModel(m.w2, d2);
  result.model.threshold = best_t;
  result.cv_f1 = best_f;
  for (size_t i = 0; i < n_eval; ++i) result.oof_text.push_back(Selected(pages[i].page, oof[i], best_t));
  rep << "chosen threshold " << best_t << " (out-of-fold F1 " << best_f << "); pages " << n_eval
      << " + training-only " << extra.size();
  result.report = rep.str();
  return result;
}

}  // namespace dateline
