// `dateline train-ner --train eng.train --dev eng.testa --out data/ner/model.bin`
// Trains the averaged-perceptron NER tagger (annotate/ner_train.h); prints
// the dev F1 of every epoch and keeps the best epoch. Deterministic.
#include <iostream>

#include "annotate/entity_countries.h"
#include "annotate/ner_train.h"
#include "base/data_dir.h"
#include "cli/commands.h"

namespace dateline::cli {

namespace {

struct TrainArgs {
  std::string train, dev, out, gazetteer;
  ner::NerTrainOptions options;
};

int RunTrainNer(const TrainArgs& a) {
  auto train = ner::ReadConll(a.train);
  if (!train.ok()) {
    std::cerr << "dateline train-ner: " << train.status().ToString() << "\n";
    return kExitError;
  }
  std::vector<ner::ConllDoc> dev;
  if (!a.dev.empty()) {
    auto d = ner::ReadConll(a.dev);
    if (!d.ok()) {
      std::cerr << "dateline train-ner: " << d.status().ToString() << "\n";
      return kExitError;
    }
    dev = std::move(d.value());
  }
  std::string gaz_path = a.gazetteer.empty() ? DataDir() + "/ner/gazetteer_extra.tsv" : a.gazetteer;
  auto extra = ner::ReadGazetteer(gaz_path);
  if (!extra.ok()) {
    std::cerr << "dateline train-ner: " << extra.status().ToString() << "\n";
    return kExitError;
  }
  auto countries = CountryTable::Load(DataDir() + "/ner/countries.tsv");
  if (!countries.ok()) {
    std::cerr << "dateline train-ner: " << countries.status().ToString() << "\n";
    return kExitError;
  }
  for (auto& e : countries->GazetteerEntries()) extra->push_back(e);
  ner::NerModel model;
  auto report = ner::TrainNer(train.value(), dev, extra.value(), a.options, &model, &std::cerr);
  if (!report.ok()) {
    std::cerr << "dateline train-ner: " << report.status().ToString() << "\n";
    return kExitError;
  }
  Status st = model.Save(a.out);
  if (!st.ok()) {
    std::cerr << "dateline train-ner: " << st.ToString() << "\n";
    return kExitError;
  }
  std::cout << "best epoch " << report->best_epoch << " dev F1 " << report->best_dev_f1 << ", "
            << model.num_features() << " features -> " << a.out << "\n";
  return kExitOk;
}

}  // namespace

void AddTrainNer(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("train-ner", "Train the named-entity tagger on CoNLL-2003 files");
  auto a = std::make_shared<TrainArgs>();
  cmd->add_option("--train", a->train, "CoNLL training file")->required();
  cmd->add_option("--dev", a->dev, "CoNLL dev file (picks the best epoch)");
  cmd->add_option("--out", a->out, "model file to write")->required();
  cmd->add_option("--gazetteer", a->gazetteer, "extra gazetteer TSV (default data/ner/gazetteer_extra.tsv)");
  cmd->add_option("--epochs", a->options.epochs, "training epochs");
  cmd->add_option("--min-count", a->options.min_count, "feature count cut-off");
  cmd->add_option("--seed", a->options.seed, "shuffle seed");
  cmd->add_option("--prune", a->options.prune, "drop averaged weights below this");
  cmd->callback([=] { *exit_code = RunTrainNer(*a); });
}

}  // namespace dateline::cli
