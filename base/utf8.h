// UTF-8 helpers: validation, repair, code point offsets. Pure functions.
#ifndef DATELINE_BASE_UTF8_H_
#define DATELINE_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::utf8 {

bool IsValid(std::string_view s);
// Valid sequences are kept; each byte of an invalid sequence is read as
// Windows-1252 (a superset of Latin-1 for printable bytes) — the usual cause
// of invalid UTF-8 in crawled pages. NUL bytes are dropped. Result is valid UTF-8.
std::string Repair(std::string_view s);
// Windows-1252 bytes to UTF-8.
std::string FromCp1252(std::string_view s);
// Appends the UTF-8 encoding of code point cp.
void Append(char32_t cp, std::string* out);
// Decodes one code point at s[*i], advancing *i; invalid bytes yield U+FFFD.
char32_t Next(std::string_view s, size_t* i);
// Number of code points in a valid UTF-8 string.
int64_t Length(std::string_view s);

// Maps byte offsets of a UTF-8 string to code point offsets (and back).
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view s);
  int64_t ToCodepoint(size_t byte_offset) const;   // byte_offset <= size
  size_t ToByte(int64_t cp_offset) const;          // cp_offset <= Length
 private:
  std::vector<uint32_t> byte_of_cp_;  // byte offset of each code point, plus end
};

}  // namespace dateline::utf8

#endif  // DATELINE_BASE_UTF8_H_
