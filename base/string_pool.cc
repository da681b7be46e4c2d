// StringPool (see string_pool.h).
#include "base/string_pool.h"

#include "base/hash.h"

namespace dateline {

size_t StringPool::Slot(std::string_view s, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t at = slots_[i];
    if (at == 0 || Get(at - 1) == s) return i;
  }
}

void StringPool::Grow() {
  std::vector<uint32_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  for (uint32_t at : old)
    if (at) slots_[Slot(Get(at - 1), Hash64(Get(at - 1)))] = at;
}

uint32_t StringPool::Intern(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  size_t i = Slot(s, Hash64(s));
  if (slots_[i]) return slots_[i] - 1;
  uint32_t id = static_cast<uint32_t>(size());
  chars_.append(s);
  starts_.push_back(chars_.size());
  slots_[i] = id + 1;
  return id;
}

uint32_t StringPool::Find(std::string_view s) const {
  if (slots_.empty()) return kNone;
  uint32_t at = slots_[Slot(s, Hash64(s))];
  return at ? at - 1 : kNone;
}

size_t StringPool::MemoryBytes() const {
  return chars_.capacity() + starts_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint32_t);
}

void StringPool::Clear() {
  std::string().swap(chars_);
  starts_.assign(1, 0);
  starts_.shrink_to_fit();
  std::vector<uint32_t>().swap(slots_);
}

}  // namespace dateline
