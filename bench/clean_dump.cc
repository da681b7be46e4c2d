// Text-dump cleaning cost: CPU time of Cleaner::Prepare (what the ingest
// reader thread computes per page), Cleaner::Observe and Cleaner::Clean
// over the dump pages of the inputs, one thread. Run by hand:
//   build/bench/clean_dump INPUT... [--repeats N]
// e.g. a JSONL slice of the e2e corpus (bench/make_e2e_corpus.py). Prints
// the median of N runs (default 3) in microseconds per page, and an FNV hash
// of the cleaned text and titles so a change can be checked to keep the
// output identical.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "clean/cleaner.h"
#include "ingest/reader.h"

namespace {

using dateline::bench::CpuSeconds;
using dateline::bench::Median;

struct Collect : dateline::PageSink {
  std::vector<dateline::RawPage> pages;
  void OnPage(dateline::RawPage p) override {
    if (p.format == "dump") pages.push_back(std::move(p));
  }
  void OnReject(dateline::Reject) override {}
};

void Fnv(std::string_view s, uint64_t* h) {
  for (unsigned char c : s) *h = (*h ^ c) * 0x100000001b3ull;
  *h = (*h ^ 0xff) * 0x100000001b3ull;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  int repeats = 3;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::atoi(argv[++i]);
    else inputs.push_back(argv[i]);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: clean_dump INPUT... [--repeats N]\n");
    return 2;
  }
  Collect sink;
  dateline::ReadInputs(inputs, {}, &sink);
  const auto& pages = sink.pages;
  if (pages.empty()) {
    std::fprintf(stderr, "no dump pages in the inputs\n");
    return 1;
  }
  std::vector<double> prepare, observe, clean;
  uint64_t hash = 0;
  for (int r = 0; r < repeats; ++r) {
    dateline::Cleaner cleaner;
    std::vector<dateline::Cleaner::Observation> obs;
    obs.reserve(pages.size());
    double t0 = CpuSeconds();
    for (const auto& p : pages) obs.push_back(cleaner.Prepare(p));
    double t1 = CpuSeconds();
    for (const auto& o : obs) cleaner.Observe(o);
    double t2 = CpuSeconds();
    uint64_t h = 0xcbf29ce484222325ull;
    for (const auto& p : pages) {
      dateline::Document d = cleaner.Clean(p);
      Fnv(d.text, &h);
      Fnv(d.title.value_or(""), &h);
    }
    double t3 = CpuSeconds();
    prepare.push_back(t1 - t0);
    observe.push_back(t2 - t1);
    clean.push_back(t3 - t2);
    hash = h;
  }
  double n = static_cast<double>(pages.size());
  std::printf("pages %zu, median of %d runs, CPU us/page: prepare %.1f  observe %.1f  clean %.1f  total %.1f\n",
              pages.size(), repeats, Median(prepare) / n * 1e6, Median(observe) / n * 1e6, Median(clean) / n * 1e6,
              (Median(prepare) + Median(observe) + Median(clean)) / n * 1e6);
  std::printf("output hash %016llx\n", static_cast<unsigned long long>(hash));
  return 0;
}
