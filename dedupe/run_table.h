// RunTable: a multimap from a 32-bit key to 64-bit values, inserted in
// increasing value order, whose memory stays nearly flat as it grows: an
// LSM-style table for the duplicate index's LSH bands (dedupe/lsh_index.h).
//
// The newest entries are in a memtable of fixed capacity (the values in
// insertion order, each linked to the previous entry with its key, and an
// open-addressing table key -> newest entry at most half full; 24 bytes per
// entry of capacity, allocated on the first Insert). When the memtable is full its
// entries are sorted by (key, value) into a run and written to an unlinked
// temporary file in $TMPDIR (or /tmp), one file per run, read back with
// pread() in 4 KB blocks (512 entries of 8 bytes: the key and the value
// relative to the run's first value). Held in memory per run: the first entry
// of each block (fences, 8 bytes per 512 entries) and a blocked Bloom filter
// of the keys (bloom_bits per entry, 64-byte blocks, 0.6 probe per bit up to
// 7; about 0.4 % false positives at 12 bits, 1 % at 10), so that most lookups
// of absent keys read no block, on the runs of the lowest bloom_levels levels
// only: the larger runs keep fences only, so what is held stays bounded.
// Runs cover consecutive value ranges (older runs, smaller values) and are
// merged size-tiered: `fanout` runs of one level (a run made of fanout^L
// memtables is at level L) are merged into one of the next level, so the
// number of runs stays below fanout * log_fanout(size / memtable_entries) + 1
// and each entry is rewritten once per level. A run spans less than 2^32
// values (runs that would not are left unmerged).
//
// When no file can be made or written, runs stay in memory (8 bytes per entry
// besides the filters) and later runs too; reads of a file that fail (the
// disk went away) read as no entry. Not thread-safe; a Cursor reads the table
// as it is and is invalid after the next Insert.
#ifndef DATELINE_DEDUPE_RUN_TABLE_H_
#define DATELINE_DEDUPE_RUN_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace dateline::dedupe {

class RunTable {
 public:
  struct Options {
    size_t memtable_entries = size_t{1} << 18;  // 6 MB
    bool spill = true;                          // false: runs stay in memory
    int bloom_bits = 12;                        // filter bits per entry of a run
    int fanout = 4;                             // runs merged at once
    // Runs of this level or higher (made of fanout^level memtables or more)
    // keep no filter: a lookup reads one block of each (a pread, from the
    // page cache mostly). So the filters cover at most (fanout - 1) runs of
    // each lower level, a fixed size, and memory stops growing with the
    // table: at 12 bits and a fanout of 4, level 2 is 16 memtables (~200,000
    // documents for the LSH bands). 0 = no run has a filter; a large value:
    // every run has one.
    int bloom_levels = 2;
  };
  static constexpr size_t kBlockEntries = 512;

  RunTable();
  explicit RunTable(const Options& options);
  ~RunTable();
  RunTable(const RunTable&) = delete;
  RunTable& operator=(const RunTable&) = delete;

  // Adds (key, value); value must exceed every value inserted before.
  void Insert(uint32_t key, uint64_t value);

  // Starts loading what a lookup of key reads first into the CPU cache.
  void Prefetch(uint32_t key) const;

  size_t size() const { return size_; }
  size_t runs() const { return runs_.size(); }
  size_t memtable_size() const { return mem_used_; }
  // Every run is in a file (true while there is no run yet, if spilling).
  bool spilled() const;
  size_t MemoryBytes() const;  // what is held in memory

  // Reads the values of one key, largest first.
  class Cursor {
   public:
    explicit Cursor(const RunTable* table) : t_(table) {}
    // Moves to the largest value <= at with this key; false when none.
    bool Seek(uint32_t key, uint64_t at = UINT64_MAX);
    // Moves to the next smaller value of the key; false when none.
    bool Next();
    bool valid() const { return layer_ >= 0; }
    uint64_t value() const { return value_; }

   private:
    // Seeks runs_[r], runs_[r - 1], ... (newest first) for key at <= at.
    bool SeekRuns(int r, uint64_t at);
    bool LoadBlock(int r, size_t block);  // into block_
    bool SetFromBlock();  // value_ from block_[pos_] if its key is key_

    const RunTable* t_;
    uint32_t key_ = 0;
    uint64_t bloom_hash_ = 0;
    int layer_ = -1;        // -1 invalid, 0 memtable, r + 1: runs_[r]
    uint32_t entry_ = 0;    // in the memtable
    size_t block_index_ = 0;
    size_t block_size_ = 0;
    size_t pos_ = 0;        // in block_
    uint64_t value_ = 0;
    std::array<uint64_t, kBlockEntries> block_;
  };

 private:
  struct Run;
  static constexpr uint32_t kNone = UINT32_MAX;

  void Flush();          // the memtable into a new run
  void MergeTail();      // while the newest `fanout` runs share a level, merge them
  // runs_[first..] into one; false if the file failed (the inputs have lost
  // their filters then: merge again, in memory).
  bool Merge(size_t first, bool to_file);
  size_t MemSlot(uint32_t key) const;      // where key is or goes in mem_table_

  Options options_;
  bool spill_;
  size_t size_ = 0;
  // The memtable: entries in insertion order.
  std::vector<uint32_t> mem_values_, mem_prev_;  // value - mem_base_; previous entry with the key
  std::vector<uint64_t> mem_table_;  // open addressing: key << 32 | its newest entry + 1; 0 empty
  size_t mem_used_ = 0;
  uint64_t mem_base_ = 0;
  std::vector<std::unique_ptr<Run>> runs_;  // oldest first
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_RUN_TABLE_H_
