// EventSentence: one sentence prepared for event extraction — its words
// (lowercase and stemmed), clause numbers, quoted words, name mentions and
// dated time expressions — and the rules that read it: trigger status
// (negation, modality), date attachment, actor / target / place, counts.
//
// Plain functions over value types; thread-safe. All token indexes are
// absolute indexes into the document's token vector.
#ifndef DATELINE_ANNOTATE_EVENT_SENTENCE_H_
#define DATELINE_ANNOTATE_EVENT_SENTENCE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "annotate/event_lexicon.h"
#include "annotate/tokenizer.h"
#include "base/document.h"

namespace dateline {

// A name in the sentence: an entity mention, or (when the entity layer found
// none in the document) a run of capitalised words.
struct NameMention {
  size_t begin = 0, end = 0;          // tokens
  std::optional<std::string> id;      // entity id (entity layer only)
  std::string name;                   // canonical name or surface form
  std::string type;                   // PERSON | ORG | PLACE | MISC | "" (fallback)
};

// A time expression with a calendar value ("2025-04-10", "2025-04", "2025-W17").
struct DatedTimex {
  size_t begin = 0, end = 0;  // tokens
  std::string date;           // the value up to the day ("T..." dropped)
  bool bound = false;         // preceded by "since", "until", ...: not an event date
};

struct EventSentence {
  int64_t index = -1;         // sentence index in the document
  size_t begin = 0, end = 0;  // tokens
  EventWords words;           // words.lower[i - begin] is token i
  std::vector<int> clause;    // clause number per word
  std::vector<bool> quoted;   // inside quotation marks
  std::vector<NameMention> names;
  std::vector<DatedTimex> timexes;

  const std::string& Lower(size_t tok) const { return words.lower[tok - begin]; }
  int Clause(size_t tok) const { return clause[tok - begin]; }
};

// tokens[begin, end) is the sentence. doc supplies entities and timexes.
EventSentence MakeEventSentence(const std::vector<Token>& tokens, const Document& doc, int64_t index,
                                size_t begin, size_t end, const EventLexicon& lex);

// Runs of capitalised words that are not function words, months or days;
// leading titles are dropped ("President Vladimir Putin"). A single word at
// the start of the sentence counts only when `known` holds it (words the
// document capitalises mid-sentence).
std::vector<NameMention> FallbackNames(const std::vector<Token>& tokens, const EventSentence& s,
                                       const EventLexicon& lex, const std::set<std::string>& known);

// Status of the event whose trigger is tokens [tb, te): the strongest cue in
// its clause within the cue's window (denied > hypothetical > proposed >
// planned), else "happened". Cues after the trigger are not read for
// statements.
std::string EventStatus(const EventSentence& s, size_t tb, size_t te, bool statement, const EventLexicon& lex);

using TriggerRanges = std::vector<std::pair<size_t, size_t>>;  // token ranges, in text order

// For each trigger, the index into s.timexes of the time expression that
// governs it, or -1: trigger-expression pairs are taken nearest first
// (distance in words plus a penalty per clause boundary; at most 18), each
// trigger and each expression at most once. Bounds ("since 2022") govern none.
std::vector<int> AttachDates(const EventSentence& s, const TriggerRanges& triggers);

// Actor: the nearest name before the trigger in its clause that is not the
// object of a preposition (a possessive name only for the trigger right after
// it), else the sentence's subject (a name before its first trigger).
// Target: the first name after the trigger, in its clause and before the next
// trigger, that is not a place complement. Place: a name after "in"/"at" near
// the trigger. Each returns an index into s.names or -1.
int FindActor(const EventSentence& s, size_t tb, size_t te, bool statement, const TriggerRanges& triggers);
int FindTarget(const EventSentence& s, size_t tb, size_t te, int actor, int place, const TriggerRanges& triggers);
int FindPlace(const EventSentence& s, size_t tb, size_t te);

// A number in the text with what it counts: "215 missiles and drones" ->
// {"missiles and drones", 215}; "killing 12" -> {"killed", 12}.
struct CountMention {
  size_t token = 0;
  std::string key;
  int64_t value = 0;
};
std::vector<CountMention> ExtractCounts(const std::vector<Token>& tokens, const EventSentence& s,
                                        const EventLexicon& lex);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_EVENT_SENTENCE_H_
