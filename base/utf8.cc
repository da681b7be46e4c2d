#include "base/utf8.h"

#include <algorithm>

namespace dateline::utf8 {
namespace {

// Windows-1252 0x80..0x9F; undefined slots map to the C1 control of the same value.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t Cp1252(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80];
  return b;
}

// Length of the valid sequence starting at s[i], or 0 if invalid.
size_t ValidSeqLen(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;
    if (c == 0xED && p[i + 1] > 0x9F) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;
    if (c == 0xF4 && p[i + 1] > 0x8F) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ValidSeqLen(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string Repair(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (size_t i = 0; i < s.size();) {
    size_t n = ValidSeqLen(s, i);
    if (n == 0) {
      Append(Cp1252(static_cast<unsigned char>(s[i])), &out);
      ++i;
    } else {
      if (!(n == 1 && s[i] == '\0')) out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string FromCp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    if (c == 0) continue;
    Append(Cp1252(c), &out);
  }
  return out;
}

char32_t Next(std::string_view s, size_t* i) {
  size_t n = ValidSeqLen(s, *i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  if (n == 0) {
    ++*i;
    return 0xFFFD;
  }
  *i += n;
  switch (n) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
}

int64_t Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

OffsetMap::OffsetMap(std::string_view s) {
  byte_of_cp_.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) byte_of_cp_.push_back(i);
  byte_of_cp_.push_back(s.size());
}

int64_t OffsetMap::ToCodepoint(size_t byte_offset) const {
  auto it = std::lower_bound(byte_of_cp_.begin(), byte_of_cp_.end(), byte_offset);
  return it - byte_of_cp_.begin();
}

size_t OffsetMap::ToByte(int64_t cp) const {
  if (cp < 0) return 0;
  if (static_cast<size_t>(cp) >= byte_of_cp_.size()) return byte_of_cp_.back();
  return byte_of_cp_[cp];
}

}  // namespace dateline::utf8
