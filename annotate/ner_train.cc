// Averaged-perceptron training of the NER tagger (see ner_train.h).
#include "annotate/ner_train.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <unordered_map>

namespace dateline::ner {
namespace {

// Entity phrases (lower-cased) of a document's gold tags.
void CollectEntities(const ConllDoc& d, GazetteerList* out) {
  for (size_t s = 0; s < d.words.size(); ++s) {
    const auto& tags = d.gold[s];
    size_t start = 0;
    for (size_t i = 0; i < tags.size(); ++i) {
      int pos = TagPos(tags[i]);
      if (pos == kB || pos == kU) start = i;
      if (pos == kL || pos == kU) {
        std::string phrase;
        for (size_t k = start; k <= i; ++k) phrase += (k > start ? " " : "") + Lower(d.words[s][k]);
        out->push_back({phrase, TagType(tags[i])});
        if (TagType(tags[i]) == 0 && i > start)
          for (size_t k = start; k <= i; ++k) out->push_back({Lower(d.words[s][k]), kNamePart});
      }
    }
  }
}

Gazetteer MakeGazetteer(const std::vector<const GazetteerList*>& lists) {
  Gazetteer g;
  for (const auto* l : lists)
    for (const auto& [p, t] : *l) g.Add(p, t);
  return g;
}

struct Weights {
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<float> w;
  std::vector<double> u;
  double c = 1;

  void Score(const std::vector<uint64_t>& feats, std::vector<int32_t>* idx, float* scores) const {
    std::fill(scores, scores + kNumTags, 0.f);
    idx->clear();
    for (uint64_t f : feats) {
      auto it = index.find(f);
      if (it == index.end()) continue;
      idx->push_back(static_cast<int32_t>(it->second));
      const float* row = &w[size_t(it->second) * kNumTags];
      for (int t = 0; t < kNumTags; ++t) scores[t] += row[t];
    }
  }
  void Update(const std::vector<int32_t>& idx, int tag, float v) {
    for (int32_t i : idx) {
      size_t k = size_t(i) * kNumTags + tag;
      w[k] += v;
      u[k] += c * v;
    }
  }
};

double Evaluate(const std::vector<DocFeatures>& feats, const std::vector<ConllDoc>& docs,
                const Weights& avg) {
  EntityScore score;
  std::vector<int32_t> idx;
  float scores[kNumTags];
  for (size_t d = 0; d < docs.size(); ++d) {
    auto tags = DecodeGreedy(feats[d], [&](const std::vector<uint64_t>& f, int prev, bool last, size_t, size_t) {
      avg.Score(f, &idx, scores);
      return BestAllowed(scores, prev, last);
    });
    for (size_t s = 0; s < tags.size(); ++s) ScoreSentence(docs[d].gold[s], tags[s], &score);
  }
  return 100.0 * score.F1();
}

}  // namespace

Result<GazetteerList> ReadGazetteer(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read gazetteer " + path);
  GazetteerList out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    int type = TypeIndex(line.substr(0, tab));
    if (type >= 0) out.push_back({Lower(line.substr(tab + 1)), type});
  }
  return out;
}

Result<NerTrainReport> TrainNer(const std::vector<ConllDoc>& train, const std::vector<ConllDoc>& dev,
                                const GazetteerList& extra, const NerTrainOptions& opt, NerModel* out,
                                std::ostream* log) {
  if (train.empty()) return Status::InvalidInput("no training documents");
  int folds = std::max(1, opt.folds);
  std::vector<GazetteerList> fold_entities(folds);
  for (size_t d = 0; d < train.size(); ++d) CollectEntities(train[d], &fold_entities[d % folds]);
  std::vector<const GazetteerList*> all = {&extra};
  for (const auto& f : fold_entities) all.push_back(&f);
  Gazetteer full = MakeGazetteer(all);
  std::vector<Gazetteer> fold_gaz;
  for (int k = 0; k < folds; ++k) {
    std::vector<const GazetteerList*> others = {&extra};
    for (int j = 0; j < folds; ++j)
      if (j != k || folds == 1) others.push_back(&fold_entities[j]);
    fold_gaz.push_back(MakeGazetteer(others));
  }
  std::vector<DocFeatures> tf, df;
  for (size_t d = 0; d < train.size(); ++d) tf.push_back(Featurize(train[d].words, fold_gaz[d % folds]));
  for (const auto& d : dev) df.push_back(Featurize(d.words, full));
  if (log) *log << "train-ner: " << train.size() << " train docs, " << dev.size() << " dev docs, gazetteer "
                << full.size() << " phrases\n";

  // Feature counts with gold history.
  std::unordered_map<uint64_t, uint32_t> counts;
  for (size_t d = 0; d < train.size(); ++d)
    DecodeGreedy(tf[d], [&](const std::vector<uint64_t>& f, int, bool, size_t s, size_t i) {
      for (uint64_t k : f) ++counts[k];
      return train[d].gold[s][i];
    });
  Weights wt;
  std::vector<uint64_t> keys;
  for (const auto& [k, n] : counts)
    if (n >= static_cast<uint32_t>(opt.min_count)) keys.push_back(k);
  counts.clear();
  std::sort(keys.begin(), keys.end());  // deterministic index order
  for (size_t i = 0; i < keys.size(); ++i) wt.index[keys[i]] = static_cast<uint32_t>(i);
  wt.w.assign(keys.size() * kNumTags, 0.f);
  wt.u.assign(keys.size() * kNumTags, 0.0);
  if (log) *log << "train-ner: " << keys.size() << " features\n";

  NerTrainReport report;
  report.features = keys.size();
  std::vector<float> best;
  std::mt19937_64 rng(opt.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<int32_t> idx;
  float scores[kNumTags];
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    long errors = 0, tokens = 0;
    for (size_t d : order) {
      DecodeGreedy(tf[d], [&](const std::vector<uint64_t>& f, int prev, bool last, size_t s, size_t i) {
        wt.Score(f, &idx, scores);
        int guess = BestAllowed(scores, prev, last);
        int gold = train[d].gold[s][i];
        if (guess != gold) {
          wt.Update(idx, gold, 1.f);
          wt.Update(idx, guess, -1.f);
          ++errors;
        }
        ++tokens;
        wt.c += 1;
        return guess;
      });
    }
    Weights avg;
    avg.index = wt.index;
    avg.w.resize(wt.w.size());
    for (size_t k = 0; k < wt.w.size(); ++k) avg.w[k] = static_cast<float>(wt.w[k] - wt.u[k] / wt.c);
    double f1 = dev.empty() ? 0 : Evaluate(df, dev, avg);
    report.dev_f1.push_back(f1);
    if (log) *log << "epoch " << epoch << ": train errors " << errors << "/" << tokens << ", dev F1 " << f1 << "\n";
    if (best.empty() || f1 > report.best_dev_f1) {
      report.best_dev_f1 = f1;
      report.best_epoch = epoch;
      best = std::move(avg.w);
    }
  }
  *out = NerModel();
  std::vector<float> row(kNumTags);
  for (size_t i = 0; i < keys.size(); ++i) {
    bool any = false;
    for (int t = 0; t < kNumTags; ++t) {
      float v = best[i * kNumTags + t];
      row[t] = std::fabs(v) < opt.prune ? 0.f : v;
      any |= row[t] != 0.f;
    }
    if (any) out->Add(Key32(keys[i]), row.data());
  }
  out->Finish();
  out->gazetteer() = full;
  return report;
}

}  // namespace dateline::ner
