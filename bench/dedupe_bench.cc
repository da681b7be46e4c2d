// dedupe_bench: scale and quality of the near-duplicate index.
//
//   dedupe_bench synth [N] [--in-memory]
//       Inserts N (default 1,000,000) synthetic MinHash signatures into a
//       DuplicateIndex: distinct documents, plus one planted near copy (about
//       70% of the minimums kept) for every 20 documents. Prints docs/s
//       (median over blocks of 100,000), planted copies found, false merges,
//       the index's own memory estimate and peak RSS. --in-memory keeps the
//       signatures in memory instead of the temporary file (compare peak RSS
//       and speed with two runs).
//   dedupe_bench jsonl FILE [--in-memory]
//       Adds the texts of a JSONL file ({id, text, group}) in order; prints
//       copies found and false merges against `group` (as eval/neardup_score.py)
//       and microseconds per document (shingling + MinHash + lookup) and of
//       the lookups alone (signatures made first). A line without `text`
//       gives its `dump` (an e2e corpus page, bench/make_e2e_corpus.py; raw,
//       not cleaned); without `group`, each document is its own group (every
//       copy found then counts as a false merge).
// Run by hand (never by CTest).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "dedupe/dedupe.h"

using namespace dateline;

namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

long PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

int RunSynth(size_t n, bool in_memory) {
  std::mt19937_64 rng(11);
  DedupeOptions options;
  options.spill_signatures = !in_memory;
  DuplicateIndex index(options);
  std::vector<dedupe::Signature> recent;  // originals that get a planted copy
  size_t planted = 0, found = 0, false_merges = 0;
  std::vector<double> rates;
  double start = Now(), t = start;
  for (size_t i = 0; i < n; ++i) {
    dedupe::Signature sig;
    bool copy = i % 20 == 19 && !recent.empty();
    std::string want;
    if (copy) {
      size_t k = rng() % recent.size();
      sig = recent[k];
      for (auto& m : sig.mins)
        if (rng() % 100 < 30) m = static_cast<uint32_t>(rng());
      want = "d" + std::to_string(sig.shingles);  // shingles holds the original's number here
      sig.shingles = 400;
      ++planted;
    } else {
      for (auto& m : sig.mins) m = static_cast<uint32_t>(rng());
      sig.shingles = 400;
    }
    std::string id = "d" + std::to_string(i);
    auto dup = index.Add(id, rng(), sig);
    if (copy && dup && *dup == want) ++found;
    else if (dup) ++false_merges;
    if (!copy && i % 20 == 3) {
      dedupe::Signature keep = sig;
      keep.shingles = static_cast<uint32_t>(i);
      if (recent.size() < 1000) recent.push_back(keep);
      else recent[rng() % recent.size()] = keep;
    }
    if ((i + 1) % 100000 == 0) {
      double now = Now();
      rates.push_back(100000 / (now - t));
      t = now;
    }
  }
  std::sort(rates.begin(), rates.end());
  printf("signatures %zu  median %.0f docs/s  overall %.0f docs/s\n", n,
         rates.empty() ? 0.0 : rates[rates.size() / 2], n / (Now() - start));
  printf("planted copies %zu found %zu (%.4f)  false merges %zu\n", planted, found,
         planted ? double(found) / planted : 0.0, false_merges);
  printf("signatures %s  index estimate %.0f MB  peak RSS %ld MB\n", in_memory ? "in memory" : "in a temporary file",
         index.MemoryBytes() / 1048576.0, PeakRssMb());
  return 0;
}

int RunJsonl(const std::string& path, bool in_memory) {
  std::vector<std::string> ids, texts, groups;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    ids.push_back(j.value("id", ""));
    texts.push_back(j.contains("text") ? j.value("text", "") : j.value("dump", ""));
    groups.push_back(j.value("group", ids.back()));
  }
  std::map<std::string, std::string> group_of;
  for (size_t i = 0; i < ids.size(); ++i) group_of[ids[i]] = groups[i];
  DedupeOptions options;
  options.spill_signatures = !in_memory;
  DuplicateIndex index(options);
  std::set<std::string> seen;
  size_t copies = 0, found = 0, false_merges = 0;
  double t0 = Now();
  for (size_t i = 0; i < ids.size(); ++i) {
    auto dup = index.Add(ids[i], texts[i]);
    bool is_copy = !seen.insert(groups[i]).second;
    copies += is_copy;
    if (dup && group_of[*dup] == groups[i]) ++found;
    else if (dup) ++false_merges;
    if (is_copy && !dup) printf("missed %s\n", ids[i].c_str());
  }
  double secs = Now() - t0;
  printf("documents %zu copies %zu found %zu (%.4f) false merges %zu  %.1f us/doc\n", ids.size(), copies,
         found, copies ? double(found) / copies : 0.0, false_merges, 1e6 * secs / ids.size());
  // The lookups alone, into a second index, from keys made beforehand.
  std::vector<DuplicateKey> keys;
  for (const std::string& t : texts) keys.push_back(MakeDuplicateKey(t, options));
  DuplicateIndex again(options);
  t0 = Now();
  for (size_t i = 0; i < ids.size(); ++i) again.Add(ids[i], keys[i]);
  printf("lookups alone (signatures %s): %.2f us/doc  peak RSS %ld MB\n", in_memory ? "in memory" : "in a file",
         1e6 * (Now() - t0) / ids.size(), PeakRssMb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "synth") {
    bool in_memory = argc > 3 && std::string(argv[3]) == "--in-memory";
    return RunSynth(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000, in_memory);
  }
  if (mode == "jsonl" && argc > 2) return RunJsonl(argv[2], argc > 3 && std::string(argv[3]) == "--in-memory");
  std::cerr << "usage: dedupe_bench synth [N] [--in-memory] | jsonl FILE\n";
  return 2;
}
