#include "clean/line_counts.h"

#include <algorithm>
#include <functional>
#include <limits>

namespace dateline {
namespace {

uint32_t SaturatingAdd(uint32_t a, uint64_t n) {
  constexpr uint64_t kMax = std::numeric_limits<uint32_t>::max();
  return static_cast<uint32_t>(std::min<uint64_t>(kMax, a + std::min<uint64_t>(n, kMax)));
}

}  // namespace

size_t LineCounts::CapacityFor(size_t n) {
  size_t cap = 16;
  while (n * 5 > cap * 4) cap <<= 1;  // load <= 0.8
  return cap;
}

size_t LineCounts::SlotOf(uint64_t key) const {
  const size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
  return i;
}

void LineCounts::Rehash(size_t capacity) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(capacity, Slot{0, 0});
  for (const Slot& s : old)
    if (s.key != 0) slots_[SlotOf(s.key)] = s;
}

void LineCounts::Add(uint64_t key, uint64_t n) {
  if (key == 0) {
    has_zero_ = true;
    zero_count_ = SaturatingAdd(zero_count_, n);
    return;
  }
  if (slots_.empty() || (size_ + 1) * 5 > slots_.size() * 4) Rehash(CapacityFor(size_ + 1));
  Slot& s = slots_[SlotOf(key)];
  if (s.key == 0) {
    s.key = key;
    s.count = 0;
    ++size_;
  }
  s.count = SaturatingAdd(s.count, n);
}

uint32_t LineCounts::Count(uint64_t key) const {
  if (key == 0) return has_zero_ ? zero_count_ : 0;
  if (slots_.empty()) return 0;
  const Slot& s = slots_[SlotOf(key)];
  return s.key == key ? s.count : 0;
}

void LineCounts::ForgetAtMost(uint32_t n) {
  if (has_zero_ && zero_count_ <= n) has_zero_ = false, zero_count_ = 0;
  size_t kept = 0;
  for (const Slot& s : slots_) kept += s.key != 0 && s.count > n;
  std::vector<Slot> old;
  old.swap(slots_);
  size_ = kept;
  if (kept == 0) return;
  slots_.assign(CapacityFor(kept), Slot{0, 0});
  for (const Slot& s : old)
    if (s.key != 0 && s.count > n) slots_[SlotOf(s.key)] = s;
}

void LineCounts::ForgetRarest(size_t keep) {
  uint32_t n = 1;
  std::vector<uint32_t> counts;
  for (const Slot& s : slots_)
    if (s.key != 0 && s.count > 1) counts.push_back(s.count);
  if (has_zero_ && zero_count_ > 1) counts.push_back(zero_count_);
  if (counts.size() > keep) {
    std::nth_element(counts.begin(), counts.begin() + keep, counts.end(), std::greater<uint32_t>());
    n = std::max(n, counts[keep]);  // the (keep + 1)-th largest count goes, and every smaller one
  }
  ForgetAtMost(n);
}

}  // namespace dateline
