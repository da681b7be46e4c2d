// Tests of the spilled duplicate index: RunTable, AppendFile, and LshIndex
// and DuplicateIndex against session 9's in-memory versions (kept here as
// references), results identical across memtable, runs, files and memory.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "base/flat_map.h"
#include "dedupe/append_file.h"
#include "dedupe/dedupe.h"
#include "dedupe/lsh_index.h"
#include "dedupe/run_table.h"

namespace dateline::dedupe {
namespace {

using ::dateline::DedupeOptions;
using ::dateline::DuplicateIndex;

// Sets TMPDIR to a directory that does not exist while alive.
class NoTempDir {
 public:
  NoTempDir() {
    const char* old = std::getenv("TMPDIR");
    had_ = old != nullptr;
    if (had_) saved_ = old;
    setenv("TMPDIR", "/nonexistent/dateline-test", 1);
  }
  ~NoTempDir() {
    if (had_) setenv("TMPDIR", saved_.c_str(), 1);
    else unsetenv("TMPDIR");
  }

 private:
  bool had_;
  std::string saved_;
};

// The values of key <= at, largest first, read with a cursor.
std::vector<uint64_t> Walk(const RunTable& t, uint32_t key, uint64_t at = UINT64_MAX) {
  std::vector<uint64_t> out;
  RunTable::Cursor c(&t);
  for (bool ok = c.Seek(key, at); ok; ok = c.Next()) out.push_back(c.value());
  return out;
}

std::vector<uint64_t> Expected(const std::map<uint32_t, std::vector<uint64_t>>& ref, uint32_t key,
                               uint64_t at = UINT64_MAX) {
  std::vector<uint64_t> out;
  auto it = ref.find(key);
  if (it == ref.end()) return out;
  for (auto v = it->second.rbegin(); v != it->second.rend(); ++v)
    if (*v <= at) out.push_back(*v);
  return out;
}

// Fills a table with a tiny memtable (many runs, flushed and merged) and
// checks every key's values, from the newest and from values inside runs.
void CheckTable(RunTable* t, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::map<uint32_t, std::vector<uint64_t>> ref;
  uint64_t value = 1000;
  for (int i = 0; i < 20000; ++i) {
    // 300 keys: long lists spanning many blocks and runs; some huge gaps.
    const uint32_t key = i % 7 == 0 ? 0xffffffffu - static_cast<uint32_t>(rng() % 3)
                                    : static_cast<uint32_t>(rng() % 300) * 0x01000193u;
    value += 1 + (rng() % 50 == 0 ? rng() % 100000 : rng() % 3);
    t->Insert(key, value);
    ref[key].push_back(value);
    if (i % 997 == 0) {  // reads between inserts see the memtable and the runs
      ASSERT_EQ(Walk(*t, key), Expected(ref, key)) << i;
    }
  }
  EXPECT_EQ(t->size(), 20000u);
  for (const auto& [key, values] : ref) {
    ASSERT_EQ(Walk(*t, key), Expected(ref, key)) << key;
    for (int k = 0; k < 5; ++k) {
      const uint64_t at = values[rng() % values.size()] - (k % 2);
      ASSERT_EQ(Walk(*t, key, at), Expected(ref, key, at)) << key << " at " << at;
    }
  }
  EXPECT_TRUE(Walk(*t, 12345).empty());
  EXPECT_TRUE(Walk(*t, 0x01000193u * 5, 999).empty());
}

class RunTableTest : public ::testing::TestWithParam<bool> {};

TEST_P(RunTableTest, FlushesMergesAndReadsNewestFirst) {
  RunTable::Options o;
  o.memtable_entries = 200;
  o.fanout = 3;
  o.spill = GetParam();
  RunTable t(o);
  CheckTable(&t, 7);
  // 100 flushes at fanout 3: at most 2 runs a level, 5 levels, plus the newest.
  EXPECT_GT(t.runs(), 1u);
  EXPECT_LE(t.runs(), 11u);
  EXPECT_EQ(t.spilled(), GetParam());
  EXPECT_LT(t.memtable_size(), 200u);
}

INSTANTIATE_TEST_SUITE_P(InFileAndInMemory, RunTableTest, ::testing::Bool());

TEST(RunTable, KeepsRunsInMemoryWhenNoFileCanBeMade) {
  RunTable::Options o;
  o.memtable_entries = 300;
  RunTable held(o);
  {
    NoTempDir no_tmp;
    CheckTable(&held, 9);
  }
  EXPECT_FALSE(held.spilled());
  EXPECT_GT(held.runs(), 1u);
  // The same entries in files: the runs' entries are the difference.
  RunTable spilled(o);
  CheckTable(&spilled, 9);
  EXPECT_TRUE(spilled.spilled());
  EXPECT_GE(held.MemoryBytes(), spilled.MemoryBytes() + (20000 - 300) * sizeof(uint64_t));
}

// Files that can be made but not written past 16 KB (a full disk): the
// flushes and merges that fail are done in memory, and the table reads the
// same.
TEST(RunTable, KeepsRunsInMemoryWhenAFileCannotBeWritten) {
  struct rlimit old;
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
  auto old_handler = signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG
  struct rlimit small = old;
  small.rlim_cur = 16384;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  RunTable::Options o;
  o.memtable_entries = 300;
  RunTable t(o);
  CheckTable(&t, 11);
  setrlimit(RLIMIT_FSIZE, &old);
  signal(SIGXFSZ, old_handler);
  EXPECT_FALSE(t.spilled());
  EXPECT_GT(t.runs(), 1u);
}

TEST(RunTable, MemoryIsNearlyFlat) {
  RunTable::Options o;
  o.memtable_entries = 1 << 12;
  RunTable t(o);
  for (uint32_t i = 0; i < 400000; ++i) t.Insert(i * 2654435761u, i);
  // Memtable 96 KB; per entry 12 filter bits and fences.
  EXPECT_LT(t.MemoryBytes(), 100000 + 400000 * 12 / 8 * 11 / 10 + 8192);
  EXPECT_TRUE(t.spilled());
}

// Only the runs below bloom_levels keep a filter: what is held stops growing
// (a memtable, (fanout - 1) runs of each filtered level, 8 bytes of fences
// per 512 entries) and the larger runs read the same without one.
TEST(RunTable, FiltersOnlyOnTheLowLevelsSoMemoryIsFlat) {
  RunTable::Options o;
  o.memtable_entries = 1 << 12;
  RunTable t(o);
  o.bloom_levels = 99;  // every run filtered: 12 bits an entry
  RunTable every(o);
  for (uint32_t i = 0; i < 1600000; ++i) t.Insert(i * 2654435761u, i), every.Insert(i * 2654435761u, i);
  // Filters: at most 3 runs of 1 and 3 of 4 memtables, 12 bits an entry.
  const size_t filters = 15 * (1 << 12) * 12 / 8 * 11 / 10;
  EXPECT_LT(t.MemoryBytes(), 100000 + filters + 1600000 / 512 * 8 + 8192);
  EXPECT_GT(every.MemoryBytes(), 1600000 * 12 / 8);
  EXPECT_TRUE(t.spilled());
  for (int levels : {0, 1}) {
    o.memtable_entries = 200;
    o.fanout = 3;
    o.bloom_levels = levels;
    RunTable u(o);
    CheckTable(&u, 13);
  }
}

// Session 9's band table, kept here as the reference the LSM table must
// match: a head per key (the newest document with it) and a link from each
// repeated (document, band) to the previous document with its key.
class ReferenceBands {
 public:
  explicit ReferenceBands(uint32_t mask) : mask_(mask) {}
  uint32_t Key(const Signature& sig, int band) const {
    uint64_t h = 0x9e3779b97f4a7c15ULL * (band + 1);
    for (int r = 0; r < LshIndex::kRows; ++r) {
      h ^= sig.mins[band * LshIndex::kRows + r];
      h *= 0xff51afd7ed558ccdULL;
      h ^= h >> 33;
    }
    uint32_t key = static_cast<uint32_t>(h >> 32) & mask_;
    return key == 0 ? 1 : key;
  }
  void Insert(const Signature& sig) {
    const uint32_t doc = n_++;
    for (int b = 0; b < LshIndex::kBands; ++b) {
      bool inserted;
      uint32_t* head = heads_.Insert(Key(sig, b), doc, &inserted);
      if (inserted) continue;
      const uint32_t previous = *head;
      *head = doc;
      links_.Insert(LinkKey(doc, b), previous, &inserted);
    }
  }
  std::vector<uint32_t> Candidates(const Signature& sig, int max_per_band) const {
    std::vector<uint32_t> out;
    for (int b = 0; b < LshIndex::kBands; ++b) {
      const uint32_t* head = heads_.Find(Key(sig, b));
      if (!head) continue;
      uint32_t d = *head;
      for (int walked = 0; walked < max_per_band; ++walked) {
        out.push_back(d);
        const uint32_t* previous = links_.Find(LinkKey(d, b));
        if (!previous) break;
        d = *previous;
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  static uint64_t LinkKey(uint32_t doc, int band) { return (uint64_t{doc} << 5 | band) + 1; }
  uint32_t mask_;
  uint32_t n_ = 0;
  FlatMap<uint32_t, uint32_t> heads_;
  FlatMap<uint64_t, uint32_t> links_;
};

// Documents drawn so that bands repeat a lot: families of copies, and
// minimums from a small alphabet; with a key mask, keys of different bands
// collide too (the walk then follows another key's list).
std::vector<Signature> Documents(uint64_t seed, int n) {
  std::mt19937_64 rng(seed);
  std::vector<Signature> docs;
  for (int i = 0; i < n; ++i) {
    Signature s;
    if (i > 0 && rng() % 3 == 0) {
      s = docs[rng() % docs.size()];
      for (uint32_t& m : s.mins)
        if (rng() % 4 == 0) m = static_cast<uint32_t>(rng() % 6);
    } else {
      for (uint32_t& m : s.mins) m = static_cast<uint32_t>(rng() % (rng() % 2 ? 6 : 1000000));
    }
    s.shingles = 50;
    docs.push_back(s);
  }
  return docs;
}

struct BandCase {
  bool spill;
  uint32_t mask;
};

class LshIndexLikeSession9 : public ::testing::TestWithParam<BandCase> {};

TEST_P(LshIndexLikeSession9, SameCandidatesAcrossMemtableAndRuns) {
  LshIndex::Options o;
  o.spill = GetParam().spill;
  o.key_mask = GetParam().mask;
  o.bands.memtable_entries = 21 * 37;  // 37 documents a run
  o.bands.fanout = 3;
  LshIndex index(o);
  ReferenceBands ref(GetParam().mask);
  std::vector<Signature> docs = Documents(GetParam().mask, 3100);  // 83 runs flushed: 3 left
  std::vector<uint32_t> got;
  std::mt19937_64 rng(5);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i % 7 == 0) {  // lookups while the index grows, with several caps
      for (int cap : {1, 3, 64}) {
        const Signature& q = docs[rng() % docs.size()];
        index.Candidates(q, &got, cap);
        ASSERT_EQ(got, ref.Candidates(q, cap)) << i << " cap " << cap;
      }
    }
    index.Insert(docs[i]);
    ref.Insert(docs[i]);
  }
  EXPECT_GT(index.bands().runs(), 1u);
  EXPECT_EQ(index.spilled(), GetParam().spill);
  size_t total = 0;
  for (const Signature& q : Documents(99, 400)) {
    for (int cap : {2, 64}) {
      index.Candidates(q, &got, cap);
      ASSERT_EQ(got, ref.Candidates(q, cap));
      total += got.size();
    }
  }
  EXPECT_GT(total, 400u);
}

INSTANTIATE_TEST_SUITE_P(KeysAndFiles, LshIndexLikeSession9,
                         ::testing::Values(BandCase{true, UINT32_MAX}, BandCase{false, UINT32_MAX},
                                           BandCase{true, 0xfff}, BandCase{false, 0x3ff}));

TEST(AppendFile, ReadsAcrossBlocksFromFileAndMemory) {
  for (bool no_file : {false, true}) {
    std::optional<NoTempDir> no_tmp;
    if (no_file) no_tmp.emplace();
    AppendFile f("dateline-test", 1000);
    std::string all;
    std::mt19937_64 rng(1);
    std::vector<std::pair<uint64_t, std::string>> parts;
    for (int i = 0; i < 500; ++i) {
      std::string s(rng() % 40, 'a');
      for (char& c : s) c = static_cast<char>('a' + rng() % 26);
      EXPECT_EQ(f.Append(s.data(), s.size()), all.size());
      parts.push_back({all.size(), s});
      all += s;
    }
    EXPECT_EQ(f.size(), all.size());
    EXPECT_EQ(f.spilled(), !no_file);
    for (const auto& [at, s] : parts) {
      std::string got(s.size(), '\0');
      ASSERT_TRUE(f.Read(at, got.data(), got.size()));
      ASSERT_EQ(got, s);
    }
    EXPECT_LT(f.MemoryBytes(), no_file ? all.size() + 2000 : 2000);
  }
}

// Session 9's DuplicateIndex (exact-hash table, ids, canonical and LSH
// document arrays, all in memory) over ReferenceBands.
class ReferenceDuplicates {
 public:
  std::optional<std::string> Add(const std::string& id, uint64_t exact_hash, const Signature& sig) {
    const DedupeOptions o;
    if (const uint32_t* seen = exact_.Find(exact_hash)) {
      const std::string& canonical = ids_[canonical_[*seen]];
      if (canonical == id) return std::nullopt;
      return canonical;
    }
    const uint32_t doc = static_cast<uint32_t>(ids_.size());
    int64_t near = -1;
    if (sig.shingles > 0) {
      double best_score = 0;
      for (uint32_t c : bands_.Candidates(sig, 64)) {
        const Signature& other = sigs_[c];
        double j = EstimatedJaccard(sig, other);
        bool copy = j >= o.min_jaccard;
        if (!copy && sig.shingles >= o.min_shingles_for_containment &&
            other.shingles >= o.min_shingles_for_containment)
          copy = EstimatedContainment(sig, other) >= o.min_containment;
        if (copy && j > best_score) best_score = j, near = lsh_doc_[c];
      }
    }
    ids_.push_back(id);
    canonical_.push_back(near >= 0 ? canonical_[near] : doc);
    bool inserted;
    exact_.Insert(exact_hash, doc, &inserted);
    if (sig.shingles > 0) {
      bands_.Insert(sig);
      sigs_.push_back(sig);
      lsh_doc_.push_back(doc);
    }
    if (near < 0) return std::nullopt;
    return ids_[canonical_[doc]];
  }

