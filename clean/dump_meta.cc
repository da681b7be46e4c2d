#include "clean/dump_meta.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "clean/dump_lines.h"

namespace dateline {
namespace {

struct Tok {
  std::string_view text;
  size_t at = 0;
  bool alpha = false, digit = false;
};

// ASCII letter runs, digit runs and single other characters (spaces dropped).
std::vector<Tok> Scan(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t j = i + 1;
    if (std::isalpha(c)) {
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), i, true, false});
    } else if (std::isdigit(c)) {
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({s.substr(i, j - i), i, false, true});
    } else if (c != ' ' && c != '\t') {
      out.push_back({s.substr(i, 1), i, false, false});
    }
    i = j;
  }
  return out;
}

// std::tolower of the "C" locale (the program never sets another), inline.
char LowerByte(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = LowerByte(c);
  return out;
}

int Num(std::string_view s) { return s.size() > 9 ? -1 : std::stoi(std::string(s)); }

std::string Trim(std::string_view s) {
  const char* ws = " \t,;:-–—|•·";
  size_t b = 0, e = s.size();
  while (b < e && std::strchr(ws, s[b])) ++b;
  while (e > b && std::strchr(ws, s[e - 1])) --e;
  // Multi-byte dashes and bullets at the ends.
  for (std::string_view d : {"–", "—", "•", "·"}) {
    while (e - b >= d.size() && s.substr(e - d.size(), d.size()) == d) e -= d.size();
    while (e - b >= d.size() && s.substr(b, d.size()) == d) b += d.size();
  }
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return std::string(s.substr(b, e - b));
}

// Clock time at tokens t[k...]: "12:52 AM", "17:05". Sets *hh:*mm, returns tokens used.
size_t ClockAt(const std::vector<Tok>& t, size_t k, int* hh, int* mm) {
  if (k < t.size() && t[k].alpha && LowerAscii(t[k].text) == "at") ++k;
  size_t start = k;
  if (k + 2 >= t.size() + 0 || !t[k].digit || t[k + 1].text != ":" || !t[k + 2].digit) return 0;
  int h = Num(t[k].text), m = Num(t[k + 2].text);
  if (h < 0 || h > 23 || m < 0 || m > 59 || t[k + 2].text.size() != 2) return 0;
  k += 3;
  if (k < t.size() && t[k].alpha) {
    std::string ap = LowerAscii(t[k].text);
    if ((ap == "am" || ap == "pm" || ap == "a" || ap == "p") && h >= 1 && h <= 12) {
      if (ap[0] == 'p' && h != 12) h += 12;
      if (ap[0] == 'a' && h == 12) h = 0;
      ++k;
      if ((ap == "a" || ap == "p") && k + 1 < t.size() && t[k].text == "." && LowerAscii(t[k + 1].text) == "m") k += 2;
    }
  }
  *hh = h;
  *mm = m;
  return k - start + (start > 0 && t[start - 1].alpha && LowerAscii(t[start - 1].text) == "at" ? 1 : 0);
}

std::string Iso(int y, int m, int d, int hh, int mm) {
  char buf[32];
  if (hh >= 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mm);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool Year(const Tok& t) { return t.digit && t.text.size() == 4 && Num(t.text) >= 1900 && Num(t.text) <= 2099; }
bool Day(const Tok& t) { return t.digit && t.text.size() <= 2 && Num(t.text) >= 1 && Num(t.text) <= 31; }

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (LowerByte(s[k]) != prefix[k]) return false;
  return true;
}


bool NameLike(const std::string& name) {
  int words = CountWords(name);
  if (words < 1 || words > 6 || name.size() > 60) return false;
  if (!std::isupper(static_cast<unsigned char>(name[0])) && static_cast<unsigned char>(name[0]) < 0x80) return false;
  return std::none_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

Result<DumpMetaRules> DumpMetaRules::Load(const std::string& dir) {
  std::ifstream in(dir + "/meta.txt");
  if (!in) return Status::NotFound("cannot open " + dir + "/meta.txt");
  DumpMetaRules r;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> c;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, '\t');) c.push_back(f);
    if (c[0] == "month" && c.size() == 3) {
      std::stringstream names(c[2]);
      for (std::string n; names >> n;) r.months[n] = std::stoi(c[1]);
    } else if (c[0] == "caption" && c.size() == 2) {
      r.caption_phrases.push_back(c[1]);
    } else if (c[0] == "author_label" && c.size() == 2) {
      r.author_labels.push_back(c[1]);
    } else if (c[0] == "app" && c.size() == 3) {
      r.apps.emplace_back(c[1], c[2]);
    }
  }
  return r;
}

