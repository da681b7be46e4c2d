#include "dedupe/lsh_index.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace dateline::dedupe {
namespace {
constexpr uint32_t kNone = UINT32_MAX;

// An unlinked temporary file in $TMPDIR (or /tmp); -1 when none can be made.
int MakeTempFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/dateline-signatures-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd >= 0) unlink(path.c_str());
  return fd;
}

// Writes or reads all n bytes at offset; false on error or a short count.
bool WriteAll(int fd, const void* p, size_t n, off_t at) {
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    ssize_t w = pwrite(fd, c, n, at);
    if (w <= 0) return false;
    c += w, n -= static_cast<size_t>(w), at += w;
  }
  return true;
}
bool ReadAll(int fd, void* p, size_t n, off_t at) {
  char* c = static_cast<char*>(p);
  while (n > 0) {
    ssize_t r = pread(fd, c, n, at);
    if (r <= 0) return false;
    c += r, n -= static_cast<size_t>(r), at += r;
  }
  return true;
}
}  // namespace

LshIndex::LshIndex(bool spill) : spill_(spill) {}

LshIndex::~LshIndex() {
  if (fd_ >= 0) close(fd_);
}

void LshIndex::Spill(size_t k) {
  if (!spill_) return;
  if (fd_ < 0) fd_ = MakeTempFile();
  constexpr size_t kBytes = sizeof(Signature) << kBlockBits;
  if (fd_ < 0 || !WriteAll(fd_, sigs_[k].get(), kBytes, static_cast<off_t>(k * kBytes))) {
    spill_ = false;  // this block and the next stay in memory; earlier ones are in the file
    return;
  }
  sigs_[k].reset();
}

Signature LshIndex::signature(uint32_t i) const {
  const size_t k = i >> kBlockBits;
  if (sigs_[k]) return sigs_[k][i & kBlockMask];
  Signature s;
  if (!ReadAll(fd_, &s, sizeof s, static_cast<off_t>(size_t{i} * sizeof(Signature)))) {
    // The file was written whole; a failed read (the disk went away) makes the
    // document a candidate no longer: no minimum matches, so it is no copy.
    std::memset(&s, 0, sizeof s);
  }
  return s;
}

uint32_t LshIndex::BandKey(const Signature& sig, int band) {
  uint64_t h = 0x9e3779b97f4a7c15ULL * (band + 1);
  for (int r = 0; r < kRows; ++r) {
    h ^= sig.mins[band * kRows + r];
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
  }
  uint32_t key = static_cast<uint32_t>(h >> 32);
  return key == 0 ? 1 : key;
}

size_t LshIndex::Find(uint32_t key) const {
  size_t mask = keys_.size() - 1;
  size_t i = (key * 0x9E3779B1u) & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

void LshIndex::Grow() {
  std::vector<uint32_t> old_keys, old_heads;
  old_keys.swap(keys_);
  old_heads.swap(heads_);
  size_t capacity = std::max<size_t>(1024, old_keys.size() * 2);
  keys_.assign(capacity, 0);
  heads_.assign(capacity, kNone);
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    size_t slot = Find(old_keys[i]);
    keys_[slot] = old_keys[i];
    heads_[slot] = old_heads[i];
  }
}

uint32_t LshIndex::Insert(const Signature& sig) {
  uint32_t doc = static_cast<uint32_t>(size_);
  if ((size_ >> kBlockBits) == blocks_.size()) {
    blocks_.push_back(std::make_unique<Entry[]>(size_t{1} << kBlockBits));
    sigs_.push_back(std::make_unique<Signature[]>(size_t{1} << kBlockBits));
  }
  ++size_;
  sigs_[doc >> kBlockBits][doc & kBlockMask] = sig;
  if ((doc & kBlockMask) == kBlockMask) Spill(doc >> kBlockBits);
  Entry& e = At(doc);
  std::fill(std::begin(e.next), std::end(e.next), kNone);
  for (int b = 0; b < kBands; ++b) {
    if ((used_ + 1) * 4 > keys_.size() * 3) Grow();
    uint32_t key = BandKey(sig, b);
    size_t slot = Find(key);
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      ++used_;
    } else {
      e.next[b] = heads_[slot];
    }
    heads_[slot] = doc;
  }
  return doc;
}

void LshIndex::Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band) const {
  out->clear();
  if (keys_.empty() || sig.shingles == 0) return;
  for (int b = 0; b < kBands; ++b) {
    size_t slot = Find(BandKey(sig, b));
    if (keys_[slot] == 0) continue;
    int walked = 0;
    for (uint32_t d = heads_[slot]; d != kNone && walked < max_per_band; d = At(d).next[b]) {
      ++walked;
      out->push_back(d);
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

size_t LshIndex::MemoryBytes() const {
  size_t sig_blocks = 0;
  for (const auto& b : sigs_) sig_blocks += b != nullptr;
  return blocks_.size() * (sizeof(Entry) << kBlockBits) + sig_blocks * (sizeof(Signature) << kBlockBits) +
         (blocks_.capacity() + sigs_.capacity()) * sizeof(void*) + keys_.capacity() * 4 + heads_.capacity() * 4;
}

}  // namespace dateline::dedupe
