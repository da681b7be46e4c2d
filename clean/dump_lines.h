// Lines of a text dump and the word-level helpers the dump cleaner shares:
// splitting a page into trimmed lines, word tokens (letters and digits, the
// way the AEB scorer counts them), and the normalised key under which a line
// is counted as template evidence. Pure functions, thread-safe.
#ifndef DATELINE_CLEAN_DUMP_LINES_H_
#define DATELINE_CLEAN_DUMP_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace dateline {

struct DumpLine {
  std::string text;       // trimmed, never empty
  int blank_before = 0;   // blank lines between this line and the previous one
  int indent = 0;         // leading spaces/tabs/bullets of the raw line
  int words = 0;          // word tokens
};

// Non-empty lines of `content`, trimmed (spaces, tabs, NBSP, bullets kept as
// indent count). Lines longer than `max_line_bytes` are cut at a UTF-8 boundary.
std::vector<DumpLine> SplitDumpLines(std::string_view content, size_t max_line_bytes = 100000);

// Word tokens: maximal runs of letters, digits and '_' (Unicode aware).
std::vector<std::string_view> WordTokens(std::string_view s);
int CountWords(std::string_view s);
// CountWords(s) >= n, reading only as far as needed.
bool HasWords(std::string_view s, int n);

// Lowercased, digits folded to '0', whitespace collapsed: lines that differ
// only in numbers (dates, counts) share a key.
std::string NormalizeLine(std::string_view s);
uint64_t LineKey(std::string_view s);  // never 0
// The same key, normalising into *scratch (reused across calls: no allocation).
uint64_t LineKey(std::string_view s, std::string* scratch);

// True when code point cp counts as a word character.
bool IsWordChar(char32_t cp);

// Inline fast paths for ASCII (the common case) with the same results as
// utf8::Next and IsWordChar.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  return utf8::Next(s, i);
}
inline bool IsAsciiWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool IsWordCodePoint(char32_t cp) { return cp < 0x80 ? IsAsciiWordByte(static_cast<unsigned char>(cp)) : IsWordChar(cp); }

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_LINES_H_
