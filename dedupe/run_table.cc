#include "dedupe/run_table.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "dedupe/temp_file.h"

namespace dateline::dedupe {
namespace {

uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  return k ^ (k >> 33);
}

constexpr size_t kChunk = 8192;  // entries read or written at once by a merge

// Blocked Bloom filter: a 512-bit block (8 words, one cache line) chosen by
// the key itself (keys are hashes: uniform, and a run's keys in increasing
// order fill the blocks in order), `probes` bits (at most 7) set in it chosen
// by the key's hash.
const uint64_t* BloomBlock(const std::vector<uint64_t>& bloom, uint32_t key) {
  return bloom.data() + ((uint64_t{key} * (bloom.size() / 8)) >> 32) * 8;
}
void BloomAdd(std::vector<uint64_t>* bloom, int probes, uint32_t key) {
  uint64_t* w = const_cast<uint64_t*>(BloomBlock(*bloom, key));
  const uint64_t h = Mix(key);  // its top 9 * probes bits: the bit numbers
  for (int i = 1; i <= probes; ++i) {
    const unsigned bit = (h >> (64 - 9 * i)) & 511;
    w[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}
bool BloomHas(const std::vector<uint64_t>& bloom, int probes, uint32_t key, uint64_t h) {
  const uint64_t* w = BloomBlock(bloom, key);
  for (int i = 1; i <= probes; ++i) {
    const unsigned bit = (h >> (64 - 9 * i)) & 511;
    if (!(w[bit >> 6] >> (bit & 63) & 1)) return false;
  }
  return true;
}

// Sorts entries key << 32 | value by key, stably (least significant digit
// radix sort, 4 passes of 8 bits); tmp is scratch of the same size.
void SortByKey(std::vector<uint64_t>* v, std::vector<uint64_t>* tmp) {
  tmp->resize(v->size());
  for (int shift = 32; shift < 64; shift += 8) {
    size_t count[257] = {};
    for (uint64_t e : *v) ++count[((e >> shift) & 255) + 1];
    for (int i = 0; i < 256; ++i) count[i + 1] += count[i];
    for (uint64_t e : *v) (*tmp)[count[(e >> shift) & 255]++] = e;
    v->swap(*tmp);
  }
}

}  // namespace

struct RunTable::Run {
  uint64_t base = 0;  // the first value; entries hold key << 32 | (value - base)
  uint64_t span = 0;  // the last value - base + 1
  size_t entries = 0;
  int level = 0;
  int fd = -1;                   // the file holding the entries, or -1
  std::vector<uint64_t> held;    // the entries, when in no file
  std::vector<uint64_t> fences;  // the first entry of each block
  std::vector<uint64_t> bloom;   // 8 words a filter block
  int probes = 6;                // bits set per key

  ~Run() {
    if (fd >= 0) close(fd);
  }
  // Sizes the filter (none when bloom_bits is 0: every lookup reads a
  // block) and adds entry e (in order) to the fences and filter.
  void Prepare(size_t n, int bloom_bits) {
    entries = 0;
    fences.clear();
    fences.reserve((n + kBlockEntries - 1) / kBlockEntries);
    if (bloom_bits <= 0) {
      bloom.clear();
      bloom.shrink_to_fit();
      return;
    }
    const size_t blocks = std::max<size_t>(1, (n * static_cast<size_t>(bloom_bits) + 511) / 512);
    probes = std::clamp((bloom_bits * 6 + 5) / 10, 1, 7);  // ~0.6 bits per entry a probe: near the fewest false positives
    bloom.assign(blocks * 8, 0);
  }
  void Note(uint64_t e) {
    if (entries % kBlockEntries == 0) fences.push_back(e);
    if (!bloom.empty()) BloomAdd(&bloom, probes, static_cast<uint32_t>(e >> 32));
    ++entries;
  }
  bool MayHave(uint32_t key, uint64_t h) const { return bloom.empty() || BloomHas(bloom, probes, key, h); }
  // Reads n entries from index i into out; false on a failed read.
  bool Read(size_t i, size_t n, uint64_t* out) const {
    if (fd < 0) {
      std::memcpy(out, held.data() + i, n * sizeof(uint64_t));
      return true;
    }
    return ReadAll(fd, out, n * sizeof(uint64_t), static_cast<off_t>(i * sizeof(uint64_t)));
  }
};

RunTable::RunTable() : RunTable(Options()) {}

RunTable::RunTable(const Options& options) : options_(options), spill_(options.spill) {
  options_.memtable_entries = std::max<size_t>(options_.memtable_entries, 1);
  options_.fanout = std::max(options_.fanout, 2);
  options_.bloom_bits = std::max(options_.bloom_bits, 1);
}

RunTable::~RunTable() = default;

bool RunTable::spilled() const {
  if (!spill_) return false;
  for (const auto& r : runs_)
    if (r->fd < 0) return false;
  return true;
}

size_t RunTable::MemSlot(uint32_t key) const {
  const size_t mask = mem_table_.size() - 1;
  size_t i = Mix(key) & mask;
  while (mem_table_[i] != 0 && static_cast<uint32_t>(mem_table_[i] >> 32) != key) i = (i + 1) & mask;
  return i;
}

void RunTable::Prefetch(uint32_t key) const {
  if (!mem_table_.empty()) __builtin_prefetch(&mem_table_[Mix(key) & (mem_table_.size() - 1)]);
  for (const auto& r : runs_)
    if (!r->bloom.empty()) __builtin_prefetch(BloomBlock(r->bloom, key));
}

void RunTable::Insert(uint32_t key, uint64_t value) {
  if (mem_values_.empty()) {
    const size_t n = options_.memtable_entries;
    mem_values_.resize(n);
    mem_prev_.resize(n);
    size_t slots = 2;
    while (slots < 2 * n) slots *= 2;
    mem_table_.assign(slots, 0);
  }
  if (mem_used_ > 0 && value - mem_base_ >= UINT32_MAX) Flush();  // relative values are 32-bit
  if (mem_used_ == 0) mem_base_ = value;
  const size_t slot = MemSlot(key);
  const uint32_t i = static_cast<uint32_t>(mem_used_++);
  mem_values_[i] = static_cast<uint32_t>(value - mem_base_);
  mem_prev_[i] = mem_table_[slot] == 0 ? kNone : static_cast<uint32_t>(mem_table_[slot]) - 1;
  mem_table_[slot] = uint64_t{key} << 32 | (i + 1);
  ++size_;
  if (mem_used_ == options_.memtable_entries) Flush();
}

void RunTable::Flush() {
  if (mem_used_ == 0) return;
  // The entries in insertion order (each key's list walked from its slot),
  // then sorted by key.
  std::vector<uint64_t> sorted(mem_used_), tmp;
  for (uint64_t slot : mem_table_) {
    if (slot == 0) continue;
    const uint64_t key = slot >> 32 << 32;
    for (uint32_t e = static_cast<uint32_t>(slot) - 1; e != kNone; e = mem_prev_[e]) sorted[e] = key | mem_values_[e];
  }
  SortByKey(&sorted, &tmp);
  tmp = std::vector<uint64_t>();
  auto run = std::make_unique<Run>();
  run->base = mem_base_;
  run->span = uint64_t{mem_values_[mem_used_ - 1]} + 1;
  run->Prepare(sorted.size(), options_.bloom_levels > 0 ? options_.bloom_bits : 0);
  for (uint64_t e : sorted) run->Note(e);
  if (spill_) {
    run->fd = MakeTempFile("dateline-bands");
    if (run->fd >= 0 && !WriteAll(run->fd, sorted.data(), sorted.size() * sizeof(uint64_t), 0)) {
      close(run->fd);
      run->fd = -1;
    }
    if (run->fd < 0) spill_ = false;  // this run and the next stay in memory
  }
  if (run->fd < 0) run->held = std::move(sorted);
  runs_.push_back(std::move(run));
  std::fill(mem_table_.begin(), mem_table_.end(), 0);
  mem_used_ = 0;
  MergeTail();
}

void RunTable::MergeTail() {
  const size_t fanout = static_cast<size_t>(options_.fanout);
  while (runs_.size() >= fanout) {
    const size_t first = runs_.size() - fanout;
    const int level = runs_.back()->level;
    bool same = true;
    for (size_t r = first; r < runs_.size(); ++r) same = same && runs_[r]->level == level;
    if (!same) break;
    if (runs_.back()->base + runs_.back()->span - runs_[first]->base > UINT32_MAX) break;  // too wide for one run
    if (!Merge(first, spill_)) {
      spill_ = false;
      Merge(first, false);
    }
  }
}

bool RunTable::Merge(size_t first, bool to_file) {
  struct Reader {
    const Run* run;
    uint64_t shift;  // added to the relative value
    size_t next = 0;  // the next entry of the run to read
    std::vector<uint64_t> buf;
    size_t pos = 0;
    bool Fill() {
      const size_t n = std::min(kChunk, run->entries - next);
      buf.resize(n);
      pos = 0;
      if (n == 0 || !run->Read(next, n, buf.data())) {
        buf.clear();  // a failed read ends this run
        return false;
      }
      next += n;
      return true;
    }
    bool Has() { return pos < buf.size() || Fill(); }
    uint64_t Head() const { return buf[pos] + shift; }
  };
  auto merged = std::make_unique<Run>();
  merged->base = runs_[first]->base;
  merged->span = runs_.back()->base + runs_.back()->span - merged->base;
  merged->level = runs_[first]->level + 1;
  size_t total = 0;
  std::vector<Reader> readers;
  for (size_t r = first; r < runs_.size(); ++r) {
    total += runs_[r]->entries;
    readers.push_back(Reader{runs_[r].get(), runs_[r]->base - merged->base, 0, {}, 0});
    // Nothing reads the inputs' filters and fences during the merge, and the
    // merged run replaces them (a merge that fails is done again in memory):
    // freed first, the merged filter does not add to the peak.
    std::vector<uint64_t>().swap(runs_[r]->bloom);
    std::vector<uint64_t>().swap(runs_[r]->fences);
  }
  merged->Prepare(total, merged->level < options_.bloom_levels ? options_.bloom_bits : 0);
  std::vector<uint64_t> out;
  off_t written = 0;
  if (to_file) {
    merged->fd = MakeTempFile("dateline-bands");
    if (merged->fd < 0) return false;
    out.reserve(kChunk);
  } else {
    merged->held.reserve(total);
  }
  std::vector<uint64_t>& sink = to_file ? out : merged->held;
  std::vector<uint64_t> heads(readers.size());  // each run's next entry, UINT64_MAX when done
  for (size_t i = 0; i < readers.size(); ++i) heads[i] = readers[i].Has() ? readers[i].Head() : UINT64_MAX;
  for (;;) {
    size_t best = 0;
    for (size_t i = 1; i < heads.size(); ++i)
      if (heads[i] < heads[best]) best = i;
    const uint64_t e = heads[best];
    if (e == UINT64_MAX) break;  // no run has entries left (no entry is all ones: values are < 2^32 - 1)
    Reader& r = readers[best];
    ++r.pos;
    heads[best] = r.Has() ? r.Head() : UINT64_MAX;
    merged->Note(e);
    sink.push_back(e);
    if (to_file && out.size() == kChunk) {
      if (!WriteAll(merged->fd, out.data(), out.size() * sizeof(uint64_t), written)) return false;
      written += static_cast<off_t>(out.size() * sizeof(uint64_t));
      out.clear();
    }
  }
  if (to_file && !out.empty() && !WriteAll(merged->fd, out.data(), out.size() * sizeof(uint64_t), written))
    return false;
  runs_.resize(first);
  runs_.push_back(std::move(merged));
  return true;
}

size_t RunTable::MemoryBytes() const {
  size_t n = (mem_values_.capacity() + mem_prev_.capacity()) * sizeof(uint32_t) +
             mem_table_.capacity() * sizeof(uint64_t) + runs_.capacity() * sizeof(void*);
  for (const auto& r : runs_)
    n += sizeof(Run) + (r->held.capacity() + r->fences.capacity() + r->bloom.capacity()) * sizeof(uint64_t);
  return n;
}

bool RunTable::Cursor::Seek(uint32_t key, uint64_t at) {
  key_ = key;
  bloom_hash_ = Mix(key);
  layer_ = -1;
  if (t_->mem_used_ > 0 && at >= t_->mem_base_) {
    const uint64_t s = t_->mem_table_[t_->MemSlot(key)];
    if (s != 0) {
      const uint64_t rel = std::min<uint64_t>(at - t_->mem_base_, UINT32_MAX);
      uint32_t e = static_cast<uint32_t>(s) - 1;
      while (e != kNone && t_->mem_values_[e] > rel) e = t_->mem_prev_[e];
      if (e != kNone) {
        layer_ = 0;
        entry_ = e;
        value_ = t_->mem_base_ + t_->mem_values_[e];
        return true;
      }
    }
  }
  return SeekRuns(static_cast<int>(t_->runs_.size()) - 1, at);
}

bool RunTable::Cursor::Next() {
  if (layer_ < 0) return false;
  if (layer_ == 0) {
    const uint32_t p = t_->mem_prev_[entry_];
    if (p != kNone) {
      entry_ = p;
      value_ = t_->mem_base_ + t_->mem_values_[p];
      return true;
    }
    return SeekRuns(static_cast<int>(t_->runs_.size()) - 1, UINT64_MAX);
  }
  const int r = layer_ - 1;
  if (pos_ > 0) {
    --pos_;
  } else {
    if (block_index_ == 0 || !LoadBlock(r, block_index_ - 1)) return SeekRuns(r - 1, UINT64_MAX);
    pos_ = block_size_ - 1;
  }
  if (SetFromBlock()) return true;
  return SeekRuns(r - 1, UINT64_MAX);
}

bool RunTable::Cursor::SeekRuns(int r, uint64_t at) {
  for (; r >= 0; --r) {
    const Run& run = *t_->runs_[r];
    if (run.base > at || !run.MayHave(key_, bloom_hash_)) continue;
    const uint64_t target = uint64_t{key_} << 32 | std::min<uint64_t>(at - run.base, UINT32_MAX);
    auto it = std::upper_bound(run.fences.begin(), run.fences.end(), target);
    if (it == run.fences.begin()) continue;  // every entry is past the target
    layer_ = r + 1;
    if (!LoadBlock(r, static_cast<size_t>(it - run.fences.begin()) - 1)) continue;
    pos_ = static_cast<size_t>(std::upper_bound(block_.begin(), block_.begin() + block_size_, target) -
                               block_.begin()) - 1;  // block_[0] is the fence, <= target
    if (SetFromBlock()) return true;
  }
  layer_ = -1;
  return false;
}

bool RunTable::Cursor::LoadBlock(int r, size_t block) {
  const Run& run = *t_->runs_[r];
  layer_ = r + 1;
  block_index_ = block;
  block_size_ = std::min(kBlockEntries, run.entries - block * kBlockEntries);
  if (run.Read(block * kBlockEntries, block_size_, block_.data())) return true;
  block_size_ = 0;
  return false;
}

bool RunTable::Cursor::SetFromBlock() {
  const uint64_t e = block_[pos_];
  if (static_cast<uint32_t>(e >> 32) != key_) return false;
  value_ = t_->runs_[layer_ - 1]->base + (e & UINT32_MAX);
  return true;
}

}  // namespace dateline::dedupe
