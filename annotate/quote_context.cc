// QuoteContext helpers (quote_rules.h): sentence bounds that respect quotes,
// channels, and building Quote values.
#include <unordered_set>

#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

constexpr size_t kMaxChannelTokens = 6;
constexpr size_t kMaxLooseSubject = 6;  // words of a subject without a name or role noun

bool Terminal(std::string_view t) { return t == "." || t == "!" || t == "?"; }

bool IsAddressCue(const std::string& l) {
  return l == "told" || l == "tells" || l == "tell" || l == "telling" || l == "informed" || l == "assured" ||
         l == "wrote to" || l == "urged";
}

const std::unordered_set<std::string>& ChannelStops() {
  static const auto* s = new std::unordered_set<std::string>{
      "that", "on", "in", "at", "during", "after", "before", "when", "while", "as", "about", "of",
      "the", "this", "last", "earlier", "he", "she", "they", "it", "we", "i", "to", "and", "but",
      "january", "february", "march", "april", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return *s;
}

}  // namespace

void PrepareContext(QuoteContext* c) {
  const QuoteText& q = c->q;
  const size_t n = q.tok.size();
  c->segments = FindQuoteSegments(q);
  c->segment_of.assign(n, -1);
  c->used.assign(n, false);
  for (size_t s = 0; s < c->segments.size(); ++s)
    for (size_t k = c->segments[s].open; k <= c->segments[s].last && k < n; ++k) c->segment_of[k] = static_cast<int>(s);
  c->sentence_end.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 == n || q.tok[i + 1].para_start) {
      c->sentence_end[i] = true;
      continue;
    }
    const QTok& next = q.tok[i + 1];
    bool next_starts = next.space_before && (next.cap || IsDoubleMark(next.text) || !next.word);
    int seg = c->segment_of[i];
    if (seg < 0 && Terminal(q.tok[i].text) && next_starts) c->sentence_end[i] = true;
    // "… that way.'' He struggles": single marks or apostrophes right after
    // a full stop close the sentence (they are no quotation marks here, and
    // a full stop never precedes an elided letter).
    if (seg < 0 && next_starts && !IsDoubleMark(next.text) && IsSingleMark(q.tok[i].text)) {
      size_t j = i;
      while (j > 0 && j + 2 > i && IsSingleMark(q.tok[j].text) && !q.tok[j].space_before) --j;
      if (j < i && IsSingleMark(q.tok[j + 1].text) && Terminal(q.tok[j].text) && c->segment_of[j] < 0)
        c->sentence_end[i] = true;
    }
    // “… wraps.” Next sentence: the closing mark ends the sentence.
    if (seg >= 0 && c->segments[seg].last == i && c->segments[seg].closed && i > 0 &&
        Terminal(q.tok[i - 1].text) && next_starts && !IsDoubleMark(next.text))
      c->sentence_end[i] = true;
  }
}

int QuoteContext::CueAt(size_t k, CueClass* cls) const {
  int n = lx.MatchCue(q.lower, k, cls);
  if (n == 0) return 0;
  const size_t e = k + n;
  // "According to the newspaper, …" opening a sentence.
  if (q.tok[k].cap && *cls == CueClass::kPrep && SentenceBegin(k) == k) return n;
  if (q.tok[k].cap) {
    bool title_case = e < q.tok.size() && q.tok[e].cap && !q.tok[e].para_start && k > 0 && !q.tok[k].para_start;
    if (!title_case) return 0;
  }
  if (*cls == CueClass::kNoun) return q.tok[k].cap ? 0 : n;
  if (k > 0 && (q.tok[k - 1].text == "'s" || q.tok[k - 1].text == "\u2019s")) return 0;
  if (n == 1 && e < q.tok.size() && *cls != CueClass::kPrep) {
    const std::string& next = q.lower[e];
    const std::string& cue = q.lower[k];
    bool plural_noun = cue.size() > 3 && cue.back() == 's' && cue != "says" && cue != "tells" && cue != "adds";
    // After a subject ("he refuses to", "Sanders, …, refuses to", "who
    // promises to") an -s form is a verb, not a plural noun.
    const bool after_subject =
        k > 0 && (!lx.PronounKind(q.lower[k - 1]).empty() || q.lower[k - 1] == "who" || q.lower[k - 1] == "also" ||
                  q.tok[k - 1].text == "," || (q.tok[k - 1].cap && !q.tok[k - 1].para_start));
    if (plural_noun && !after_subject && (next == "of" || next == "to" || next == "for" || next == "about")) return 0;
    if (k > 0 && (q.lower[k - 1] == "the" || q.lower[k - 1] == "a" || q.lower[k - 1] == "his" ||
                  q.lower[k - 1] == "her" || q.lower[k - 1] == "their"))
      return 0;
  }
  return n;
}

