#include "clean/dump_lines.h"

#include <cctype>

#include <utf8proc.h>

#include "base/hash.h"
#include "base/utf8.h"

namespace dateline {
namespace {

bool IsSpaceOrBullet(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x2022 || cp == 0x200B ||
         cp == 0xFEFF || cp == 0x2007 || cp == 0x202F || cp == 0x3000 || cp == 0x25CF || cp == 0x00B7;
}

// Cuts a string at most max bytes long at a code point boundary.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiWordByte(static_cast<unsigned char>(cp));
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::vector<std::string_view> WordTokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0, start = std::string_view::npos;
  while (i < s.size()) {
    size_t at = i;
    bool w = IsWordCodePoint(NextCodePoint(s, &i));
    if (w && start == std::string_view::npos) start = at;
    if (!w && start != std::string_view::npos) {
      out.push_back(s.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back(s.substr(start));
  return out;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  size_t i = 0;
  while (i < s.size()) {
    bool w = IsWordCodePoint(NextCodePoint(s, &i));
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

bool HasWords(std::string_view s, int n) {
  if (n <= 0) return true;
  int count = 0;
  bool in = false;
  size_t i = 0;
  while (i < s.size()) {
    bool w = IsWordCodePoint(NextCodePoint(s, &i));
    if (w && !in && ++count >= n) return true;
    in = w;
  }
  return false;
}

std::vector<DumpLine> SplitDumpLines(std::string_view content, size_t max_line_bytes) {
  std::vector<DumpLine> lines;
  int blanks = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = CutUtf8(content.substr(pos, nl - pos), max_line_bytes);
    pos = nl + 1;
    // Trim leading space/bullets (counting them) and trailing space.
    size_t i = 0, body = 0;
    int indent = 0;
    while (i < raw.size()) {
      size_t at = i;
      if (!IsSpaceOrBullet(NextCodePoint(raw, &i))) { body = at; break; }
      ++indent;
      body = i;
    }
    std::string_view t = raw.substr(body);
    while (!t.empty()) {
      size_t k = t.size() - 1;
      while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
      size_t j = k;
      if (!IsSpaceOrBullet(NextCodePoint(t, &j))) break;
      t = t.substr(0, k);
    }
    if (t.empty()) {
      ++blanks;
      continue;
    }
    DumpLine l;
    l.text = std::string(t);
    l.blank_before = blanks;
    l.indent = indent;
    l.words = CountWords(t);
    lines.push_back(std::move(l));
    blanks = 0;
  }
  return lines;
}

namespace {

// NormalizeLine into *out, written through a pointer into a buffer grown
// ahead (a lowercased code point may take more bytes than the original).
void NormalizeInto(std::string_view s, std::string* out) {
  out->resize(s.size() + 8);
  char* p = out->data();
  size_t n = 0;
  auto room = [&](size_t k) {
    if (n + k > out->size()) {
      out->resize(2 * out->size() + k);
      p = out->data();
    }
  };
  bool space = false;
  size_t i = 0;
  std::string cp_bytes;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t') {
        space = n > 0;
        continue;
      }
      room(2);
      if (space) p[n++] = ' ';
      space = false;
      if (c >= '0' && c <= '9') c = '0';
      else if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
      p[n++] = static_cast<char>(c);
      continue;
    }
    char32_t cp = utf8::Next(s, &i);
    if (cp == 0xA0) {
      space = n > 0;
      continue;
    }
    cp_bytes.clear();
    utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), &cp_bytes);
    room(1 + cp_bytes.size());
    if (space) p[n++] = ' ';
    space = false;
    for (char b : cp_bytes) p[n++] = b;
  }
  out->resize(n);
}

}  // namespace

std::string NormalizeLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  NormalizeInto(s, &out);
  return out;
}

uint64_t LineKey(std::string_view s, std::string* scratch) {
  NormalizeInto(s, scratch);
  uint64_t h = Hash64(*scratch, 0x6c696e65);
  return h ? h : 1;
}

uint64_t LineKey(std::string_view s) {
  std::string scratch;
  scratch.reserve(s.size());
  return LineKey(s, &scratch);
}

}  // namespace dateline
