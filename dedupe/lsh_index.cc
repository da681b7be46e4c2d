#include "dedupe/lsh_index.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace dateline::dedupe {
namespace {

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

uint32_t LshIndex::Insert(const Signature& sig) {
  uint32_t doc = static_cast<uint32_t>(size_);
  if ((size_ >> kBlockBits) == sigs_.size()) sigs_.push_back(std::make_unique<Signature[]>(size_t{1} << kBlockBits));
  ++size_;
  sigs_[doc >> kBlockBits][doc & kBlockMask] = sig;
  if ((doc & kBlockMask) == kBlockMask) Spill(doc >> kBlockBits);
  for (int b = 0; b < kBands; ++b) {
    bool inserted;
    uint32_t* head = heads_.Insert(BandKey(sig, b), doc, &inserted);
    if (inserted) continue;
    const uint32_t previous = *head;
    *head = doc;
    links_.Insert(LinkKey(doc, b), previous, &inserted);
  }
  return doc;
}

void LshIndex::Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band) const {
  out->clear();
  if (size_ == 0 || sig.shingles == 0) return;
  for (int b = 0; b < kBands; ++b) {
    const uint32_t* head = heads_.Find(BandKey(sig, b));
    if (!head) continue;
    uint32_t d = *head;
    for (int walked = 0; walked < max_per_band; ++walked) {
      out->push_back(d);
      const uint32_t* previous = links_.Find(LinkKey(d, b));
      if (!previous) break;
      d = *previous;
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

size_t LshIndex::MemoryBytes() const {
  size_t sig_blocks = 0;
  for (const auto& b : sigs_) sig_blocks += b != nullptr;
  return sig_blocks * (sizeof(Signature) << kBlockBits) + sigs_.capacity() * sizeof(void*) + heads_.MemoryBytes() +
         links_.MemoryBytes();
}

}  // namespace dateline::dedupe
