// `dateline tag --conll FILE`: prints FILE with the predicted IOB2 tag as a new
// last column (the layout ../shared/tools/score_ner.py reads). Documents are
// split at -DOCSTART- lines so the document-level features see one document.
#include <iostream>

#include "annotate/ner_conll.h"
#include "annotate/ner_model.h"
#include "base/data_dir.h"
#include "cli/commands.h"

namespace dateline::cli {

int TagConll(const std::string& file) {
  auto model = ner::NerModel::Load(DataDir() + "/ner/model.bin");
  if (!model.ok()) {
    std::cerr << "dateline tag: " << model.status().ToString() << "\n";
    return kExitError;
  }
  auto docs = ner::ReadConll(file);
  if (!docs.ok()) {
    std::cerr << "dateline tag: " << docs.status().ToString() << "\n";
    return kExitError;
  }
  std::ios::sync_with_stdio(false);
  for (const auto& d : docs.value()) {
    std::cout << "-DOCSTART- -X- -X- O O\n\n";
    auto tags = model->Tag(ner::Featurize(d.words, model->gazetteer()));
    for (size_t s = 0; s < d.words.size(); ++s) {
      auto iob = ner::ToIob2(tags[s]);
      for (size_t i = 0; i < iob.size(); ++i) std::cout << d.lines[s][i] << ' ' << iob[i] << '\n';
      std::cout << '\n';
    }
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace dateline::cli
