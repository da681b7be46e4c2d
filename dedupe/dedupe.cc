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

namespace {

dedupe::RunTable::Options ExactOptions(const DedupeOptions& options) {
  dedupe::RunTable::Options o;
  o.memtable_entries = size_t{1} << 16;  // 1.3 MB
  o.spill = options.spill_signatures;
  return o;
}

}  // namespace

DuplicateIndex::DuplicateIndex(const DedupeOptions& options)
    : options_(options),
      exact_(ExactOptions(options)),
      records_("dateline-records", 4096 * sizeof(Record), options.spill_signatures),
      ids_("dateline-ids", 64 * 1024, options.spill_signatures),
      lsh_(options.spill_signatures) {}

DuplicateIndex::Record DuplicateIndex::RecordOf(uint32_t doc) const {
  Record r;
  records_.Read(uint64_t{doc} * sizeof(Record), &r, sizeof r);
  return r;
}

std::string DuplicateIndex::IdOf(const Record& r) const {
  std::string id(r.id_size, '\0');
  ids_.Read(r.id_at, id.data(), id.size());
  return id;
}

int64_t DuplicateIndex::BestNear(const dedupe::Signature& sig) {
  lsh_.Candidates(sig, &scratch_);
  int64_t best = -1;
  double best_score = 0;
  for (uint32_t c : scratch_) {
    uint32_t doc;
    const dedupe::Signature other = lsh_.signature(c, &doc);
    double j = dedupe::EstimatedJaccard(sig, other);
    bool copy = j >= options_.min_jaccard;
    if (!copy && sig.shingles >= options_.min_shingles_for_containment &&
        other.shingles >= options_.min_shingles_for_containment)
      copy = dedupe::EstimatedContainment(sig, other) >= options_.min_containment;
    if (copy && j > best_score) best_score = j, best = doc;
  }
  return best;
}

std::optional<std::string> DuplicateIndex::Add(const std::string& id, uint64_t exact_hash,
                                               const dedupe::Signature& sig) {
  // Each exact hash is recorded once (a copy returns before it is added), so
  // at most one document of the key's list has the full hash.
  const uint32_t exact_key = static_cast<uint32_t>(exact_hash >> 32);
  dedupe::RunTable::Cursor c(&exact_);
  for (bool more = c.Seek(exact_key); more; more = c.Next()) {
    const Record seen = RecordOf(static_cast<uint32_t>(c.value()));
    if (seen.exact != exact_hash) continue;
    std::string canonical = IdOf(seen);
    if (canonical == id) return std::nullopt;
    return canonical;
  }
  const uint32_t doc = static_cast<uint32_t>(size_);
  const bool near_key = options_.near && sig.shingles > 0;
  const int64_t near = near_key ? BestNear(sig) : -1;
  Record r{exact_hash, 0, 0, 0};
  if (near >= 0) {
    const Record n = RecordOf(static_cast<uint32_t>(near));
    r.id_at = n.id_at, r.id_size = n.id_size;
  } else {
    r.id_at = ids_.Append(id.data(), id.size());
    r.id_size = static_cast<uint32_t>(id.size());
  }
  records_.Append(&r, sizeof r);
  exact_.Insert(exact_key, doc);
  if (near_key) lsh_.Insert(sig, doc);
  ++size_;
  if (near < 0) return std::nullopt;
  return IdOf(r);
}

size_t DuplicateIndex::MemoryBytes() const {
  return exact_.MemoryBytes() + records_.MemoryBytes() + ids_.MemoryBytes() + lsh_.MemoryBytes() +
         scratch_.capacity() * sizeof(uint32_t);
}

}  // namespace dateline
