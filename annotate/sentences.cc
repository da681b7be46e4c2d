// Rule-based sentence splitter over tokens (see sentences.h).
#include "annotate/sentences.h"

#include <string>
#include <unordered_set>

#include <utf8proc.h>

#include "base/utf8.h"

namespace dateline {
namespace {

char32_t FirstCp(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : utf8::Next(s, &i);
}

bool IsUpperCp(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LT;
}
bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "”" || t == "’" || t == "'" || t == ")" || t == "]" || t == "»";
}
bool IsOpening(std::string_view t) {
  return t == "\"" || t == "“" || t == "‘" || t == "(" || t == "[" || t == "«" || t == "'";
}
bool IsTerminator(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "…" || (t.size() >= 2 && t.find_first_not_of('.') == t.npos) ||
         t == "?!" || t == "!?";
}

// Words that, capitalised, start sentences far more often than they follow an
// abbreviation inside one.
bool IsSentenceOpener(std::string_view t) {
  static const std::unordered_set<std::string_view> k = {
      "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But",
      "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "There", "His", "Her", "Its",
      "Their", "Our", "Some", "Many", "Most", "No", "Yet", "So", "However", "Meanwhile", "According"};
  return k.count(t) > 0;
}

// Does a token ending in "." (an abbreviation such as "U.S.") end the sentence
// before `next`?
bool AbbreviationEnds(std::string_view t, std::string_view next) {
  std::string_view word = t.substr(0, t.size() - 1);
  if (IsTitleAbbreviation(word)) return false;
  if (word.size() == 1 || (word.size() <= 3 && IsUpperCp(FirstCp(word)) && word.find('.') == word.npos))
    return false;  // initials "J." and short caps
  return IsSentenceOpener(next);
}

// Index of the last token of the sentence that a terminator at k may end,
// after absorbing closing quotes and brackets.
size_t AbsorbClosers(const std::vector<Token>& tokens, size_t k) {
  while (k + 1 < tokens.size() && !tokens[k + 1].newline_before && IsClosing(tokens[k + 1].text)) {
    // A straight quote preceded by a space opens the next quotation.
    const Token& q = tokens[k + 1];
    if ((q.text == "\"" || q.text == "'") && q.byte_begin > tokens[k].byte_end) break;
    ++k;
  }
  return k;
}

bool OpensSentence(const Token& n) {
  char32_t f = FirstCp(n.text);
  return IsUpperCp(f) || IsDigitCp(f) || IsOpening(n.text);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Span> out;
  if (tokens.empty()) return out;
  int64_t start = tokens[0].span.begin;
  size_t k = 0;
  while (k < tokens.size()) {
    size_t last = k;
    bool end = k + 1 == tokens.size();
    const std::string_view t = tokens[k].text;
    if (!end && tokens[k + 1].newline_before) {
      end = true;
    } else if (!end && IsTerminator(t)) {
      last = AbsorbClosers(tokens, k);
      end = last + 1 == tokens.size() || tokens[last + 1].newline_before || OpensSentence(tokens[last + 1]);
    } else if (!end && t.size() > 1 && t.back() == '.' && !tokens[k + 1].newline_before) {
      end = AbbreviationEnds(t, tokens[k + 1].text);
    }
    if (end) {
      out.push_back({start, tokens[last].span.end});
      if (last + 1 < tokens.size()) start = tokens[last + 1].span.begin;
    }
    k = last + 1;
  }
  return out;
}

}  // namespace dateline
