// store_bench: cost of storing annotated documents (run by hand).
//
//   store_bench DOCS.jsonl [N] [RUNS]
// Reads up to N (default all) Document JSON lines (e.g. documents dumped
// from a bench database), then, RUNS times (default 3) into a fresh
// database each, stores them the way `dateline ingest` does: batches of 256
// through Store::CommitBatch with the JSON line made beforehand (the workers
// make it), full-text row included. Prints the median CPU and wall
// microseconds per document, and the database size.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/document_json.h"
#include "bench/bench_util.h"
#include "store/store.h"

using dateline::bench::CpuSeconds;
using dateline::bench::Median;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_bench DOCS.jsonl [N] [RUNS]\n");
    return 2;
  }
  size_t limit = argc > 2 ? std::stoul(argv[2]) : SIZE_MAX;
  int runs = argc > 3 ? std::stoi(argv[3]) : 3;
  std::vector<dateline::Document> docs;
  std::vector<std::string> lines;
  std::ifstream in(argv[1]);
  for (std::string line; docs.size() < limit && std::getline(in, line);) {
    auto d = dateline::DocumentFromJsonLine(line);
    if (!d.ok()) continue;
    lines.push_back(dateline::ToJsonLine(*d));
    docs.push_back(std::move(*d));
  }
  std::printf("%zu documents\n", docs.size());
  std::vector<std::vector<dateline::Document>> batches;
  std::vector<std::vector<std::string>> batch_json;
  for (size_t from = 0; from < docs.size(); from += 256) {
    size_t to = std::min(docs.size(), from + 256);
    batches.emplace_back(docs.begin() + from, docs.begin() + to);
    batch_json.emplace_back(lines.begin() + from, lines.begin() + to);
  }
  const std::string path = "/tmp/dateline-store-bench.db";
  std::vector<double> cpu, wall;
  uintmax_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    auto store = dateline::Store::Open(path);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return 1;
    }
    double c0 = CpuSeconds();
    auto w0 = std::chrono::steady_clock::now();
    for (size_t b = 0; b < batches.size(); ++b) {
      int inserted = 0;
      dateline::Status st = (*store)->CommitBatch(batches[b], {}, {}, &inserted, batch_json[b]);
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.ToString().c_str());
        return 1;
      }
    }
    store->reset();
    cpu.push_back((CpuSeconds() - c0) * 1e6 / docs.size());
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count() * 1e6 / docs.size());
    bytes = std::filesystem::file_size(path);
  }
  std::printf("store: median cpu %.1f us/doc, wall %.1f us/doc (%d runs), database %.1f MB\n", Median(cpu),
              Median(wall), runs, bytes / 1e6);
  return 0;
}
