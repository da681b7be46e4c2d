// Features of the named-entity tagger: hashed 64-bit keys, one vector per
// token. Shared by training (annotate/ner_train.*) and tagging
// (annotate/ner_tagger.*) so both see exactly the same features.
//
// A document is a list of sentences of token strings. Per token we compute
// "static" features once (word, lower-case form, shape, affixes, a window of
// two words each side, gazetteer matches, document-level case evidence) and,
// during left-to-right decoding, "dynamic" ones from the tags already chosen
// (previous two tags, and the type last given to the same word earlier in the
// document). Pure functions over their inputs; thread-safe.
#ifndef DATELINE_ANNOTATE_NER_FEATURES_H_
#define DATELINE_ANNOTATE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Lower-cased phrases (tokens joined by ' ') -> bit mask of kinds.
class Gazetteer {
 public:
  void Add(std::string_view lower_phrase, int type);
  // For deserialising: a phrase hash with its mask, and the longest phrase.
  void AddHash(uint64_t hash, uint32_t mask) { map_[hash] |= mask; }
  void set_max_len(int n) { max_len_ = n; }
  // Type mask of the phrase made of words[b, e) (already lower-cased).
  uint32_t Lookup(const std::vector<std::string>& lower, size_t b, size_t e) const;
  uint32_t LookupHash(uint64_t phrase_hash) const {
    auto it = map_.find(phrase_hash);
    return it == map_.end() ? 0 : it->second;
  }
  size_t size() const { return map_.size(); }
  int max_len() const { return max_len_; }
  const std::unordered_map<uint64_t, uint32_t>& map() const { return map_; }

 private:
  std::unordered_map<uint64_t, uint32_t> map_;  // phrase hash -> mask
  int max_len_ = 1;
};
uint64_t PhraseHash(const std::vector<std::string>& lower, size_t b, size_t e);

// A document prepared for featurizing.
struct DocFeatures {
  // Per sentence, per token: static feature keys.
  std::vector<std::vector<std::vector<uint64_t>>> feats;
  // Per sentence, per token: lower-case word hash (for the prediction history)
  // and whether the token is capitalised.
  std::vector<std::vector<uint64_t>> word_key;
  std::vector<std::vector<uint64_t>> shape_key;
  std::vector<std::vector<bool>> capitalised;
};

// Computes static features for every token of a document.
DocFeatures Featurize(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gaz);

// Appends the dynamic features of a token: previous tags and `history_type`
// (type last predicted for the same word in this document, -1 = none).
void DynamicFeatures(uint64_t word_key, uint64_t shape_key, int prev1, int prev2, int history_type,
                     std::vector<uint64_t>* out);

// Lower-cases UTF-8 text (Unicode simple case mapping).
std::string Lower(std::string_view s);

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_FEATURES_H_
