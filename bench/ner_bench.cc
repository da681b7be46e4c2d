// NER tagger throughput (run by hand): tokens per second on one core, model
// loading excluded, median of 7 runs.
//   build/bench/ner_bench [CONLL_FILE] [RAW_TEXT_FILES...]
// CONLL_FILE ("" = default, "-" = skip) defaults to
// ../shared/data/ner/conll2003/eng.testa: features + greedy decoding on
// pre-tokenised text. Raw text files (e.g. samples/*.txt) time the whole
// entity layer: tokenize, split sentences, tag, group; each run goes over the
// files as many times as it takes to reach 200,000 tokens, so that small
// inputs still give a stable figure.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/entities.h"
#include "annotate/ner_conll.h"
#include "annotate/ner_model.h"
#include "annotate/sentences.h"
#include "base/data_dir.h"
#include "bench/bench_util.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

using dateline::bench::CpuSeconds;  // wall time is printed too
using dateline::bench::Median;

}  // namespace

int main(int argc, char** argv) {
  using namespace dateline;
  std::string shared;
  std::string conll = argc > 1 ? argv[1] : "";
  if (conll.empty() && SharedDir(&shared)) conll = shared + "/data/ner/conll2003/eng.testa";
  auto model = ner::NerModel::Load(DataDir() + "/ner/model.bin");
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  if (conll == "-") conll.clear();
  if (!conll.empty()) {
    auto docs = ner::ReadConll(conll);
    if (!docs.ok()) {
      std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
      return 1;
    }
    size_t tokens = 0;
    for (const auto& d : docs.value())
      for (const auto& s : d.words) tokens += s.size();
    std::vector<double> rates, cpu_rates;
    for (int run = 0; run < 7; ++run) {
      auto t0 = std::chrono::steady_clock::now();
      double c0 = CpuSeconds();
      size_t sink = 0;
      for (const auto& d : docs.value()) sink += model->Tag(ner::Featurize(d.words, model->gazetteer())).size();
      rates.push_back(tokens / Seconds(t0));
      cpu_rates.push_back(tokens / (CpuSeconds() - c0));
      if (sink == 0) return 1;
    }
    std::printf("ner tagger (CoNLL tokens): %zu tokens, median %.0f tokens/s wall, %.0f tokens/s CPU\n", tokens,
                Median(rates), Median(cpu_rates));
  }
  if (argc > 2) {
    auto rec = EntityRecognizer::Load(DataDir());
    if (!rec.ok()) return 1;
    std::vector<std::string> texts;
    for (int i = 2; i < argc; ++i) {
      std::ifstream in(argv[i]);
      std::stringstream ss;
      ss << in.rdbuf();
      texts.push_back(ss.str());
    }
    std::vector<double> rates, cpu_rates;
    for (int run = 0; run < 7; ++run) {
      size_t tokens = 0;
      auto t0 = std::chrono::steady_clock::now();
      double c0 = CpuSeconds();
      while (tokens < 200000) {
        for (const auto& t : texts) {
          Document d;
          d.text = t;
          auto toks = Tokenize(d.text);
          d.sentences = SplitSentences(d.text, toks);
          (*rec)->Annotate(toks, &d);
          tokens += toks.size();
        }
        if (tokens == 0) break;
      }
      rates.push_back(tokens / Seconds(t0));
      cpu_rates.push_back(tokens / (CpuSeconds() - c0));
    }
    std::printf("entity layer (raw text: tokenize+split+tag+group): median %.0f tokens/s wall, %.0f tokens/s CPU\n",
                Median(rates), Median(cpu_rates));
  }
  return 0;
}
