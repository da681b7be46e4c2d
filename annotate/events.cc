#include "annotate/events.h"

#include <algorithm>
#include <climits>
#include <set>

#include "annotate/event_sentence.h"

namespace dateline {
namespace {

struct Candidate {
  size_t begin = 0, end = 0;  // tokens
  std::string type;
  int quote = -1;  // index into doc->quotes for quote statements
};

bool IsQuoteMark(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D"; }

// Words inside quotation marks, over the whole document (quotes span sentences).
std::vector<bool> QuotedMask(const std::vector<Token>& tokens, const Document& doc) {
  std::vector<bool> quoted(tokens.size(), false);
  bool in = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens[i].text;
    if (t == "\xE2\x80\x9C") in = true;
    else if (t == "\xE2\x80\x9D") in = false;
    else if (t == "\"") in = !in;
    else if (t.find('\n') != std::string_view::npos) in = false;
    if (!IsQuoteMark(t)) quoted[i] = in;
    // A paragraph break ends an unclosed quote.
    if (i + 1 < tokens.size() && in) {
      std::string_view gap(doc.text.data() + tokens[i].byte_end, tokens[i + 1].byte_begin - tokens[i].byte_end);
      if (gap.find('\n') != std::string_view::npos) in = false;
    }
  }
  return quoted;
}

bool Inside(const Span& inner, const Span& outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// The span a quote statement is anchored at: its cue, else its speaker, else its content.
std::optional<Span> QuoteAnchor(const Quote& q) {
  if (q.cue_span) return *q.cue_span;
  if (q.speaker_span) return *q.speaker_span;
  if (!q.spans.empty()) return q.spans.front();
  return std::nullopt;
}

bool IsUpper(std::string_view t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }

// Capitalised words that stand after the first word of some sentence.
std::set<std::string> MidSentenceCaps(const std::vector<Token>& tokens, const std::vector<Span>& sentences) {
  std::set<std::string> out;
  size_t s = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (s < sentences.size() && sentences[s].end <= tokens[i].span.begin) ++s;
    bool first = s < sentences.size() && tokens[i].span.begin == sentences[s].begin;
    if (!first && IsUpper(tokens[i].text)) out.insert(std::string(tokens[i].text));
  }
  return out;
}

// A headline or section title ("Zelenskiy Sends Delegation to London"):
// capitalised words and short function words only. Its events repeat the
// body's, so it is skipped.
bool IsTitleCase(const std::vector<Token>& tokens, size_t b, size_t e) {
  static const std::set<std::string_view> kSmall = {"a",  "an", "the", "to", "for", "in",  "of",  "on",
                                                    "at", "by", "and", "or", "as",  "with", "from", "vs"};
  int caps = 0;
  for (size_t i = b; i < e; ++i) {
    std::string_view t = tokens[i].text;
    char c = t.empty() ? 0 : t[0];
    if (c >= 'a' && c <= 'z' && !kSmall.count(t)) return false;
    caps += IsUpper(t);
  }
  return caps >= 3;
}

bool InName(const EventSentence& s, size_t i) {
  for (const NameMention& n : s.names)
    if (i >= n.begin && i < n.end) return true;
  return false;
}

// True when the reporting verb at [b, e) has as actor a speaker of one of
// the document's quotes (or no actor at all): the quote's statement covers it.
bool SpokenByQuoteSpeaker(const EventSentence& s, size_t b, size_t e, const Document& doc) {
  int actor = FindActor(s, b, e, true, {{b, e}});
  if (actor < 0) return true;
  const std::string& name = s.names[actor].name;
  for (const Quote& q : doc.quotes) {
    if (!q.speaker_name || q.speaker_name->empty()) continue;
    if (q.speaker_name->find(name) != std::string::npos || name.find(*q.speaker_name) != std::string::npos)
      return true;
  }
  return false;
}

std::string Day(const std::optional<std::string>& published) {
  if (!published || published->size() < 10) return "";
  return published->substr(0, 10);
}

// Counts go to the nearest event in the sentence of a material type (ASSAULT,
// COERCE, RETREAT, ...), else to the nearest non-statement event.
void AttachCounts(const std::vector<Token>& tokens, const EventSentence& s, const EventLexicon& lex,
                  const std::vector<Candidate>& cands, size_t first_event, Document* doc) {
  static const std::set<std::string> kMaterial = {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE",
                                                  "AID",     "PROTEST", "CRIME",  "SANCTION"};
  for (const CountMention& m : ExtractCounts(tokens, s, lex)) {
    int best = -1;
    int64_t best_score = INT64_MAX;
    for (size_t k = 0; k < cands.size(); ++k) {
      if (cands[k].type == "STATEMENT") continue;
      int64_t dist = m.token < cands[k].begin ? cands[k].begin - m.token : m.token - cands[k].begin;
      int64_t score = dist + (kMaterial.count(cands[k].type) ? 0 : 1000);
      if (score < best_score) {
        best = static_cast<int>(k);
        best_score = score;
      }
    }
    if (best < 0) continue;
    auto& counts = doc->events[first_event + best].counts;
    if (!counts.count(m.key)) counts[m.key] = m.value;
  }
}

}  // namespace

Result<std::unique_ptr<EventExtractor>> EventExtractor::Load(const std::string& data_dir) {
  auto lex = EventLexicon::Load(data_dir + "/events");
  if (!lex.ok()) return lex.status();
  return std::make_unique<EventExtractor>(std::move(lex.value()));
}

void EventExtractor::Annotate(const std::vector<Token>& tokens, Document* doc) const {
  doc->events.clear();
  std::vector<bool> quoted = QuotedMask(tokens, *doc);
  std::string published = Day(doc->published);
  std::set<std::string> known_caps = MidSentenceCaps(tokens, doc->sentences);
  size_t tok = 0;
  for (size_t si = 0; si < doc->sentences.size(); ++si) {
    const Span& sent = doc->sentences[si];
    while (tok < tokens.size() && tokens[tok].span.begin < sent.begin) ++tok;
    size_t tb = tok, te = tok;
    while (te < tokens.size() && tokens[te].span.end <= sent.end) ++te;
    if (tb == te || IsTitleCase(tokens, tb, te)) continue;
    EventSentence s = MakeEventSentence(tokens, *doc, static_cast<int64_t>(si), tb, te, lex_);
    std::copy(quoted.begin() + tb, quoted.begin() + te, s.quoted.begin());
    if (doc->entities.empty()) s.names = FallbackNames(tokens, s, lex_, known_caps);

    std::vector<Candidate> cands;
    std::vector<Span> quote_anchors;
    for (size_t q = 0; q < doc->quotes.size(); ++q) {
      auto anchor = QuoteAnchor(doc->quotes[q]);
      if (!anchor || !Inside(*anchor, sent)) continue;
      auto it = std::lower_bound(tokens.begin() + tb, tokens.begin() + te, anchor->begin,
                                 [](const Token& t, int64_t v) { return t.span.begin < v; });
      size_t b = it - tokens.begin(), e = b;
      while (e < te && tokens[e].span.end <= anchor->end) ++e;
      if (b >= e) continue;
      bool same_speaker = false;  // one statement per speaker and sentence
      for (const Candidate& c : cands)
        same_speaker |= c.quote >= 0 && doc->quotes[c.quote].speaker_name == doc->quotes[q].speaker_name;
      if (same_speaker) continue;
      cands.push_back({b, e, "STATEMENT", static_cast<int>(q)});
      quote_anchors.push_back(*anchor);
    }
    for (size_t i = tb; i < te; ++i) {
      if (s.quoted[i - tb]) continue;
      auto m = lex_.MatchTrigger(s.words, i - tb);
      if (!m) continue;
      size_t end = i + m->length;
      if (m->type == "NONE" || (i > tb && IsUpper(tokens[i].text) && InName(s, i))) {
        i = end - 1;
        continue;
      }
      if (m->type == "STATEMENT" && !quote_anchors.empty() && SpokenByQuoteSpeaker(s, i, end, *doc)) {
        i = end - 1;
        continue;  // the quote layer covers this speaker's statement
      }
      cands.push_back({i, end, m->type, -1});
      i = end - 1;
    }
    if (cands.empty()) continue;
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

    std::vector<std::pair<size_t, size_t>> ranges;
    for (const auto& c : cands) ranges.push_back({c.begin, c.end});
    std::vector<int> dates = AttachDates(s, ranges);
    size_t first_event = doc->events.size();
    for (size_t k = 0; k < cands.size(); ++k) {
      const Candidate& c = cands[k];
      bool statement = c.type == "STATEMENT";
      Event e;
      e.type = c.type;
      e.span = {tokens[c.begin].span.begin, tokens[c.end - 1].span.end};
      e.sentence = static_cast<int64_t>(si);
      e.status = EventStatus(s, c.begin, c.end, statement, lex_);
      int place = statement ? -1 : FindPlace(s, c.begin, c.end);
      int actor = FindActor(s, c.begin, c.end, statement, ranges);
      if (c.quote >= 0) {
        const Quote& q = doc->quotes[c.quote];
        if (q.speaker || q.speaker_name) {
          e.actor = q.speaker;
          e.actor_name = q.speaker_name;
          actor = -1;
        }
      }
      if (actor >= 0) {
        e.actor = s.names[actor].id;
        e.actor_name = s.names[actor].name;
      }
      int target = FindTarget(s, c.begin, c.end, actor, place, ranges);
      if (target >= 0) {
        e.target = s.names[target].id;
        e.target_name = s.names[target].name;
      }
      if (place >= 0) {
        e.place = s.names[place].id;
        e.place_name = s.names[place].name;
      }
      if (dates[k] >= 0) e.date = s.timexes[dates[k]].date;
      if (e.status == "happened" && e.date && e.date->size() == 10 && !published.empty() && *e.date > published)
        e.status = "planned";
      doc->events.push_back(std::move(e));
    }
    AttachCounts(tokens, s, lex_, cands, first_event, doc);
  }
}

}  // namespace dateline
