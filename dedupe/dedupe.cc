#include "dedupe/dedupe.h"

#include <cctype>

#include "base/hash.h"

namespace dateline {

uint64_t NormalizedTextHash(std::string_view text) {
  std::string norm;
  norm.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      if (!norm.empty() && norm.back() != ' ') norm.push_back(' ');
    } else {
      norm.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  return Hash64(norm);
}

DuplicateKey MakeDuplicateKey(std::string_view text, const DedupeOptions& options) {
  DuplicateKey key;
  if (text.empty()) return key;
  key.empty = false;
  key.exact = NormalizedTextHash(text);
  if (options.near) key.sig = dedupe::MinHash(text, options.shingle_words);
  return key;
}

std::optional<std::string> DuplicateIndex::Add(const std::string& id, std::string_view text) {
  return Add(id, MakeDuplicateKey(text, options_));
}

std::optional<std::string> DuplicateIndex::Add(const std::string& id, const DuplicateKey& key) {
  if (key.empty) return std::nullopt;
  return Add(id, key.exact, key.sig);
}

int64_t DuplicateIndex::BestNear(const dedupe::Signature& sig) {
  lsh_.Candidates(sig, &scratch_);
  int64_t best = -1;
  double best_score = 0;
  for (uint32_t c : scratch_) {
    const dedupe::Signature other = lsh_.signature(c);
    double j = dedupe::EstimatedJaccard(sig, other);
    bool copy = j >= options_.min_jaccard;
    if (!copy && sig.shingles >= options_.min_shingles_for_containment &&
        other.shingles >= options_.min_shingles_for_containment)
      copy = dedupe::EstimatedContainment(sig, other) >= options_.min_containment;
    if (copy && j > best_score) best_score = j, best = lsh_doc_[c];
  }
  return best;
}

std::optional<std::string> DuplicateIndex::Add(const std::string& id, uint64_t exact_hash,
                                               const dedupe::Signature& sig) {
  if (const uint32_t* seen = exact_.Find(exact_hash)) {
    std::string_view canonical = ids_.Get(id_of_[canonical_[*seen]]);
    if (canonical == id) return std::nullopt;
    return std::string(canonical);
  }
  uint32_t doc = static_cast<uint32_t>(id_of_.size());
  int64_t near = options_.near && sig.shingles > 0 ? BestNear(sig) : -1;
  id_of_.push_back(ids_.Intern(id));
  canonical_.push_back(near >= 0 ? canonical_[near] : doc);
  bool inserted;
  exact_.Insert(exact_hash, doc, &inserted);
  if (options_.near && sig.shingles > 0) {
    lsh_.Insert(sig);
    lsh_doc_.push_back(doc);
  }
  if (near < 0) return std::nullopt;
  return ids_.Str(id_of_[canonical_[doc]]);
}

size_t DuplicateIndex::MemoryBytes() const {
  return ids_.MemoryBytes() + id_of_.capacity() * 4 + exact_.MemoryBytes() + canonical_.capacity() * 4 +
         lsh_doc_.capacity() * 4 + lsh_.MemoryBytes();
}

}  // namespace dateline
