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

uint32_t LineCounts::Fingerprint(uint64_t key) {
  uint64_t h = (key ^ (key >> 31)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  const uint32_t fp = static_cast<uint32_t>((h ^ (h >> 31)) >> 32);
  return fp == 0 ? 1 : fp;
}

size_t LineCounts::OnceSlotOf(uint32_t fp) const {
  const size_t mask = once_.size() - 1;
  size_t i = static_cast<size_t>((fp * 0x9E3779B97F4A7C15ULL) >> 24) & mask;
  while (once_[i] != 0 && once_[i] != fp) i = (i + 1) & mask;
  return i;
}

void LineCounts::ForgetOnce() {
  std::vector<uint32_t>().swap(once_);
  once_used_ = once_live_ = 0;
}

void LineCounts::Add(uint64_t key, uint64_t n) {
  if (key == 0) {
    has_zero_ = true;
    zero_count_ = SaturatingAdd(zero_count_, n);
    return;
  }
  if (!slots_.empty()) {
    Slot& s = slots_[SlotOf(key)];
    if (s.key == key) {
      s.count = SaturatingAdd(s.count, n);
      return;
    }
  }
  // Not counted yet: seen once before?
  const uint32_t fp = Fingerprint(key);
  uint64_t count = n;
  if (!once_.empty() && once_[OnceSlotOf(fp)] == fp) {
    // Counted from now on; its fingerprint stays until the set is next
    // dropped (Count() looks in the counted table first).
    --once_live_;
    count = SaturatingAdd(1, n);
  } else if (n == 1) {
    if (once_.empty() || (once_used_ + 1) * 5 > once_.size() * 4) {
      std::vector<uint32_t> old;
      old.swap(once_);
      once_.assign(CapacityFor(once_used_ + 1), 0);
      for (uint32_t f : old)
        if (f != 0) once_[OnceSlotOf(f)] = f;
    }
    once_[OnceSlotOf(fp)] = fp;
    ++once_used_;
    ++once_live_;
    return;
  }
  if (slots_.empty() || (size_ + 1) * 5 > slots_.size() * 4) Rehash(CapacityFor(size_ + 1));
  Slot& s = slots_[SlotOf(key)];
  s.key = key;
  s.count = SaturatingAdd(0, count);
  ++size_;
}

uint32_t LineCounts::Count(uint64_t key) const {
  if (key == 0) return has_zero_ ? zero_count_ : 0;
  if (!slots_.empty()) {
    const Slot& s = slots_[SlotOf(key)];
    if (s.key == key) return s.count;
  }
  if (once_.empty()) return 0;
  const uint32_t fp = Fingerprint(key);
  return once_[OnceSlotOf(fp)] == fp ? 1 : 0;
}

void LineCounts::ForgetAtMost(uint32_t n) {
  if (n >= 1) ForgetOnce();
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
