// EntityRecognizer: named entities (NER) and within-document entity linking;
// fills Document::entities.
//
// Mentions come from the averaged-perceptron tagger (annotate/ner_model.h,
// data/ner/model.bin) run over the document's sentences, plus words of the
// country table (data/ner/countries.tsv: "the Kremlin", "Kyiv") the tagger
// missed. Mentions then become entities: a surname or a partial name refers
// back to the full name of the same person in the document ("Peskov" ->
// "Dmitry Peskov"), spellings that fold to one NameKey merge, acronyms join
// their expansion, role phrases before a name or in an apposition are kept
// as roles ("Kremlin spokesperson"), and capitals, demonyms and seats of
// power get Entity::link = their country ("Moscow" -> "Russia").
// Entity ids are document-local ("e0", "e1" ... in order of first mention);
// annotate/entity_linker.h maps them to corpus-wide ids.
//
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe. Cost: linear in tokens (~1 µs a token).
#ifndef DATELINE_ANNOTATE_ENTITIES_H_
#define DATELINE_ANNOTATE_ENTITIES_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "annotate/entity_countries.h"
#include "annotate/ner_model.h"
#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

// One tagged span, before mentions are grouped into entities.
struct EntityMention {
  std::string type;  // PERSON | ORG | PLACE | MISC
  Span span;         // code points
  size_t first_token = 0, end_token = 0;  // [first, end) into the token vector
  std::string text;
};

class EntityRecognizer {
 public:
  // Fails when data/ner/model.bin or data/ner/countries.tsv cannot be read.
  static Result<std::unique_ptr<EntityRecognizer>> Load(const std::string& data_dir);
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;
  // The tagged mentions alone (NER output), in text order.
  std::vector<EntityMention> Mentions(const std::vector<Token>& tokens, const Document& doc) const;

 private:
  void AddCountryMentions(const std::vector<Token>& tokens, const Document& doc,
                          std::vector<EntityMention>* mentions) const;
  std::string RoleBefore(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                         size_t m) const;
  std::string RoleAfter(const std::vector<Token>& tokens, size_t end, size_t sentence_end) const;
  bool IsRoleWord(std::string_view w) const;
  // For a tagged organisation or other non-person span [b, e) that ends in a
  // role and a name ("Kremlin Spokesperson Dmitry Peskov"): the first token of
  // the name, when the name's last word also stands alone elsewhere in the
  // text as people's surnames do ("Peskov told"); else e.
  size_t PersonAfterRole(const std::vector<Token>& tokens, size_t b, size_t e) const;

  ner::NerModel model_;
  CountryTable countries_;
  std::unordered_set<std::string> roles_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITIES_H_
