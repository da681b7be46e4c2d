// Features of the named-entity tagger: hashed 64-bit keys, in one flat array
// per document. Shared by training (annotate/ner_train.*) and tagging
// (annotate/ner_model.*) so both see exactly the same features.
//
// A document is a list of sentences of token strings. Per token we compute
// "static" features once (word, lower-case form, shape, affixes, a window of
// two words each side, gazetteer matches, document-level case evidence) and,
// during left-to-right decoding, "dynamic" ones from the tags already chosen
// (previous two tags, and the type last given to the same word earlier in the
// document). Pure functions over their inputs; thread-safe (Featurize keeps
// per-thread scratch buffers). Cost: linear in tokens, no allocation per token.
#ifndef DATELINE_ANNOTATE_NER_FEATURES_H_
#define DATELINE_ANNOTATE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::ner {

// Tags: BILOU over four types, plus O. Tag 0 is O.
constexpr int kNumTypes = 4;
constexpr int kNumTags = 1 + 4 * kNumTypes;
extern const char* const kTypeNames[kNumTypes];  // PER ORG LOC MISC (CoNLL names)
enum Pos { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int MakeTag(int type, int pos) { return 1 + type * 4 + pos; }
inline int TagType(int tag) { return tag == 0 ? -1 : (tag - 1) / 4; }
inline int TagPos(int tag) { return tag == 0 ? -1 : (tag - 1) % 4; }
// May `tag` follow `prev` (-1 = sentence start)? `last` = final token.
bool Allowed(int prev, int tag, bool last);
// Type index of a CoNLL/Document type name ("PER"/"PERSON", "LOC"/"PLACE"...), or -1.
int TypeIndex(std::string_view name);

// Gazetteer kinds: the four types, plus kNamePart (a word of a multi-word
// person name: "peter", "blackburn").
constexpr int kNamePart = 4;
constexpr int kGazKinds = 5;

// Lower-cased phrases (tokens joined by ' ') -> bit mask of kinds. A flat
// open-addressing table of phrase hashes, with a bit filter in front so that
// the many lookups that miss (every word span of a text) stay in L1 cache.
class Gazetteer {
 public:
  void Add(std::string_view lower_phrase, int type);
  // For deserialising: a phrase hash with its mask, and the longest phrase.
  void AddHash(uint64_t hash, uint32_t mask);
  void set_max_len(int n) { max_len_ = n; }
  // Type mask of the phrase made of words[b, e) (already lower-cased).
  uint32_t Lookup(const std::vector<std::string>& lower, size_t b, size_t e) const;
  uint32_t LookupHash(uint64_t phrase_hash) const {
    if (!(filter_[(phrase_hash >> 6) & kFilterMask] & (uint64_t{1} << (phrase_hash & 63)))) return 0;
    if (phrase_hash == 0) return zero_mask_;
    for (size_t h = Home(phrase_hash);; h = (h + 1) & mask_) {
      if (slots_[h].hash == phrase_hash) return slots_[h].mask;
      if (slots_[h].hash == 0) return 0;
    }
  }
  size_t size() const { return size_; }
  int max_len() const { return max_len_; }
  // Every (phrase hash, mask), sorted by hash.
  std::vector<std::pair<uint64_t, uint32_t>> Entries() const;

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 = empty (the phrase hash 0 lives in zero_mask_)
    uint32_t mask = 0;
  };
  static constexpr size_t kFilterWords = 2048;  // 2^17 bits
  static constexpr size_t kFilterMask = kFilterWords - 1;
  size_t Home(uint64_t h) const { return static_cast<size_t>((h ^ (h >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask_; }
  void Grow();

  std::vector<Slot> slots_ = std::vector<Slot>(16);
  size_t mask_ = 15;
  size_t size_ = 0;
  uint32_t zero_mask_ = 0;
  bool has_zero_ = false;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterWords);
  int max_len_ = 1;
};
uint64_t PhraseHash(const std::vector<std::string>& lower, size_t b, size_t e);

// A document prepared for featurizing: flat arrays, token after token.
struct DocFeatures {
  // Static feature keys of every token; token t's are
  // keys[key_begin[t], key_begin[t + 1]).
  std::vector<uint64_t> keys;
  std::vector<uint32_t> key_begin;  // tokens + 1 offsets
  // Tokens of sentence s: [sentence_begin[s], sentence_begin[s + 1]).
  std::vector<uint32_t> sentence_begin;  // sentences + 1 offsets
  // Per token: lower-case word hash (for the prediction history), its index
  // among the document's distinct lower-case words, shape hash, and whether
  // the token is capitalised.
  std::vector<uint64_t> word_key;
  std::vector<uint32_t> word_id;
  std::vector<uint64_t> shape_key;
  std::vector<uint8_t> capitalised;
  uint32_t num_words = 0;  // distinct word_key values

  size_t num_sentences() const { return sentence_begin.empty() ? 0 : sentence_begin.size() - 1; }
  size_t num_tokens() const { return word_key.size(); }
};

// Computes static features for every token of a document.
DocFeatures Featurize(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gaz);
// The same over words[sentence_begin[s], sentence_begin[s + 1]) per sentence
// (sentences + 1 offsets, from 0 up to words.size()). Reuses out's buffers
// (no allocation once warm).
void Featurize(const std::vector<std::string_view>& words, const std::vector<uint32_t>& sentence_begin,
               const Gazetteer& gaz, DocFeatures* out);

// Appends the dynamic features of a token: previous tags and `history_type`
// (type last predicted for the same word in this document, -1 = none).
void DynamicFeatures(uint64_t word_key, uint64_t shape_key, int prev1, int prev2, int history_type,
                     std::vector<uint64_t>* out);

// Lower-cases UTF-8 text (Unicode simple case mapping).
std::string Lower(std::string_view s);

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_FEATURES_H_
