// Timeline: merging mentions across sources into dated entries. See timeline.h.
#include "stories/timeline.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "base/hash.h"
#include "stories/timeline_mention.h"

namespace dateline {
namespace {

using timeline::Mention;

// An entry being built. Its lookups cost the size of the mention, not of the
// draft, because a storyline's drafts grow to thousands of mentions.
struct Draft {
  std::vector<const Mention*> mentions;
  std::unordered_set<uint32_t> actor_keys, place_keys;  // interned keys (BuildStoryline)
  std::unordered_set<uint64_t> word_keys;  // union of the mentions' word hashes
  std::optional<std::string> date;         // from text or context
};

// What a mention shares with one draft, found before the drafts are scored:
// the actor key, the place key, a source document (and a sentence of it at
// most continuation_sentences away), and the number of words.
struct Shared {
  bool actor = false, place = false, same_doc = false, near = false;
  size_t common = 0;
};

// Jaccard similarity of a draft's word set and a mention's, given how many
// words they share.
double KeyJaccard(const Draft& d, const Mention& m, size_t common) {
  if (d.word_keys.empty() || m.word_keys().empty()) return 0;
  return static_cast<double>(common) / static_cast<double>(d.word_keys.size() + m.word_keys().size() - common);
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (std::isalnum(c)) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  return out;
}

// How well m fits draft d (of m's type), given what they share; negative
// when it must not join. published10: the first ten characters of m's
// document's publication date.
double Fit(const Draft& d, const Mention& m, const Shared& x, const std::string& published10, const TimelineOptions& o) {
  const bool actor = x.actor, place = x.place;
  double sim = KeyJaccard(d, m, x.common);
  const std::string* m_date = m.Date();
  bool dated = m_date && d.date;
  if (dated && !timeline::DatesCompatible(*m_date, *d.date)) {
    // Sources may disagree on the date of one clearly identical report.
    if (!(actor && sim >= 0.6) || x.same_doc) return -1;
  }
  if (x.same_doc) {
    // Two statements of one document are one only when one speaker made them.
    if (!dated || !(actor || place || (x.near && m.Type() != "STATEMENT"))) return -1;
  } else if (!dated) {
    if (!(actor || place) || (!place && sim < 0.1)) return -1;  // an undated mention needs a name to match
    // and cannot report what happened after its publication (it may announce it).
    if (!m.planned && d.date && m.doc->published && *d.date > published10) return -1;
  } else if (!(actor || place || sim >= o.min_similarity)) {
    return -1;
  }
  return 2.0 * actor + 2.0 * place + sim + (dated && *m_date == *d.date ? 1.0 : 0.0);
}

// Words -> drafts holding them (of one mention type), so that the words a
// mention shares with every draft are counted in one pass over its words.
using Postings = std::unordered_map<uint64_t, std::vector<uint32_t>>;

// Interned actor and place keys of the mentions (kNoKey: none), and per key
// and per source document the drafts holding it, so that what a mention
// shares with each draft is marked from its own keys.
constexpr uint32_t kNoKey = UINT32_MAX;
struct Index {
  std::unordered_map<std::string, uint32_t> keys;
  std::vector<std::vector<uint32_t>> drafts_of_actor, drafts_of_place;
  std::unordered_map<const TimelineDoc*, std::vector<std::pair<uint32_t, int64_t>>> drafts_of_doc;  // (draft, sentence)
  uint32_t Key(const std::string& k) {
    if (k.empty()) return kNoKey;
    auto [it, added] = keys.emplace(k, static_cast<uint32_t>(keys.size()));
    if (added) drafts_of_actor.emplace_back(), drafts_of_place.emplace_back();
    return it->second;
  }
};

void AddToDraft(Draft* d, uint32_t index, const Mention& m, uint32_t actor, uint32_t place, Postings* postings, Index* ix) {
  d->mentions.push_back(&m);
  ix->drafts_of_doc[m.doc].emplace_back(index, m.sentence_index);
  if (actor != kNoKey && d->actor_keys.insert(actor).second) ix->drafts_of_actor[actor].push_back(index);
  if (place != kNoKey && d->place_keys.insert(place).second) ix->drafts_of_place[place].push_back(index);
  for (uint64_t k : m.word_keys())
    if (d->word_keys.insert(k).second) (*postings)[k].push_back(index);
  const std::string* m_date = m.Date();
  if (!d->date && m_date) d->date = *m_date;
  if (d->date && m_date && m_date->size() > d->date->size() && timeline::DatesCompatible(*m_date, *d->date))
    d->date = *m_date;  // the finer date
}

std::string Clip(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = s.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

int BasisRank(Mention::Basis b) {
  switch (b) {
    case Mention::Basis::kText: return 0;
    case Mention::Basis::kContext: return 1;
    case Mention::Basis::kSources: return 2;
    case Mention::Basis::kPublished: return 3;
    case Mention::Basis::kUndated: break;
  }
  return 4;
}

void AddDisagreements(TimelineEntry* e) {
  std::map<std::string, std::map<int64_t, std::vector<std::string>>> counts;
  std::map<std::string, std::vector<std::string>> dates, quotes;
  std::map<std::string, std::set<std::string>> quote_words;
  for (const auto& s : e->sources) {
    for (const auto& [k, v] : s.counts) counts[k][v].push_back(s.document);
    if (s.date_basis == "text" && s.date) dates[*s.date].push_back(s.document);
    if (s.quote) {
      quotes[*s.quote].push_back(s.document);
      quote_words[*s.quote] = Words(*s.quote);
    }
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  for (const auto& [key, values] : counts) {
    if (values.size() < 2) continue;
    std::string msg = "counts differ for " + key + ":";
    for (const auto& [v, docs] : values) msg += " " + std::to_string(v) + " (" + join(docs) + ")";
    e->disagreements.push_back(msg);
  }
  bool dates_differ = false;
  for (const auto& [a, da] : dates)
    for (const auto& [b, db] : dates) dates_differ |= !timeline::DatesCompatible(a, b);
  if (dates_differ) {
    std::string msg = "dates differ:";
    for (const auto& [d, docs] : dates) msg += " " + d + " (" + join(docs) + ")";
    e->disagreements.push_back(msg);
  }
  // The same quote in other words: most words shared, yet not the same words.
  std::set<std::string> reworded;
  for (const auto& [a, wa] : quote_words)
    for (const auto& [b, wb] : quote_words)
      if (a < b && wa != wb && Jaccard(wa, wb) >= 0.5) reworded.insert({a, b});
  if (!reworded.empty()) {
    std::string msg = "quotes worded differently:";
    for (const auto& q : reworded) msg += " \xE2\x80\x9C" + Clip(q, 120) + "\xE2\x80\x9D (" + join(quotes[q]) + ")";
    e->disagreements.push_back(msg);
  }
}

std::string Description(const Mention& m) {
  if (m.Type() == "STATEMENT" && m.QuoteText() && !m.ActorName().empty())
    return m.ActorName() + ": \xE2\x80\x9C" + Clip(*m.QuoteText(), 160) + "\xE2\x80\x9D";
  return Clip(m.sentence(), 200);
}

TimelineEntry FinishDraft(const Draft& d, const std::string& storyline) {
  TimelineEntry e;
  e.storyline = storyline;
  e.date = d.date.value_or("");
  e.precision = DatePrecision(e.date);
  e.type = d.mentions.front()->Type();
  std::vector<const Mention*> ms = d.mentions;
  std::stable_sort(ms.begin(), ms.end(),
                   [](const Mention* a, const Mention* b) { return BasisRank(a->basis) < BasisRank(b->basis); });
  e.date_basis = ms.front()->BasisName();
  e.description = Description(*ms.front());
  bool all_planned = true;
  std::set<std::string> actor_keys, target_keys;
  for (const Mention* m : ms) {
    all_planned &= m->planned;
    if (!m->ActorName().empty() && actor_keys.insert(m->ActorKey()).second) e.actors.push_back(m->ActorName());
    if (!m->TargetName().empty() && target_keys.insert(timeline::NameKey(m->TargetName())).second)
      e.targets.push_back(m->TargetName());
    if (!e.place && !m->PlaceName().empty()) e.place = m->PlaceName();
    for (const auto& [k, v] : m->counts) e.counts.emplace(k, v);
    auto it = std::find_if(e.sources.begin(), e.sources.end(),
                           [&](const TimelineSource& s) { return s.document == m->doc->id; });
    if (it != e.sources.end()) {  // one source per document; counts of all its mentions
      for (const auto& [k, v] : m->counts) it->counts.emplace(k, v);
      continue;
    }
    TimelineSource s;
    s.document = m->doc->id;
    s.outlet = m->doc->outlet;
    s.sentence = m->sentence();
    s.sentence_index = m->sentence_index;
    s.date = m->Date() ? std::optional<std::string>(*m->Date()) : d.date;
    s.date_basis = m->BasisName();
    if (m->QuoteText()) s.quote = *m->QuoteText();
    s.counts = std::map<std::string, int64_t>(m->counts.begin(), m->counts.end());
    e.sources.push_back(std::move(s));
  }
  std::string latest_published;
  for (const Mention* m : ms)
    if (m->doc->published) latest_published = std::max(latest_published, m->doc->published->substr(0, 10));
  bool future = timeline::IsDay(e.date) && !latest_published.empty() && e.date > latest_published;
  e.status = all_planned || future ? "planned" : "happened";
  AddDisagreements(&e);
  e.id = "tl-" + std::to_string(Hash64(storyline + "|" + e.date + "|" + e.type + "|" + e.sources.front().document +
                                       "|" + std::to_string(e.sources.front().sentence_index)) % 100000000000ULL);
  return e;
}

// The drafts of one storyline and, once a segment's documents are gone, the
// parts of them its drafts' mentions read: their strings and sentences, in
// kept documents (no word hashes: a draft keeps its own word set).
struct LineBuild {
  std::string storyline;
  TimelineOptions o;
  std::vector<Draft> drafts;
  std::map<std::string, std::vector<size_t>> drafts_of_type;  // a mention only fits its own type
  std::map<std::string, Postings> postings_of_type;
  Index ix;
  std::vector<Shared> shared;  // per draft: what it shares with the current mention
  std::deque<TimelineDoc> kept_docs;
  std::deque<Mention> kept_mentions;
  std::vector<size_t> kept_upto;  // per draft: its mentions already kept

  void AddSegment(std::vector<TimelineDoc*> docs);
  void Merge(Mention* m);
  void Keep();
};

void LineBuild::Merge(Mention* m) {
  const std::string& type = m->Type();
  Postings& postings = postings_of_type[type];
  shared.assign(drafts.size(), Shared());
  for (uint64_t k : m->word_keys())
    if (auto it = postings.find(k); it != postings.end())
      for (uint32_t d : it->second) ++shared[d].common;
  const uint32_t actor = ix.Key(m->ActorKey()), place = ix.Key(m->PlaceKey());
  if (actor != kNoKey)
    for (uint32_t d : ix.drafts_of_actor[actor]) shared[d].actor = true;
  if (place != kNoKey)
    for (uint32_t d : ix.drafts_of_place[place]) shared[d].place = true;
  if (auto it = ix.drafts_of_doc.find(m->doc); it != ix.drafts_of_doc.end())
    for (const auto& [d, sentence] : it->second) {
      shared[d].same_doc = true;
      shared[d].near |= std::abs(sentence - m->sentence_index) <= o.continuation_sentences;
    }
  const std::string published10 = m->doc->published ? m->doc->published->substr(0, 10) : std::string();
  int best = -1;
  double best_fit = -1;
  for (size_t k : drafts_of_type[type]) {
    double f = Fit(drafts[k], *m, shared[k], published10, o);
    if (f > best_fit) {
      best = static_cast<int>(k);
      best_fit = f;
    }
  }
  if (best >= 0 && best_fit >= 0) {
    if (m->date == Mention::kNone) m->basis = Mention::Basis::kSources;
    AddToDraft(&drafts[best], best, *m, actor, place, &postings, &ix);
    return;
  }
  if (m->date == Mention::kNone) {  // undated and matching nothing: dated by publication, or left out
    if (!o.keep_publication_dated || m->doc->published_day == Mention::kNone) return;
    m->date = m->doc->published_day;
    m->basis = Mention::Basis::kPublished;
  }
  if (drafts.size() >= o.max_entries_per_storyline) return;
  drafts_of_type[type].push_back(drafts.size());
  drafts.push_back({});
  AddToDraft(&drafts.back(), static_cast<uint32_t>(drafts.size() - 1), *m, actor, place, &postings, &ix);
}

// Copies what the drafts' new mentions read of their documents into kept
// documents, so that the segment's documents can go.
void LineBuild::Keep() {
  struct Map {
    TimelineDoc* kept;
    std::unordered_map<uint32_t, uint32_t> strings, lines;
  };
  std::unordered_map<const TimelineDoc*, Map> maps;
  kept_upto.resize(drafts.size(), 0);
  for (size_t k = 0; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    for (size_t i = kept_upto[k]; i < d.mentions.size(); ++i) {
      const Mention& m = *d.mentions[i];
      auto [it, fresh] = maps.try_emplace(m.doc);
      Map& map = it->second;
      if (fresh) {
        TimelineDoc& t = kept_docs.emplace_back();
        t.id = m.doc->id;
        t.line = m.doc->line;
        t.outlet = m.doc->outlet;
        t.published = m.doc->published;
        map.kept = &t;
      }
      TimelineDoc* t = map.kept;
      auto str = [&](uint32_t s) {
        if (s == Mention::kNone) return s;
        auto [at, added] = map.strings.try_emplace(s, static_cast<uint32_t>(t->strings.size()));
        if (added) t->strings.push_back(m.doc->strings[s]);
        return at->second;
      };
      Mention& c = kept_mentions.emplace_back(m);
      c.doc = t;
      c.type = str(m.type), c.date = str(m.date), c.quote = str(m.quote);
      c.actor_key = str(m.actor_key), c.actor_name = str(m.actor_name), c.target_name = str(m.target_name);
      c.place_key = str(m.place_key), c.place_name = str(m.place_name);
      auto [line, added] = map.lines.try_emplace(m.line, static_cast<uint32_t>(t->sentences.size()));
      if (added) t->sentences.push_back(m.sentence()), t->words.emplace_back();
      c.line = line->second;
      d.mentions[i] = &c;
    }
    kept_upto[k] = d.mentions.size();
  }
  // A document is in one segment only: what the drafts took from it is kept.
  ix.drafts_of_doc.clear();
}

void LineBuild::AddSegment(std::vector<TimelineDoc*> docs) {
  // A segment's mentions are merged in the order of how they are dated
  // (text, then context, then undated), each in document order.
  std::vector<Mention*> order;
  for (TimelineDoc* d : docs)
    for (Mention& m : d->mentions) {
      m.doc = d;
      order.push_back(&m);
    }
  std::stable_sort(order.begin(), order.end(),
                   [](const Mention* a, const Mention* b) { return BasisRank(a->basis) < BasisRank(b->basis); });
  for (Mention* m : order) Merge(m);
  Keep();
}

}  // namespace

struct TimelineBuilder::State {
  TimelineOptions o;
  std::map<std::string, LineBuild> lines;  // by TimelineDoc::line
};

TimelineBuilder::TimelineBuilder(const TimelineOptions& options) : s_(std::make_unique<State>()) { s_->o = options; }
TimelineBuilder::~TimelineBuilder() = default;
TimelineBuilder::TimelineBuilder(TimelineBuilder&&) noexcept = default;
TimelineBuilder& TimelineBuilder::operator=(TimelineBuilder&&) noexcept = default;

void TimelineBuilder::Add(std::vector<TimelineDoc> docs) {
  std::map<std::string, std::vector<TimelineDoc*>> by_line;
  for (TimelineDoc& d : docs)
    if (!d.copy) by_line[d.line].push_back(&d);  // a copy adds no source
  for (const auto& [line, members] : by_line) {
    auto [it, fresh] = s_->lines.try_emplace(line);
    if (fresh) it->second.storyline = line, it->second.o = s_->o;
    it->second.AddSegment(members);
  }
}

std::vector<TimelineEntry> TimelineBuilder::Finish() {
  std::vector<TimelineEntry> out;
  for (auto& [line, build] : s_->lines) {
    std::vector<TimelineEntry> entries;
    for (const Draft& d : build.drafts) entries.push_back(FinishDraft(d, line));
    std::stable_sort(entries.begin(), entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
      return a.date != b.date ? a.date < b.date : a.sources.size() > b.sources.size();
    });
    out.insert(out.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
  }
  std::map<std::string, int> seen;  // ids are unique even when two entries share their keys
  for (TimelineEntry& e : out)
    if (int n = seen[e.id]++) e.id += "-" + std::to_string(n + 1);
  s_->lines.clear();
  return out;
}

size_t TimelineBuilder::KeptDocuments() const {
  size_t n = 0;
  for (const auto& [line, build] : s_->lines) n += build.kept_docs.size();
  return n;
}

std::string DatePrecision(const std::string& d) {
  if (d.size() < 4) return "";
  if (timeline::IsDay(d)) return "day";
  if (d.size() == 4) return "year";
  if (d.size() >= 6 && d[5] == 'W') return "week";
  if (d.size() == 7 && d[5] == 'Q') return "quarter";
  if (d.size() == 7 && std::isalpha(static_cast<unsigned char>(d[5]))) return "season";
  if (d.size() == 7) return "month";
  return "";
}

bool TimelineReads(const Event& e) { return e.status == "happened" || e.status == "planned"; }

TimelineDoc ReduceForTimeline(const Document& d, const TimelineOptions& options) {
  TimelineDoc t;
  t.id = d.id;
  t.line = d.storyline ? *d.storyline : d.story ? *d.story : d.id;
  t.outlet = d.outlet;
  t.published = d.published;
  t.copy = d.duplicate_of.has_value();
  if (!t.copy) timeline::CollectMentions(d, options, &t);
  t.mentions.shrink_to_fit();
  t.sentences.shrink_to_fit();
  t.words.shrink_to_fit();
  return t;
}

std::vector<TimelineEntry> BuildTimeline(const std::vector<Document>& docs, const TimelineOptions& options) {
  std::vector<TimelineDoc> reduced;
  reduced.reserve(docs.size());
  for (const Document& d : docs) reduced.push_back(ReduceForTimeline(d, options));
  return BuildTimeline(std::move(reduced), options);
}

std::vector<TimelineEntry> BuildTimeline(std::vector<TimelineDoc> docs, const TimelineOptions& options) {
  TimelineBuilder build(options);
  build.Add(std::move(docs));
  return build.Finish();
}

nlohmann::json TimelineEntryToJson(const TimelineEntry& e) {
  using nlohmann::json;
  json sources = json::array();
  for (const auto& s : e.sources)
    sources.push_back({{"document", s.document},
                       {"outlet", s.outlet ? json(*s.outlet) : json()},
                       {"sentence", s.sentence},
                       {"sentence_index", s.sentence_index},
                       {"date", s.date ? json(*s.date) : json()},
                       {"date_basis", s.date_basis},
                       {"quote", s.quote ? json(*s.quote) : json()},
                       {"counts", s.counts}});
  return {{"id", e.id},
          {"storyline", e.storyline},
          {"date", e.date},
          {"precision", e.precision},
          {"date_basis", e.date_basis},
          {"type", e.type},
          {"status", e.status},
          {"actors", e.actors},
          {"targets", e.targets},
          {"place", e.place ? json(*e.place) : json()},
          {"description", e.description},
          {"counts", e.counts},
          {"sources", sources},
          {"disagreements", e.disagreements}};
}

}  // namespace dateline
