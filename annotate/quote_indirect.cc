// Indirect speech: a cue outside direct quotes with its speaker and the
// reported content.
//   A  "Zelensky said on April 21 that he was still waiting …"   (content after)
//   B  "Russia is open to direct talks, Putin claims."           (content before)
//   C  "According to Reuters, …" / "…, according to Reuters."     (prepositional)
// The content keeps a leading "that" and any partial quotes inside it.
#include <limits>
#include <unordered_set>

#include "annotate/quote_ends.h"
#include "annotate/quote_filter.h"
#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

constexpr size_t kMinContent = 1;    // tokens ("said so", "said no")
constexpr size_t kThatWindow = 7;    // tokens between a cue and its "that"
constexpr size_t kLongThatWindow = 16;
constexpr size_t kMaxModifiers = 4;  // words between a comma and a role noun  // the same after a prepositional phrase

bool Terminal(std::string_view t) { return t == "." || t == "!" || t == "?" || t == ";"; }

bool IsParticiple(const std::string& l) { return l.size() > 5 && l.compare(l.size() - 3, 3, "ing") == 0; }

// Content [b, e) trimmed of edge punctuation; false when too short or when
// it is only an already-extracted direct quote.
bool TrimContent(const QuoteContext& c, size_t* b, size_t* e) {
  const QuoteText& q = c.q;
  while (*b < *e && (q.tok[*b].text == "," || q.tok[*b].text == ":")) ++*b;
  while (*e > *b && (Terminal(q.tok[*e - 1].text) || q.tok[*e - 1].text == ",")) --*e;
  if (*e - *b < kMinContent) return false;
  size_t used = 0;
  for (size_t k = *b; k < *e; ++k) used += c.used[k];
  return used * 2 < *e - *b;
}

Span SpanOf(const QuoteText& q, size_t b, size_t e) { return {q.tok[b].span.begin, q.tok[e - 1].span.end}; }

bool IsPreposition(const std::string& l) {
  return l == "on" || l == "in" || l == "at" || l == "during" || l == "to" || l == "after" || l == "before" ||
         l == "from" || l == "with" || l == "while" || l == "for" || l == "via" || l == "through";
}

// Where the content after a cue starts: at a "that" close by, else right
// after the cue and its channel. After a prepositional phrase ("said on
// ABC's “This Week” that …", "said Thursday during a taping in Buffalo, New
// York, that …") the "that" may be further away.
size_t ContentStart(const QuoteContext& c, size_t after, size_t hi) {
  bool phrase = after < hi && IsPreposition(c.q.lower[after]);
  size_t window = phrase ? kLongThatWindow : kThatWindow;
  CueClass cls;
  for (size_t k = after; k < hi && k < after + window; ++k) {
    if (c.q.lower[k] == "that") return k;
    if (!phrase && (c.q.tok[k].text == "," || c.segment_of[k] >= 0)) break;
    if (phrase && (Terminal(c.q.tok[k].text) || c.lx.MatchCue(c.q.lower, k, &cls) > 0)) break;
  }
  return after;
}

// "said, for example, that …", "said, without evidence, that …": a short
// aside between a cue and its "that". Returns the "that", else `after`.
size_t SkipAside(const QuoteContext& c, size_t after, size_t hi) {
  if (after >= hi || c.q.tok[after].text != ",") return after;
  for (size_t j = after + 1; j < hi && j < after + kThatWindow + 2; ++j) {
    if (Terminal(c.q.tok[j].text) || c.segment_of[j] >= 0) break;
    if (c.q.tok[j].text == ",") return j + 1 < hi && c.q.lower[j + 1] == "that" && j > after + 1 ? j + 1 : after;
  }
  return after;
}

bool CuePreposition(const std::string& l) {
  return l == "about" || l == "for" || l == "of" || l == "on" || l == "with" || l == "against" || l == "at" ||
         l == "over";
}

bool PastTense(const QTok& t, const std::string& l) {
  return !t.cap && l.size() > 4 && l.compare(l.size() - 2, 2, "ed") == 0;
}

