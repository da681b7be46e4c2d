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
  auto it = exact_.find(exact_hash);
  if (it != exact_.end()) {
    const std::string& canonical = ids_[canonical_[it->second]];
    if (canonical == id) return std::nullopt;
    return canonical;
  }
  uint32_t doc = static_cast<uint32_t>(ids_.size());
  int64_t near = options_.near && sig.shingles > 0 ? BestNear(sig) : -1;
  ids_.push_back(id);
  canonical_.push_back(near >= 0 ? canonical_[near] : doc);
  exact_.emplace(exact_hash, doc);
  if (options_.near && sig.shingles > 0) {
    lsh_.Insert(sig);
    lsh_doc_.push_back(doc);
  }
  if (near < 0) return std::nullopt;
  return ids_[canonical_[doc]];
}

size_t DuplicateIndex::MemoryBytes() const {
  size_t ids = 0;
  for (const auto& s : ids_) ids += sizeof(std::string) + (s.size() > 15 ? s.capacity() + 1 : 0);
  return ids + exact_.size() * 32 + exact_.bucket_count() * 8 + canonical_.capacity() * 4 +
         lsh_doc_.capacity() * 4 + lsh_.MemoryBytes();
}

}  // namespace dateline
