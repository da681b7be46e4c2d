// FlatMap: a compact hash map from an integer key to a small value (the
// duplicate index's band, link and exact-hash tables; the story clusterer's
// document -> story memory).
//
// Open addressing with linear probing in 256 segments chosen by the key's
// hash. A segment grows by half when it is 7/8 full, so the table stays
// 58-88 % full (about 73 % on average) at any size, and a growth step copies
// one segment, not the whole table: the resident set has no doubling spikes.
// Slots are packed (a 64-bit key and a 32-bit value take 12 bytes). Key 0 is
// allowed (held beside the slots). Removal is in bulk (EraseIf), which
// rebuilds each segment at its survivors' size. Not thread-safe for writes.
#ifndef DATELINE_BASE_FLAT_MAP_H_
#define DATELINE_BASE_FLAT_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dateline {

template <typename K, typename V>
class FlatMap {
 public:
  // The value of key, inserting `value` first when key is absent (*inserted
  // tells which). The pointer is valid until the next Insert.
  V* Insert(K key, V value, bool* inserted) {
    if (key == 0) {
      *inserted = !has_zero_;
      if (!has_zero_) has_zero_ = true, zero_value_ = value;
      return &zero_value_;
    }
    const uint64_t h = Mix(key);
    Segment& seg = segments_[h >> 56];
    if ((seg.used + 1) * 8 > seg.slots.size() * 7) Grow(&seg);
    size_t i = SlotOf(seg, key, h);
    Slot& s = seg.slots[i];
    *inserted = s.key == 0;
    if (s.key == 0) {
      s.key = key;
      s.value = value;
      ++seg.used;
      ++size_;
    }
    return &s.value;
  }
  // The value of key, or null when absent.
  V* Find(K key) { return const_cast<V*>(static_cast<const FlatMap*>(this)->Find(key)); }
  const V* Find(K key) const {
    if (key == 0) return has_zero_ ? &zero_value_ : nullptr;
    const uint64_t h = Mix(key);
    const Segment& seg = segments_[h >> 56];
    if (seg.slots.empty()) return nullptr;
    const Slot& s = seg.slots[SlotOf(seg, key, h)];
    return s.key == 0 ? nullptr : &s.value;
  }
  // Removes every entry for which drop(key, value) is true.
  template <typename Pred>
  void EraseIf(Pred drop) {
    if (has_zero_ && drop(K{0}, zero_value_)) has_zero_ = false, zero_value_ = V{};
    std::vector<Slot> kept;
    for (Segment& seg : segments_) {
      kept.clear();
      for (const Slot& s : seg.slots)
        if (s.key != 0 && !drop(s.key, s.value)) kept.push_back(s);
      if (kept.size() == seg.used) continue;
      size_ -= seg.used - kept.size();
      seg.used = kept.size();
      if (kept.empty()) {
        std::vector<Slot>().swap(seg.slots);
        continue;
      }
      size_t n = 16;
      while ((kept.size() + 1) * 8 > n * 7) n += n / 2;
      std::vector<Slot>(n, Slot{}).swap(seg.slots);
      for (const Slot& s : kept) seg.slots[SlotOf(seg, s.key, Mix(s.key))] = s;
    }
  }
  size_t size() const { return size_ + has_zero_; }
  bool empty() const { return size() == 0; }
  size_t MemoryBytes() const {
    size_t n = sizeof(segments_);
    for (const Segment& seg : segments_) n += seg.slots.capacity() * sizeof(Slot);
    return n;
  }

 private:
  struct __attribute__((packed, aligned(4))) Slot {
    K key;  // 0 = empty
    V value;
  };
  struct Segment {
    std::vector<Slot> slots;
    size_t used = 0;
  };
  static uint64_t Mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    return k ^ (k >> 33);
  }
  // The slot holding key, or the empty slot where it goes (the segment is
  // never full). The home slot maps the hash's low 32 bits onto the segment.
  static size_t SlotOf(const Segment& seg, K key, uint64_t h) {
    const size_t n = seg.slots.size();
    size_t i = static_cast<size_t>(((h & 0xffffffffu) * n) >> 32);
    while (seg.slots[i].key != 0 && seg.slots[i].key != key)
      if (++i == n) i = 0;
    return i;
  }
  static void Grow(Segment* seg) {
    std::vector<Slot> old;
    old.swap(seg->slots);
    seg->slots.assign(old.empty() ? 16 : old.size() + old.size() / 2, Slot{});
    for (const Slot& s : old)
      if (s.key != 0) seg->slots[SlotOf(*seg, s.key, Mix(s.key))] = s;
  }

  Segment segments_[256];
  size_t size_ = 0;
  bool has_zero_ = false;
  V zero_value_{};
};

}  // namespace dateline

#endif  // DATELINE_BASE_FLAT_MAP_H_
