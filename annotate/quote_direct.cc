// Direct quotes: quoted segments that stand as whole statements, with the
// cue and speaker found after the quote ("“…,” Peskov told Interfax"), before
// it ("Trump said, “…”", "Cruz continued:\n“…”") or not at all (a follow-on
// quote that continues the previous speaker). Partial and scare quotes
// ("a “very good chance” of") are left to the indirect rules.
#include <optional>

#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

constexpr size_t kCueWindow = 10;    // tokens between a cue and the quote after it
constexpr size_t kTailWindow = 25;   // tokens between a quote and the cue after it
constexpr size_t kShortPhrase = 6;   // words of a speaker phrase between a quote and its cue

bool IsComma(const QTok& t) { return t.text == ","; }

// A quoted segment that is a statement of its own, not a phrase in a sentence.
bool IsFullQuote(const QuoteContext& c, const QuoteSegment& s) {
  const QuoteText& q = c.q;
  size_t first = s.open + 1;
  if (first > s.last || (s.closed && first == s.last)) return false;
  bool words = false;
  for (size_t k = first; k <= s.last && !words; ++k) words = q.tok[k].word;
  if (!words) return false;
  const QTok& f = q.tok[first];
  // “… people” that border security …: the sentence runs on through the mark.
  if (s.closed && s.last + 1 < q.tok.size() && !q.tok[s.last + 1].para_start && q.tok[s.last - 1].word &&
      q.tok[s.last + 1].word && !q.tok[s.last + 1].cap) {
    CueClass cls;
    if ((c.lx.MatchCue(q.lower, s.last + 1, &cls) == 0 || cls == CueClass::kNoun) && c.lx.PronounKind(q.lower[s.last + 1]).empty())
      return false;
  }
  if (q.tok[s.open].para_start) return f.cap || !f.word;
  const QTok& p = q.tok[s.open - 1];
  CueClass cls;
  // "Clinton said, “as long as …”": a cue and a comma or colon open a quote.
  if ((IsComma(p) || p.text == ":") && s.open >= 2 && c.lx.MatchCue(q.lower, s.open - 2, &cls) == 1 &&
      cls == CueClass::kSpeech)
    return true;
  if (!f.cap && f.word) return false;
  if (c.sentence_end[s.open - 1] || p.text == ":" || IsComma(p) || p.text == "\u2014" || p.text == "(") return true;
  return c.lx.MatchCue(q.lower, s.open - 1, &cls) == 1 && cls == CueClass::kSpeech;
}

// Adds the channel found after the cue, or an "according to X" later on.
void FindChannel(const QuoteContext& c, size_t hi, Attribution* a) {
  size_t end;
  size_t from = a->speaker.b >= a->cue_e ? a->speaker.e : a->cue_e;
  a->channel = c.ChannelAfter(a->cue_e, hi, &end);
  if (!a->channel && from != a->cue_e) a->channel = c.ChannelAfter(from, hi, &end);
  if (a->channel) return;
  CueClass cls;
  for (size_t k = from; k < hi; ++k) {
    int n = c.CueAt(k, &cls);
    if (n > 0 && cls == CueClass::kPrep) {
      if (auto np = SpeakerAfter(c.q, c.lx, k + n, hi)) a->channel = c.TextOf(np->b, np->e);
      return;
    }
  }
}

bool IsParticiple(const std::string& l) { return l.size() > 4 && l.compare(l.size() - 3, 3, "ing") == 0; }

bool IsAddressee(const std::string& l) { return l == "told" || l == "tells" || l == "telling"; }

// The phrase between a quote and its cue, [b, k): "the investor", "they",
// "Braynard is quoted as" — words only, short.
std::optional<SpeakerNP> ShortPhrase(const QuoteContext& c, size_t b, size_t k) {
  if (k <= b || k - b > kShortPhrase) return std::nullopt;
  for (size_t i = b; i < k; ++i)
    if (!c.q.tok[i].word && c.q.tok[i].text != "'s" && c.q.tok[i].text != "\u2019s") return std::nullopt;
  SpeakerNP np;
  np.b = b;
  np.e = k;
  if (k == b + 1 && !c.lx.PronounKind(c.q.lower[b]).empty()) {
    np.pronoun = true;
    np.name_b = np.name_e = k;
    return np;
  }
  auto named = SpeakerAfter(c.q, c.lx, b, k);
  np.name_b = named ? named->name_b : k;
  np.name_e = named ? named->name_e : k;
  np.role_only = !named || named->role_only;
  if (named && named->e == k) return named;
  return np;
}

