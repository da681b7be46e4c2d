#include "annotate/quote_speakers.h"

#include <algorithm>
#include <unordered_set>

namespace dateline::quotes {
namespace {

constexpr size_t kMaxPhrase = 8;    // tokens in a speaker phrase
constexpr size_t kMaxSubject = 12;  // tokens in a clause subject

const std::unordered_set<std::string>& Skippable() {
  static const auto* s = new std::unordered_set<std::string>{
      "later",   "also",     "has",      "have",   "had",     "was",    "were",      "is",
      "are",     "then",     "again",    "recently", "further", "once",  "reportedly", "publicly",
      "earlier", "would",    "will",     "did",    "does",    "do",     "previously", "repeatedly",
      "first",   "initially", "just",    "still",  "now",     "already", "separately", "privately",
      "openly",  "immediately", "subsequently", "similarly", "likewise", "quickly", "simply", "has",
      "however", "not", "n't", "never"};
  return *s;
}

const std::unordered_set<std::string>& DateWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "january", "february", "march", "april", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "today", "yesterday", "week", "month", "year", "morning", "evening", "night", "afternoon"};
  return *s;
}

bool IsAdverb(const std::string& l) { return l.size() > 4 && l.compare(l.size() - 2, 2, "ly") == 0; }

bool IsDeterminer(const std::string& l) {
  return l == "the" || l == "a" || l == "an" || l == "his" || l == "her" || l == "their" || l == "its" ||
         l == "another" || l == "one" || l == "two" || l == "three" || l == "several" || l == "some" ||
         l == "many" || l == "other";
}

bool IsPossessive(std::string_view t) { return t == "'s" || t == "\u2019s" || t == "'" || t == "\u2019"; }

