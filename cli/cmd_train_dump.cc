// `dateline train-dump`: trains the text-dump line classifier from gold
// article text and the pages' text dumps (AEB layout), printing
// cross-validated figures. See docs/clean-dump.md.
#include <iostream>

#include "base/data_dir.h"
#include "clean/dump_train.h"
#include "cli/commands.h"

namespace dateline::cli {

void AddTrainDump(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("train-dump", "Train the text-dump line classifier (clean stage)");
  auto gold = std::make_shared<std::string>();
  auto dumps = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto extra_gold = std::make_shared<std::string>();
  auto extra_dumps = std::make_shared<std::string>();
  auto opts = std::make_shared<TrainOptions>();
  cmd->add_option("GOLD", *gold, "gold JSON {id: {articleBody, url}}")->required();
  cmd->add_option("DUMPS", *dumps, "page dumps JSON {id: {articleBody}}")->required();
  cmd->add_option("--extra-gold", *extra_gold, "more gold pages, used for training only");
  cmd->add_option("--extra-dumps", *extra_dumps, "their dumps (same layout)");
  cmd->add_option("--out", *out, "model file to write (default: print figures only)");
  cmd->add_option("--folds", opts->folds, "cross-validation folds (by site)");
  cmd->add_option("--epochs", opts->epochs, "training epochs");
  cmd->add_option("--seed", opts->seed, "random seed");
  cmd->callback([=] {
    auto lex = DumpLexicon::Load(DataDir() + "/clean/dump");
    auto pages = LoadAebPages(*gold, *dumps);
    if (!lex.ok() || !pages.ok()) {
      std::cerr << "dateline: " << (lex.ok() ? pages.status() : lex.status()).ToString() << "\n";
      *exit_code = kExitError;
      return;
    }
    std::vector<TrainPage> extra;
    if (!extra_gold->empty()) {
      auto e = LoadAebPages(*extra_gold, *extra_dumps);
      if (!e.ok()) {
        std::cerr << "dateline: " << e.status().ToString() << "\n";
        *exit_code = kExitError;
        return;
      }
      extra = std::move(e.value());
    }
    auto r = TrainDumpModel(*pages, extra, *lex, *opts);
    if (!r.ok()) {
      std::cerr << "dateline: " << r.status().ToString() << "\n";
      *exit_code = kExitError;
      return;
    }
    std::cout << r->report << "\n";
    if (!out->empty()) {
      Status s = r->model.Save(*out, "dateline train-dump GOLD DUMPS" +
                                         (extra_gold->empty() ? "" : " --extra-gold " + *extra_gold) +
                                         " --folds " + std::to_string(opts->folds) +
                                         " --epochs " + std::to_string(opts->epochs) + " --seed " +
                                         std::to_string(opts->seed) + "\n" + r->report);
      if (!s.ok()) {
        std::cerr << "dateline: " << s.ToString() << "\n";
        *exit_code = kExitError;
      }
    }
  });
}

}  // namespace dateline::cli
