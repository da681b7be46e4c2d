// MinHash signatures of documents, for near-duplicate detection.
//
// A document is read as paragraphs (lines) of normalised words (lower-cased
// runs of letters and digits). Its shingles are the hashes of every run of
// `shingle_words` consecutive words inside a paragraph (a shorter paragraph is
// one shingle), so reordering paragraphs leaves the shingle set unchanged.
// The signature keeps, for each of kMinHashes hash functions, the minimum over
// the shingles: the fraction of equal positions of two signatures estimates
// the Jaccard similarity of their shingle sets.
// Pure functions; thread-safe.
#ifndef DATELINE_DEDUPE_MINHASH_H_
#define DATELINE_DEDUPE_MINHASH_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::dedupe {

inline constexpr int kMinHashes = 64;

struct Signature {
  std::array<uint32_t, kMinHashes> mins{};
  uint32_t shingles = 0;  // distinct shingles (0: no words)
};

// Hashes of the distinct shingles of `text` (sorted, unique).
std::vector<uint64_t> Shingles(std::string_view text, int shingle_words = 5);

Signature MinHash(const std::vector<uint64_t>& shingles);
inline Signature MinHash(std::string_view text, int shingle_words = 5) {
  return MinHash(Shingles(text, shingle_words));
}

// Estimated Jaccard similarity of the shingle sets (fraction of equal mins).
double EstimatedJaccard(const Signature& a, const Signature& b);
// Estimated |A ∩ B| / min(|A|, |B|), from the Jaccard estimate and the sizes.
double EstimatedContainment(const Signature& a, const Signature& b);

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_MINHASH_H_
