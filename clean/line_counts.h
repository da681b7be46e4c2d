// LineCounts: how many pages of one site each line (by 64-bit hash) was seen
// on — the per-site table of TemplateStats (clean/cleaner.h).
//
// Most lines of a site are seen on one page only (the article's own text),
// so a key seen once is held as a 32-bit fingerprint in a set of its own (4
// bytes a slot), and moves to the counted table (12 bytes a slot: key and a
// 32-bit count, packed) when it is seen again. Both are flat open-addressing
// tables (linear probing, power-of-two capacity, load at most 0.8). Two keys
// seen once with the same fingerprint are taken for one (a chance of about
// n / 2^32 for a new key when n are held once), which only makes a count 2
// instead of 1. Counts saturate at UINT32_MAX. Any 64-bit key is allowed (key
// 0, which marks an empty slot, is kept aside).
//
// Removal is only in bulk (ForgetAtMost), which rebuilds the table: that is
// how TemplateStats bounds a site's memory. Iteration order is unspecified.
// Not thread-safe for writes; const calls may run concurrently.
#ifndef DATELINE_CLEAN_LINE_COUNTS_H_
#define DATELINE_CLEAN_LINE_COUNTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dateline {

class LineCounts {
 public:
  // Adds n to the count of key (a new key starts at 0).
  void Add(uint64_t key, uint64_t n = 1);
  // The count of key, 0 when absent.
  uint32_t Count(uint64_t key) const;
  // Keys with a count (> 0 or added with n = 0).
  size_t size() const { return size_ + once_live_ + has_zero_; }
  // Slots taken by keys seen once (or seen once and counted since: their
  // fingerprints stay until ForgetOnce).
  size_t once_held() const { return once_used_; }
  // Drops every key seen once (their counts become 0) and frees their set.
  void ForgetOnce();
  // Drops every key whose count is <= n and shrinks the table to fit the rest.
  void ForgetAtMost(uint32_t n);
  // Drops the keys counted once, then the least counted ones until at most
  // `keep` are left (keys tied at the cut go together).
  void ForgetRarest(size_t keep);
  // Calls fn(key, count) for every key counted more than once or added with
  // n != 1 (keys seen once are held as fingerprints), in unspecified order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    if (has_zero_) fn(uint64_t{0}, zero_count_);
    for (const Slot& s : slots_)
      if (s.key != 0) fn(s.key, s.count);
  }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot) + once_.capacity() * sizeof(uint32_t); }

 private:
  struct __attribute__((packed, aligned(4))) Slot {
    uint64_t key;  // 0 = empty
    uint32_t count;
  };
  static_assert(sizeof(Slot) == 12);
  size_t SlotOf(uint64_t key) const;  // the slot holding key, or the empty one where it goes
  void Rehash(size_t capacity);
  static size_t CapacityFor(size_t n);

  static uint32_t Fingerprint(uint64_t key);  // never 0
  size_t OnceSlotOf(uint32_t fp) const;       // the slot holding fp, or the empty one where it goes

  std::vector<Slot> slots_;
  size_t size_ = 0;  // used slots
  std::vector<uint32_t> once_;  // fingerprints of keys seen once (0 = empty)
  size_t once_used_ = 0;        // occupied slots of once_
  size_t once_live_ = 0;        // of them, keys not counted again since
  bool has_zero_ = false;
  uint32_t zero_count_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_CLEAN_LINE_COUNTS_H_
