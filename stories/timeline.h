// Timeline: the events of a storyline's documents merged across sources and
// ordered by the date they happened.
//
// BuildTimeline() reads Document::events (annotate/events.h) of every
// document, groups documents by storyline (doc.storyline, else story, else
// the document itself), and within a storyline merges the mentions of one
// event — the same type, compatible dates, and the same actor, place or
// wording — into one entry with one source per document. Each entry carries
// its date and precision, how the date was found (date_basis), actors, a
// one-line description from the text, counts, every source (outlet, document,
// sentence text and index) and the disagreements between sources (counts,
// dates, differently worded quotes).
//
// Dates: an event's own time expression ("text"); else ("context") the date
// of a dated statement a few sentences before a statement, of a same-type
// event just before an event, or of the dated statement that reports it;
// else the date of a matching event reported by another source ("sources").
// Events dated by nothing else are left out, or dated by their publication
// (date_basis "published") when options.keep_publication_dated; never when
// the text dates them otherwise. Denied, hypothetical and proposed events are not
// timeline entries.
//
// Pure function of its input; thread-safe. Cost: O(mentions x entries) per
// storyline, bounded by options.max_entries_per_storyline.
#ifndef DATELINE_STORIES_TIMELINE_H_
#define DATELINE_STORIES_TIMELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/document.h"

namespace dateline {

struct TimelineSource {
  std::string document;
  std::optional<std::string> outlet;
  std::string sentence;          // the sentence's text
  int64_t sentence_index = -1;
  std::optional<std::string> date;  // as this source dates the event
  std::string date_basis;           // text | context | sources | published
  std::optional<std::string> quote;  // the quoted words, for statements
  std::map<std::string, int64_t> counts;
};

struct TimelineEntry {
  std::string id, storyline;
  std::string date;        // 2025-04-10 | 2025-04 | 2025-W17 | 2025 | 2024-SU
  std::string precision;   // day | week | month | season | quarter | year
  std::string date_basis;  // the best basis among the sources
  std::string type;        // PLOVER type or STATEMENT
  std::string status;      // happened | planned
  std::vector<std::string> actors, targets;
  std::optional<std::string> place;
  std::string description;
  std::map<std::string, int64_t> counts;
  std::vector<TimelineSource> sources;
  std::vector<std::string> disagreements;
};

struct TimelineOptions {
  int context_sentences = 4;        // how far back a statement takes its date from
  int continuation_sentences = 2;   // same-type events taking an earlier date
  double min_similarity = 0.3;      // word overlap that merges two mentions alone
  bool keep_publication_dated = false;  // entries dated only by their publication
  size_t max_entries_per_storyline = 500;
};

std::vector<TimelineEntry> BuildTimeline(const std::vector<Document>& docs, const TimelineOptions& options = {});

struct TimelineDoc;
namespace timeline {

// One event mention of one document, with the keys the merge compares. Its
// strings are its document's (TimelineDoc::strings, by index: a name or a
// date is stored once however many of the document's events name it), so
// that a mention takes ~100 bytes; read them through the accessors once doc
// is set.
struct Mention {
  static constexpr uint32_t kNone = UINT32_MAX;
  enum class Basis : uint8_t { kUndated, kText, kContext, kSources, kPublished };
  TimelineDoc* doc = nullptr;  // set by BuildTimeline
  uint32_t order = 0;          // position in the document's events
  uint32_t line = 0;           // its sentence among doc->sentences
  int64_t sentence_index = -1;
  uint32_t type = kNone, date = kNone, quote = kNone;
  uint32_t actor_key = kNone, actor_name = kNone, target_name = kNone, place_key = kNone, place_name = kNone;
  bool planned = false;  // else happened
  Basis basis = Basis::kUndated;
  std::vector<std::pair<std::string, int64_t>> counts;  // sorted by key

