// The NER gazetteer's flat hash table (see ner_features.h).
#include <algorithm>

#include "annotate/ner_features.h"
#include "annotate/ner_hash.h"

namespace dateline::ner {

uint64_t PhraseHash(const std::vector<std::string>& lower, size_t b, size_t e) {
  uint64_t h = kPhraseSeed;
  for (size_t k = b; k < e; ++k) h = PhraseStep(h, Fnv(lower[k]));
  return h;
}

void Gazetteer::Add(std::string_view lower_phrase, int type) {
  uint64_t h = kPhraseSeed;
  int words = 0;
  size_t i = 0;
  while (i < lower_phrase.size()) {
    size_t j = lower_phrase.find(' ', i);
    if (j == std::string_view::npos) j = lower_phrase.size();
    if (j > i) {
      h = PhraseStep(h, Fnv(lower_phrase.substr(i, j - i)));
      ++words;
    }
    i = j + 1;
  }
  if (words == 0) return;
  AddHash(h, 1u << type);
  if (words > max_len_) max_len_ = words;
}

void Gazetteer::AddHash(uint64_t hash, uint32_t mask) {
  filter_[(hash >> 6) & kFilterMask] |= uint64_t{1} << (hash & 63);
  if (hash == 0) {
    if (!has_zero_) ++size_;
    has_zero_ = true;
    zero_mask_ |= mask;
    return;
  }
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  size_t h = Home(hash);
  while (slots_[h].hash != 0 && slots_[h].hash != hash) h = (h + 1) & mask_;
  if (slots_[h].hash == 0) ++size_;
  slots_[h].hash = hash;
  slots_[h].mask |= mask;
}

void Gazetteer::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    size_t h = Home(s.hash);
    while (slots_[h].hash != 0) h = (h + 1) & mask_;
    slots_[h] = s;
  }
}

uint32_t Gazetteer::Lookup(const std::vector<std::string>& lower, size_t b, size_t e) const {
  return LookupHash(PhraseHash(lower, b, e));
}

std::vector<std::pair<uint64_t, uint32_t>> Gazetteer::Entries() const {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(size_);
  if (has_zero_) out.push_back({0, zero_mask_});
  for (const Slot& s : slots_)
    if (s.hash != 0) out.push_back({s.hash, s.mask});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dateline::ner
