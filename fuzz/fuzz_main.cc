// Usage: <driver> SECONDS [SEED_FILE_OR_DIR...]
// Deterministic (fixed RNG seed) so a crash reproduces; prints the count of runs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_main.h"

namespace {

std::vector<std::string> LoadSeeds(int argc, char** argv) {
  std::vector<std::string> seeds;
  auto add = [&](const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    if (ss.str().size() < (1 << 20)) seeds.push_back(ss.str());
  };
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(argv[i], ec)) {
      for (auto& e : std::filesystem::directory_iterator(argv[i], ec))
        if (e.is_regular_file()) add(e.path());
    } else if (std::filesystem::exists(argv[i], ec)) {
      add(argv[i]);
    }
  }
  if (seeds.empty()) seeds.push_back("<html><body><p>Hello, world.</p></body></html>");
  return seeds;
}

std::string Mutate(const std::string& in, std::mt19937_64& rng) {
  std::string s = in;
  int edits = 1 + rng() % 8;
  for (int e = 0; e < edits; ++e) {
    size_t pos = s.empty() ? 0 : rng() % s.size();
    switch (rng() % 6) {
      case 0: if (!s.empty()) s[pos] = static_cast<char>(rng()); break;             // flip a byte
      case 1: s.insert(pos, 1, static_cast<char>(rng())); break;                     // insert a byte
      case 2: if (!s.empty()) s.erase(pos, 1 + rng() % 64); break;                   // delete a run
      case 3: if (!s.empty()) s.insert(pos, s.substr(rng() % s.size(), rng() % 256)); break;  // duplicate
      case 4: s.resize(pos); break;                                                   // truncate
      default: {                                                                      // splice tokens
        static const char* kTokens[] = {"<", ">", "</", "<!--", "\"", "'", "&amp;", "\xC3", "\xFF", "\n",
                                        "<script>", "{", "}", "WARC/1.0\r\n", "\r\n\r\n", "\x1f\x8b", "\0"};
        s.insert(pos, kTokens[rng() % (sizeof kTokens / sizeof *kTokens)]);
      }
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 5;
  std::vector<std::string> seeds = LoadSeeds(argc, argv);
  std::mt19937_64 rng(12345);
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = 0;
  for (const auto& s : seeds) LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size()), ++runs;
  while (std::chrono::steady_clock::now() < end) {
    std::string input;
    if (rng() % 8 == 0) {
      input.resize(rng() % 4096);
      for (auto& c : input) c = static_cast<char>(rng());
    } else {
      input = Mutate(seeds[rng() % seeds.size()], rng);
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    ++runs;
  }
  std::printf("%ld runs, no crash\n", runs);
  return 0;
}
