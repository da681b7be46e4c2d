// TimeTagger: finds time expressions in a document's text, resolves them to
// TIMEX3 values (type DATE | TIME | DURATION | SET) and fills
// Document::timexes; when the document has no publication date it infers one
// from the text (published_source = "text").
//
// The pipeline inside: time_scan (own light tokens, lexicon lookup) ->
// time_grammar (extents + meaning) -> time_resolve (anchoring on the DCT or the
// last mentioned date; rules in data/time/anchoring.tsv) ; time_docdate infers
// the DCT when absent. Loaded once from data/time/, then frozen: all methods
// are const and thread-safe. Cost is linear in the text (docs/time.md has
// the measured throughput).
#ifndef DATELINE_ANNOTATE_TIME_H_
#define DATELINE_ANNOTATE_TIME_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/time_lexicon.h"
#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

// One tagged expression with byte offsets into the tagged text.
struct ByteTimex {
  size_t begin = 0, end = 0;
  std::string type, value;
};

class TimeTagger {
 public:
  // Fails when data_dir/time/lexicon.tsv, anchoring.tsv or holidays.tsv is
  // missing or malformed.
  static Result<std::unique_ptr<TimeTagger>> Load(const std::string& data_dir);
  explicit TimeTagger(timex::TimeLexicon lexicon) : lexicon_(std::move(lexicon)) {}

  // Tags doc->text (tokens are not needed: the tagger scans the text itself).
  // Replaces doc->timexes; sets doc->published/published_source from the text
  // when published is absent and a date can be inferred.
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;

  // Tags raw text against a DCT ("YYYY-MM-DD..."; empty: infer, else leave
  // anchored values under-specified). Expressions in text order, non-overlapping.
  std::vector<ByteTimex> TagText(std::string_view text, const std::string& dct) const;

  // The publication date implied by the text ("YYYY-MM-DD"), if any.
  std::optional<std::string> InferDate(std::string_view text) const;

 private:
  timex::TimeLexicon lexicon_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_TIME_H_
