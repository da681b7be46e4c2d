// Runs the dump fuzz driver (fuzz/dump_fuzz.cc) for a bounded time on random
// and mutated inputs built from the seed pages, without libFuzzer.
#define DATELINE_FUZZ_NO_ENTRY
#include "fuzz/dump_fuzz.cc"
#include "clean/test_samples.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

namespace dateline {
namespace {

std::vector<std::string> Corpus() {
  std::vector<std::string> out = {"", "\n", " date 2025-04-21 x", "by A B April 1, 2025 1:00 PM\n…\n"};
  for (const auto& [path, bytes] : SamplePages()) out.push_back(bytes);
  return out;
}

std::string Mutate(std::string s, std::mt19937_64& rng) {
  const char* tokens[] = {"\n", " ", "…", "by ", "Author: ", "Download the X app", "(Photo by A/AFP)", "\xff",
                          "\xe2\x80", "April 31, 2025 99:99 PM", " - ", "The ", ":"};
  int edits = 1 + rng() % 20;
  for (int k = 0; k < edits; ++k) {
    size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 4) {
      case 0: s.insert(at, tokens[rng() % std::size(tokens)]); break;
      case 1: if (at < s.size()) s.erase(at, rng() % 64); break;
      case 2: if (at < s.size()) s[at] = static_cast<char>(rng()); break;
      default: s.insert(at, std::string(rng() % 8, static_cast<char>(rng())));
    }
  }
  return s;
}

TEST(DumpFuzz, RandomAndMutatedInputsDoNotCrash) {
  auto corpus = Corpus();
  std::mt19937_64 rng(12345);
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  int runs = 0;
  while (std::chrono::steady_clock::now() < end) {
    std::string in;
    if (rng() % 4 == 0) {
      in.resize(rng() % 4096);
      for (auto& c : in) c = static_cast<char>(rng() % 3 == 0 ? '\n' : rng());
    } else {
      in = Mutate(corpus[rng() % corpus.size()], rng);
    }
    DumpFuzzOne(reinterpret_cast<const uint8_t*>(in.data()), in.size());
    ++runs;
  }
  EXPECT_GT(runs, 10);
}

}  // namespace
}  // namespace dateline
