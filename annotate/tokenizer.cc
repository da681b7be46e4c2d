// Unicode-aware tokenizer: one left-to-right scan over code points.
#include "annotate/tokenizer.h"

#include <fstream>
#include <string>
#include <unordered_map>

#include <utf8proc.h>

#include "base/data_dir.h"
#include "base/utf8.h"

namespace dateline {
namespace {

struct Abbreviations {
  std::unordered_map<std::string, bool> is_title;  // word -> title kind
};

const Abbreviations& Abbrevs() {
  static const Abbreviations* a = [] {
    auto* out = new Abbreviations;
    std::ifstream in(DataDir() + "/ner/abbreviations.txt");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      std::string word = line.substr(0, tab);
      out->is_title[word] = tab != std::string::npos && line.substr(tab + 1) == "title";
    }
    if (out->is_title.empty()) {
      for (const char* w : {"Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "St"}) out->is_title[w] = true;
      for (const char* w : {"Jr", "Inc", "Corp", "Ltd", "Co", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"})
        out->is_title[w] = false;
    }
    return out;
  }();
  return *a;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;  // letters and marks
}
bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NO;
}
bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }
bool IsSpace(char32_t c) {
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c < 0x80) return false;
  if (c == 0xA0 || c == 0x200B || c == 0xFEFF || c == 0x2028 || c == 0x2029) return true;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_ZS;
}
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Decoded text: code points with their byte offsets (plus an end sentinel).
struct Cps {
  std::vector<char32_t> cp;
  std::vector<size_t> byte;  // size cp.size() + 1
  char32_t At(size_t i) const { return i < cp.size() ? cp[i] : 0; }
};

Cps Decode(std::string_view text) {
  Cps d;
  d.cp.reserve(text.size());
  d.byte.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    d.byte.push_back(i);
    d.cp.push_back(utf8::Next(text, &i));
  }
  d.byte.push_back(text.size());
  return d;
}

bool StartsWithAscii(const Cps& d, size_t i, std::string_view s) {
  for (size_t k = 0; k < s.size(); ++k) {
    char32_t c = d.At(i + k);
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c != static_cast<unsigned char>(s[k])) return false;
  }
  return true;
}

bool IsTrailingPunct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
         c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == '>';
}

// End of a URL starting at i, or i when there is none.
size_t ScanUrl(const Cps& d, size_t i) {
  if (!(StartsWithAscii(d, i, "http://") || StartsWithAscii(d, i, "https://") || StartsWithAscii(d, i, "www.")))
    return i;
  size_t j = i;
  while (j < d.cp.size() && !IsSpace(d.cp[j]) && d.cp[j] != '<' && d.cp[j] != 0x201C) ++j;
  while (j > i && IsTrailingPunct(d.cp[j - 1])) --j;
  return j;
}

// English clitic starting at an apostrophe at i ("'s", "'re"...), length or 0.
size_t CliticLength(const Cps& d, size_t i) {
  static const char* kClitics[] = {"s", "re", "ve", "ll", "d", "m"};
  for (const char* c : kClitics) {
    size_t n = std::char_traits<char>::length(c);
    if (StartsWithAscii(d, i + 1, c) && !IsAlnum(d.At(i + 1 + n))) return n + 1;
  }
  return 0;
}

// A run of letters/digits with internal hyphens, apostrophes and number
// separators; returns its end.
size_t ScanWord(const Cps& d, size_t i) {
  size_t j = i;
  while (j < d.cp.size()) {
    char32_t c = d.cp[j];
    if (IsAlnum(c)) { ++j; continue; }
    char32_t prev = j > i ? d.cp[j - 1] : 0, next = d.At(j + 1);
    if (IsHyphen(c) && IsAlnum(prev) && IsAlnum(next)) { j += 1; continue; }
    if (IsApostrophe(c) && IsLetter(prev) && IsLetter(next) && CliticLength(d, j) == 0) {
      // n't splits off: "don't" -> "do" "n't".
      if ((prev == 'n' || prev == 'N') && (next == 't' || next == 'T') && !IsAlnum(d.At(j + 2)))
        return j - 1 > i ? j - 1 : j + 2;
      j += 1;
      continue;
    }
    if ((c == ',' || c == '.' || c == ':' || c == '/') && IsDigit(prev) && IsDigit(next)) { j += 1; continue; }
    if (c == '&' && prev >= 'A' && prev <= 'Z' && next >= 'A' && next <= 'Z') { j += 1; continue; }
    break;
  }
  return j;
}