// The speaker of a cue at k in a quote's tail [b, e).
std::optional<SpeakerNP> TailSpeaker(const QuoteContext& c, size_t b, size_t e, size_t k, int n, CueClass cls) {
  const std::string& cue = c.q.lower[k];
  if (cls == CueClass::kPrep) return SpeakerAfter(c.q, c.lx, k + n, e);
  if (k == b) return IsAddressee(cue) ? std::nullopt : SpeakerLoose(c.q, c.lx, k + n, e);
  if (IsParticiple(cue)) return std::nullopt;
  if (auto sp = SpeakerBefore(c.q, c.lx, k, b)) return sp;
  if (auto sp = ShortPhrase(c, b, k)) return sp;
  // "Deborah Tamargo, the chairwoman of …, recalled": the phrase opening the tail.
  if (auto sp = SpeakerAfter(c.q, c.lx, b, k); sp && sp->e < k && c.q.tok[sp->e].text == ",") return sp;
  return std::nullopt;
}

// A cue in tokens [b, e) after a quote, with its speaker.
std::optional<Attribution> FindAfter(const QuoteContext& c, size_t b, size_t e) {
  CueClass cls;
  if (b < e && IsComma(c.q.tok[b])) ++b;
  for (size_t k = b; k < e && k < b + kTailWindow; ++k) {
    if (c.segment_of[k] >= 0) break;
    int n = c.CueAt(k, &cls);
    if (n == 0 || cls == CueClass::kBelief || cls == CueClass::kNoun || cls == CueClass::kRaise) continue;
    std::optional<SpeakerNP> sp = TailSpeaker(c, b, e, k, n, cls);
    if (!sp) continue;
    Attribution a{k, k + n, *sp, std::nullopt};
    FindChannel(c, e, &a);
    return a;
  }
  return std::nullopt;
}

// A cue in tokens [b, e) before a quote opening at e, with its speaker.
std::optional<Attribution> FindBefore(const QuoteContext& c, size_t b, size_t e) {
  CueClass cls;
  std::optional<Attribution> bare;  // nearest cue without a speaker next to it
  for (size_t k = e; k > b && k + kCueWindow > e; --k) {
    size_t i = k - 1;
    if (c.segment_of[i] >= 0) break;
    int n = c.CueAt(i, &cls);
    if (n == 0 || cls == CueClass::kBelief || cls == CueClass::kNoun || cls == CueClass::kRaise || i + n > e)
      continue;
    std::optional<SpeakerNP> sp;
    if (cls == CueClass::kPrep) {
      sp = SpeakerAfter(c.q, c.lx, i + n, e);
    } else if (!IsParticiple(c.q.lower[i])) {
      sp = SpeakerBefore(c.q, c.lx, i, b);
    }
    if (!sp) {
      if (cls != CueClass::kSpeech) continue;
      bare = Attribution{i, i + n, SpeakerNP{}, std::nullopt, false};
      break;  // the cue nearest the quote governs it ("said before adding: “…”")
    }
    Attribution a{i, i + n, *sp, std::nullopt};
    FindChannel(c, e, &a);
    return a;
  }
  if (bare) {
    // "…, Spicer said, adding, “…”": an earlier cue of the clause has the speaker.
    for (size_t i = bare->cue_b; i > b; --i) {
      int n = c.CueAt(i - 1, &cls);
      if (n == 0 || cls != CueClass::kSpeech || IsParticiple(c.q.lower[i - 1])) continue;
      if (auto sp = SpeakerBefore(c.q, c.lx, i - 1, b)) {
        bare->speaker = *sp;
        bare->has_speaker = true;
        FindChannel(c, e, &*bare);
        return bare;
      }
    }
    if (auto sp = c.SubjectOf(b, bare->cue_b)) {
      bare->speaker = *sp;
      bare->has_speaker = true;
    }
    FindChannel(c, e, &*bare);
    return bare;
  }
  // "Trump: “…”", "She then addressed the supporters again: “…”" — a colon
  // stands for the cue; the speaker is the subject of the clause.
  if (e > b + 1 && c.q.tok[e - 1].text == ":") {
    auto sp = SpeakerBefore(c.q, c.lx, e - 1, b);
    if (sp && sp->b == b && !sp->pronoun) return Attribution{e - 1, e, *sp, std::nullopt};
    if (auto subj = c.SubjectOf(b, e - 1)) return Attribution{e - 1, e, *subj, std::nullopt};
  }
  return std::nullopt;
}

