// Date normalisation for html_meta.h: ISO 8601, RFC 822, "Month D, YYYY",
// "D Month YYYY", "YYYY/MM/DD", "DD.MM.YYYY", and dates in URL paths.
#include <cctype>
#include <cstdio>
#include <string>

#include "clean/html_meta.h"

namespace dateline::html {
namespace {

constexpr const char* kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

bool Digit(char c) { return c >= '0' && c <= '9'; }

int ReadInt(std::string_view s, size_t* i, int max_digits) {
  int v = 0, n = 0;
  while (*i < s.size() && Digit(s[*i]) && n < max_digits) v = v * 10 + (s[(*i)++] - '0'), ++n;
  return n ? v : -1;
}

int MonthAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return 0;
  char m[4] = {static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1]))),
               static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 2]))), 0};
  for (int k = 0; k < 12; ++k)
    if (std::string_view(m) == kMonths[k]) return k + 1;
  return 0;
}

bool Valid(int y, int m, int d) { return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

std::string Ymd(int y, int m, int d) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return b;
}

// "THH:MM[:SS][.fff](Z|+HH:MM|+HHMM)" after an ISO date; appends when present.
void IsoTime(std::string_view s, size_t i, std::string* out) {
  if (i >= s.size() || (s[i] != 'T' && s[i] != ' ')) return;
  ++i;
  int hh = ReadInt(s, &i, 2);
  if (hh < 0 || i >= s.size() || s[i] != ':') return;
  ++i;
  int mm = ReadInt(s, &i, 2), ss = 0;
  if (mm < 0) return;
  if (i < s.size() && s[i] == ':') ++i, ss = std::max(0, ReadInt(s, &i, 2));
  if (i < s.size() && s[i] == '.') while (++i < s.size() && Digit(s[i])) {}
  std::string zone;
  if (i < s.size() && s[i] == 'Z') {
    zone = "Z";
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    char sign = s[i++];
    int zh = ReadInt(s, &i, 2);
    if (i < s.size() && s[i] == ':') ++i;
    int zm = std::max(0, ReadInt(s, &i, 2));
    if (zh < 0) return;
    char b[8];
    std::snprintf(b, sizeof b, "%c%02d:%02d", sign, zh, zm);
    zone = b;
  }
  if (hh > 23 || mm > 59 || ss > 60) return;
  char b[16];
  std::snprintf(b, sizeof b, "T%02d:%02d:%02d", hh, mm, ss);
  *out += b + zone;
}

std::optional<std::string> Iso(std::string_view s, size_t i) {
  int y = ReadInt(s, &i, 4);
  if (y < 0 || i >= s.size() || (s[i] != '-' && s[i] != '/')) return std::nullopt;
  char sep = s[i++];
  int m = ReadInt(s, &i, 2);
  if (m < 0 || i >= s.size() || s[i] != sep) return std::nullopt;
  ++i;
  int d = ReadInt(s, &i, 2);
  if (!Valid(y, m, d)) return std::nullopt;
  std::string out = Ymd(y, m, d);
  IsoTime(s, i, &out);
  return out;
}

// Words: "November 20, 2019", "Nov. 20 2019", "20 November 2019", "Wed, 20 Nov 2019".
std::optional<std::string> Words(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    int m = (i == 0 || !std::isalpha(static_cast<unsigned char>(s[i - 1]))) ? MonthAt(s, i) : 0;
    if (!m) continue;
    size_t j = i;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
    size_t k = j;
    while (k < s.size() && (s[k] == ' ' || s[k] == '.')) ++k;
    int d = ReadInt(s, &k, 2);
    if (d > 0) {  // Month D[st|nd|rd|th], YYYY
      while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
      while (k < s.size() && (s[k] == ',' || s[k] == ' ')) ++k;
      int y = ReadInt(s, &k, 4);
      if (Valid(y, m, d)) return Ymd(y, m, d);
    }
    size_t b = i;  // D Month YYYY
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '.')) --b;
    size_t e = b;
    while (b > 0 && Digit(s[b - 1])) --b;
    if (e > b && e - b <= 2) {
      size_t q = b;
      int dd = ReadInt(s, &q, 2);
      size_t r = j;
      while (r < s.size() && (s[r] == ' ' || s[r] == ',')) ++r;
      int y = ReadInt(s, &r, 4);
      if (Valid(y, m, dd)) return Ymd(y, m, dd);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (s.size() < 6) return std::nullopt;
  if (auto r = Iso(s, 0)) return r;
  // Epoch seconds or milliseconds (some sites put these in meta tags).
  bool all_digits = s.size() >= 10 && s.size() <= 13;
  for (char c : s) all_digits = all_digits && Digit(c);
  if (all_digits) return std::nullopt;
  if (auto r = Words(s)) return r;
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if (i > 0 && Digit(s[i - 1])) continue;
    if (auto r = Iso(s, i)) return r;
    size_t k = i;  // DD.MM.YYYY
    int d = ReadInt(s, &k, 2);
    if (d > 0 && k < s.size() && s[k] == '.') {
      ++k;
      int m = ReadInt(s, &k, 2);
      if (m > 0 && k < s.size() && s[k] == '.') {
        ++k;
        int y = ReadInt(s, &k, 4);
        if (Valid(y, m, d)) return Ymd(y, m, d);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    size_t k = i + 1;
    int y = ReadInt(url, &k, 4);
    if (y < 1990 || k - i != 5) continue;
    if (k < url.size() && (url[k] == '/' || url[k] == '-')) {
      char sep = url[k++];
      int m = ReadInt(url, &k, 2);
      if (m < 1 || k >= url.size() || url[k] != sep) continue;
      ++k;
      int d = ReadInt(url, &k, 2);
      if (Valid(y, m, d) && (k >= url.size() || !Digit(url[k]))) return Ymd(y, m, d);
    } else if (k + 4 <= url.size()) {
      size_t q = k;
      int md = ReadInt(url, &q, 4);
      if (q - k == 4 && (q >= url.size() || !Digit(url[q])) && Valid(y, md / 100, md % 100))
        return Ymd(y, md / 100, md % 100);
    }
  }
  return std::nullopt;
}

}  // namespace dateline::html
