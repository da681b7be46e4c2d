#include "dedupe/append_file.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "dedupe/temp_file.h"

namespace dateline::dedupe {

AppendFile::AppendFile(const char* prefix, size_t block_bytes, bool spill)
    : prefix_(prefix), block_bytes_(std::max<size_t>(block_bytes, 1)), spill_(spill) {}

AppendFile::~AppendFile() {
  if (fd_ >= 0) close(fd_);
}

uint64_t AppendFile::Append(const void* p, size_t n) {
  const uint64_t at = size_;
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    const size_t k = size_ / block_bytes_, in = size_ % block_bytes_;
    if (k == blocks_.size()) blocks_.push_back(std::make_unique<char[]>(block_bytes_));
    const size_t m = std::min(n, block_bytes_ - in);
    std::memcpy(blocks_[k].get() + in, c, m);
    c += m, n -= m, size_ += m;
    if (in + m == block_bytes_) Spill(k);
  }
  return at;
}

void AppendFile::Spill(size_t k) {
  if (!spill_) return;
  if (fd_ < 0) fd_ = MakeTempFile(prefix_);
  if (fd_ < 0 || !WriteAll(fd_, blocks_[k].get(), block_bytes_, static_cast<off_t>(k * block_bytes_))) {
    spill_ = false;  // this block and the next stay in memory; earlier ones are in the file
    return;
  }
  blocks_[k].reset();
}

bool AppendFile::Read(uint64_t at, void* p, size_t n) const {
  char* c = static_cast<char*>(p);
  bool ok = true;
  while (n > 0) {
    const size_t k = at / block_bytes_, in = at % block_bytes_;
    const size_t m = std::min(n, block_bytes_ - in);
    if (blocks_[k]) {
      std::memcpy(c, blocks_[k].get() + in, m);
    } else if (!ReadAll(fd_, c, m, static_cast<off_t>(at))) {
      std::memset(c, 0, m);
      ok = false;
    }
    c += m, n -= m, at += m;
  }
  return ok;
}

size_t AppendFile::MemoryBytes() const {
  size_t held = 0;
  for (const auto& b : blocks_) held += b != nullptr;
  return held * block_bytes_ + blocks_.capacity() * sizeof(void*);
}

}  // namespace dateline::dedupe
