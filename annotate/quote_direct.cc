// Direct quotes: quoted segments that stand as whole statements, with the
// cue and speaker found after the quote ("“…,” Peskov told Interfax"), before
// it ("Trump said, “…”", "Cruz continued:\n“…”") or not at all (a follow-on
// quote that continues the previous speaker). Partial and scare quotes
// ("a “very good chance” of") are left to the indirect rules.
#include <optional>

#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

constexpr size_t kCueWindow = 10;  // tokens between a quote and its cue

bool IsComma(const QTok& t) { return t.text == ","; }

// A quoted segment that is a statement of its own, not a phrase in a sentence.
bool IsFullQuote(const QuoteContext& c, const QuoteSegment& s) {
  const QuoteText& q = c.q;
  size_t first = s.open + 1;
  if (first > s.last || (s.closed && first == s.last)) return false;
  const QTok& f = q.tok[first];
  bool starts_ok = f.cap || !f.word;
  if (!starts_ok) return false;
  if (q.tok[s.open].para_start) return true;
  const QTok& p = q.tok[s.open - 1];
  if (c.sentence_end[s.open - 1] || p.text == ":" || IsComma(p) || p.text == "\u2014" || p.text == "(") return true;
  CueClass cls;
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
    int n = c.lx.MatchCue(c.q.lower, k, &cls);
    if (n > 0 && cls == CueClass::kPrep) {
      if (auto np = SpeakerAfter(c.q, c.lx, k + n, hi)) a->channel = c.TextOf(np->b, np->e);
      return;
    }
  }
}

// A cue in tokens [b, e) after a quote, with its speaker.
std::optional<Attribution> FindAfter(const QuoteContext& c, size_t b, size_t e) {
  CueClass cls;
  for (size_t k = b; k < e && k < b + kCueWindow; ++k) {
    if (c.segment_of[k] >= 0) break;
    int n = c.lx.MatchCue(c.q.lower, k, &cls);
    if (n == 0 || cls == CueClass::kBelief) continue;
    std::optional<SpeakerNP> sp;
    if (cls == CueClass::kSpeech) sp = SpeakerBefore(c.q, c.lx, k, b);
    if (!sp) sp = SpeakerAfter(c.q, c.lx, k + n, e);
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
  for (size_t k = e; k > b && k + kCueWindow > e; --k) {
    size_t i = k - 1;
    if (c.segment_of[i] >= 0) break;
    int n = c.lx.MatchCue(c.q.lower, i, &cls);
    if (n == 0 || cls == CueClass::kBelief || i + n > e) continue;
    std::optional<SpeakerNP> sp =
        cls == CueClass::kPrep ? SpeakerAfter(c.q, c.lx, i + n, e) : SpeakerBefore(c.q, c.lx, i, b);
    if (!sp) continue;
    Attribution a{i, i + n, *sp, std::nullopt};
    FindChannel(c, e, &a);
    return a;
  }
  // "Trump: “…”" — a bare name and a colon.
  if (e > b + 1 && c.q.tok[e - 1].text == ":") {
    auto sp = SpeakerBefore(c.q, c.lx, e - 1, b);
    if (sp && sp->b == b && !sp->pronoun) return Attribution{e - 1, e, *sp, std::nullopt};
  }
  return std::nullopt;
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
  for (size_t k = tail_b; k < tail_e; ++k)
    if (c.segment_of[k] >= 0) tail_e = k;
  bool comma = (s.last > 0 && IsComma(q.tok[s.last - 1])) || (tail_b < tail_e && IsComma(q.tok[tail_b]));
  std::optional<Attribution> a;
  if (comma) a = FindAfter(c, tail_b, tail_e);
  if (!a) a = FindBefore(c, head_b, s.open);
  if (!a && !comma) a = FindAfter(c, tail_b, tail_e);
  // "Cruz continued:" ending the previous paragraph.
  if (!a && q.tok[s.open].para_start && s.open > 0 && q.tok[s.open - 1].text == ":") {
    size_t pe = s.open - 1;
    a = FindBefore(c, c.SentenceBegin(pe), pe);
  }
  return a;
}

}  // namespace

void ExtractDirect(QuoteContext* c, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  std::optional<Previous> prev;
  for (const QuoteSegment& s : c->segments) {
    if (!IsFullQuote(*c, s)) continue;
    int para = q.tok[s.open].para;
    size_t head_b = c->SentenceBegin(s.open);
    if (prev && prev->last + 1 > head_b && prev->last < s.open) head_b = prev->last + 1;
    std::optional<Attribution> a = Attribute(*c, s, head_b);
    bool adjacent = prev && prev->para == para && !q.tok[s.open].para_start;
    bool same_cue = a && prev && a->cue_b == prev->cue_b;
    if (adjacent && (!a || same_cue)) {
      // Split quote or a follow-on sentence in the same paragraph.
      Quote& pq = (*out)[prev->quote];
      pq.spans.insert(pq.spans.end(), s.spans.begin(), s.spans.end());
      prev->last = s.last;
      prev->para = q.tok[s.last].para;
      continue;
    }
    ResolvedSpeaker who;
    Quote quote;
    if (a) {
      quote = c->MakeQuote(s.spans, "direct", &*a, prev ? prev->speaker : std::nullopt, &who);
      for (size_t k = a->cue_b; k < a->cue_e; ++k) c->used[k] = true;
    } else {
      bool follow_on = prev && prev->speaker && q.tok[s.open].para_start && prev->para + 1 == para;
      bool standalone = q.tok[s.open].para_start || head_b == s.open;
      if (!follow_on && !standalone) continue;
      quote = c->MakeQuote(s.spans, "direct", nullptr, std::nullopt, &who);
      if (follow_on) {
        const Quote& pq = (*out)[prev->quote];
        quote.speaker = pq.speaker;
        quote.speaker_name = pq.speaker_name;
        quote.speaker_span = pq.speaker_span;
        quote.channel = pq.channel;
        who = *prev->speaker;
      }
    }
    for (size_t k = s.open; k <= s.last; ++k) c->used[k] = true;
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