std::optional<ResolvedSpeaker> QuoteContext::SpeakerBeforeToken(size_t k) const {
  const std::pair<size_t, ResolvedSpeaker>* best = nullptr;
  for (const auto& s : speakers)
    if (s.first < k && s.second.name && (!best || s.first > best->first)) best = &s;
  if (!best) return std::nullopt;
  return best->second;
}

size_t QuoteContext::SentenceBegin(size_t i) const {
  size_t k = i;
  while (k > 0 && !sentence_end[k - 1]) --k;
  return k;
}

size_t QuoteContext::SentenceEnd(size_t i) const {
  size_t k = i;
  while (k < sentence_end.size() && !sentence_end[k]) ++k;
  return k < sentence_end.size() ? k + 1 : k;
}

std::optional<SpeakerNP> QuoteContext::SubjectOf(size_t b, size_t e) const {
  // "And Sanders, to his credit, refuses …": a conjunction opens no phrase.
  if (b + 1 < e && (q.lower[b] == "and" || q.lower[b] == "but" || q.lower[b] == "or" || q.lower[b] == "yet"))
    ++b;
  if (b < e && lx.IsStop(q.lower[b])) {
    size_t k = b + 1;
    while (k < e && q.tok[k].text != "," && k < b + 8) ++k;
    b = k < e && q.tok[k].text == "," ? k + 1 : b + 1;
  }
  if (auto np = SpeakerAfter(q, lx, b, e)) return np;
  // "Several candidates, including Trump, said": the words up to the comma.
  size_t k = b;
  while (k < e && k < b + kMaxLooseSubject && q.tok[k].word) ++k;
  if (k == b || k >= e || q.tok[k].text != ",") return std::nullopt;
  SpeakerNP np;
  np.b = b;
  np.e = k;
  np.name_b = np.name_e = k;
  np.role_only = true;
  return np;
}

std::string QuoteContext::TextOf(size_t b, size_t e) const {
  std::string s;
  for (size_t k = b; k < e; ++k) {
    if (k > b && q.tok[k].space_before) s.push_back(' ');
    s.append(q.tok[k].text);
  }
  return s;
}

std::optional<std::string> QuoteContext::ChannelAfter(size_t e, size_t hi, size_t* end) const {
  *end = e;
  if (e == 0 || e >= hi) return std::nullopt;
  size_t k = e;
  if (IsAddressCue(q.lower[e - 1])) {
    size_t b = k;
    if (k < hi && (q.lower[k] == "the" || q.lower[k] == "a")) ++k;
    while (k < hi && k - b < kMaxChannelTokens && q.tok[k].word && !ChannelStops().count(q.lower[k]) &&
           segment_of[k] < 0)
      ++k;
    if (k > b && !(k == b + 1 && (q.lower[b] == "the" || q.lower[b] == "a"))) {
      *end = k;
      return TextOf(b, k);
    }
    k = b;
  }
  if (k + 1 < hi && (q.lower[k] == "on" || q.lower[k] == "in" || q.lower[k] == "via")) {
    int m = lx.MatchChannel(q.lower, k + 1);
    if (m > 0 && k + 1 + m <= hi) {
      *end = k + 1 + m;
      return TextOf(k + 1, k + 1 + m);
    }
  }
  return std::nullopt;
}

Quote QuoteContext::MakeQuote(std::vector<Span> spans, const std::string& kind, const Attribution* a,
                              const std::optional<ResolvedSpeaker>& previous, ResolvedSpeaker* resolved) const {
  Quote out;
  out.spans = std::move(spans);
  out.kind = kind;
  *resolved = ResolvedSpeaker{};
  if (!a) return out;
  out.cue_span = Span{q.tok[a->cue_b].span.begin, q.tok[a->cue_e - 1].span.end};
  out.channel = a->channel;
  if (!a->has_speaker) return out;
  out.speaker_span = Span{q.tok[a->speaker.b].span.begin, q.tok[a->speaker.e - 1].span.end};
  *resolved = resolver.Resolve(a->speaker, previous);
  out.speaker = resolved->id;
  out.speaker_name = resolved->name;
  return out;
}

}  // namespace dateline::quotes
