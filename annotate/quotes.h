// QuoteExtractor: who said what, in which words — fills Document::quotes.
//
// Direct quotes come from quotation marks (quote_marks.h): whole statements
// in straight or curly marks, split around their attribution, running over
// several paragraphs, in headlines, and follow-on quotes that continue the
// previous speaker. Indirect speech comes from cue words with a speaker and
// a content clause ("X said that …", "…, according to Reuters"). Speakers
// are resolved to doc->entities when the entity layer filled them, else to
// the layer's own capitalised-name index (quote_speakers.h). See
// docs/quotes.md for the rules and their measured accuracy.
//
// Loaded once from the data directory (data/quotes/*.txt), then frozen:
// Annotate() is const and thread-safe. Cost is linear in the tokens plus
// a small term per quote.
#ifndef DATELINE_ANNOTATE_QUOTES_H_
#define DATELINE_ANNOTATE_QUOTES_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/quote_lexicon.h"
#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class QuoteExtractor {
 public:
  // Fails when DIR/quotes/cues.txt is missing or empty.
  static Result<std::unique_ptr<QuoteExtractor>> Load(const std::string& data_dir);
  explicit QuoteExtractor(quotes::QuoteLexicon lexicon) : lexicon_(std::move(lexicon)) {}

  // Requires doc->sentences filled; tokens are Tokenize(doc->text). Reads
  // doc->entities (may be empty). Replaces doc->quotes, in text order.
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;

 private:
  quotes::QuoteLexicon lexicon_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_QUOTES_H_
