// Name normalisation (see entity_names.h).
#include "annotate/entity_names.h"

#include <cstdlib>

#include <utf8proc.h>

namespace dateline {
namespace {

// Lower case, accents stripped (NFKD + strip marks + case fold).
std::string Fold(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                             UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, opts);
  std::string r;
  if (n >= 0 && out) r.assign(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

bool EndsWith(const std::string& s, std::string_view e) {
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

// Folds transliteration variants of a word's ending.
std::string FoldWord(std::string w) {
  if (w.size() <= 3) return w;
  for (std::string_view e : {"yy", "iy", "ii", "ij", "yi", "yj"}) {
    if (EndsWith(w, e)) return w.substr(0, w.size() - 2) + "y";
  }
  if (EndsWith(w, "i") && w.size() > 4) return w.substr(0, w.size() - 1) + "y";
  return w;
}

}  // namespace

std::vector<std::string> NameKeyWords(std::string_view name) {
  std::string f = Fold(name);
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(FoldWord(cur));
    cur.clear();
  };
  for (char c : f) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) cur.push_back(c);
    else if (c == '\'' || c == '.') continue;  // "O'Brien" -> "obrien", "U.S." -> "us"
    else flush();
  }
  flush();
  // A possessive "s" split off by the apostrophe rule is not a word.
  return words;
}

std::string NameKey(std::string_view name) {
  std::string out;
  for (const auto& w : NameKeyWords(name)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string Initials(std::string_view name) {
  std::string out;
  size_t words = 0, i = 0;
  while (i < name.size()) {
    while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
    std::string_view w = name.substr(i, j - i);
    i = j;
    if (w.empty()) continue;
    ++words;
    if (w == "of" || w == "the" || w == "and" || w == "for" || w == "on" || w == "&") continue;
    if (w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  }
  return words >= 2 ? out : "";
}

bool IsAcronym(std::string_view name) {
  size_t letters = 0;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.') return false;
  }
  return letters >= 2 && letters <= 6;
}

std::string AcronymKey(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != '.') out.push_back(c);
  return out;
}

}  // namespace dateline
