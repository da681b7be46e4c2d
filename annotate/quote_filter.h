// Learned filter over whole indirect extractions. Every quote an indirect
// rule (quote_indirect.cc) is about to add — cue, speaker and content
// together — is scored by a logistic regression trained on PolNeAR train/
// by eval/train_quote_filter.py (label: the content matches a gold content
// under the scorer's overlap-over-union >= 0.5) and shipped as
// data/quotes/filter_model.tsv; quotes scoring at or below its threshold
// are not added. Features: the rule (pattern letter), the cue words and
// whether a list or the learned cue model gave the cue, the speaker kind,
// the content's length and edge words, the words around the cue.
//
// With no filter_model.tsv every quote is kept. With DATELINE_QUOTE_FILTER_DUMP
// set when the lexicon loads, each extraction is written to stderr (document
// id, pattern, content spans as code points, feature hashes) for the trainer.
#ifndef DATELINE_ANNOTATE_QUOTE_FILTER_H_
#define DATELINE_ANNOTATE_QUOTE_FILTER_H_

#include <cstdint>
#include <vector>

#include "base/document.h"

namespace dateline::quotes {

struct QuoteContext;
struct Attribution;

// The hashed features of an extraction.
std::vector<uint64_t> ExtractionFeatures(const QuoteContext& c, char pattern, const std::vector<Span>& spans,
                                         const Attribution& a);

// Whether the extraction is kept (always without a filter model). With score,
// also the filter's logit for it (NaN without a filter model).
bool KeepExtraction(const QuoteContext& c, char pattern, const std::vector<Span>& spans, const Attribution& a,
                    double* score = nullptr);

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_FILTER_H_
