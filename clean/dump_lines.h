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

// Lowercased, digits folded to '0', whitespace collapsed: lines that differ
// only in numbers (dates, counts) share a key.
std::string NormalizeLine(std::string_view s);
uint64_t LineKey(std::string_view s);  // never 0

// True when code point cp counts as a word character.
bool IsWordChar(char32_t cp);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_LINES_H_
