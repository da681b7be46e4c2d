// LshIndex: MinHash signatures banded for candidate lookup (locality-
// sensitive hashing). The signature's first kBands * kRows minimums form
// kBands bands; two documents become candidates when any band is equal, which
// for kBands = 21, kRows = 3 happens with probability 1 - (1 - J^3)^21:
// 0.75 at Jaccard 0.4, 0.94 at 0.5, 0.99 at 0.6, < 0.001 at 0.05.
//
// The band table maps each document's 21 band keys (32-bit hashes) to the
// document: a RunTable (dedupe/run_table.h) of entries key -> doc * kBands +
// band, whose newest entries are in a fixed memtable (6 MB, ~12,500
// documents) and older ones in sorted runs in temporary files, with in memory
// block fences (~0.3 byte per document) per run and a Bloom filter (12 bits
// per entry: ~32 bytes per document) per run of the two lowest levels (runs
// of under 16 memtables, ~200,000 documents; RunTable::Options::bloom_levels). Signatures (260 bytes each) are only read
// to verify candidates, so full blocks of them go to an unlinked temporary
// file in $TMPDIR (or /tmp), read back with pread(); the operating system
// caches these files as memory allows. When no file can be made or written,
// runs and signatures stay in memory (~0.47 KB per document then).
//
// Candidates() gives, for each band, the documents met walking from the
// newest document holding the band's key (in any band) to older ones, at
// most max_per_band: the list every document's band links to the previous
// document with the same key, as session 9's in-memory table (a head per key
// and a link per repeated (document, band)) walked it, results identical;
// when a document on the walk holds the key in another band only (two bands'
// keys colliding), the walk continues from that document along the list of
// its own key in this band. Band keys are 32-bit hashes, so a lookup can
// return unrelated documents: callers verify candidates with Signature().
// Not thread-safe.
#ifndef DATELINE_DEDUPE_LSH_INDEX_H_
#define DATELINE_DEDUPE_LSH_INDEX_H_

#include <cstdint>
#include <vector>

#include "dedupe/append_file.h"
#include "dedupe/minhash.h"
#include "dedupe/run_table.h"

namespace dateline::dedupe {

class LshIndex {
 public:
  static constexpr int kBands = 21;
  static constexpr int kRows = 3;

  struct Options {
    bool spill = true;  // false: signatures and band runs stay in memory
    RunTable::Options bands;
    uint32_t key_mask = UINT32_MAX;  // tests: fewer key bits make keys collide
  };
  // spill = false keeps every signature and band run in memory.
  explicit LshIndex(bool spill = true);
  explicit LshIndex(const Options& options);
  ~LshIndex();
  LshIndex(const LshIndex&) = delete;
  LshIndex& operator=(const LshIndex&) = delete;

  // Adds a signature with a value of the caller's (the duplicate index's
  // document number); returns its index (0, 1, 2, ... in insertion order).
  uint32_t Insert(const Signature& sig, uint32_t value = 0);
  // Indexes of stored signatures sharing at least one band with `sig`, each
  // once, in increasing order; at most max_per_band per band (most recent
  // first).
  void Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band = 64) const;
  // The signature of document i (< size()), and its value if asked.
  Signature signature(uint32_t i, uint32_t* value = nullptr) const;
  size_t size() const { return size_; }
  size_t MemoryBytes() const;  // what is held in memory
  // Full blocks of signatures are in the file, and every band run.
  bool spilled() const { return records_.spilled() && bands_.spilled(); }
  const RunTable& bands() const { return bands_; }

 private:
  struct Record {
    Signature sig;
    uint32_t value;
  };
  uint32_t BandKey(const Signature& sig, int band) const;

  size_t size_ = 0;
  uint32_t key_mask_;
  AppendFile records_;  // Record i at i * sizeof(Record); blocks of 1,024
  RunTable bands_;      // band key -> doc * kBands + band
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_LSH_INDEX_H_
