// Training the NER tagger: an averaged perceptron over the features of
// ner_features.h, trained with greedy left-to-right decoding on its own
// predicted history, BILOU tags, evaluated on a dev set after every epoch;
// the best epoch's averaged weights are kept. Deterministic for a given seed.
//
// Gazetteer features on the training set are jackknifed: documents of fold k
// see only the entity names of the other folds (plus the extra list), so the
// model learns how far a gazetteer match can be trusted on unseen text. Cost:
// ~1 GB and a few minutes for CoNLL-2003 eng.train on one core.
#ifndef DATELINE_ANNOTATE_NER_TRAIN_H_
#define DATELINE_ANNOTATE_NER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "annotate/ner_conll.h"
#include "annotate/ner_model.h"
#include "base/status.h"

namespace dateline::ner {

struct NerTrainOptions {
  int epochs = 12;
  int min_count = 2;    // features seen fewer times (with gold history) are dropped
  uint64_t seed = 20250421;
  int folds = 5;        // gazetteer jackknife
  float prune = 0.01f;  // averaged weights below this (absolute) are dropped
};

struct NerTrainReport {
  int best_epoch = 0;
  double best_dev_f1 = 0;
  std::vector<double> dev_f1;  // per epoch
  size_t features = 0;
};

// Extra gazetteer entries: (lower-case phrase, type index).
using GazetteerList = std::vector<std::pair<std::string, int>>;
// Reads "TYPE<TAB>phrase" lines (TYPE as in TypeIndex; '#' comments).
Result<GazetteerList> ReadGazetteer(const std::string& path);

Result<NerTrainReport> TrainNer(const std::vector<ConllDoc>& train, const std::vector<ConllDoc>& dev,
                                const GazetteerList& extra, const NerTrainOptions& options, NerModel* out,
                                std::ostream* log);

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_TRAIN_H_