 private:
  FlatMap<uint64_t, uint32_t> exact_;
  std::vector<std::string> ids_;
  std::vector<uint32_t> canonical_, lsh_doc_;
  ReferenceBands bands_{UINT32_MAX};
  std::vector<Signature> sigs_;
};

// A stream of documents: new ones, near copies of recent and old ones,
// exact copies, one id added twice, documents without shingles.
struct Doc {
  std::string id;
  uint64_t exact;
  Signature sig;
};
std::vector<Doc> Stream(uint64_t seed, int n) {
  std::mt19937_64 rng(seed);
  std::vector<Doc> docs;
  for (int i = 0; i < n; ++i) {
    Doc d{"doc-" + std::to_string(i), rng(), {}};
    const uint64_t kind = rng() % 100;
    if (i > 0 && kind < 12) {  // a near copy, of a recent or any earlier document
      const Doc& of = docs[kind < 6 ? i - 1 - rng() % std::min(i, 50) : rng() % i];
      d.sig = of.sig;
      const uint64_t keep = 50 + rng() % 45;
      for (uint32_t& m : d.sig.mins)
        if (rng() % 100 >= keep) m = static_cast<uint32_t>(rng());
      d.sig.shingles = of.sig.shingles > 0 ? of.sig.shingles : 60;
    } else if (i > 0 && kind < 15) {  // an exact copy
      d = docs[rng() % i];
      d.id = "doc-" + std::to_string(i);
    } else if (i > 0 && kind < 16) {  // the same document again, same id
      d = docs[rng() % i];
    } else {
      for (uint32_t& m : d.sig.mins) m = static_cast<uint32_t>(rng());
      d.sig.shingles = kind < 18 ? 0 : static_cast<uint32_t>(20 + rng() % 80);
    }
    docs.push_back(d);
  }
  return docs;
}

std::string Show(const std::optional<std::string>& s) { return s ? *s : "(none)"; }

class DuplicateIndexLikeSession9 : public ::testing::TestWithParam<bool> {};

// 40,000 documents: 3 band runs and the exact-hash memtable; then a restart
// (an index rebuilt from the stored documents that are no copy, as
// Pipeline::Ingest does) that goes on with the next 10,000.
TEST_P(DuplicateIndexLikeSession9, SameCopiesAcrossRunsAndARestart) {
  std::optional<NoTempDir> no_tmp;
  if (!GetParam()) no_tmp.emplace();
  std::vector<Doc> docs = Stream(17, 50000);
  DuplicateIndex index;
  ReferenceDuplicates ref;
  std::vector<std::optional<std::string>> dup_of;
  size_t copies = 0;
  for (size_t i = 0; i < 40000; ++i) {
    dup_of.push_back(index.Add(docs[i].id, docs[i].exact, docs[i].sig));
    ASSERT_EQ(Show(dup_of.back()), Show(ref.Add(docs[i].id, docs[i].exact, docs[i].sig))) << i;
    copies += dup_of.back().has_value();
  }
  EXPECT_GT(copies, 4000u);
  EXPECT_LT(index.size(), 40000u);  // exact copies are not recorded
  EXPECT_GT(index.size(), 38000u);
  DuplicateIndex restarted;
  ReferenceDuplicates ref_restarted;
  for (size_t i = 0; i < 40000; ++i) {
    if (dup_of[i]) continue;
    restarted.Add(docs[i].id, docs[i].exact, docs[i].sig);
    ref_restarted.Add(docs[i].id, docs[i].exact, docs[i].sig);
  }
  for (size_t i = 40000; i < docs.size(); ++i)
    ASSERT_EQ(Show(restarted.Add(docs[i].id, docs[i].exact, docs[i].sig)),
              Show(ref_restarted.Add(docs[i].id, docs[i].exact, docs[i].sig)))
        << i;
  // The memtables and last blocks (~8.2 MB) and ~33 bytes a document;
  // everything in memory without files.
  if (GetParam()) EXPECT_LT(index.MemoryBytes(), 8500000u + 40000u * 36);
  else EXPECT_GT(index.MemoryBytes(), 8500000u + 40000u * 200);
}

INSTANTIATE_TEST_SUITE_P(InFilesAndInMemory, DuplicateIndexLikeSession9, ::testing::Bool());

}  // namespace
}  // namespace dateline::dedupe
