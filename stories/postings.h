// Postings: feature key -> the stories that hold it, in the order they were
// added (StoryClusterer's candidate lookup reads a list from its newest end).
//
// Memory: one 16-byte slot per key in a flat open-addressing table (linear
// probing, load at most 0.75); a list of one story lives in the slot itself,
// a longer one in a vector of its own. Most features of a story are rare
// words held by that story alone, so most keys cost 16-21 bytes, against
// ~90 for a node-based map of vectors.
//
// Removal is in bulk (RemoveIf), with backward-shift deletion in place: the
// table never needs a second copy of itself. Not thread-safe.
#ifndef DATELINE_STORIES_POSTINGS_H_
#define DATELINE_STORIES_POSTINGS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dateline::stories {

class Postings {
 public:
  // A list of stories: data[0] oldest, data[size - 1] newest. Valid until
  // the next Add or RemoveIf.
  struct List {
    const uint32_t* data = nullptr;
    size_t size = 0;
  };
  // Appends story to key's list.
  void Add(uint64_t key, uint32_t story);
  // key's list (empty when no story holds key).
  List Find(uint64_t key) const;
  // Removes from every list the stories for which drop(story) is true, and
  // the keys left without stories.
  template <typename Pred>
  void RemoveIf(Pred drop);
  size_t keys() const { return used_; }
  size_t MemoryBytes() const;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t size = 0;  // 0 = empty slot
    uint32_t data = 0;  // the story when size == 1, else an index into lists_
  };
  static_assert(sizeof(Slot) == 16);
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
  }
  size_t SlotOf(uint64_t key) const;  // the slot holding key, or the empty one where it goes
  void Grow();
  uint32_t NewList();
  void FreeList(uint32_t index);
  // Filters slot i's list; returns false when it is left empty.
  template <typename Pred>
  bool Filter(Slot* s, Pred drop);
  void EraseAt(size_t i);  // backward-shift deletion

  std::vector<Slot> slots_;
  size_t used_ = 0;
  std::vector<std::vector<uint32_t>> lists_;  // lists of two or more stories
  std::vector<uint32_t> free_lists_;          // unused indexes into lists_
};

template <typename Pred>
bool Postings::Filter(Slot* s, Pred drop) {
  if (s->size == 1) return !drop(s->data);
  std::vector<uint32_t>& list = lists_[s->data];
  size_t out = 0;
  for (uint32_t story : list)
    if (!drop(story)) list[out++] = story;
  list.resize(out);
  if (out >= 2) {
    if (list.capacity() > 2 * out) list.shrink_to_fit();
    s->size = static_cast<uint32_t>(out);
    return true;
  }
  uint32_t index = s->data;
  if (out == 1) s->data = list[0];
  s->size = static_cast<uint32_t>(out);
  FreeList(index);
  return out == 1;
}

template <typename Pred>
void Postings::RemoveIf(Pred drop) {
  // A deletion shifts a later slot of the probe run back into slot i, so i
  // is looked at again; a run that wraps past the end can shift a slot
  // already filtered back to the end, and filtering it twice is harmless.
  for (size_t i = 0; i < slots_.size();) {
    Slot& s = slots_[i];
    if (s.size != 0 && !Filter(&s, drop)) {
      EraseAt(i);
      continue;
    }
    ++i;
  }
}

}  // namespace dateline::stories

#endif  // DATELINE_STORIES_POSTINGS_H_
