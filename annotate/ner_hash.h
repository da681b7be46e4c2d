// Hashes behind the NER tagger's feature keys and gazetteer phrases. These
// define the meaning of data/ner/model.bin: changing any of them changes every
// key, so the shipped model would no longer score its features. Pure inline
// functions; thread-safe.
#ifndef DATELINE_ANNOTATE_NER_HASH_H_
#define DATELINE_ANNOTATE_NER_HASH_H_

#include <cstdint>
#include <string_view>

namespace dateline::ner {

// Bijective 64-bit finaliser (MurmurHash3's fmix64).
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Feature key of template t with up to two parts.
inline uint64_t Key(uint64_t t, uint64_t a = 0, uint64_t b = 0) {
  return Mix(Mix(t * 0x9E3779B97F4A7C15ULL ^ a) + b * 0x2545F4914F6CDD1DULL);
}

// 64-bit FNV-1a, byte by byte, so it can also be computed incrementally.
constexpr uint64_t kFnvBasis = 1469598103934665603ULL;
inline uint64_t FnvStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
inline uint64_t Fnv(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : s) h = FnvStep(h, c);
  return h;
}

// Phrase hash of a gazetteer entry, extended one word (its Fnv) at a time
// from kPhraseSeed.
constexpr uint64_t kPhraseSeed = 7;
inline uint64_t PhraseStep(uint64_t h, uint64_t word_hash) { return Mix(h ^ word_hash); }

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_HASH_H_