bool IsDash(std::string_view t) {
  return t == "-" || t == "--" || t == "\u2013" || t == "\u2014" || t == "\u2015";
}

// “…” ― Carla Sanchez: a dash and a name closing the paragraph (the byline
// of a quote), on the same line or the next one.
std::optional<Attribution> DashByline(const QuoteContext& c, const QuoteSegment& s) {
  const QuoteText& q = c.q;
  size_t k = s.last + 1;
  if (!s.closed || k + 1 >= q.tok.size() || !IsDash(q.tok[k].text)) return std::nullopt;
  if (q.tok[k].para_start && q.tok[k].para != q.tok[s.last].para + 1) return std::nullopt;
  size_t end = k + 1;
  while (end < q.tok.size() && !q.tok[end].para_start) ++end;
  size_t stop = end;
  while (stop > k + 1 && !q.tok[stop - 1].word) --stop;  // "― Steve Quinlan."
  auto sp = SpeakerAfter(q, c.lx, k + 1, stop);
  if (!sp || sp->pronoun || sp->e != stop || sp->name_b == sp->name_e) return std::nullopt;
  return Attribution{k, k + 1, *sp, std::nullopt};
}

struct Previous {
  size_t quote = 0;     // index into the output
  size_t last = 0;      // last token of its last segment
  int para = 0;         // paragraph of that token
  size_t cue_b = SIZE_MAX;
  std::optional<ResolvedSpeaker> speaker;
};

// Attribution for segment s: after it when it ends in a comma, else before
// it first. Sets *via_head when the cue came from the text before it.
std::optional<Attribution> Attribute(const QuoteContext& c, const QuoteSegment& s, size_t head_b) {
  const QuoteText& q = c.q;
  size_t tail_b = s.last + 1;
  size_t tail_e = c.SentenceEnd(s.last);
  // “…?” Trump wrote. — a question or exclamation does not end the sentence.
  std::string_view inner = s.last > 0 ? q.tok[s.last - 1].text : "";
  if (s.closed && tail_e == tail_b && tail_b < q.tok.size() && !q.tok[tail_b].para_start &&
      (inner == "?" || inner == "!"))
    tail_e = c.SentenceEnd(tail_b);
  // “… missing.” Trump said. — a short sentence that is only the attribution.
  if (s.closed && tail_e == tail_b && tail_b < q.tok.size() && !q.tok[tail_b].para_start &&
      c.SentenceEnd(tail_b) <= tail_b + kShortPhrase + 2) {
    size_t e2 = c.SentenceEnd(tail_b);
    if (auto a = FindAfter(c, tail_b, e2); a && std::max(a->cue_e, a->speaker.e) + 1 >= e2) return a;
  }
  for (size_t k = tail_b; k < tail_e; ++k)
    if (c.segment_of[k] >= 0) tail_e = k;
  bool comma = (s.last > 0 && IsComma(q.tok[s.last - 1])) || (tail_b < tail_e && IsComma(q.tok[tail_b]));
  std::optional<Attribution> a;
  if (comma) a = FindAfter(c, tail_b, tail_e);
  if (!a) a = FindBefore(c, head_b, s.open);
  if (!a && !comma) a = FindAfter(c, tail_b, tail_e);
  if (!a) a = DashByline(c, s);
  // "Cruz continued:" ending the previous paragraph.
  if (!a && q.tok[s.open].para_start && s.open > 0 && q.tok[s.open - 1].text == ":") {
    size_t pe = s.open - 1;
    a = FindBefore(c, c.SentenceBegin(pe), pe + 1);
  }
  return a;
}