// Where content that runs on after a cue stops: at ", but …", ", adding …",
// a participle clause (", allowing …"), or a second verb of the subject
// ("… and promised to …", "… but said …").
size_t ClauseEnd(const QuoteContext& c, size_t b, size_t e) {
  const QuoteText& q = c.q;
  static const auto* stops = new std::unordered_set<std::string>{
      "but", "adding", "saying", "noting", "although", "though", "whereas", "citing",
      "arguing", "according", "which", "while"};
  CueClass cls;
  for (size_t k = b + kMinContent; k + 1 < e; ++k) {
    if (c.segment_of[k] >= 0) continue;
    const std::string& next = q.lower[k + 1];
    if (q.tok[k].text == ";") return k;
    // ", reflecting …" runs on (PolNeAR train: the content goes on in 3 of 5
    // such clauses); a participle cue (", citing …") is its own attribution.
    if (q.tok[k].text == "," &&
        (stops->count(next) || (IsParticiple(next) && !q.tok[k + 1].cap && c.CueAt(k + 1, &cls) > 0)))
      return k;
    // "… but promised", "… and said": a second verb of the subject. After
    // "and" a past tense that is no cue mostly continues the content.
    if ((q.lower[k] == "but" && PastTense(q.tok[k + 1], next)) ||
        ((q.lower[k] == "and" || q.lower[k] == "but") && c.lx.MatchCue(q.lower, k + 1, &cls) > 0 &&
         !q.tok[k + 1].cap))
      return k;
    // "…, and 59 percent said …": a coordinated clause with its own
    // attribution ends this content.
    if (c.CueAt(k + 1, &cls) > 0 && (cls == CueClass::kSpeech || cls == CueClass::kBelief)) {
      auto sp = ClauseSubject(q, c.lx, k + 1, b);
      if (sp && sp->b > b + kMinContent) {
        size_t t = sp->b - 1;
        bool joint = q.tok[t].text == "," || q.lower[t] == "and" || q.lower[t] == "but";
        if (joint) return t > b && q.tok[t - 1].text == "," ? t - 1 : t;
      }
    }
  }
  return e;
}

// Adds the quote unless the learned filter (quote_filter.h) rejects it.
bool Emit(QuoteContext* c, char pattern, std::vector<Span> spans, const Attribution& a, std::vector<Quote>* out) {
  double score;
  if (!KeepExtraction(*c, pattern, spans, a, &score)) return false;
  ResolvedSpeaker who;
  out->push_back(c->MakeQuote(std::move(spans), "indirect", &a, c->SpeakerBeforeToken(a.cue_b), &who));
  c->filter_scores.resize(out->size() - 1, std::numeric_limits<double>::quiet_NaN());
  c->filter_scores.push_back(score);
  for (size_t k = a.cue_b; k < a.cue_e; ++k) c->used[k] = true;
  if (who.name) c->speakers.push_back({a.cue_b, who});
  return true;
}

