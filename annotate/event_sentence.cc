#include "annotate/event_sentence.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "annotate/time_calendar.h"

namespace dateline {
namespace {

constexpr int kClausePenalty = 6;  // words a clause boundary counts for in date attachment
constexpr int kMaxDateWords = 18;  // farther time expressions govern no trigger

bool IsUpperStart(std::string_view t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Z'; }
bool IsDigits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsClausePunct(std::string_view t) {
  return t == ";" || t == ":" || t == "(" || t == ")" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
         t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "?" || t == "!";
}

const std::set<std::string>& Prepositions() {
  static const std::set<std::string> k = {"in", "at", "on", "with", "to", "from", "of", "for", "against",
                                          "by", "between", "near", "into", "over", "toward", "towards"};
  return k;
}

// Token range [b, e) of tokens inside span, searching tokens[begin, end).
bool TokenRange(const std::vector<Token>& tokens, size_t begin, size_t end, const Span& span, size_t* b,
                size_t* e) {
  auto first = std::lower_bound(tokens.begin() + begin, tokens.begin() + end, span.begin,
                                [](const Token& t, int64_t v) { return t.span.begin < v; });
  size_t i = first - tokens.begin();
  size_t j = i;
  while (j < end && tokens[j].span.end <= span.end) ++j;
  if (i >= j) return false;
  *b = i;
  *e = j;
  return true;
}

// "2025-04-10T12:00" -> "2025-04-10"; "" for values that are no calendar date.
std::string CalendarValue(const std::string& v) {
  if (v.size() < 4 || !IsDigits(std::string_view(v).substr(0, 4))) return "";
  size_t t = v.find('T');
  std::string d = t == std::string::npos ? v : v.substr(0, t);
  return d;
}

// The date a duration used as an offset means: "two days later" (TIMEX3
// DURATION P2D, "later" outside the expression as TimeML tags it) after the
// last day the document named before it; "three weeks earlier" before it.
// Day granularity for days and weeks, month and year for those units.
// "" when the duration is not followed by later/earlier or no day precedes.
std::string OffsetDate(const std::vector<Token>& tokens, size_t after, size_t end, const Document& doc,
                       const Timex& t) {
  if (after >= end) return "";
  std::string next(tokens[after].text);
  for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int sign = next == "later" ? 1 : next == "earlier" ? -1 : 0;
  if (sign == 0 || t.value.size() < 3 || t.value[0] != 'P' || t.value[1] == 'T') return "";
  char unit = t.value.back();
  std::string_view digits = std::string_view(t.value).substr(1, t.value.size() - 2);
  if (!IsDigits(digits) || digits.size() > 4) return "";
  int n = std::stoi(std::string(digits));
  std::optional<timex::Date> anchor;
  for (const Timex& p : doc.timexes) {
    if (p.span.end > t.span.begin) break;
    if (p.type != "DATE" && p.type != "TIME") continue;
    std::string day = CalendarValue(p.value);
    if (day.size() != 10) continue;
    if (auto d = timex::ParseIsoDay(day)) anchor = d;
  }
  if (!anchor) return "";
  switch (unit) {
    case 'D': return timex::FormatDay(timex::AddDays(*anchor, sign * n));
    case 'W': return timex::FormatDay(timex::AddDays(*anchor, sign * 7 * n));
    case 'M': {
      timex::Date m = timex::AddMonths(*anchor, sign * n);
      return timex::FormatMonth(m.year, m.month);
    }
    case 'Y': return timex::FormatYear(anchor->year + sign * n);
    default: return "";
  }
}

std::vector<int> Clauses(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::vector<int> clause;
  int c = 0;
  for (size_t i = begin; i < end; ++i) {
    std::string_view t = tokens[i].text;
    bool boundary = IsClausePunct(t);
    if (t == "," && i + 1 < end && i > begin) {
      // A comma between two capitalised words lists names ("Ukrainian, U.S. and").
      size_t p = i - 1;
      while (p > begin && tokens[p].text == ".") --p;
      boundary = !(IsUpperStart(tokens[p].text) && IsUpperStart(tokens[i + 1].text));
    }
    if (boundary) ++c;
    clause.push_back(c);
  }
  return clause;
}

std::vector<NameMention> EntityNames(const std::vector<Token>& tokens, const Document& doc, size_t begin,
                                     size_t end) {
  std::vector<NameMention> out;
  if (begin >= end) return out;
  Span sent{tokens[begin].span.begin, tokens[end - 1].span.end};
  for (const Entity& e : doc.entities) {
    for (const Span& m : e.mentions) {
      if (m.begin < sent.begin || m.end > sent.end) continue;
      NameMention n;
      if (!TokenRange(tokens, begin, end, m, &n.begin, &n.end)) continue;
      n.id = e.id;
      n.name = e.name;
      n.type = e.type;
      out.push_back(std::move(n));
    }
  }
  std::sort(out.begin(), out.end(), [](const NameMention& a, const NameMention& b) { return a.begin < b.begin; });
  return out;
}

bool PrecededByPreposition(const EventSentence& s, const NameMention& n, const std::set<std::string>& preps) {
  size_t i = n.begin;
  // Skip a determiner: "in the Kremlin".
  if (i > s.begin && s.Lower(i - 1) == "the") --i;
  return i > s.begin && preps.count(s.Lower(i - 1)) > 0;
}

bool CanAct(const NameMention& n) { return n.type != "MISC"; }

// Words a possessive "'s" at token i takes (0: none): "'s" or "'" "s".
size_t PossessiveLength(const EventSentence& s, size_t i) {
  if (i >= s.end) return 0;
  const std::string& w = s.Lower(i);
  if (w == "'s" || w == "\xE2\x80\x99s") return 1;
  if (i + 1 < s.end && (w == "'" || w == "\xE2\x80\x99") && s.Lower(i + 1) == "s") return 2;
  return 0;
}

}  // namespace

EventSentence MakeEventSentence(const std::vector<Token>& tokens, const Document& doc, int64_t index,
                                size_t begin, size_t end, const EventLexicon& lex) {
  EventSentence s;
  s.index = index;
  s.begin = begin;
  s.end = end;
  s.words = MakeEventWords(tokens, begin, end);
  s.clause = Clauses(tokens, begin, end);
  s.quoted.assign(end - begin, false);
  s.names = EntityNames(tokens, doc, begin, end);
  if (begin >= end) return s;
  Span sent{tokens[begin].span.begin, tokens[end - 1].span.end};
  for (const Timex& t : doc.timexes) {
    if (t.span.begin < sent.begin || t.span.end > sent.end) continue;
    DatedTimex d;
    if (t.type == "DATE" || t.type == "TIME") {
      d.date = CalendarValue(t.value);
      if (d.date.empty() || !TokenRange(tokens, begin, end, t.span, &d.begin, &d.end)) continue;
    } else if (t.type == "DURATION") {
      if (!TokenRange(tokens, begin, end, t.span, &d.begin, &d.end)) continue;
      d.date = OffsetDate(tokens, d.end, end, doc, t);
      if (d.date.empty()) continue;
    } else {
      continue;
    }
    for (const auto& bound : lex.bounds()) {
      size_t n = bound.size();
      if (d.begin >= begin + n && EventLexicon::MatchesAt(s.words, d.begin - begin - n, bound)) d.bound = true;
    }
    s.timexes.push_back(std::move(d));
  }
  return s;
}

std::vector<NameMention> FallbackNames(const std::vector<Token>& tokens, const EventSentence& s,
                                       const EventLexicon& lex, const std::set<std::string>& known) {
  std::vector<NameMention> out;
  size_t i = s.begin;
  while (i < s.end) {
    if (!IsUpperStart(tokens[i].text) || s.quoted[i - s.begin] || (lex.IsNotName(tokens[i].text))) {
      ++i;
      continue;
    }
    size_t j = i;
    // Capitalised words, with "." inside abbreviations ("U.S.") and "'s" stopping the run.
    while (j < s.end) {
      std::string_view t = tokens[j].text;
      if (IsUpperStart(t) && !lex.IsNotName(t)) {
        ++j;
      } else if (t == "." && j > i && tokens[j - 1].text.size() == 1 && j + 1 < s.end &&
                 tokens[j].byte_end == tokens[j + 1].byte_begin && IsUpperStart(tokens[j + 1].text)) {
        ++j;
      } else {
        break;
      }
    }
    size_t b = i;
    for (size_t k = i; k < j; ++k)
      if (lex.IsTitle(tokens[k].text)) b = k + 1;
    bool initial_word = i == s.begin && j == i + 1 && !known.count(std::string(tokens[i].text));
    if (b < j && !initial_word) {
      NameMention n;
      n.begin = b;
      n.end = j;
      n.name = std::string(tokens[b].text.data(), tokens[j - 1].text.data() + tokens[j - 1].text.size());
      if (j < s.end && tokens[j].text == "." && tokens[j - 1].text.size() == 1) n.name += ".";
      out.push_back(std::move(n));
    }
    i = std::max(j, i + 1);
  }
  return out;
}

std::string EventStatus(const EventSentence& s, size_t tb, size_t te, bool statement, const EventLexicon& lex) {
  static const std::map<std::string, int> kRank = {{"planned", 1}, {"proposed", 2}, {"hypothetical", 3},
                                                   {"denied", 4}};
  std::string best = "happened";
  int best_rank = 0;
  int clause = s.Clause(tb);
  for (const StatusCue& cue : lex.status_cues()) {
    int rank = kRank.at(cue.status);
    if (rank <= best_rank) continue;
    int64_t n = static_cast<int64_t>(cue.words.size());
    auto matches = [&](int64_t j) {
      return s.Clause(j) == clause && s.Clause(j + n - 1) == clause &&
             EventLexicon::MatchesAt(s.words, j - s.begin, cue.words);
    };
    bool found = false;
    if (cue.window > 0) {  // the cue ends at most `window` words before the trigger
      int64_t lo = std::max<int64_t>(s.begin, static_cast<int64_t>(tb) - cue.window - n + 1);
      for (int64_t j = static_cast<int64_t>(tb) - n; j >= lo && !found; --j) found = matches(j);
    } else if (!statement) {
      for (int64_t j = te; j < static_cast<int64_t>(te) - cue.window && j + n <= static_cast<int64_t>(s.end) && !found;
           ++j)
        found = matches(j);
    }
    if (found) {
      best = cue.status;
      best_rank = rank;
    }
  }
  return best;
}

std::vector<int> AttachDates(const EventSentence& s, const std::vector<std::pair<size_t, size_t>>& triggers) {
  struct Pair {
    int score;
    size_t trigger, timex;
  };
  std::vector<Pair> pairs;
  for (size_t t = 0; t < s.timexes.size(); ++t) {
    const DatedTimex& x = s.timexes[t];
    if (x.bound) continue;
    for (size_t k = 0; k < triggers.size(); ++k) {
      auto [tb, te] = triggers[k];
      if (s.quoted[tb - s.begin] != s.quoted[x.begin - s.begin]) continue;
      if (x.begin < te && tb < x.end) continue;  // the trigger is part of the expression
      int dist = x.end <= tb ? static_cast<int>(tb - x.end) : static_cast<int>(x.begin - te);
      int words = dist + kClausePenalty * std::abs(s.Clause(tb) - s.Clause(x.begin));
      if (words > kMaxDateWords) continue;
      // Ties go to the trigger after the expression ("on April 3 acknowledged").
      pairs.push_back({2 * words - (x.end <= tb ? 1 : 0), k, t});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score < b.score; });
  std::vector<int> out(triggers.size(), -1);
  std::vector<bool> used(s.timexes.size(), false);
  for (const Pair& p : pairs) {
    if (out[p.trigger] >= 0 || used[p.timex]) continue;
    out[p.trigger] = static_cast<int>(p.timex);
    used[p.timex] = true;
  }
  return out;
}

int FindActor(const EventSentence& s, size_t tb, size_t te, bool statement, const TriggerRanges& triggers) {
  // A possessive name belongs to the noun right after it ("Witkoff's trip").
  auto possessive_of = [&](const NameMention& n) -> int {
    size_t len = PossessiveLength(s, n.end);
    if (len == 0) return -1;
    for (size_t k = 0; k < triggers.size(); ++k)
      if (triggers[k].first >= n.end + len && triggers[k].first <= n.end + len + 2) return static_cast<int>(k);
    return -1;
  };
  int best = -1;
  for (size_t k = 0; k < s.names.size(); ++k) {
    const NameMention& n = s.names[k];
    if (n.end > tb || !CanAct(n) || s.Clause(n.begin) != s.Clause(tb)) continue;
    if (PrecededByPreposition(s, n, Prepositions())) continue;
    int owner = possessive_of(n);
    if (owner >= 0 && triggers[owner].first != tb) continue;
    best = static_cast<int>(k);  // names are in text order: the last one is nearest
  }
  if (best >= 0) return best;
  if (statement) {  // "..., said Peskov"
    for (size_t k = 0; k < s.names.size(); ++k)
      if (s.names[k].begin >= te && s.names[k].begin <= te + 1 && CanAct(s.names[k])) return static_cast<int>(k);
  }
  // The sentence subject: a name before the sentence's first trigger.
  size_t first = triggers.empty() ? tb : triggers.front().first;
  for (const auto& t : triggers) first = std::min(first, t.first);
  for (size_t k = 0; k < s.names.size(); ++k) {
    const NameMention& n = s.names[k];
    if (n.end <= first && CanAct(n) && !PrecededByPreposition(s, n, Prepositions()) && possessive_of(n) < 0)
      return static_cast<int>(k);
  }
  return -1;
}

int FindTarget(const EventSentence& s, size_t tb, size_t te, int actor, int place, const TriggerRanges& triggers) {
  static const std::set<std::string> kPlacePreps = {"in", "at", "near"};
  size_t next = s.end;  // the target stands before the next trigger
  for (const auto& t : triggers)
    if (t.first >= te) next = std::min(next, t.first);
  for (size_t k = 0; k < s.names.size(); ++k) {
    const NameMention& n = s.names[k];
    if (n.begin < te || static_cast<int>(k) == actor || static_cast<int>(k) == place || !CanAct(n)) continue;
    if (s.Clause(n.begin) != s.Clause(tb) || n.begin > te + 8 || n.begin >= next) break;
    if (PrecededByPreposition(s, n, kPlacePreps)) continue;
    if (actor >= 0 && s.names[actor].name == n.name) continue;
    return static_cast<int>(k);
  }
  return -1;
}

int FindPlace(const EventSentence& s, size_t tb, size_t te) {
  static const std::set<std::string> kPlacePreps = {"in", "at"};
  int before = -1;
  for (size_t k = 0; k < s.names.size(); ++k) {
    const NameMention& n = s.names[k];
    if (n.type != "PLACE" && !n.type.empty()) continue;
    if (s.Clause(n.begin) != s.Clause(tb) || !PrecededByPreposition(s, n, kPlacePreps)) continue;
    if (n.begin >= te && n.begin <= te + 12) return static_cast<int>(k);
    if (n.end <= tb && n.end + 8 >= tb) before = static_cast<int>(k);
  }
  return before;
}

}  // namespace dateline
