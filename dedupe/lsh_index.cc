#include "dedupe/lsh_index.h"

#include <algorithm>

namespace dateline::dedupe {
namespace {

RunTable::Options BandOptions(const LshIndex::Options& options) {
  RunTable::Options b = options.bands;
  b.spill = b.spill && options.spill;
  return b;
}

LshIndex::Options SpillOptions(bool spill) {
  LshIndex::Options o;
  o.spill = spill;
  return o;
}

}  // namespace

LshIndex::LshIndex(bool spill) : LshIndex(SpillOptions(spill)) {}

LshIndex::LshIndex(const Options& options)
    : key_mask_(options.key_mask),
      records_("dateline-signatures", 1024 * sizeof(Record), options.spill),
      bands_(BandOptions(options)) {}

LshIndex::~LshIndex() = default;

Signature LshIndex::signature(uint32_t i, uint32_t* value) const {
  Record r;
  // A failed read (the disk went away) gives zeros: no minimum matches, so
  // the document is no copy.
  records_.Read(uint64_t{i} * sizeof(Record), &r, sizeof r);
  if (value) *value = r.value;
  return r.sig;
}

uint32_t LshIndex::BandKey(const Signature& sig, int band) const {
  uint64_t h = 0x9e3779b97f4a7c15ULL * (band + 1);
  for (int r = 0; r < kRows; ++r) {
    h ^= sig.mins[band * kRows + r];
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
  }
  uint32_t key = static_cast<uint32_t>(h >> 32) & key_mask_;
  return key == 0 ? 1 : key;
}

uint32_t LshIndex::Insert(const Signature& sig, uint32_t value) {
  const uint32_t doc = static_cast<uint32_t>(size_++);
  Record r{sig, value};
  records_.Append(&r, sizeof r);
  for (int b = 0; b < kBands; ++b) bands_.Insert(BandKey(sig, b), uint64_t{doc} * kBands + b);
  return doc;
}

void LshIndex::Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band) const {
  out->clear();
  if (size_ == 0 || sig.shingles == 0) return;
  uint32_t keys[kBands];
  for (int b = 0; b < kBands; ++b) bands_.Prefetch(keys[b] = BandKey(sig, b));
  RunTable::Cursor c(&bands_);
  for (int b = 0; b < kBands; ++b) {
    // The walk of session 9's table: from the newest entry of the key, each
    // step goes from document d to the entry before (d, b) in the list of
    // d's own band-b key (the same key unless two bands' keys collide).
    if (!c.Seek(keys[b])) continue;
    uint32_t d = static_cast<uint32_t>(c.value() / kBands);
    for (int walked = 0; walked < max_per_band; ++walked) {
      out->push_back(d);
      const uint64_t at = uint64_t{d} * kBands + b;
      while (c.valid() && c.value() > at) c.Next();  // d's entries of this key in later bands
      if (!c.valid() || c.value() != at) {
        // d holds this key in another band only: go on along its band-b key.
        if (!c.Seek(BandKey(signature(d), b), at) || c.value() != at) break;
      }
      if (!c.Next()) break;
      const uint32_t previous = static_cast<uint32_t>(c.value() / kBands);
      if (previous == d) break;  // d holds the key in an earlier band too: the walk stays on d
      d = previous;
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

size_t LshIndex::MemoryBytes() const { return records_.MemoryBytes() + bands_.MemoryBytes(); }

}  // namespace dateline::dedupe