  const std::string& Type() const { return Str(type); }
  const std::string* Date() const { return Opt(date); }
  const std::string* QuoteText() const { return Opt(quote); }
  const std::string& ActorKey() const { return Str(actor_key); }
  const std::string& ActorName() const { return Str(actor_name); }
  const std::string& TargetName() const { return Str(target_name); }
  const std::string& PlaceKey() const { return Str(place_key); }
  const std::string& PlaceName() const { return Str(place_name); }
  const char* Status() const { return planned ? "planned" : "happened"; }
  // text | context | sources | published | "" (undated)
  const char* BasisName() const;
  // The sentence's text, and the hashes of its content words (sorted).
  const std::string& sentence() const;
  const std::vector<uint64_t>& word_keys() const;

 private:
  const std::string& Str(uint32_t i) const;  // "" for kNone
  const std::string* Opt(uint32_t i) const { return i == kNone ? nullptr : &Str(i); }
};

}  // namespace timeline

// What BuildTimeline reads of one document: the fields its sources cite and
// the mentions of the events it reads, dated from their text or context.
// A caller can hold these for a whole storyline instead of the documents
// (the corpus step does): a sentence, a name or a date is stored once
// however many of its events are read.
struct TimelineDoc {
  std::string id;
  std::string line;  // the storyline, else the story, else the document's id
  std::optional<std::string> outlet, published;
  bool copy = false;  // duplicate_of set: adds no source
  std::vector<timeline::Mention> mentions;
  std::vector<std::string> sentences;        // the sentences the mentions are in
  std::vector<std::vector<uint64_t>> words;  // their content words' hashes, sorted
  std::vector<std::string> strings;          // the mentions' strings, each once
  uint32_t published_day = timeline::Mention::kNone;  // strings index of published's first 10 bytes
};

inline const std::string& timeline::Mention::sentence() const { return doc->sentences[line]; }
inline const std::vector<uint64_t>& timeline::Mention::word_keys() const { return doc->words[line]; }
inline const std::string& timeline::Mention::Str(uint32_t i) const {
  static const std::string kEmpty;
  return i == kNone ? kEmpty : doc->strings[i];
}
inline const char* timeline::Mention::BasisName() const {
  static const char* const kNames[] = {"", "text", "context", "sources", "published"};
  return kNames[static_cast<int>(basis)];
}

// options must be those BuildTimeline is given.
TimelineDoc ReduceForTimeline(const Document& doc, const TimelineOptions& options = {});

// The same entries as BuildTimeline() of the documents they were reduced from.
std::vector<TimelineEntry> BuildTimeline(std::vector<TimelineDoc> docs, const TimelineOptions& options = {});

// The timeline of documents given a segment at a time (each storyline's
// documents in their order), for storylines too large to hold: between
// segments it keeps only what its entries read of their mentions (their
// sentences and strings), not the documents. Given all the documents in one
// Add(), the entries are BuildTimeline()'s. Given several segments, each
// segment's mentions are merged in the order of how they are dated (text,
// context, undated) after the earlier segments', so an undated mention takes
// its date only from an entry of its own or an earlier segment.
class TimelineBuilder {
 public:
  explicit TimelineBuilder(const TimelineOptions& options = {});
  ~TimelineBuilder();
  TimelineBuilder(TimelineBuilder&&) noexcept;
  TimelineBuilder& operator=(TimelineBuilder&&) noexcept;

  // Documents after those of earlier calls (copies are skipped).
  void Add(std::vector<TimelineDoc> docs);
  // The entries, as BuildTimeline() orders them. Resets.
  std::vector<TimelineEntry> Finish();
  // Documents whose mentions entries have taken (what is held of them).
  size_t KeptDocuments() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Whether BuildTimeline reads the event at all (it reads those reported as
// happened or planned); a caller may drop the others first.
bool TimelineReads(const Event& e);

// "2025-04-10" -> "day", "2025-04" -> "month", ...; "" when not a date value.
std::string DatePrecision(const std::string& date);

// The stored / exported form (one record per entry).
nlohmann::json TimelineEntryToJson(const TimelineEntry& e);

}  // namespace dateline

#endif  // DATELINE_STORIES_TIMELINE_H_
