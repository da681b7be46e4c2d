// Training and evaluation of the text-dump line model against gold article
// text (the AEB layout: {id: {"articleBody": ..., "url": ...}}). Used by
// `dateline train-dump` and by the AEB regression test. Not thread-safe
// (single caller); cost is linear in the pages' lines times epochs.
#ifndef DATELINE_CLEAN_DUMP_TRAIN_H_
#define DATELINE_CLEAN_DUMP_TRAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "clean/dump_features.h"
#include "clean/dump_model.h"

namespace dateline {

struct TrainPage {
  std::string id;
  std::string dump;   // whole-page text dump
  std::string gold;   // gold article body
  std::string group;  // pages of one group (site) stay in one fold
};

// Pages whose ids are in both files: GOLD {id: {articleBody, url}} and DUMPS
// (same layout, optionally wrapped in {"output": ...}).
Result<std::vector<TrainPage>> LoadAebPages(const std::string& gold_path, const std::string& dumps_path);

// 1 for lines that belong to the gold text: most of their 4-word shingles
// occur in it, or (short lines) their words occur in it next to a body line.
std::vector<int> LabelDumpLines(const std::vector<DumpLine>& lines, std::string_view gold);

// The AEB scorer's shingle measure (tools/score_extraction.py): per-page
// shingle precision and recall averaged over pages, F1 of the means.
class ShingleScorer {
 public:
  void Add(std::string_view gold, std::string_view pred);
  double Precision() const;
  double Recall() const;
  double F1() const;

 private:
  std::vector<double> ps_, rs_;
};

struct TrainOptions {
  int folds = 2;        // CV folds for the reported figure; 1 = train on extra only
  int epochs = 12;
  double l2 = 1e-6;
  double learning_rate = 0.2;
  uint64_t seed = 1;
};

struct TrainResult {
  DumpLineModel model;   // trained on all pages
  std::string report;    // cross-validated figures, human readable
  double cv_f1 = 0;      // out-of-fold shingle F1 at the chosen threshold
  // Per input page: the body its out-of-fold model selects (for the scorer).
  std::vector<std::string> oof_text;
};

// Cross-validates over `pages` (folds by group) and trains the final model on
// `pages` plus `extra` (pages only ever trained on, e.g. another data set).
Result<TrainResult> TrainDumpModel(const std::vector<TrainPage>& pages, const std::vector<TrainPage>& extra,
                                   const DumpLexicon& lex, const TrainOptions& options);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_TRAIN_H_
