// EventLexicon: the PLOVER trigger list and the status / count / name cues
// the event extractor reads (data/events/triggers.tsv, data/events/cues.tsv;
// formats and provenance are in the files' headers).
//
// Built once by Load()/Parse(), then immutable: every method is const and
// thread-safe. Words are matched per token: triggers by Snowball English stem
// (or exact lowercase form for "=word"), cues by exact lowercase form.
#ifndef DATELINE_ANNOTATE_EVENT_LEXICON_H_
#define DATELINE_ANNOTATE_EVENT_LEXICON_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/tokenizer.h"
#include "base/status.h"

namespace dateline {

// The words of a token range, lowercased and stemmed, one entry per token.
// "n't" and "'ll" are restored on the token after the apostrophe.
struct EventWords {
  std::vector<std::string> lower, stem;
  size_t size() const { return lower.size(); }
};
// Stems with a thread-local stemmer (Snowball stemmers are not thread-safe,
// so none is shared between threads).
EventWords MakeEventWords(const std::vector<Token>& tokens, size_t begin, size_t end);

struct TriggerMatch {
  std::string type;  // PLOVER type or STATEMENT
  size_t length = 1;  // words
};

struct StatusCue {
  std::string status;               // denied | hypothetical | proposed | planned
  std::vector<std::string> words;   // lowercase
  int window = 0;                   // > 0: before the trigger; < 0: after it
};

class EventLexicon {
 public:
  // Reads <dir>/triggers.tsv and <dir>/cues.tsv. Fails on a missing file or a
  // malformed line (the message names file and line).
  static Result<EventLexicon> Load(const std::string& dir);
  static Result<EventLexicon> Parse(std::string_view triggers, std::string_view cues);

  // Longest trigger that starts at word i, if any (type "NONE": a blocked form).
  std::optional<TriggerMatch> MatchTrigger(const EventWords& w, size_t i) const;
  // True when cue words match w starting at i.
  static bool MatchesAt(const EventWords& w, size_t i, const std::vector<std::string>& words);

  const std::vector<StatusCue>& status_cues() const { return status_cues_; }
  const std::vector<std::vector<std::string>>& bounds() const { return bounds_; }
  // "killing" -> "killed"; nullopt when the word is no count verb.
  std::optional<std::string> CountVerbKey(const std::string& lower) const;
  bool IsCountSkip(const std::string& lower) const { return count_skip_.count(lower) > 0; }
  bool IsCountPerson(const std::string& lower) const { return count_person_.count(lower) > 0; }
  // "twelve" -> 12; nullopt when the word is no number word.
  std::optional<int64_t> NumberWord(const std::string& lower) const;
  bool IsTitle(std::string_view word) const { return titles_.count(std::string(word)) > 0; }
  bool IsNotName(std::string_view word) const { return not_name_.count(std::string(word)) > 0; }
  size_t trigger_count() const { return trigger_count_; }

 private:
  struct Pattern {
    std::vector<std::string> words;  // stems, or "=form" for exact forms
    std::string type;
  };
  Status AddTrigger(const std::string& type, const std::string& phrase);
  Status AddCue(const std::vector<std::string>& fields);

  std::map<std::string, std::vector<Pattern>> triggers_;  // by first word key
  size_t trigger_count_ = 0;
  std::vector<StatusCue> status_cues_;
  std::vector<std::vector<std::string>> bounds_;
  std::map<std::string, std::string> count_verbs_;
  std::map<std::string, int64_t> numbers_;
  std::set<std::string> count_skip_, count_person_, titles_, not_name_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_EVENT_LEXICON_H_
