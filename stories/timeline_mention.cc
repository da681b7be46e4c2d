// Collecting event mentions for the timeline: sentence text, keys, dates from
// text and context. See timeline.h for the rules.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "base/hash.h"
#include "base/utf8.h"
#include "stories/timeline_mention.h"

namespace dateline::timeline {
namespace {

std::string Slice(const std::string& text, const utf8::OffsetMap& map, const Span& span) {
  size_t b = map.ToByte(span.begin), e = map.ToByte(span.end);
  if (b > text.size() || e > text.size() || b >= e) return "";
  return text.substr(b, e - b);
}

std::set<std::string> ContentWords(const std::string& s) {
  std::set<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (w.size() >= 4) {
      if (w.back() == 's') w.pop_back();
      out.insert(w);
    }
    w.clear();
  }
  return out;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

// The quoted words of the quote a statement event stands for.
std::optional<std::string> QuoteText(const Document& doc, const utf8::OffsetMap& map, const Event& e) {
  for (const Quote& q : doc.quotes) {
    bool anchored = (q.cue_span && *q.cue_span == e.span) || (q.speaker_span && *q.speaker_span == e.span) ||
                    (!q.spans.empty() && q.spans.front() == e.span);
    if (!anchored) continue;
    std::string out;
    for (const Span& s : q.spans) out += (out.empty() ? "" : " ... ") + Trimmed(Slice(doc.text, map, s));
    if (!out.empty()) return out;
  }
  return std::nullopt;
}

std::string EntityLinkOr(const Document& doc, const std::optional<std::string>& id, const std::string& name) {
  if (id)
    for (const Entity& ent : doc.entities)
      if (ent.id == *id) return ent.link ? *ent.link : ent.name;
  return name;
}

}  // namespace

std::string NameKey(const std::string& name) {
  std::string last, w;
  for (size_t i = 0; i <= name.size(); ++i) {
    char c = i < name.size() ? name[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == ' ' || c == '-') {
      if (!w.empty()) last = w;
      w.clear();
    }
  }
  return last.substr(0, 6);
}

bool IsDay(const std::string& d) { return d.size() == 10 && d[4] == '-' && d[7] == '-'; }

bool DatesCompatible(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (IsDay(a) && IsDay(b)) return false;
  return (a.size() < b.size() && b.compare(0, a.size(), a) == 0 && b[a.size()] == '-') ||
         (b.size() < a.size() && a.compare(0, b.size(), b) == 0 && a[b.size()] == '-');
}

void CollectMentions(const Document& doc, const TimelineOptions& options, TimelineDoc* reduced) {
  utf8::OffsetMap map(doc.text);
  std::string published = doc.published && doc.published->size() >= 10 ? doc.published->substr(0, 10) : "";
  std::vector<Mention>& out = reduced->mentions;
  std::vector<std::string>& strings = reduced->strings;
  std::unordered_map<std::string, uint32_t> index;  // string -> its place in strings
  auto intern = [&](std::string v) {
    auto [at, added] = index.emplace(std::move(v), static_cast<uint32_t>(strings.size()));
    if (added) strings.push_back(at->first);
    return at->second;
  };
  if (!published.empty()) reduced->published_day = intern(published);
  std::map<int64_t, uint32_t> line_of;  // sentence index -> its place in reduced->sentences
  for (size_t k = 0; k < doc.events.size(); ++k) {
    const Event& e = doc.events[k];
    if (!TimelineReads(e) || e.sentence < 0 || e.sentence >= static_cast<int64_t>(doc.sentences.size())) continue;
    Mention m;
    m.order = static_cast<uint32_t>(k);
    m.type = intern(e.type);
    m.planned = e.status == "planned";
    if (e.date) {
      m.date = intern(*e.date);
      m.basis = Mention::Basis::kText;
    }
    const std::string actor_name = e.actor_name.value_or(""), place_name = e.place_name.value_or("");
    m.actor_name = intern(actor_name);
    m.actor_key = intern(NameKey(EntityLinkOr(doc, e.actor, actor_name)));
    m.target_name = intern(e.target_name.value_or(""));
    m.place_name = intern(place_name);
    m.place_key = intern(NameKey(EntityLinkOr(doc, e.place, place_name)));
    m.sentence_index = e.sentence;
    auto [at, added] = line_of.emplace(e.sentence, static_cast<uint32_t>(reduced->sentences.size()));
    m.line = at->second;
    if (added) {
      reduced->sentences.push_back(Trimmed(Slice(doc.text, map, doc.sentences[e.sentence])));
      std::vector<uint64_t> keys;
      for (const std::string& w : ContentWords(reduced->sentences.back())) keys.push_back(Hash64(w));
      std::sort(keys.begin(), keys.end());
      reduced->words.push_back(std::move(keys));
    }
    if (e.type == "STATEMENT")
      if (std::optional<std::string> q = QuoteText(doc, map, e)) m.quote = intern(std::move(*q));
    m.counts.assign(e.counts.begin(), e.counts.end());
    out.push_back(std::move(m));
  }
  // Context dates, in text order so that a statement dated from context dates
  // the next: a statement takes the date of the nearest dated statement up to
  // context_sentences before it; an event that of a same-type event up to
  // continuation_sentences before it; what a dated statement reports, the
  // statement's date.
  auto str = [&](uint32_t i) -> const std::string& { return strings[i]; };
  auto statement = [&](const Mention& x) { return str(x.type) == "STATEMENT"; };
  for (size_t i = 0; i < out.size(); ++i) {
    Mention& m = out[i];
    if (m.date != Mention::kNone) continue;
    const Mention* from = nullptr;
    for (size_t j = 0; j < out.size(); ++j) {
      const Mention& p = out[j];
      if (j == i || p.date == Mention::kNone || !IsDay(str(p.date)) ||
          (!published.empty() && str(p.date) > published))
        continue;
      int64_t gap = m.sentence_index - p.sentence_index;
      bool text = p.basis == Mention::Basis::kText, p_statement = statement(p);
      bool ok = false;
      if (statement(m) && p_statement && j < i) ok = gap >= 0 && gap <= options.context_sentences;
      if (!ok && m.type == p.type && text && j < i) ok = gap >= 0 && gap <= options.continuation_sentences;
      if (!ok && gap == 0 && p_statement && text && !statement(m)) ok = true;
      if (ok && (!from || p.sentence_index > from->sentence_index ||
                 (p.sentence_index == from->sentence_index && p.order > from->order)))
        from = &p;
    }
    if (from) {
      m.date = from->date;
      m.basis = Mention::Basis::kContext;
    }
  }
}

}  // namespace dateline::timeline
