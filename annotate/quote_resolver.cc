// SpeakerResolver (declared in quote_speakers.h): speaker phrase -> entity
// and full name.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "annotate/quote_speakers.h"

namespace dateline::quotes {
namespace {

size_t TokenAt(const QuoteText& q, int64_t cp) {
  auto it = std::lower_bound(q.tok.begin(), q.tok.end(), cp,
                             [](const QTok& t, int64_t c) { return t.span.end <= c; });
  return static_cast<size_t>(it - q.tok.begin());
}

std::string LastWordLower(const std::string& name) {
  size_t sp = name.find_last_of(' ');
  std::string w = sp == std::string::npos ? name : name.substr(sp + 1);
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return w;
}

bool Overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

SpeakerResolver::SpeakerResolver(const QuoteText& q, const QuoteLexicon& lx, const Document& doc)
    : q_(q), lx_(lx), doc_(doc) {
  if (doc.entities.empty()) {
    IndexNames();
  } else {
    IndexEntities();
  }
  std::sort(mentions_.begin(), mentions_.end(),
            [](const Mention& a, const Mention& b) { return a.span < b.span; });
  Finish();
}

void SpeakerResolver::Finish() {
  std::unordered_map<std::string, int> best;
  for (size_t i = 0; i < mentions_.size(); ++i) {
    auto [it, fresh] = best.emplace(mentions_[i].last, static_cast<int>(i));
    if (!fresh && mentions_[i].name.size() > mentions_[it->second].name.size()) it->second = static_cast<int>(i);
  }
  for (Mention& m : mentions_) {
    m.full = best[m.last];
    const Mention& f = mentions_[m.full];
    if (m.entity >= 0) {
      m.person = doc_.entities[m.entity].type == "PERSON";
    } else {
      m.person = f.name.find(' ') != std::string::npos || !f.titles.empty() || !m.titles.empty();
    }
  }
}

std::string SpeakerResolver::TextOf(size_t b, size_t e) const {
  std::string s;
  for (size_t k = b; k < e; ++k) {
    if (k > b && q_.tok[k].space_before) s.push_back(' ');
    s.append(q_.tok[k].text);
  }
  return s;
}

// Title and role words just before token b (and inside [b, name_b)).
static std::vector<std::string> TitlesBefore(const QuoteText& q, const QuoteLexicon& lx, size_t b) {
  std::vector<std::string> out;
  for (size_t k = b; k > 0 && b - k < 5; --k) {
    const std::string& l = q.lower[k - 1];
    if (!lx.IsRole(l) && !(q.tok[k - 1].cap && !lx.IsStop(l))) break;
    if (lx.IsRole(l)) out.push_back(l);
  }
  return out;
}

void SpeakerResolver::IndexEntities() {
  for (size_t i = 0; i < doc_.entities.size(); ++i) {
    const Entity& ent = doc_.entities[i];
    for (const Span& s : ent.mentions) {
      Mention m;
      m.span = s;
      m.name = ent.name;
      m.last = LastWordLower(ent.name);
      m.entity = static_cast<int>(i);
      size_t t = TokenAt(q_, s.begin);
      if (t < q_.tok.size()) m.titles = TitlesBefore(q_, lx_, t);
      for (const std::string& r : ent.roles) m.titles.push_back(LastWordLower(r));
      mentions_.push_back(std::move(m));
    }
  }
}

bool SpeakerResolver::NameWord(size_t i) const {
  const QTok& t = q_.tok[i];
  if (!t.cap || lx_.IsStop(q_.lower[i]) || !lx_.PronounKind(q_.lower[i]).empty()) return false;
  CueClass cls;
  return lx_.MatchCue(q_.lower, i, &cls) == 0;
}

void SpeakerResolver::IndexNames() {
  const size_t n = q_.tok.size();
  // Words seen in lower case are common words when they open a sentence.
  std::unordered_set<std::string_view> common;
  for (size_t i = 0; i < n; ++i)
    if (q_.tok[i].word && !q_.tok[i].cap) common.insert(q_.tok[i].text);
  for (size_t i = 0; i < n;) {
    if (!NameWord(i)) {
      ++i;
      continue;
    }
    bool initial = q_.tok[i].para_start || (i > 0 && (q_.tok[i - 1].text == "." || IsDoubleMark(q_.tok[i - 1].text)));
    if (initial && common.count(q_.lower[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < n && NameWord(e) && (e == i || !q_.tok[e].para_start)) ++e;
    size_t b = i;
    while (b < e && (lx_.IsRole(q_.lower[b]) || q_.lower[b] == "the")) ++b;
    // Leading place/organisation qualifiers before a title stay titles:
    // "Kremlin Spokesperson Dmitry Peskov" -> name after the last role word.
    for (size_t k = b; k < e; ++k)
      if (lx_.IsRole(q_.lower[k]) && k + 1 < e) b = k + 1;
    if (b < e) {
      Mention m;
      m.span = {q_.tok[b].span.begin, q_.tok[e - 1].span.end};
      m.name = TextOf(b, e);
      m.last = q_.lower[e - 1];
      m.titles = TitlesBefore(q_, lx_, b);
      mentions_.push_back(std::move(m));
    }
    i = e;
  }
}

ResolvedSpeaker SpeakerResolver::FromMention(const Mention& m) const {
  ResolvedSpeaker r;
  r.at = m.span.begin;
  if (m.entity >= 0) {
    const Entity& ent = doc_.entities[m.entity];
    r.id = ent.id;
    r.name = StripTitles(ent.name);
    r.person = ent.type == "PERSON";
    return r;
  }
  // Fallback: the longest name in the document with the same last word.
  r.name = m.full >= 0 && mentions_[m.full].name.size() > m.name.size() ? mentions_[m.full].name : m.name;
  r.person = m.person;
  return r;
}

// "Kremlin Spokesperson Dmitry Peskov" -> "Dmitry Peskov": the words after
// the last title word that has a word after it.
std::string SpeakerResolver::StripTitles(const std::string& name) const {
  size_t start = 0, pos = 0;
  while (pos < name.size()) {
    size_t sp = name.find(' ', pos);
    if (sp == std::string::npos) break;
    std::string w = name.substr(pos, sp - pos);
    for (char& ch : w)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    if (lx_.IsRole(w)) start = sp + 1;
    pos = sp + 1;
  }
  return name.substr(start);
}

ResolvedSpeaker SpeakerResolver::ResolveName(const SpeakerNP& np) const {
  Span name{q_.tok[np.name_b].span.begin, q_.tok[np.name_e - 1].span.end};
  for (const Mention& m : mentions_)
    if (Overlaps(m.span, name)) return FromMention(m);
  // Entity mode: a surname the entity layer did not link -> the entity
  // with that last name word.
  if (!doc_.entities.empty()) {
    const std::string& last = q_.lower[np.name_e - 1];
    for (const Mention& m : mentions_)
      if (m.last == last && doc_.entities[m.entity].type == "PERSON") return FromMention(m);
  }
  ResolvedSpeaker r;
  r.name = TextOf(np.name_b, np.name_e);
  r.at = name.begin;
  return r;
}

ResolvedSpeaker SpeakerResolver::ResolveRole(const SpeakerNP& phrase) const {
  SpeakerNP np = phrase;
  // "voters who": the antecedent names the speaker.
  while (np.e > np.b + 1 && (q_.lower[np.e - 1] == "who" || q_.lower[np.e - 1] == "which" ||
                             q_.tok[np.e - 1].text == ","))
    --np.e;
  const std::string& head = q_.lower[np.e - 1];
  int64_t at = q_.tok[np.b].span.begin;
  bool definite = q_.lower[np.b] == "the" || np.name_b < np.name_e;
  if (definite) {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->span.begin >= at) continue;
      if (std::find(it->titles.begin(), it->titles.end(), head) != it->titles.end()) return FromMention(*it);
    }
  }
  ResolvedSpeaker r;
  size_t b = np.b;
  while (b + 1 < np.e && (q_.lower[b] == "the" || q_.lower[b] == "a" || q_.lower[b] == "an")) ++b;
  r.name = TextOf(b, np.e);
  r.at = at;
  return r;
}

ResolvedSpeaker SpeakerResolver::ResolvePronoun(const SpeakerNP& np,
                                                const std::optional<ResolvedSpeaker>& previous) const {
  std::string kind = lx_.PronounKind(q_.lower[np.b]);
  if (kind != "person") return {};
  int64_t at = q_.tok[np.b].span.begin;
  // The most recent person mentioned first in its sentence (a subject).
  const Mention* subject = nullptr;
  int last_sent = -2;
  for (const Mention& m : mentions_) {
    if (m.span.begin >= at) break;
    size_t t = TokenAt(q_, m.span.begin);
    int s = t < q_.sent.size() ? q_.sent[t] : -1;
    if (s == last_sent || !m.person) continue;
    last_sent = s;
    subject = &m;
  }
  if (previous && previous->person && (!subject || subject->span.begin < previous->at)) return *previous;
  if (subject) return FromMention(*subject);
  if (previous && previous->person) return *previous;
  return {};
}

ResolvedSpeaker SpeakerResolver::Resolve(const SpeakerNP& np, const std::optional<ResolvedSpeaker>& previous) const {
  if (np.pronoun) return ResolvePronoun(np, previous);
  if (np.role_only) return ResolveRole(np);
  return ResolveName(np);
}

}  // namespace dateline::quotes
