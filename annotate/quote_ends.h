// Learned choice of where indirect content ends. The rules (ClauseEnd in
// quote_indirect.cc) propose one end; this file lists the other places the
// content could stop — the sentence end and the joints before it (a comma,
// a dash, a parenthesis, "and", "as", "when", "in", "who", …) — and lets a
// conditional logit model, trained on PolNeAR train/ by
// eval/train_quote_ends.py and shipped as data/quotes/end_model.tsv, pick
// one. Each candidate is described by hashed features (the joint word and
// its neighbours, its distance from the content start, whether it is the
// rules' choice or the sentence end, the cue word, the pattern).
//
// With no end_model.tsv the rules' end is kept. With DATELINE_QUOTE_END_DUMP
// set when the lexicon loads, every candidate is written to stderr (one line:
// document id, pattern, cue / content start / candidate end as code points,
// whether it is the rules' end, then its feature hashes) for the trainer.
#ifndef DATELINE_ANNOTATE_QUOTE_ENDS_H_
#define DATELINE_ANNOTATE_QUOTE_ENDS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dateline::quotes {

struct QuoteContext;

// Patterns whose content end is chosen here.
enum class EndPattern : char { kVerb = 'A', kNoun = 'N', kRaise = 'G' };

// The candidate ends (token index, one past the content) for content opening
// at token b after the cue at token cue, the rules' end rule_e, in the
// sentence ending at se: rule_e, se and the joints between b and se, in
// increasing order, without duplicates.
std::vector<size_t> EndCandidates(const QuoteContext& c, size_t b, size_t rule_e, size_t se);

// The hashed features of candidate end j.
std::vector<uint64_t> EndFeatures(const QuoteContext& c, EndPattern p, size_t cue, size_t b, size_t j,
                                  size_t rule_e, size_t se);

// Whether tokens [b, j) of the text hold a finite-verb-like word (an
// auxiliary or an -ed form): clause content rather than a noun phrase.
bool ContentHasVerb(const QuoteContext& c, size_t b, size_t j);

// The end to use: the best scoring candidate, or rule_e with no model.
// With confidence, also the band (0-4) of the model's probability for the
// end returned (softmax over the candidates); -1 when no model chose.
size_t ChooseEnd(const QuoteContext& c, EndPattern p, size_t cue, size_t b, size_t rule_e, size_t se,
                 int* confidence = nullptr);

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_ENDS_H_
