// EventExtractor: the events each sentence reports, typed with PLOVER
// (AGREE ... ASSAULT), plus STATEMENT events for quotes and reporting verbs.
// Fills Document::events; reads sentences, entities, timexes and quotes (and
// falls back to its own capitalised-name detection when entities is empty).
//
// Each event: trigger span, sentence, actor / target / place (entity ids when
// the entity layer found them, names always), the date of the time expression
// that governs the trigger (never the publication date), counts ("killing
// 12" -> killed: 12) and status: happened | planned | proposed | denied |
// hypothetical. A happened event dated after publication becomes planned.
// Rules and word lists: data/events/ (docs/events.md explains them).
//
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe. Cost: linear in tokens (a few lexicon look-ups per word).
#ifndef DATELINE_ANNOTATE_EVENTS_H_
#define DATELINE_ANNOTATE_EVENTS_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/event_lexicon.h"
#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class EventExtractor {
 public:
  // Reads <data_dir>/events/triggers.tsv and cues.tsv; fails when they are
  // missing or malformed.
  static Result<std::unique_ptr<EventExtractor>> Load(const std::string& data_dir);
  explicit EventExtractor(EventLexicon lex) : lex_(std::move(lex)) {}
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  // Replaces doc->events.
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;

 private:
  EventLexicon lex_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_EVENTS_H_
