// Internal to the quote layer: the per-document working state shared by the
// direct-quote rules (quote_direct.cc) and the indirect-speech rules
// (quote_indirect.cc). Built and used inside one QuoteExtractor::Annotate
// call; not thread-shared.
#ifndef DATELINE_ANNOTATE_QUOTE_RULES_H_
#define DATELINE_ANNOTATE_QUOTE_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "annotate/quote_lexicon.h"
#include "annotate/quote_marks.h"
#include "annotate/quote_speakers.h"
#include "base/document.h"

namespace dateline::quotes {

// A cue with its speaker phrase and channel, found next to some content.
struct Attribution {
  size_t cue_b = 0, cue_e = 0;  // tokens
  SpeakerNP speaker;
  std::optional<std::string> channel;
  bool has_speaker = true;  // false: a cue ("saying,") whose speaker is not next to it
  int end_confidence = -1;  // the end chooser's confidence band (ChooseEnd), -1 without a choice
};

struct QuoteContext {
  QuoteContext(const QuoteText& text, const QuoteLexicon& lexicon, const Document& doc)
      : q(text), lx(lexicon), resolver(text, lexicon, doc), doc_id(doc.id) {}

  const QuoteText& q;
  const QuoteLexicon& lx;
  SpeakerResolver resolver;
  std::string_view doc_id;
  std::vector<QuoteSegment> segments;
  std::vector<int> segment_of;    // token -> segment index, -1 outside quotes
  std::vector<bool> sentence_end;  // token ends a sentence (quote-aware)
  std::vector<bool> used;          // token already part of an attribution or direct quote
  // Speakers resolved so far, by the token of their cue: pronouns in later
  // attributions prefer the latest of them.
  std::vector<std::pair<size_t, ResolvedSpeaker>> speakers;
  // The extraction filter's logit of each quote added so far, by its index
  // in the output (NaN for direct quotes and without a filter model; may be
  // shorter than the output: the missing ones are NaN too).
  std::vector<double> filter_scores;
  std::optional<ResolvedSpeaker> SpeakerBeforeToken(size_t k) const;

  // The cue starting at token k (length in tokens, 0 when none), with the
  // context filters: a capitalised cue only in a title-case run ("Putin Says
  // He's Open", not "United States"), not after a possessive ("Ukraine's
  // stated red lines"), not a noun before "of"/"to"/"for" ("claims to").
  int CueAt(size_t k, CueClass* cls) const;
  // First token of the sentence holding token i.
  size_t SentenceBegin(size_t i) const;
  // One past the last token of the sentence holding token i.
  size_t SentenceEnd(size_t i) const;
  // The subject phrase opening tokens [b, e) ("Another commenter …"); an
  // opening phrase up to a comma ("Before the convention, …") is skipped.
  std::optional<SpeakerNP> SubjectOf(size_t b, size_t e) const;
  // Text of tokens [b, e) with original spacing.
  std::string TextOf(size_t b, size_t e) const;
  // Channel or addressee right after a cue ending at token e, before hi
  // ("told the Interfax news agency", "on Truth Social", "in a statement").
  // Sets *end to one past the channel phrase.
  std::optional<std::string> ChannelAfter(size_t e, size_t hi, size_t* end) const;
  // Builds the Quote for content spans and an attribution.
  Quote MakeQuote(std::vector<Span> spans, const std::string& kind, const Attribution* a,
                  const std::optional<ResolvedSpeaker>& previous, ResolvedSpeaker* resolved) const;
};

// Prepares segments, sentence ends and masks.
void PrepareContext(QuoteContext* c);
// Direct quotes (marks), with speakers, split and follow-on quotes.
void ExtractDirect(QuoteContext* c, std::vector<Quote>* out);
// Indirect speech around cues outside direct quotes.
void ExtractIndirect(QuoteContext* c, std::vector<Quote>* out);
// Drops indirect quotes whose cue lies inside the content of another
// indirect quote ("X said that Y believes Z" keeps only X's): PolNeAR
// annotates an attribution nested in another's content almost never. With
// scores (the extraction filter's logits, by quote; NaN: unknown), a nested
// quote the filter scores at least as high as every quote containing its
// cue stays: then the outer content has most often run on past its clause
// into a separate attribution (round 10).
void DropNested(std::vector<Quote>* quotes, const std::vector<double>* scores = nullptr);
// Drops an indirect quote whose content overlaps that of an earlier one (in
// extraction order) by at least half of their union: a second cue read into
// the same clause ("told the Times Tuesday morning that …" also as a learned
// cue "morning"; "says in a statement that …").
void DropDuplicates(std::vector<Quote>* quotes);
// A direct quote without a cue takes the speaker of the quote just before it
// (same or previous paragraph). `quotes` must be sorted by position.
void AttachFollowOns(const QuoteText& q, std::vector<Quote>* quotes);

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_RULES_H_