bool DateWord(const QTok& t, const std::string& l) {
  static const auto* s = new std::unordered_set<std::string>{
      "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
      "yesterday", "week", "month", "year", "morning", "evening", "night", "afternoon", ",", "the", "sept.",
      "jan.", "feb.", "aug.", "oct.", "nov.", "dec."};
  return (!t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9') || s->count(l);
}

// Skips "on April 21" / "last week" / "Tuesday" at k; returns the new position.
size_t SkipDate(const QuoteText& q, size_t k, size_t hi) {
  size_t j = k;
  if (j < hi && (q.lower[j] == "on" || q.lower[j] == "last" || q.lower[j] == "this" || q.lower[j] == "earlier"))
    ++j;
  size_t d = j;
  bool date = false;
  while (d < hi && d < j + 4 && DateWord(q.tok[d], q.lower[d])) {
    date = date || (q.lower[d] != "the" && q.lower[d] != ",");
    ++d;
  }
  return date ? d : k;
}

// Content that ends right before an attribution starting at `first`: "…,"
// or a quote closed after its comma ("may be “strategic,” said …"). Returns
// the content end (exclusive, the mark kept), 0 when neither.
size_t ContentEndBefore(const QuoteText& q, size_t first, size_t sb) {
  if (first <= sb + 1) return 0;
  if (q.tok[first - 1].text == ",") return first - 1;
  if (IsDoubleMark(q.tok[first - 1].text) && first > sb + 2 && q.tok[first - 2].text == ",") return first;
  return 0;
}

// Whether token k opens an appositive or relative phrase after a name.
bool AppositiveStart(const QuoteText& q, size_t k) {
  static const auto* s = new std::unordered_set<std::string>{
      "a", "an", "the", "who", "which", "whose", "where", "more", "less", "including", "and", "but", "or",
      "one", "its", "his", "her", "their"};
  return s->count(q.lower[k]) > 0 || (!q.tok[k].text.empty() && q.tok[k].text[0] >= '0' && q.tok[k].text[0] <= '9');
}

// Pattern C.
bool TryPrep(QuoteContext* c, size_t k, int n, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  size_t sb = c->SentenceBegin(k), se = c->SentenceEnd(k);
  // The source is everything up to the comma: "according to figures her campaign released".
  size_t f = k + n;
  while (f < se && f < k + n + 14 && q.tok[f].text != "," && !Terminal(q.tok[f].text)) ++f;
  if (f == k + static_cast<size_t>(n)) return false;
  SpeakerNP src;
  src.b = k + n;
  src.e = f;
  auto named = SpeakerAfter(q, c->lx, k + n, f);
  src.name_b = named ? named->name_b : f;
  src.name_e = named ? named->name_e : f;
  src.role_only = !named || named->role_only;
  std::optional<SpeakerNP> sp = src;
  Attribution a{k, k + n, *sp, std::nullopt};
  size_t b, e;
  if (k == sb) {
    b = sp->e;
    e = se;
  } else if (size_t cut = ContentEndBefore(q, k, sb); cut > 0) {
    b = sb;
    e = cut;
  } else {
    return false;
  }
  if (!TrimContent(*c, &b, &e)) return false;
  std::vector<Span> spans = {SpanOf(q, b, e)};
  // "Fundraising, according to the campaign, has surged": both halves —
  // unless the comma opens an appositive of the source ("according to
  // Leonard Burman, a former tax aide, …").
  size_t b2 = f, e2 = se;
  if (k != sb && f < se && q.tok[f].text == "," && TrimContent(*c, &b2, &e2) && !AppositiveStart(q, b2))
    spans.push_back(SpanOf(q, b2, e2));
  Emit(c, 'C', std::move(spans), a, out);
  return true;
}

// Whether the speaker phrase opens a subordinate clause: a relative pronoun
// ("who", "which") or a sentence opened by "If"/"When"/"While"/"As"/"Although"
// (after "But", "And", "Even", …).
bool SubordinateCue(const QuoteText& q, const SpeakerNP& sp, size_t sb) {
  static const auto* openers = new std::unordered_set<std::string>{
      "if", "when", "while", "as", "although", "though", "because", "since", "whether", "unless", "after", "before"};
  // Conjunctions and focus adverbs may come first: "But while …", "Even as …".
  static const auto* lead = new std::unordered_set<std::string>{"and", "but", "so", "yet", "or", "even", "only", "just"};
  if (sp.e > sp.b && (q.lower[sp.e - 1] == "who" || q.lower[sp.e - 1] == "which")) return true;
  size_t i = sb;
  while (i < sp.b && i < sb + 2 && lead->count(q.lower[i]) > 0) ++i;
  return i < q.tok.size() && openers->count(q.lower[i]) > 0 && sp.b <= i + 1;
}

// The first comma outside quotes in [b, e), else e.
size_t CommaAfter(const QuoteContext& c, size_t b, size_t e) {
  for (size_t k = b + 1; k < e; ++k)
    if (c.q.tok[k].text == "," && c.segment_of[k] < 0) return k;
  return e;
}

bool IsDeterminer(const std::string& l) {
  return l == "the" || l == "a" || l == "an" || l == "his" || l == "her" || l == "their" || l == "its" ||
         l == "this" || l == "that" || l == "these" || l == "those";
}

bool IsOwner(const std::string& l) { return l == "his" || l == "her" || l == "their" || l == "its"; }

bool IsApostropheS(std::string_view t) { return t == "'s" || t == "\u2019s" || t == "'" || t == "\u2019"; }

// G: "Mrs. Clinton and Mr. Sanders appeared to be locked in a close race" —
// a raising verb: the subject and the rest of the clause are the content
// (two spans around the cue); there is no source.
bool TryRaise(QuoteContext* c, size_t k, int n, size_t sb, size_t se, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  auto subj = ClauseSubject(q, c->lx, k, sb);
  size_t b = k + n;
  if (!subj || b >= se) return false;
  size_t e = ClauseEnd(*c, b, se);
  if (SubordinateCue(q, *subj, sb)) e = std::min(e, CommaAfter(*c, b, e));
  int confidence = -1;
  e = ChooseEnd(*c, EndPattern::kRaise, k, b, e, se, &confidence);
  size_t sb2 = subj->b, se2 = subj->e;
  if (!TrimContent(*c, &b, &e) || c->used[sb2]) return false;
  Attribution a{k, k + static_cast<size_t>(n), SpeakerNP{}, std::nullopt, false, confidence};
  Emit(c, 'G', {SpanOf(q, sb2, se2), SpanOf(q, b, e)}, a, out);
  return true;
}

// "… is expected to …", "… was not believed to …": a passive cue followed
// by "to" reads like a raising verb.
bool Passive(const QuoteText& q, size_t k, int n, size_t sb) {
  static const auto* be = new std::unordered_set<std::string>{"is", "are", "was", "were", "be", "been", "being",
                                                               "\u2019s", "'s"};
  const std::string& cue = q.lower[k + n - 1];
  if (cue.size() < 4 || cue.compare(cue.size() - 2, 2, "ed") != 0) return false;
  if (k + n >= q.tok.size() || q.lower[k + n] != "to") return false;
  size_t j = k;
  while (j > sb && (q.lower[j - 1] == "not" || q.lower[j - 1] == "n't" || q.lower[j - 1] == "widely" ||
                    q.lower[j - 1] == "also" || q.lower[j - 1] == "still"))
    --j;
  return j > sb && be->count(q.lower[j - 1]) > 0;
}

// A speakerless quote whose cue sits in sentence [sb, …) after an earlier
// attribution of the same sentence ("“…,” Mr. Morrison said, referring to
// …") takes that attribution's speaker.
void InheritSentenceSpeaker(const QuoteContext& c, size_t sb, size_t k, Quote* quote) {
  const std::pair<size_t, ResolvedSpeaker>* best = nullptr;
  for (const auto& s : c.speakers)
    if (s.first >= sb && s.first < k && (!best || s.first > best->first)) best = &s;
  if (!best) return;
  quote->speaker = best->second.id;
  quote->speaker_name = best->second.name;
}

// Patterns A and B for a verb cue at k.
bool TryVerb(QuoteContext* c, size_t k, int n, CueClass cls, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  size_t sb = c->SentenceBegin(k), se = c->SentenceEnd(k);
  if (cls == CueClass::kRaise || Passive(q, k, n, sb)) return TryRaise(c, k, n, sb, se, out);
  auto before = SpeakerBefore(q, c->lx, k, sb);
  // "Nicole Hargrove, a 14-year Carrier worker, said …", "… and said …":
  // the subject of the sentence.
  bool subject_cue = false;
  // "Trump mocked her, saying she …": a participle clause reports for the
  // subject of the sentence.
  bool participle = k > sb && IsParticiple(q.lower[k]) && q.tok[k - 1].text == ",";
  // The verb group may open with auxiliaries and adverbs ("…, is pledging",
  // "… and has called for").
  const size_t v = participle ? k : VerbGroupStart(q, k, sb);
  if (!before && v > sb && (q.tok[v - 1].text == "," || q.lower[v - 1] == "and" || q.lower[v - 1] == "but") &&
      k + n < se && q.tok[k + n].text != ",") {
    before = c->SubjectOf(sb, v);
    // After a comma the subject must be followed by its appositive or
    // clause ("Nicole Hargrove, a … worker, said"), not by its own verb.
    if (before && !participle && q.tok[v - 1].text == "," && before->e < v && !q.tok[before->e].word &&
        q.tok[before->e].text != "," && q.tok[before->e].text != "(")
      before.reset();
    // "…, said Katie Harbath, …" is pattern B with an inverted speaker.
    if (auto inv = SpeakerAfter(q, c->lx, k + n, se);
        before && inv && inv->pronoun == false &&
        (inv->e >= se || q.tok[inv->e].text == "," || Terminal(q.tok[inv->e].text)))
      before.reset();
    subject_cue = before.has_value();
  }
  if (!before) before = ClauseSubject(q, c->lx, k, sb);
  bool speakerless = !before && participle;
  if (speakerless) before = SpeakerNP{};
  if (before) {
    // "plans to run": the infinitive is the content ("to run").
    size_t cue_e = k + n;
    if (n > 1 && q.lower[cue_e - 1] == "to" && cue_e < se && !q.tok[cue_e].cap && q.tok[cue_e].word &&
        !IsDeterminer(q.lower[cue_e]))
      --cue_e;
    Attribution a{k, cue_e, *before, std::nullopt, !speakerless};
    size_t after = cue_e;
    a.channel = c->ChannelAfter(after, se, &after);
    after = SkipDate(q, after, se);
    if (!a.channel) a.channel = c->ChannelAfter(after, se, &after);
    const size_t cue_end = after;
    after = SkipAside(*c, after, se);
    size_t b = ContentStart(*c, after, se);
    // "talked about policy", "called for a ban": the preposition belongs to
    // the cue (PolNeAR train: 9 in 10 such prepositions), not the content.
    if (b == after && b + 1 < se && CuePreposition(q.lower[b]) && q.tok[b + 1].word) ++b;
    size_t e = ClauseEnd(*c, b, se);
    // "Voters who want a continuation …, most support Clinton": a cue inside
    // a relative or adverbial clause reports only up to that clause's comma.
    // The end chooser may not go past that comma either.
    size_t reach = se;
    if (SubordinateCue(q, *before, sb)) reach = e = std::min(e, CommaAfter(*c, b, e));
    bool question = q.tok[se - 1].text == "?";
    // "As the paper noted, Clinton raised …": the main clause is the content.
    const size_t as = before->b;
    if (!speakerless && !question && cue_end < se && q.tok[cue_end].text == "," && as > sb &&
        q.lower[as - 1] == "as" &&
        (as - 1 == sb || (as - 2 == sb && (q.lower[sb] == "and" || q.lower[sb] == "but")))) {
      size_t b2 = cue_end + 1, e2 = ClauseEnd(*c, cue_end + 1, se);
      if (TrimContent(*c, &b2, &e2)) {
        Emit(c, 'A', {SpanOf(q, b2, e2)}, a, out);
        return true;
      }
    }
    // "… was reported by Politico": a passive agent, not content.
    bool runs_on = after < se && !Terminal(q.tok[after].text) && q.tok[after].text != "," && q.lower[after] != "by";
    if (!question && runs_on) e = ChooseEnd(*c, EndPattern::kVerb, k, b, e, reach, &a.end_confidence);
    if (!question && runs_on && TrimContent(*c, &b, &e)) {
      if (Emit(c, 'A', {SpanOf(q, b, e)}, a, out) && speakerless) InheritSentenceSpeaker(*c, sb, k, &out->back());
      return true;
    }
    if (speakerless) return false;
  }
  if (cls != CueClass::kSpeech || subject_cue) return false;
  // B: "…, Putin claims." / "…, said Peskov."
  std::optional<SpeakerNP> sp = before;
  if (!sp && q.lower[k].size() > 4 && q.lower[k].compare(q.lower[k].size() - 3, 3, "ing") == 0) return false;
  if (!sp) {
    sp = SpeakerAfter(q, c->lx, k + n, se);
    if (!sp) return false;
    size_t f = sp->e;
    bool ends = f >= se || Terminal(q.tok[f].text) || q.tok[f].text == "," || q.lower[f] == "on" ||
                q.lower[f] == "in" || q.lower[f] == "at" || q.lower[f] == "last";
    if (!ends) return false;
  }
  size_t first = std::min(sp->b, k);
  size_t cut = ContentEndBefore(q, first, sb);
  // "…, the congressional report said": modifiers before a role noun.
  for (size_t f = first; cut == 0 && f > sb && first - f < kMaxModifiers && q.tok[f - 1].word; --f) {
    cut = ContentEndBefore(q, f - 1, sb);
    if (cut > 0 && sp->b < k) sp->b = f - 1;
  }
  if (cut == 0) return false;
  first = std::min(sp->b, k);
  Attribution a{k, k + static_cast<size_t>(n), *sp, std::nullopt};
  size_t end;
  a.channel = c->ChannelAfter(std::max(k + n, sp->e), se, &end);
  size_t b = sb, e = cut;
  if (!TrimContent(*c, &b, &e)) return false;
  std::vector<Span> spans = {SpanOf(q, b, e)};
  // "If the law conflicts, Rubio said, Christians must ignore it.": the rest too.
  size_t last = std::max(k + static_cast<size_t>(n), sp->e);
  if (a.channel) last = std::max(last, end);
  size_t b2 = last, e2 = se;
  if (sp->b < k && b2 < se && q.tok[b2].text == "," && TrimContent(*c, &b2, &e2)) spans.push_back(SpanOf(q, b2, e2));
  Emit(c, 'B', std::move(spans), a, out);
  return true;
}

// D: "Asked whether Clinton has the integrity …, 75 percent said …" — a
// question put to someone not named; the question runs to the comma and
// has no speaker.
bool TryAsked(QuoteContext* c, size_t k, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  if (q.lower[k] != "asked" || k + 1 >= q.tok.size()) return false;
  size_t sb = c->SentenceBegin(k), se = c->SentenceEnd(k);
  const std::string& prev = k > sb ? q.lower[k - 1] : "";
  if (!(k == sb || prev == "when" || prev == "after" || prev == "once" || prev == "if" || prev == "being"))
    return false;
  size_t b = k + 1;
  if (q.lower[b] == "about") ++b;
  size_t e = CommaAfter(*c, b, se);
  if (e >= se || !TrimContent(*c, &b, &e)) return false;
  Attribution a{k, k + 1, SpeakerNP{}, std::nullopt, false};
  Emit(c, 'D', {SpanOf(q, b, e)}, a, out);
  return true;
}

// F: a noun cue with its holder and content: "Trump's assertion that …",
// "his criticism of the plan", "attacks on Mr. Clinton". The holder is the
// possessive before the noun (a few adjectives may sit between); content
// after "that" keeps it, after a preposition starts past it, and stops at a
// comma.
bool TryNoun(QuoteContext* c, size_t k, int n, std::vector<Quote>* out) {
  static const auto* preps = new std::unordered_set<std::string>{"of", "about", "on", "for", "to", "against"};
  const QuoteText& q = c->q;
  size_t se = c->SentenceEnd(k), sb = c->SentenceBegin(k);
  size_t after = k + n;
  if (after + 1 >= se) return false;
  size_t b;
  if (q.lower[after] == "that") {
    b = after;
  } else if (n > 1 && preps->count(q.lower[after - 1])) {
    b = after;  // "attacks on Clinton": the preposition is part of the cue
  } else if (preps->count(q.lower[after])) {
    b = after + 1;
  } else {
    return false;
  }
  size_t e = std::min(ClauseEnd(*c, b, se), CommaAfter(*c, b, se));
  int confidence = -1;
  e = ChooseEnd(*c, EndPattern::kNoun, k, b, e, se, &confidence);
  if (!TrimContent(*c, &b, &e)) return false;
  // The holder: "his", "Trump's", "Mr. Trump's continual".
  size_t j = k;
  for (int adj = 0; adj < 2 && j > sb && !q.tok[j - 1].cap && q.tok[j - 1].word && !IsOwner(q.lower[j - 1]) &&
                    q.lower[j - 1] != "the" && q.lower[j - 1] != "a" && q.lower[j - 1] != "an";
       ++adj)
    --j;
  Attribution a{k, k + static_cast<size_t>(n), SpeakerNP{}, std::nullopt, false, confidence};
  if (j > sb && IsOwner(q.lower[j - 1])) {
    a.speaker.b = j - 1;
    a.speaker.e = j;
    a.speaker.pronoun = true;
    a.speaker.name_b = a.speaker.name_e = j;
    a.has_speaker = true;
  } else if (j > sb + 1 && IsApostropheS(q.tok[j - 1].text)) {
    if (auto sp = SpeakerBefore(q, c->lx, j - 1, sb); sp && !sp->pronoun) {
      a.speaker = *sp;
      a.speaker.e = j;
      a.has_speaker = true;
    }
  }
  Emit(c, 'F', {SpanOf(q, b, e)}, a, out);
  return true;
}

constexpr size_t kMaxHeadline = 40;  // tokens of a headline paragraph
constexpr size_t kMaxLabel = 6;      // tokens before a headline colon
constexpr size_t kMinHeadlineContent = 3;  // tokens ("Sanders: 46" is a tally)

// E: a headline "Graham: Trump's Hateful Rhetoric Destroying GOP's Chance" —
// a short paragraph that opens with a name and a colon. Labels ("WATCH:",
// "UPDATE:") are not speakers.
void TryHeadlines(QuoteContext* c, std::vector<Quote>* out) {
  static const auto* labels = new std::unordered_set<std::string>{
      "watch", "update", "updated", "related", "note", "photo", "photos", "video", "breaking", "exclusive",
      "opinion", "analysis", "listen", "read", "see", "editor", "editors", "credit",
      "correction", "advertisement", "share", "q", "a", "live", "latest"};
  const QuoteText& q = c->q;
  for (const auto& [pb, pe] : q.paras) {
    if (pe - pb > kMaxHeadline || pe - pb < 4) continue;
    size_t colon = pb;
    while (colon < pe && colon < pb + kMaxLabel + 1 && q.tok[colon].text != ":") ++colon;
    if (colon >= pe || q.tok[colon].text != ":" || colon == pb || c->used[colon]) continue;
    if (labels->count(q.lower[colon - 1]) || c->segment_of[colon + 1 < pe ? colon + 1 : colon] >= 0) continue;
    auto sp = SpeakerAfter(q, c->lx, pb, colon);
    if (!sp || sp->e != colon || sp->pronoun) continue;
    size_t b = colon + 1, e = pe;
    if (!TrimContent(*c, &b, &e) || e - b < kMinHeadlineContent) continue;
    Attribution a{colon, colon + 1, *sp, std::nullopt};
    Emit(c, 'E', {SpanOf(q, b, e)}, a, out);
  }
}

// A cue in no list that the learned model (quote_cue_model.h) scores as
// one: after a determiner or possessive it reads as a noun cue ("his attacks
// on …"), else as a belief verb (content after it only).
bool TryLearned(QuoteContext* c, size_t k, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  CueClass cls;
  if (c->lx.MatchCue(q.lower, k, &cls) > 0 || !c->lx.cue_model().IsCue(q, k)) return false;
  if (k > 0 && (IsDeterminer(q.lower[k - 1]) || IsApostropheS(q.tok[k - 1].text) || q.lower[k - 1] == "our"))
    return TryNoun(c, k, 1, out);
  return TryVerb(c, k, 1, CueClass::kBelief, out);
}

}  // namespace

void ExtractIndirect(QuoteContext* c, std::vector<Quote>* out) {
  const QuoteText& q = c->q;
  TryHeadlines(c, out);
  CueClass cls;
  for (size_t k = 0; k < q.tok.size(); ++k) {
    if (c->used[k] || c->segment_of[k] >= 0) continue;
    if (TryAsked(c, k, out)) continue;
    int n = c->CueAt(k, &cls);
    if (n == 0) {
      TryLearned(c, k, out);
      continue;
    }
    // A listed belief or noun cue that the learned model scores very low
    // ("the plan has support among …") is skipped.
    const CueModel& m = c->lx.cue_model();
    if (n == 1 && (cls == CueClass::kBelief || cls == CueClass::kNoun) && !m.empty() && CueModel::Candidate(q, k) &&
        m.Score(q, k) <= m.filter())
      continue;
    bool ok = cls == CueClass::kPrep   ? TryPrep(c, k, n, out)
              : cls == CueClass::kNoun ? TryNoun(c, k, n, out)
                                       : TryVerb(c, k, n, cls, out);
    if (ok) k += n - 1;
  }
}

}  // namespace dateline::quotes