void InheritSpeaker(const Quote& from, Quote* to) {
  to->speaker = from.speaker;
  to->speaker_name = from.speaker_name;
  to->speaker_span = from.speaker_span;
}

// Whether s continues the previous quote rather than starting one: the
// second half of a split quote ("“A,” X said, “B”"), the next sentence
// after the attribution ("“A,” X said. “B”"), or the next paragraph when
// the previous one ended with that quote and its attribution.
bool Continues(const QuoteContext& c, const Previous& prev, const QuoteSegment& s,
               const std::optional<Attribution>& a) {
  const QuoteText& q = c.q;
  int para = q.tok[s.open].para;
  bool same_para = prev.para == para && !q.tok[s.open].para_start;
  if (same_para && a && a->cue_b == prev.cue_b) return true;
  if (a) return false;
  // s must end its sentence: nothing but punctuation after the closing mark.
  size_t end = c.SentenceEnd(s.last);
  for (size_t k = s.last + 1; k < end; ++k)
    if (q.tok[k].word) return false;
  bool tail_only = s.open == prev.last + 1 || c.SentenceBegin(s.open - 1) <= prev.last;
  // “A?” Sanders replied. “B.” — the sentence before s is the attribution.
  if (prev.cue_b != SIZE_MAX && prev.cue_b > prev.last && c.SentenceBegin(s.open - 1) <= prev.cue_b)
    tail_only = true;
  if (same_para) return tail_only;
  return q.tok[s.open].para_start && prev.para + 1 == para && tail_only;
}

// The second half of a split quote may start in lower case: “…,” she said, “is …”.
bool ContinuesSplit(const QuoteContext& c, const Previous& prev, const QuoteSegment& s) {
  return prev.para == c.q.tok[s.open].para && prev.cue_b > prev.last && prev.cue_b < s.open &&
         c.q.tok[s.open - 1].text == ",";
}

}  // namespace

void ExtractDirect(QuoteContext* c, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  std::optional<Previous> prev;
  for (const QuoteSegment& s : c->segments) {
    if (!(prev && ContinuesSplit(*c, *prev, s)) && !IsFullQuote(*c, s)) continue;
    size_t head_b = c->SentenceBegin(s.open);
    if (prev && prev->last + 1 > head_b && prev->last < s.open) head_b = prev->last + 1;
    std::optional<Attribution> a = Attribute(*c, s, head_b);
    for (size_t k = s.open; k <= s.last; ++k) c->used[k] = true;
    if (prev && Continues(*c, *prev, s, a)) {
      Quote& pq = (*out)[prev->quote];
      pq.spans.insert(pq.spans.end(), s.spans.begin(), s.spans.end());
      prev->last = s.last;
      prev->para = q.tok[s.last].para;
      continue;
    }
    bool standalone = q.tok[s.open].para_start || head_b == s.open;
    if (!a && !standalone) continue;
    ResolvedSpeaker who;
    std::string kind = q.tok[s.open].text == "''" ? c->lx.DoubleApostropheKind() : "direct";
    Quote quote = c->MakeQuote(s.spans, kind, a ? &*a : nullptr, prev ? prev->speaker : std::nullopt, &who);
    if (a) {
      for (size_t k = a->cue_b; k < a->cue_e; ++k) c->used[k] = true;
      int para = q.tok[s.open].para;
      if (!a->has_speaker && prev && prev->speaker && prev->para + 1 >= para) {
        InheritSpeaker((*out)[prev->quote], &quote);
        who = *prev->speaker;
      }
      if (who.name) c->speakers.push_back({a->cue_b, who});
    }
    out->push_back(std::move(quote));
    Previous p;
    p.quote = out->size() - 1;
    p.last = s.last;
    p.para = q.tok[s.last].para;
    p.cue_b = a ? a->cue_b : SIZE_MAX;
    if (out->back().speaker_name) p.speaker = who;
    prev = p;
  }
}

}  // namespace dateline::quotes
