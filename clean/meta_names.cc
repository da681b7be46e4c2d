// Bylines and titles for html_meta.h: SplitAuthors, StripSiteName.
#include <algorithm>
#include <cctype>
#include <string>

#include "clean/html_dom.h"
#include "clean/html_meta.h"

namespace dateline::html {
namespace {

std::string Trim(std::string_view s) {
  const char* ws = " \t\n\r,;:-|\xC2\xA0";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::string Lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

bool StartsWithWord(const std::string& low, std::string_view w) {
  return low.size() > w.size() && low.compare(0, w.size(), w) == 0 &&
         (low[w.size()] == ' ' || low[w.size()] == ':');
}

// "MS", "RD", "Ph.D.", "Jr.", "E-RYT 200": credentials kept with the name before.
bool IsCredential(const std::string& s) {
  if (s.empty() || s.size() > 10) return false;
  int upper = 0, lower = 0;
  for (char c : s) upper += std::isupper(static_cast<unsigned char>(c)), lower += std::islower(static_cast<unsigned char>(c));
  return upper >= 1 && (lower <= 2 || s == "Jr." || s == "Sr.");
}

bool IsLabel(const std::string& s);

// Rejects user handles ("jane.doe", "kffjane"), form labels ("Name *"),
// dates ("Feb 11") and copyright lines; credentials after a comma may hold digits.
bool NameLike(const std::string& s) {
  if (s.size() < 2 || s.size() > 60) return false;
  int words = 1, letters = 0, upper = 0, digits = 0;
  for (char c : s) {
    words += c == ' ';
    letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
    upper += std::isupper(static_cast<unsigned char>(c)) != 0;
    digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
  }
  if (digits > 0 && s.find(',') == std::string::npos) return false;
  for (std::string_view bad : {"@", "http", "*", "\xC2\xA9", "(c)"})
    if (s.find(bad) != std::string::npos) return false;
  if (IsLabel(s)) return false;
  return words <= 6 && letters >= 2 && (upper >= 1 || words >= 2 || s.find_first_of(".-_") == std::string::npos);
}

// Byline furniture that is not a name: labels, actions, stray words.
bool IsLabel(const std::string& s) {
  std::string low;
  for (char c : s) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  while (!low.empty() && (low.back() == ':' || low.back() == '.')) low.pop_back();
  for (std::string_view w : {"by", "written by", "posted by", "author", "authors", "updated", "published",
                             "posted", "share", "sign in", "log in", "login", "read more", "follow", "more",
                             "contributor", "editor", "staff", "undefined", "null", "admin", "about the author",
                             "full bio", "bio", "view profile", "profile", "view all posts"})
    if (low == w) return true;
  return low.rfind("read more", 0) == 0 || low.rfind("updated ", 0) == 0 || low.rfind("published ", 0) == 0;
}

}  // namespace

std::vector<std::string> SplitAuthors(std::string_view byline) {
  std::string decoded, s;
  AppendDecoded(byline, &decoded);  // meta values are sometimes encoded twice
  AppendCollapsed(decoded, &s);
  for (std::string_view cut : {"|", " • ", " · ", " / ", "\n", " — ", " – ", " - "}) {
    size_t p = s.find(cut);
    if (p != std::string::npos && p > 0) s.resize(p);
  }
  s = Trim(s);
  std::string low = s;
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view pre : {"written by", "posted by", "reviewed by", "words by", "by", "authors",
                               "author", "von", "par", "por"}) {
    if (StartsWithWord(low, pre)) {
      s = Trim(std::string_view(s).substr(pre.size()));
      break;
    }
  }
  // "Text by X", "Recipe by X", "Guide by X": one or two words, then "by".
  if (size_t by = Lower(s).find(" by "); by != std::string::npos && by < 20 &&
      std::count(s.begin(), s.begin() + by, ' ') <= 1)
    s = Trim(std::string_view(s).substr(by + 4));
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= s.size()) {
    size_t best = std::string::npos, len = 0;
    for (std::string_view sep : {",", " and ", " & ", ";", " und ", " y ", " et "}) {
      size_t p = s.find(sep, i);
      if (p < best) best = p, len = sep.size();
    }
    std::string part = Trim(std::string_view(s).substr(i, best == std::string::npos ? std::string::npos : best - i));
    if (part.rfind("and ", 0) == 0) part = Trim(std::string_view(part).substr(4));
    if (!part.empty()) {
      if (!parts.empty() && IsCredential(part)) parts.back() += ", " + part;
      else parts.push_back(part);
    }
    if (best == std::string::npos) break;
    i = best + len;
  }
  std::vector<std::string> out;
  for (auto& p : parts)
    if (NameLike(p)) out.push_back(p);
  return out;
}

std::string StripSiteName(std::string_view title, std::string_view site) {
  std::string t;
  AppendCollapsed(title, &t);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  std::string lsite(site);
  for (auto& c : lsite) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " : "}) {
    size_t p = t.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string head = t.substr(0, p), tail = t.substr(p + sep.size());
    std::string ltail = tail;
    for (auto& c : ltail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int tail_words = 1;
    for (char c : tail) tail_words += c == ' ';
    bool is_site = !lsite.empty() && (ltail.find(lsite) != std::string::npos || lsite.find(ltail) != std::string::npos);
    if (is_site || (sep != " : " && tail_words <= 3 && tail.size() * 2 < head.size())) return head;
  }
  return t;
}

}  // namespace dateline::html
