// Time tagger throughput (MB of text per second, one core), side by side with
// chrono-node on the same text when bench/chrono/node_modules is installed
// (cd bench/chrono && npm ci). Run by hand:
//   build-time/bench/time_bench [MB]      (default 4 MB of text)
// The text is the TimeBank + AQUAINT articles (../shared) with their tags
// removed, else the seed pages, repeated to the requested size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "annotate/time.h"
#include "base/data_dir.h"

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The <TEXT> of a TimeML file without its tags.
std::string TimemlText(const std::string& doc) {
  size_t b = doc.find("<TEXT>"), e = doc.rfind("</TEXT>");
  if (b == std::string::npos || e == std::string::npos) return "";
  std::string out;
  bool in_tag = false;
  for (size_t i = b + 6; i < e; ++i) {
    if (doc[i] == '<') in_tag = true;
    else if (doc[i] == '>') in_tag = false;
    else if (!in_tag) out.push_back(doc[i]);
  }
  return out;
}

std::string Corpus() {
  std::string text, shared;
  if (dateline::SharedDir(&shared)) {
    for (const char* set : {"TimeBank", "AQUAINT"}) {
      fs::path dir = fs::path(shared) / "data/time/tbaq" / set;
      if (!fs::is_directory(dir)) continue;
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(dir)) files.push_back(f.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) text += TimemlText(ReadAll(f)) + "\n";
    }
  }
  if (text.empty()) {
    for (const auto& f : fs::directory_iterator(fs::path(DATELINE_SOURCE_DIR) / "samples")) {
      text += ReadAll(f.path()) + "\n";
    }
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = argc > 1 ? std::atof(argv[1]) : 4.0;
  auto tagger = dateline::TimeTagger::Load(dateline::DataDir());
  if (!tagger.ok()) {
    std::cerr << tagger.status().ToString() << "\n";
    return 1;
  }
  std::string base = Corpus();
  std::string text;
  while (text.size() < mb * 1e6) text += base;
  // Articles are tagged one by one, as the pipeline does.
  std::vector<std::string_view> docs;
  for (size_t b = 0; b < text.size();) {
    size_t e = std::min(text.size(), b + 4000);
    while (e < text.size() && text[e] != '\n') ++e;
    docs.emplace_back(text.data() + b, e - b);
    b = e + 1;
  }
  std::vector<double> rates;
  size_t found = 0;
  for (int run = 0; run < 5; ++run) {
    found = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (std::string_view d : docs) found += tagger.value()->TagText(d, "2025-04-22").size();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rates.push_back(text.size() / 1e6 / secs);
  }
  std::sort(rates.begin(), rates.end());
  double ours = rates[rates.size() / 2];
  std::printf("dateline time  MB/s %.2f  (median of 5, %.1f MB, %zu expressions)\n", ours,
              text.size() / 1e6, found);

  fs::path chrono_dir = fs::path(DATELINE_SOURCE_DIR) / "bench/chrono";
  if (!fs::is_directory(chrono_dir / "node_modules")) {
    std::printf("chrono-node: not installed (cd bench/chrono && npm ci)\n");
    return 0;
  }
  // chrono-node is ~100x slower: it gets 1 MB of the same text.
  fs::path sample = fs::temp_directory_path() / "dateline_time_bench.txt";
  std::ofstream(sample, std::ios::binary) << text.substr(0, std::min<size_t>(text.size(), 1000000));
  std::string cmd = "node " + (chrono_dir / "chrono_bench.js").string() + " " + sample.string() +
                    " 2025-04-22 3";
  FILE* p = popen(cmd.c_str(), "r");
  char line[256] = {0};
  double theirs = 0;
  if (p && fgets(line, sizeof line, p)) std::sscanf(line, "chrono MB/s %lf", &theirs);
  if (p) pclose(p);
  fs::remove(sample);
  if (theirs <= 0) {
    std::printf("chrono-node: failed to run (%s)\n", cmd.c_str());
    return 0;
  }
  std::printf("chrono-node    MB/s %.3f  (median of 3, 1.0 MB)\n", theirs);
  std::printf("ratio          %.0fx\n", ours / theirs);
  return 0;
}