std::optional<std::string> DumpMetaRules::FindDate(std::string_view s, size_t* at, size_t* len) const {
  std::vector<Tok> t = Scan(s);
  auto month = [&](size_t k) -> int {
    if (k >= t.size() || !t[k].alpha) return 0;
    auto it = months.find(LowerAscii(t[k].text));
    return it == months.end() ? 0 : it->second;
  };
  auto done = [&](size_t b, size_t e, std::string v) {
    if (at) *at = t[b].at;
    if (len) *len = t[e - 1].at + t[e - 1].text.size() - t[b].at;
    return std::optional<std::string>(std::move(v));
  };
  for (size_t k = 0; k < t.size(); ++k) {
    size_t j = k;
    int m = month(j), d = 0, y = 0;
    if (m) {  // April 22, 2025 / Apr. 22 2025
      ++j;
      if (j < t.size() && t[j].text == ".") ++j;
      if (j >= t.size() || !Day(t[j])) continue;
      d = Num(t[j++].text);
      if (j < t.size() && t[j].text == ",") ++j;
      if (j >= t.size() || !Year(t[j])) continue;
      y = Num(t[j++].text);
    } else if (Day(t[k]) && (m = month(k + 1))) {  // 22 April 2025
      d = Num(t[k].text);
      j = k + 2;
      if (j < t.size() && t[j].text == ".") ++j;
      if (j < t.size() && t[j].text == ",") ++j;
      if (j >= t.size() || !Year(t[j])) continue;
      y = Num(t[j++].text);
    } else if (Year(t[k]) && k + 4 < t.size() && t[k + 1].text == "-" && t[k + 2].digit &&
               t[k + 3].text == "-" && Day(t[k + 4])) {  // 2025-04-22
      y = Num(t[k].text);
      m = Num(t[k + 2].text);
      d = Num(t[k + 4].text);
      if (m < 1 || m > 12) continue;
      j = k + 5;
    } else {
      continue;
    }
    int hh = -1, mm = -1;
    size_t c = j;
    if (c < t.size() && (t[c].text == "," || t[c].text == "/" || t[c].text == "T" || t[c].text == "|")) ++c;
    if (size_t used = ClockAt(t, c, &hh, &mm)) j = c + used;
    else hh = -1;
    return done(k, j, Iso(y, m, d, hh, mm));
  }
  return std::nullopt;
}

bool DumpMetaRules::IsCaption(std::string_view line) const {
  std::string low = LowerAscii(line);
  for (const auto& p : caption_phrases) {
    if (low.find(p) == std::string::npos) continue;
    int words = CountWords(line);
    return words >= 3 && words <= 90;
  }
  return false;
}

std::vector<std::string> DumpMetaRules::BylineAuthors(std::string_view line) const {
  size_t start = std::string::npos;
  for (const auto& label : author_labels) {
    if (StartsWithCi(line, label) && line.size() > label.size() &&
        (label.back() == ':' || line[label.size()] == ' ')) {
      start = label.size();
      break;
    }
  }
  if (start == std::string::npos || CountWords(line) > 40) return {};
  std::string_view rest = line.substr(start);
  size_t at = std::string::npos;
  if (FindDate(rest, &at)) rest = rest.substr(0, at);
  for (std::string_view stop : {" | ", " - ", " — ", " • ", "Updated", "Published", "Posted", "(", "\t"})
    if (size_t p = rest.find(stop); p != std::string_view::npos && p > 0) rest = rest.substr(0, p);
  std::string names(rest);
  for (std::string_view sep : {" and ", " & ", ";"}) {
    for (size_t p; (p = names.find(sep)) != std::string::npos;) names.replace(p, sep.size(), ",");
  }
  std::vector<std::string> out;
  std::stringstream ss(names);
  for (std::string n; std::getline(ss, n, ',');) {
    n = Trim(n);
    if (NameLike(n)) out.push_back(n);
  }
  return out;
}

std::string DumpMetaRules::AppBrand(std::string_view line) const {
  std::string low = LowerAscii(line);
  for (const auto& [prefix, suffix] : apps) {
    size_t p = low.find(prefix + " ");
    if (p == std::string::npos) continue;
    size_t b = p + prefix.size() + 1;
    size_t e = low.find(" " + suffix, b);
    if (e == std::string::npos || e == b) continue;
    std::string brand = Trim(line.substr(b, e - b));
    if (NameLike(brand) && CountWords(brand) <= 4) return brand;
  }
  return "";
}

}  // namespace dateline