bool IsNumberish(const QTok& t) { return !t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9'; }

// Skips "on April 3" / "on Monday" / "last week" ending before j; returns the new end.
size_t SkipDatePhrase(const QuoteText& q, size_t j, size_t lo) {
  if (j <= lo) return j;
  const std::string& l = q.lower[j - 1];
  if (!IsNumberish(q.tok[j - 1]) && !DateWords().count(l)) return j;
  for (size_t k = j - 1; k > lo && k + 4 >= j; --k) {
    const std::string& p = q.lower[k - 1];
    if (p == "on" || p == "in" || p == "last" || p == "this" || p == "earlier" || p == "late")
      return k - 1;
  }
  return j;
}

// Skips "(R-Fla.)" ending before j; returns the new end.
size_t SkipParenthesis(const QuoteText& q, size_t j, size_t lo) {
  if (j <= lo || q.tok[j - 1].text != ")") return j;
  for (size_t k = j - 1; k > lo && k + 10 > j; --k)
    if (q.tok[k - 1].text == "(") return k - 1;
  return j;
}

// Words allowed inside a speaker phrase.
bool PhraseWord(const QuoteText& q, const QuoteLexicon& lx, size_t k) {
  const std::string& l = q.lower[k];
  if (q.tok[k].cap) return !lx.IsStop(l) || IsDeterminer(l);
  return lx.IsRole(l) || IsPossessive(q.tok[k].text);
}

bool HasHead(const QuoteText& q, const QuoteLexicon& lx, size_t b, size_t e) {
  for (size_t k = b; k < e; ++k)
    if ((q.tok[k].cap && !IsDeterminer(q.lower[k])) || lx.IsRole(q.lower[k])) return true;
  return false;
}

// Fills the name part: the trailing run of capitalised tokens, minus title
// words that have a capitalised token after them.
void SetName(const QuoteText& q, const QuoteLexicon& lx, SpeakerNP* np) {
  size_t e = np->e;
  while (e > np->b && IsPossessive(q.tok[e - 1].text)) --e;
  size_t b = e;
  while (b > np->b && q.tok[b - 1].cap && !IsDeterminer(q.lower[b - 1])) {
    if (b < e && lx.IsRole(q.lower[b - 1])) break;
    --b;
  }
  // "Jason Gilbert of Cheyenne": the name is before "of" unless that part is a title.
  if (b > np->b + 1 && q.lower[b - 1] == "of" && q.tok[b - 2].cap && !lx.IsRole(q.lower[b - 2])) {
    e = b - 1;
    b = e;
    while (b > np->b && q.tok[b - 1].cap && !IsDeterminer(q.lower[b - 1])) {
      if (b < e && lx.IsRole(q.lower[b - 1])) break;
      --b;
    }
  }
  np->name_b = b;
  np->name_e = e;
  np->role_only = b == e || lx.IsRole(q.lower[e - 1]);
}

// Skips adverbs, auxiliaries, a date phrase and a parenthesis ending before
// `end`; returns the new end.
size_t SkipModifiers(const QuoteText& q, size_t end, size_t lo) {
  size_t j = end;
  for (int guard = 0; guard < 4 && j > lo; ++guard) {
    size_t before = j;
    while (j > lo && (Skippable().count(q.lower[j - 1]) || (!q.tok[j - 1].cap && IsAdverb(q.lower[j - 1])))) --j;
    j = SkipDatePhrase(q, j, lo);
    j = SkipParenthesis(q, j, lo);
    if (j == before) break;
  }
  return j;
}

// Words that open a clause: a subject phrase does not reach past them.
bool ClauseWord(const std::string& l) {
  static const auto* s = new std::unordered_set<std::string>{
      "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "while", "when",
      "whenever", "if", "as", "after", "before", "since", "although", "though", "where", "so", "than",
      "yet", "whether", "until", "unless", "once", "what", "how", "why", "however", "also", "then", "not"};
  return s->count(l) > 0;
}

// A word that can end a subject phrase: not a preposition, determiner,
// "to" or a bare number ("the refusal to support", "271 pledged delegates").
bool Headword(const QuoteText& q, size_t i) {
  static const auto* s = new std::unordered_set<std::string>{
      "to", "of", "in", "for", "with", "by", "on", "at", "from", "into", "about", "over", "the", "a", "an",
      "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "no", "any", "every"};
  if (s->count(q.lower[i])) return false;
  return !(IsNumberish(q.tok[i]) && q.lower[i].find_first_not_of("0123456789,.") == std::string::npos);
}

bool IsRelative(const std::string& l) { return l == "who" || l == "which"; }

}  // namespace

size_t VerbGroupStart(const QuoteText& q, size_t end, size_t lo) { return SkipModifiers(q, end, lo); }

std::optional<SpeakerNP> ClauseSubject(const QuoteText& q, const QuoteLexicon& lx, size_t end, size_t lo) {
  size_t j = SkipModifiers(q, end, lo);
  if (j <= lo) return std::nullopt;
  SpeakerNP np;
  np.e = j;
  // "voters who said …", "the report, which found …": the relative pronoun
  // is the source; its antecedent gives the name.
  if (IsRelative(q.lower[j - 1])) {
    np.b = j - 1;
    np.name_b = np.name_e = j;
    np.role_only = true;
    size_t a = j - 1;
    if (a > lo && q.tok[a - 1].text == ",") --a;
    if (auto ante = SpeakerBefore(q, lx, a, lo); ante && !ante->pronoun) {
      np.b = ante->b;
      np.name_b = ante->name_b;
      np.name_e = ante->name_e;
      np.role_only = ante->role_only;
    }
    return np;
  }
  size_t k = j;
  CueClass cls;
  while (k > lo && j - k < kMaxSubject) {
    const QTok& t = q.tok[k - 1];
    if (t.text == ")") {
      size_t p = SkipParenthesis(q, k, lo);
      if (p == k) break;
      k = p;
      continue;
    }
    if (!(t.word || IsPossessive(t.text) || t.text == "-")) break;
    if (ClauseWord(q.lower[k - 1]) || (lx.MatchCue(q.lower, k - 1, &cls) > 0 && cls != CueClass::kNoun)) break;
    --k;
  }
  if (k == j || !Headword(q, j - 1) || !q.tok[j - 1].word) return std::nullopt;
  np.b = k;
  if (j == k + 1 && !lx.PronounKind(q.lower[k]).empty()) {
    np.pronoun = true;
    np.name_b = np.name_e = j;
    return np;
  }
  SetName(q, lx, &np);
  return np;
}

std::optional<SpeakerNP> SpeakerBefore(const QuoteText& q, const QuoteLexicon& lx, size_t end, size_t lo) {
  size_t j = SkipModifiers(q, end, lo);
  if (j <= lo) return std::nullopt;
  // "Cruz, who says …": the phrase before the relative pronoun.
  if (q.lower[j - 1] == "who" && j >= lo + 3 && q.tok[j - 2].text == ",") return SpeakerBefore(q, lx, j - 2, lo);
  SpeakerNP np;
  np.e = j;
  if (!lx.PronounKind(q.lower[j - 1]).empty()) {
    np.b = j - 1;
    np.pronoun = true;
    np.name_b = np.name_e = j;
    return np;
  }
  size_t k = j;
  while (k > lo && j - k < kMaxPhrase && PhraseWord(q, lx, k - 1)) {
    --k;
    if (IsDeterminer(q.lower[k])) break;
  }
  // "of" inside a title: "Secretary of State Marco Rubio".
  if (k > lo + 1 && q.lower[k - 1] == "of" && q.tok[k - 2].cap && PhraseWord(q, lx, k - 2)) {
    k -= 2;
    while (k > lo && j - k < kMaxPhrase && PhraseWord(q, lx, k - 1) && !IsDeterminer(q.lower[k])) --k;
  }
  if (k > lo && k < j && !IsDeterminer(q.lower[k]) && IsDeterminer(q.lower[k - 1])) --k;  // "the envoy"
  while (k < j && IsPossessive(q.tok[k].text)) ++k;
  // "one employee", "the crowd", "Another commenter": a determiner and up
  // to two lower-case nouns.
  if ((k == j || !HasHead(q, lx, k, j)) && !(k < j && IsDeterminer(q.lower[k]))) {
    for (size_t d = j - 1; d + 3 >= j && d > lo; --d) {
      if (!q.tok[d - 1].word) break;
      if (IsDeterminer(q.lower[d - 1])) {
        bool nouns = true;
        for (size_t m = d; m < j; ++m) nouns = nouns && q.tok[m].word && !lx.IsStop(q.lower[m]);
        if (nouns) k = d - 1;
        break;
      }
    }
    if (k < j && IsDeterminer(q.lower[k])) {
      np.b = k;
      np.name_b = np.name_e = j;
      np.role_only = true;
      return np;
    }
  }
  if (k == j || !HasHead(q, lx, k, j)) return std::nullopt;
  np.b = k;
  SetName(q, lx, &np);
  return np;
}

std::optional<SpeakerNP> SpeakerAfter(const QuoteText& q, const QuoteLexicon& lx, size_t begin, size_t hi) {
  if (begin >= hi) return std::nullopt;
  SpeakerNP np;
  np.b = begin;
  if (!lx.PronounKind(q.lower[begin]).empty()) {
    np.e = begin + 1;
    np.pronoun = true;
    np.name_b = np.name_e = np.e;
    return np;
  }
  size_t k = begin;
  if (IsDeterminer(q.lower[k])) ++k;
  while (k < hi && k - begin < kMaxPhrase) {
    bool modifier = !q.tok[k].cap && q.tok[k].word && k + 1 < hi && !lx.IsStop(q.lower[k]) &&
                    (lx.IsRole(q.lower[k + 1]) || q.tok[k + 1].cap);  // "presidential nominee"
    if ((PhraseWord(q, lx, k) || modifier) && !(IsDeterminer(q.lower[k]) && k > begin)) {
      ++k;
    } else if (q.lower[k] == "of" && k + 1 < hi && q.tok[k + 1].cap && k > begin && q.tok[k - 1].cap) {
      k += 2;
    } else {
      break;
    }
  }
  if (k == begin || !HasHead(q, lx, begin, k)) return std::nullopt;
  np.e = k;
  SetName(q, lx, &np);
  return np;
}

std::optional<SpeakerNP> SpeakerLoose(const QuoteText& q, const QuoteLexicon& lx, size_t begin, size_t hi) {
  static const auto* stops = new std::unordered_set<std::string>{
      "who", "which", "that", "as", "when", "while", "after", "before", "in", "on", "at", "during", "speaking",
      "because", "and", "but", "adding", "noting", "referring", "according", "last", "this"};
  if (begin >= hi) return std::nullopt;
  const std::string& f = q.lower[begin];
  bool opens = IsDeterminer(f) || q.tok[begin].cap || lx.IsRole(f) || IsNumberish(q.tok[begin]);
  // "said pollster Frank Luntz": a lower-case word before a name.
  for (size_t k = begin + 1; !opens && k < hi && k <= begin + 3 && q.tok[k].word; ++k) opens = q.tok[k].cap;
  if (!opens) return std::nullopt;
  if (!lx.PronounKind(f).empty()) return SpeakerAfter(q, lx, begin, hi);
  size_t k = begin;
  while (k < hi && k - begin < 14 && (q.tok[k].word || IsPossessive(q.tok[k].text) || q.tok[k].text == "-") &&
         !(k > begin && stops->count(q.lower[k])) && !DateWords().count(q.lower[k]))
    ++k;
  if (k == begin) return std::nullopt;
  SpeakerNP np;
  np.b = begin;
  np.e = k;
  SetName(q, lx, &np);
  return np;
}

}  // namespace dateline::quotes
