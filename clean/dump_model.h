// The text-dump line classifier: two logistic-regression stages over binary
// line features (clean/dump_features.h). Stage 1 scores each line alone;
// stage 2 sees the stage-1 scores of its neighbours. A line is article body
// when its stage-2 probability reaches `threshold`.
//
// File format (data/clean/dump/line_model.tsv): "#" comments, then rows
// "threshold<TAB>value" and "1|2<TAB>feature<TAB>weight". Trained by
// `dateline train-dump` (clean/dump_train.h). Immutable after Load; Score is
// thread-safe.
#ifndef DATELINE_CLEAN_DUMP_MODEL_H_
#define DATELINE_CLEAN_DUMP_MODEL_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "clean/dump_features.h"

namespace dateline {

struct LinearModel {
  std::unordered_map<std::string, float> weights;
  // Probability that features x describe a body line.
  double Predict(const std::vector<std::string>& x) const;
  // The probability for a sum of weights z (what Predict computes).
  static double Probability(double z);
};

struct DumpLineModel {
  LinearModel stage1, stage2;
  double threshold = 0.5;
  bool empty() const { return stage1.weights.empty() || stage2.weights.empty(); }

  // Both stages' weights of every feature (0 where a stage has none), so
  // that scoring looks each feature up once, by string_view. Built by Load
  // and BuildIndex(); stale if the weights change after.
  struct Weights {
    float stage1 = 0, stage2 = 0;
  };
  std::unordered_map<std::string, Weights, StringViewHash, std::equal_to<>> index;
  void BuildIndex();
  bool indexed() const { return !index.empty(); }
  const Weights* Find(std::string_view feature) const {
    auto it = index.find(feature);
    return it == index.end() ? nullptr : &it->second;
  }

  static Result<DumpLineModel> Load(const std::string& path);
  // Writes the model with a header comment (e.g. how it was trained).
  Status Save(const std::string& path, const std::string& comment) const;
};

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_MODEL_H_
