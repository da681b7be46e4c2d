// The Document: the plain value type that flows from clean through annotate,
// dedupe and stories into the store. Its JSON form is the v1 schema
// (docs/schema.md, docs/document.schema.json); fields are added, never renamed.
//
// Offsets (Span) are Unicode code point offsets into `text`, end exclusive.
// Annotation layers refer to each other by index (sentence index) or by entity id.
#ifndef DATELINE_BASE_DOCUMENT_H_
#define DATELINE_BASE_DOCUMENT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dateline {

struct Span {
  int64_t begin = 0;
  int64_t end = 0;
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
  bool operator<(const Span& o) const { return begin != o.begin ? begin < o.begin : end < o.end; }
};

struct Entity {
  std::string id;                     // document-local ("e0") until linked across documents
  std::string name;                   // canonical (longest full) name
  std::string type;                   // PERSON | ORG | PLACE | MISC
  std::vector<Span> mentions;
  std::vector<std::string> variants;  // surface forms seen
  std::vector<std::string> roles;     // "Kremlin spokesperson", ...
  std::optional<std::string> link;    // entity it stands for ("Moscow" -> Russia)
};

struct Timex {
  Span span;
  std::string type;   // DATE | TIME | DURATION | SET
  std::string value;  // TIMEX3 value
};

struct Quote {
  std::vector<Span> spans;                // content span(s)
  std::string kind;                       // direct | indirect
  std::optional<std::string> speaker;     // entity id
  std::optional<std::string> speaker_name;
  std::optional<Span> speaker_span;
  std::optional<Span> cue_span;
  std::optional<std::string> channel;     // "Truth Social", "the Interfax news agency", "reporters"
};

struct Event {
  std::string type;  // PLOVER type or STATEMENT
  Span span;         // trigger
  int64_t sentence = -1;
  std::optional<std::string> actor, actor_name, target, target_name;
  std::optional<std::string> date;   // TIMEX3 value of when it happened
  std::optional<std::string> place;  // entity id
  std::optional<std::string> place_name;
  std::map<std::string, int64_t> counts;
  std::string status = "happened";   // happened | planned | proposed | denied | hypothetical
};

struct Document {
  std::string id;
  std::optional<std::string> url, outlet, title;
  std::vector<std::string> authors;
  std::optional<std::string> published;         // ISO-8601 date or date-time
  std::optional<std::string> published_source;  // header|metadata|byline|text|story
  std::optional<std::string> updated;
  std::optional<std::string> language;
  std::string text;  // clean article text, paragraphs separated by "\n"
  std::optional<std::string> duplicate_of;
  std::vector<std::string> captions;
  std::vector<std::string> flags;  // empty_body | not_article | other_language | ...
  std::string format;              // input format it came from
  std::string content_hash;        // hash of the raw input content
  std::optional<std::string> story, storyline;

  std::vector<Span> sentences;
  std::vector<Entity> entities;
  std::vector<Timex> timexes;
  std::vector<Quote> quotes;
  std::vector<Event> events;
};

}  // namespace dateline

#endif  // DATELINE_BASE_DOCUMENT_H_
