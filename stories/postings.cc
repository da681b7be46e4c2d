#include "stories/postings.h"

#include <algorithm>

namespace dateline::stories {

size_t Postings::SlotOf(uint64_t key) const {
  const size_t mask = slots_.size() - 1;
  size_t i = Home(key);
  while (slots_[i].size != 0 && slots_[i].key != key) i = (i + 1) & mask;
  return i;
}

void Postings::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
  for (const Slot& s : old)
    if (s.size != 0) slots_[SlotOf(s.key)] = s;
}

uint32_t Postings::NewList() {
  if (!free_lists_.empty()) {
    uint32_t index = free_lists_.back();
    free_lists_.pop_back();
    return index;
  }
  lists_.emplace_back();
  return static_cast<uint32_t>(lists_.size() - 1);
}

void Postings::FreeList(uint32_t index) {
  std::vector<uint32_t>().swap(lists_[index]);
  free_lists_.push_back(index);
}

void Postings::Add(uint64_t key, uint32_t story) {
  if ((used_ + 1) * 4 > slots_.size() * 3) Grow();
  Slot& s = slots_[SlotOf(key)];
  if (s.size == 0) {
    s = Slot{key, 1, story};
    ++used_;
    return;
  }
  if (s.size == 1) {
    uint32_t index = NewList();
    lists_[index] = {s.data, story};
    s.data = index;
  } else {
    lists_[s.data].push_back(story);
  }
  ++s.size;
}

Postings::List Postings::Find(uint64_t key) const {
  if (slots_.empty()) return {};
  const Slot& s = slots_[SlotOf(key)];
  if (s.size == 0) return {};
  if (s.size == 1) return {&s.data, 1};
  return {lists_[s.data].data(), s.size};
}

void Postings::EraseAt(size_t i) {
  const size_t mask = slots_.size() - 1;
  size_t hole = i;
  for (size_t j = (i + 1) & mask; slots_[j].size != 0; j = (j + 1) & mask) {
    // Slot j may fill the hole when its home is not cyclically in (hole, j].
    size_t home = Home(slots_[j].key);
    bool home_after_hole = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
    if (home_after_hole) continue;
    slots_[hole] = slots_[j];
    hole = j;
  }
  slots_[hole] = Slot{};
  --used_;
}

size_t Postings::MemoryBytes() const {
  size_t n = slots_.capacity() * sizeof(Slot) + lists_.capacity() * sizeof(lists_[0]) +
             free_lists_.capacity() * sizeof(uint32_t);
  for (const auto& l : lists_) n += l.capacity() * sizeof(uint32_t);
  return n;
}

}  // namespace dateline::stories
