// Quote layer throughput on one core: QuoteExtractor::Annotate over a
// directory of plain-text articles (tokens and sentences prepared outside
// the timed loop), and cross-document grouping over the result.
//   quotes_bench [DIR] [RUNS]
// DIR defaults to ../shared/data/quotes/polnear/train/text (else samples/).
// Prints the median MB/s of RUNS passes (default 5), by wall clock and by
// process CPU time (the second is what one free core would do on a loaded
// machine). Run by hand.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/quote_groups.h"
#include "annotate/quotes.h"
#include "annotate/sentences.h"
#include "annotate/tokenizer.h"
#include "base/data_dir.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> ReadDir(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dateline;
  std::string dir = argc > 1 ? argv[1] : "";
  if (dir.empty()) {
    std::string shared;
    dir = SharedDir(&shared) ? shared + "/data/quotes/polnear/train/text" : DataDir() + "/../samples";
  }
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  auto extractor = QuoteExtractor::Load(DataDir());
  if (!extractor.ok()) {
    std::fprintf(stderr, "quotes_bench: %s\n", extractor.status().ToString().c_str());
    return 1;
  }
  std::vector<std::string> texts = ReadDir(dir);
  std::vector<Document> docs(texts.size());
  std::vector<std::vector<Token>> tokens(texts.size());
  size_t bytes = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    docs[i].id = std::to_string(i);
    docs[i].text = texts[i];
    tokens[i] = Tokenize(docs[i].text);
    docs[i].sentences = SplitSentences(docs[i].text, tokens[i]);
    bytes += texts[i].size();
  }
  std::vector<double> mbps, cpu_mbps, group_ms;
  size_t quotes = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    std::clock_t c0 = std::clock();
    quotes = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      (*extractor)->Annotate(tokens[i], &docs[i]);
      quotes += docs[i].quotes.size();
    }
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    mbps.push_back(bytes / 1e6 / s);
    cpu_mbps.push_back(bytes / 1e6 / (static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC));
    auto t1 = Clock::now();
    size_t groups = GroupQuotes(docs).size();
    group_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t1).count());
    if (r == 0) std::printf("%zu documents, %.2f MB, %zu quotes, %zu groups\n", docs.size(), bytes / 1e6, quotes, groups);
  }
  std::printf("QuoteExtractor::Annotate  median %.1f MB/s wall, %.1f MB per CPU-second (%d runs, one thread)\n",
              Median(mbps), Median(cpu_mbps), runs);
  std::printf("GroupQuotes               median %.1f ms\n", Median(group_ms));
  return 0;
}
