#include "annotate/time_scan.h"

namespace dateline::timex {
namespace {

// Byte classes: 1 letter, 2 digit, 4 space.
struct ByteClass {
  uint8_t c[256] = {0};
  ByteClass() {
    for (int i = 'a'; i <= 'z'; ++i) c[i] = c[i - 32] = 1;
    for (int i = '0'; i <= '9'; ++i) c[i] = 2;
    c[static_cast<int>(' ')] = c[static_cast<int>('\t')] = c[static_cast<int>('\n')] = 4;
    c[static_cast<int>('\r')] = 4;
  }
};
const ByteClass kClass;

inline bool IsAlpha(unsigned char c) { return kClass.c[c] == 1; }
inline bool IsDigit(unsigned char c) { return kClass.c[c] == 2; }
inline bool IsSpace(unsigned char c) { return kClass.c[c] == 4; }

// Length of the UTF-8 sequence starting with byte c (1 for invalid bytes).
inline size_t Utf8Len(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

}  // namespace

void ScanText(std::string_view text, const TimeLexicon& lex, Scan* out) {
  out->lower.assign(text);
  for (char& c : out->lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  out->toks.clear();
  out->toks.reserve(text.size() / 3 + 1);
  const size_t n = text.size();
  size_t i = 0;
  bool space = true, newline = true;
  while (i < n) {
    unsigned char c = text[i];
    if (IsSpace(c)) {
      space = true;
      if (c == '\n') newline = true;
      ++i;
      continue;
    }
    // Non-breaking space (U+00A0) counts as space.
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      i += 2;
      continue;
    }
    TTok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (IsAlpha(c)) {
      t.kind = 'a';
      t.cap = c < 'a';
      while (i < n && IsAlpha(text[i])) ++i;
    } else if (IsDigit(c)) {
      t.kind = 'd';
      int64_t v = 0;
      size_t start = i;
      while (i < n && IsDigit(text[i])) v = v * 10 + (text[i++] - '0'), v = v > 999999999 ? 999999999 : v;
      t.value = i - start <= 9 ? static_cast<int>(v) : -1;
    } else {
      t.kind = 'p';
      i += Utf8Len(c);
      if (i > n) i = n;
    }
    t.end = static_cast<uint32_t>(i);
    t.lower = std::string_view(out->lower).substr(t.begin, t.end - t.begin);
    if (t.kind == 'a' && t.end - t.begin <= 12) t.lex = lex.Find(t.lower);
    out->toks.push_back(t);
  }
}

}  // namespace dateline::timex
