// CoNLL-2003 files for the NER tagger: reading documents with gold tags
// (IOB1 or IOB2) as BILOU tag ids, and entity-level scoring (exact span and
// type, as ../shared/tools/score_ner.py). Pure functions; thread-safe.
#ifndef DATELINE_ANNOTATE_NER_CONLL_H_
#define DATELINE_ANNOTATE_NER_CONLL_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace dateline::ner {

struct ConllDoc {
  std::vector<std::vector<std::string>> words;  // per sentence
  std::vector<std::vector<int>> gold;           // BILOU tag ids (0 when absent)
  std::vector<std::vector<std::string>> lines;  // the original lines
};

// Documents split at -DOCSTART- lines; sentences at blank lines. The word is
// the first column, the gold tag the last (when the line has >= 2 columns).
Result<std::vector<ConllDoc>> ReadConll(const std::string& path);

// IOB1/IOB2 tags of one sentence -> BILOU tag ids.
std::vector<int> ToBilou(const std::vector<std::string>& iob);
// BILOU tag ids -> IOB2 strings ("B-PER", "I-PER", "O").
std::vector<std::string> ToIob2(const std::vector<int>& tags);
// Whether the non-O tags[i] is "B-" in ToIob2's output (else "I-"): B or U,
// or a stray I/L without an open entity of its type.
bool StartsEntity(const std::vector<int>& tags, size_t i);

struct EntityScore {
  long gold = 0, predicted = 0, correct = 0;
  double F1() const {
    double p = predicted ? double(correct) / predicted : 0, r = gold ? double(correct) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
// Adds the entities of one sentence (BILOU ids) to the score.
void ScoreSentence(const std::vector<int>& gold, const std::vector<int>& pred, EntityScore* score);

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_CONLL_H_