std::string Utf8Of(const Cps& d, size_t b, size_t e) {
  std::string s;
  for (size_t k = b; k < e; ++k) utf8::Append(d.cp[k], &s);
  return s;
}

// Extends a word ending at j with a period when it is an abbreviation.
size_t AbbreviationEnd(const Cps& d, size_t i, size_t j) {
  if (d.At(j) != '.') return j;
  // Dotted letters: "U.S.", "a.m.", "U.N." — letter (. letter)+ .
  size_t k = j;
  bool dotted = (j - i == 1) && IsLetter(d.cp[i]);
  while (dotted && d.At(k) == '.' && IsLetter(d.At(k + 1)) && !IsLetter(d.At(k + 2)) && d.At(k + 2) == '.') k += 2;
  if (dotted && k > j) return k + 1;
  // Single upper-case initial: "J." (but not a lone lower-case letter).
  if (j - i == 1 && utf8proc_category(static_cast<utf8proc_int32_t>(d.cp[i])) == UTF8PROC_CATEGORY_LU)
    return j + 1;
  if (j - i <= 6 && IsKnownAbbreviation(Utf8Of(d, i, j))) return j + 1;
  return j;
}

// Punctuation token starting at i: returns its end.
size_t ScanPunct(const Cps& d, size_t i) {
  char32_t c = d.cp[i];
  if (c == '.' && d.At(i + 1) == '.') {
    size_t j = i;
    while (d.At(j) == '.') ++j;
    return j;
  }
  if (c == '-' && d.At(i + 1) == '-') {
    size_t j = i;
    while (d.At(j) == '-') ++j;
    return j;
  }
  if ((c == '@' || c == '#') && IsAlnum(d.At(i + 1)) && (i == 0 || !IsAlnum(d.cp[i - 1]))) {
    size_t j = i + 1;
    while (IsAlnum(d.At(j)) || d.At(j) == '_') ++j;
    return j;
  }
  return i + 1;
}

// E-mail: word chars, '@', domain with a dot.
size_t ScanEmail(const Cps& d, size_t i, size_t word_end) {
  if (d.At(word_end) != '@') return i;
  size_t j = word_end + 1;
  bool dot = false;
  while (IsAlnum(d.At(j)) || ((d.At(j) == '.' || d.At(j) == '-') && IsAlnum(d.At(j + 1)))) {
    if (d.At(j) == '.') dot = true;
    ++j;
  }
  return dot ? j : i;
}

}  // namespace

bool IsKnownAbbreviation(std::string_view word) {
  return Abbrevs().is_title.count(std::string(word)) > 0;
}

bool IsTitleAbbreviation(std::string_view word) {
  auto it = Abbrevs().is_title.find(std::string(word));
  return it != Abbrevs().is_title.end() && it->second;
}

std::vector<Token> Tokenize(std::string_view text) {
  Cps d = Decode(text);
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 1);
  size_t i = 0;
  bool newline = false;
  while (i < d.cp.size()) {
    char32_t c = d.cp[i];
    if (IsSpace(c)) {
      if (c == '\n' || c == 0x2028 || c == 0x2029) newline = true;
      ++i;
      continue;
    }
    size_t j = ScanUrl(d, i);
    if (j == i && IsAlnum(c)) {
      j = ScanWord(d, i);
      size_t e = ScanEmail(d, i, j);
      j = e > i ? e : AbbreviationEnd(d, i, j);
    } else if (j == i && IsApostrophe(c) && i > 0 && IsLetter(d.cp[i - 1])) {
      j = i + CliticLength(d, i);
      if (j == i) j = i + 1;
    } else if (j == i) {
      j = ScanPunct(d, i);
    }
    if (j <= i) j = i + 1;
    Token t;
    t.span = {static_cast<int64_t>(i), static_cast<int64_t>(j)};
    t.byte_begin = d.byte[i];
    t.byte_end = d.byte[j];
    t.text = text.substr(t.byte_begin, t.byte_end - t.byte_begin);
    t.newline_before = newline;
    newline = false;
    out.push_back(t);
    i = j;
  }
  return out;
}

}  // namespace dateline
