// Counts: numbers in a sentence with what they count. See event_sentence.h.
#include <algorithm>
#include <set>

#include "annotate/event_sentence.h"

namespace dateline {
namespace {

bool IsDigits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool IsLowerWord(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool Adjacent(const Token& a, const Token& b) { return a.byte_end == b.byte_begin; }

const std::set<std::string>& StopWords() {
  static const std::set<std::string> k = {"of", "to", "in", "on", "at", "and", "or", "the", "a", "an",
                                          "for", "by", "from", "with", "were", "was", "is", "are", "have",
                                          "has", "had", "be", "been", "that", "which", "who", "than", "as"};
  return k;
}

// Parses the number at token i ("215", "3,000", "twelve"); *last = its last token.
std::optional<int64_t> NumberAt(const std::vector<Token>& tokens, const EventSentence& s, size_t i,
                                 const EventLexicon& lex, size_t* last) {
  *last = i;
  std::string digits;  // "3,000" as one token: groups of three after commas
  std::string_view t = tokens[i].text;
  for (size_t k = 0; k < t.size(); ++k)
    if (t[k] != ',' || k == 0 || t.size() - k - 1 < 3) digits += t[k];
  if (!IsDigits(digits)) return lex.NumberWord(s.Lower(i));
  if (digits.size() > 9) return std::nullopt;
  int64_t v = std::stoll(digits);
  // Thousands groups: "3" "," "000" written without spaces.
  while (*last + 2 < s.end && tokens[*last + 1].text == "," && tokens[*last + 2].text.size() == 3 &&
         IsDigits(tokens[*last + 2].text) && Adjacent(tokens[*last], tokens[*last + 1]) &&
         Adjacent(tokens[*last + 1], tokens[*last + 2]) && v < 1000000000) {
    v = v * 1000 + std::stoll(std::string(tokens[*last + 2].text));
    *last += 2;
  }
  return v;
}

bool InTimex(const EventSentence& s, size_t i) {
  for (const DatedTimex& t : s.timexes)
    if (i >= t.begin && i < t.end) return true;
  return false;
}

// A number that is no count: part of a date, a year, a time, a compound ("30-day").
bool SkipNumber(const std::vector<Token>& tokens, const EventSentence& s, size_t i, size_t last, int64_t v,
                const EventLexicon& lex) {
  if (InTimex(s, i)) return true;
  if (IsDigits(tokens[i].text) && tokens[i].text.size() == 4 && v >= 1900 && v <= 2100) return true;
  if (!IsDigits(tokens[i].text) && !lex.NumberWord(s.Lower(i)) &&
      tokens[i].text.find_first_not_of("0123456789,") != std::string_view::npos)
    return true;
  if (i > s.begin && lex.IsNotName(tokens[i - 1].text)) return true;  // "April 24", "Monday 3"
  if (i > s.begin && (tokens[i - 1].text == "$" || tokens[i - 1].text == "\xE2\x82\xAC" ||
                      tokens[i - 1].text == "\xC2\xA3"))
    return true;
  if (last + 1 < s.end) {
    std::string_view next = tokens[last + 1].text;
    bool adjacent = Adjacent(tokens[last], tokens[last + 1]);
    if ((next == "-" || next == "%") && adjacent) return true;
    // "3.5", "10:30": a decimal or a clock time, not a sentence end.
    if ((next == "." || next == ":") && adjacent && last + 2 < s.end && IsDigits(tokens[last + 2].text)) return true;
    if (lex.IsCountSkip(s.Lower(last + 1))) return true;
  }
  return false;
}

// "killing 12", "wounded more than 20": a count verb up to three words before.
std::optional<std::string> VerbBefore(const std::vector<Token>& tokens, const EventSentence& s, size_t i,
                                      const EventLexicon& lex) {
  for (size_t k = 1; k <= 3 && i >= s.begin + k; ++k) {
    const std::string& w = s.Lower(i - k);
    if (auto key = lex.CountVerbKey(w)) return key;
    if (!IsLowerWord(w)) break;
  }
  return std::nullopt;
}

// The noun phrase after the number: "missiles and drones", "ceasefire violations".
std::string NounAfter(const EventSentence& s, size_t last, const EventLexicon& lex, size_t* np_end) {
  size_t j = last + 1;
  *np_end = j;
  if (j >= s.end) return "";
  const std::string& w1 = s.Lower(j);
  if (!IsLowerWord(w1) || StopWords().count(w1) || lex.IsCountSkip(w1)) return "";
  std::string np = w1;
  *np_end = j + 1;
  bool plural = w1.size() > 2 && w1.back() == 's';
  if (plural) {
    if (j + 2 < s.end && s.Lower(j + 1) == "and" && IsLowerWord(s.Lower(j + 2)) && s.Lower(j + 2).back() == 's') {
      np += " and " + s.Lower(j + 2);
      *np_end = j + 3;
    }
  } else if (j + 1 < s.end && IsLowerWord(s.Lower(j + 1)) && !StopWords().count(s.Lower(j + 1)) &&
             !lex.CountVerbKey(s.Lower(j + 1))) {
    np += " " + s.Lower(j + 1);
    *np_end = j + 2;
  }
  return np;
}

// "12 people were killed": a count verb up to three words after the noun.
std::optional<std::string> VerbAfter(const EventSentence& s, size_t from, const EventLexicon& lex) {
  for (size_t j = from; j < s.end && j < from + 3; ++j)
    if (auto key = lex.CountVerbKey(s.Lower(j))) return key;
  return std::nullopt;
}

}  // namespace

std::vector<CountMention> ExtractCounts(const std::vector<Token>& tokens, const EventSentence& s,
                                        const EventLexicon& lex) {
  std::vector<CountMention> out;
  for (size_t i = s.begin; i < s.end; ++i) {
    if (s.quoted[i - s.begin]) continue;
    size_t last = i;
    auto v = NumberAt(tokens, s, i, lex, &last);
    if (!v) continue;
    if (SkipNumber(tokens, s, i, last, *v, lex)) {
      i = last;
      continue;
    }
    size_t np_end = last + 1;
    std::string noun = NounAfter(s, last, lex, &np_end);
    std::optional<std::string> key = VerbBefore(tokens, s, i, lex);
    if (!key && !noun.empty() && lex.IsCountPerson(noun)) key = VerbAfter(s, np_end, lex);
    if (!key && !noun.empty() && !lex.IsCountPerson(noun)) key = noun;
    if (key) out.push_back({i, *key, *v});
    i = last;
  }
  return out;
}

}  // namespace dateline
