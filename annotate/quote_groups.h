// Quote groups across documents: the same statement quoted by several
// outlets, in the same or slightly different words, is one group with one
// source per document and the differences in wording.
//
// Two quotes from different documents join when their words overlap enough
// (containment of word bigrams over the shorter quote) and their speakers
// agree (same surname) or one of them has none. Groups are closed under
// that relation (union-find), capped by options.max_group_size.
// Pure function of its inputs; thread-compatible. Cost: linear in the
// quote words plus the candidate pairs sharing a bigram.
#ifndef DATELINE_ANNOTATE_QUOTE_GROUPS_H_
#define DATELINE_ANNOTATE_QUOTE_GROUPS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/document.h"

namespace dateline {

struct QuoteSource {
  std::string document;
  std::optional<std::string> outlet;
  std::vector<Span> spans;  // into that document's text
  std::string text;         // the quoted words as that document gives them
  std::string kind;         // direct | indirect
};

struct WordingDifference {
  std::string document;  // the source that words it differently
  std::string from;      // words in the group's text ("" when inserted)
  std::string to;        // words in that source ("" when left out)
};

struct QuoteGroup {
  std::string id;                           // "q" + hash of the group text
  std::optional<std::string> speaker;       // "<document>:<entity id>" of the first source with one
  std::optional<std::string> speaker_name;
  std::string text;                         // the fullest wording
  std::string kind;                         // direct if any source quotes it verbatim
  std::vector<QuoteSource> sources;         // one per document, document order
  std::vector<WordingDifference> wording_differences;
};

struct QuoteGroupOptions {
  double min_overlap = 0.6;       // bigram containment to join (speakers agree)
  double min_overlap_unknown = 0.8;  // ... when a speaker is missing on one side
  size_t min_words = 5;           // shorter quotes only join on identical words
  size_t max_group_size = 200;    // a group stops growing at this many sources
  bool singletons = false;        // also return quotes found in one document only
};

// Groups the quotes of all documents (documents with duplicate_of set are
// skipped). Groups are ordered by their first source.
std::vector<QuoteGroup> GroupQuotes(const std::vector<Document>& docs, const QuoteGroupOptions& options = {});

// What GroupQuotes reads of one document: its id, outlet and quotes, and the
// quoted words of each quote (its spans' text joined by spaces), so that a
// caller can hold many documents' quotes without their text. A copy
// (duplicate_of set) keeps no quotes.
struct QuoteDoc {
  std::string id;
  std::optional<std::string> outlet;
  std::vector<Quote> quotes;
  std::vector<std::string> texts;  // one per quote
};
QuoteDoc ReduceForQuotes(const Document& doc);

// The same groups as GroupQuotes() of the documents they were reduced from.
std::vector<QuoteGroup> GroupQuotes(const std::vector<QuoteDoc>& docs, const QuoteGroupOptions& options = {});

// One storyline's quote groups from its documents given a segment at a time
// (in document order), for storylines too large to hold: a quote is linked
// with the quotes of its own and of the previous segment, and a group none
// of whose quotes is in the latest segment can no longer grow, so it is made
// then and its documents dropped. What is held is two segments' quotes and
// the open groups (each at most options.max_group_size quotes). Given all
// the documents in one Add(), the groups are GroupQuotes()'s.
class QuoteGrouper {
 public:
  explicit QuoteGrouper(const QuoteGroupOptions& options = {});
  ~QuoteGrouper();
  QuoteGrouper(QuoteGrouper&&) noexcept;
  QuoteGrouper& operator=(QuoteGrouper&&) noexcept;

  // Documents of this storyline, after those of earlier calls.
  void Add(std::vector<QuoteDoc> docs);
  // The groups, ordered by their first source. Resets.
  std::vector<QuoteGroup> Finish();
  // Documents whose quotes are held (of the last two segments, of open groups).
  size_t HeldDocuments() const;

 private:
  struct State;
  void Step(std::vector<QuoteDoc> segment, bool end);
  std::unique_ptr<State> s_;
};

// The stored form: {id, speaker, speaker_name, text, kind, sources: [{document,
// outlet, spans, text}], wording_differences: [{document, from, to}]}.
nlohmann::json QuoteGroupToJson(const QuoteGroup& g);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_QUOTE_GROUPS_H_
