// QuoteLexicon: the word lists the quote layer reads — cue verbs and
// prepositions, role nouns, stop words, pronouns, channels — loaded once from
// data/quotes/*.txt, then frozen (const methods only, thread-safe).
// QuoteText: a per-document view of the tokens with the facts the quote
// rules ask about (lower-cased form, capitalisation, paragraph, spacing).
#ifndef DATELINE_ANNOTATE_QUOTE_LEXICON_H_
#define DATELINE_ANNOTATE_QUOTE_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annotate/quote_cue_model.h"
#include "annotate/tokenizer.h"
#include "base/status.h"

namespace dateline::quotes {

enum class CueClass { kNone, kSpeech, kBelief, kPrep, kNoun, kRaise };

class QuoteLexicon {
 public:
  // Reads DIR/quotes/{cues,roles,stopwords,pronouns,channels,marks}.txt. Fails
  // when cues.txt is missing or empty; the other lists may be absent.
  static Result<QuoteLexicon> Load(const std::string& data_dir);
  // Builds a lexicon from in-memory lines (tests); same line formats.
  static QuoteLexicon FromLines(const std::vector<std::string>& cues, const std::vector<std::string>& roles,
                                const std::vector<std::string>& stopwords,
                                const std::vector<std::string>& pronouns,
                                const std::vector<std::string>& channels);

  // Longest cue starting at lower-cased words[i..]; returns its length in
  // words (0 when none) and sets *cls.
  int MatchCue(const std::vector<std::string>& lower, size_t i, CueClass* cls) const;
  // Longest channel phrase at lower[i..] (0 when none).
  int MatchChannel(const std::vector<std::string>& lower, size_t i) const;
  bool IsRole(const std::string& lower) const { return roles_.count(lower) > 0; }
  bool IsStop(const std::string& lower) const { return stop_.count(lower) > 0; }
  // "person" | "self" | "group" | "org", or "" when not a speaker pronoun.
  std::string PronounKind(const std::string& lower) const;
  // Two adjacent apostrophes count as a straight double mark (marks.txt).
  bool DoubleApostrophe() const { return double_apostrophe_; }
  void SetDoubleApostrophe(bool on) { double_apostrophe_ = on; }
  // The Quote::kind of quotes between '' marks: "direct" by default;
  // marks.txt may say "indirect" (''\tindirect, see docs/quotes.md).
  const std::string& DoubleApostropheKind() const { return double_apostrophe_kind_; }
  // The learned cue scorer (cue_model.tsv; empty when the file is absent).
  const CueModel& cue_model() const { return cue_model_; }
  void SetCueModel(CueModel m) { cue_model_ = std::move(m); }
  // The learned content-end chooser (end_model.tsv; empty when absent) and
  // whether its candidates are dumped for the trainer (quote_ends.h).
  const CueModel& end_model() const { return end_model_; }
  void SetEndModel(CueModel m) { end_model_ = std::move(m); }
  bool end_dump() const { return end_dump_; }
  // The learned extraction filter (filter_model.tsv; empty when absent) and
  // whether extractions are dumped for its trainer (quote_filter.h).
  const CueModel& filter_model() const { return filter_model_; }
  void SetFilterModel(CueModel m) { filter_model_ = std::move(m); }
  bool filter_dump() const { return filter_dump_; }

 private:
  std::unordered_map<std::string, CueClass> cues_;
  std::unordered_set<std::string> roles_, stop_, channels_;
  std::unordered_set<std::string> cue_first_, channel_first_;  // first words, for a fast miss
  std::unordered_map<std::string, std::string> pronouns_;
  int max_cue_words_ = 1, max_channel_words_ = 1;
  bool double_apostrophe_ = false;
  std::string double_apostrophe_kind_ = "direct";
  CueModel cue_model_;
  CueModel end_model_;
  bool end_dump_ = false;
  CueModel filter_model_;
  bool filter_dump_ = false;
};

struct QTok {
  Span span;
  std::string_view text;
  bool cap = false;            // starts with an upper-case letter
  bool word = false;           // starts with a letter or digit
  bool space_before = false;   // whitespace between this and the previous token
  bool para_start = false;     // first token of a paragraph
  int para = 0;                // paragraph index ("\n" separates paragraphs)
};

struct QuoteText {
  std::string_view text;
  std::vector<QTok> tok;
  std::vector<std::string> lower;            // lower-cased token text (ASCII folding)
  std::vector<std::pair<size_t, size_t>> paras;  // token ranges [b, e) per paragraph
  std::vector<int> sent;                     // sentence index of each token (-1 if none)
};

// Builds the view. sentences are doc->sentences (may be empty). With
// double_apostrophe, '' becomes one straight double mark.
QuoteText MakeQuoteText(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<Span>& sentences, bool double_apostrophe = false);

// Quote-mark kinds of a token.
bool IsDoubleMark(std::string_view t);   // " “ ” « » „
bool IsSingleMark(std::string_view t);   // ' ‘ ’ ‹ ›

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_LEXICON_H_
