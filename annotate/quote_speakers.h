// Speakers of quotes: the noun phrase next to a cue that names who speaks
// ("Kremlin spokesperson Dmitry Peskov said", "said Trump", "according to
// Reuters", "he added", "the envoy told"), and its resolution to a person
// or organisation with a full name.
//
// Resolution uses doc.entities when the entity layer filled them (mention
// overlap; pronouns and role nouns go to the right earlier entity). When
// there are none it falls back to its own index of capitalised name spans
// in the text, so the quote layer works with or without NER.
// Built per document; const after construction.
#ifndef DATELINE_ANNOTATE_QUOTE_SPEAKERS_H_
#define DATELINE_ANNOTATE_QUOTE_SPEAKERS_H_

#include <optional>
#include <string>
#include <vector>

#include "annotate/quote_lexicon.h"
#include "base/document.h"

namespace dateline::quotes {

struct SpeakerNP {
  size_t b = 0, e = 0;            // tokens [b, e) of the whole phrase
  size_t name_b = 0, name_e = 0;  // the name inside it (titles and determiners stripped)
  bool pronoun = false;
  bool role_only = false;         // "the envoy", "officials": no name in the phrase
};

// The speaker phrase that ends right before token `end`, looking no further
// left than token `lo`. Skips adverbs and auxiliaries ("later", "has")
// and a date phrase ("on April 3") between the phrase and the cue.
std::optional<SpeakerNP> SpeakerBefore(const QuoteText& q, const QuoteLexicon& lx, size_t end, size_t lo);
// The subject of the clause whose verb starts at `end`: the words back to a
// punctuation mark or a clause word ("Twenty-four percent", "a source
// familiar with the probe", "voters who"), at most 12 tokens. Looser than
// SpeakerBefore: any noun phrase, not only names and role nouns.
std::optional<SpeakerNP> ClauseSubject(const QuoteText& q, const QuoteLexicon& lx, size_t end, size_t lo);
// The speaker phrase starting at token `begin` (after an inverted cue, or
// after "according to"), ending before `hi`.
std::optional<SpeakerNP> SpeakerAfter(const QuoteText& q, const QuoteLexicon& lx, size_t begin, size_t hi);
// Where the verb group ending before `end` starts: skips auxiliaries,
// adverbs, a date phrase and a parenthesis ("… and has often called for",
// "Sanders, to his credit, is pledging"), no further left than `lo`.
size_t VerbGroupStart(const QuoteText& q, size_t end, size_t lo);

// After an inverted cue ("…,” said one former senior agency official, …"):
// everything up to a comma, the sentence end or a clause word, at most
// 14 tokens, when it opens with a determiner, a capital or a role word.
std::optional<SpeakerNP> SpeakerLoose(const QuoteText& q, const QuoteLexicon& lx, size_t begin, size_t hi);

struct ResolvedSpeaker {
  std::optional<std::string> id;    // entity id (only from doc.entities)
  std::optional<std::string> name;  // full name
  int64_t at = -1;                  // code point where the resolved mention starts
  bool person = false;              // a person (pronouns "he"/"she" can refer to it)
};

class SpeakerResolver {
 public:
  SpeakerResolver(const QuoteText& q, const QuoteLexicon& lx, const Document& doc);
  // `previous` is the speaker of the nearest earlier quote, if any; pronouns
  // prefer it when it is a person.
  ResolvedSpeaker Resolve(const SpeakerNP& np, const std::optional<ResolvedSpeaker>& previous) const;

 private:
  struct Mention {
    Span span;
    std::string name;                 // name tokens joined
    std::string last;                 // lower-cased last name token
    std::vector<std::string> titles;  // lower-cased title/role words before the name
    int entity = -1;                  // index into doc.entities, -1 in fallback
    int full = -1;                    // fallback: mention with the longest name of the same last word
    bool person = false;
  };
  void Finish();
  void IndexEntities();
  void IndexNames();
  bool NameWord(size_t i) const;
  std::string TextOf(size_t b, size_t e) const;
  std::string StripTitles(const std::string& name) const;
  ResolvedSpeaker FromMention(const Mention& m) const;
  ResolvedSpeaker ResolveName(const SpeakerNP& np) const;
  ResolvedSpeaker ResolveRole(const SpeakerNP& np) const;
  ResolvedSpeaker ResolvePronoun(const SpeakerNP& np, const std::optional<ResolvedSpeaker>& previous) const;

  const QuoteText& q_;
  const QuoteLexicon& lx_;
  const Document& doc_;
  std::vector<Mention> mentions_;  // in text order
};

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_SPEAKERS_H_
