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
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dateline {

struct LinearModel {
  std::unordered_map<std::string, float> weights;
  // Probability that features x describe a body line.
  double Predict(const std::vector<std::string>& x) const;
};

struct DumpLineModel {
  LinearModel stage1, stage2;
  double threshold = 0.5;
  bool empty() const { return stage1.weights.empty() || stage2.weights.empty(); }

  static Result<DumpLineModel> Load(const std::string& path);
  // Writes the model with a header comment (e.g. how it was trained).
  Status Save(const std::string& path, const std::string& comment) const;
};

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_MODEL_H_
