// ExtractDumpMeta: which lines of a dump are its title, byline, captions and
// masthead, given the body lines the classifier chose. See docs/clean-dump.md.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "clean/dump_lines.h"
#include "clean/dump_meta.h"

namespace dateline {
namespace {

const char* kTitleSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · "};

// "Headline - Outlet" (an HTML title at the top of a dump): {headline, outlet}.
std::pair<std::string, std::string> SplitTitleTag(const std::string& line) {
  size_t best = std::string::npos, len = 0;
  for (const char* sep : kTitleSeparators) {
    size_t p = line.rfind(sep);
    if (p != std::string::npos && (best == std::string::npos || p > best)) best = p, len = std::strlen(sep);
  }
  if (best == std::string::npos) return {};
  std::string head = line.substr(0, best), tail = line.substr(best + len);
  if (CountWords(head) < 3 || CountWords(tail) < 1 || CountWords(tail) > 5) return {};
  return {head, tail};
}

bool Furniture(const LineFacts& f) {
  for (const auto& k : f.kw)
    if (k == "subscribe" || k == "cookie" || k == "social" || k == "nav" || k == "advert") return true;
  return false;
}

// Capitalised "The ..." phrases (the way mastheads are named in running
// text: "The Kyiv Independent’s", "The Kyiv IndependentOleg Sukhov").
std::vector<std::string> TheNames(std::string_view s) {
  std::vector<std::string> out;
  for (size_t p = s.find("The "); p != std::string_view::npos; p = s.find("The ", p + 4)) {
    if (p > 0 && std::isalpha(static_cast<unsigned char>(s[p - 1]))) continue;
    size_t i = p + 4;
    std::string name = "The";
    int words = 0;
    while (i < s.size() && std::isupper(static_cast<unsigned char>(s[i])) && words < 4) {
      size_t j = i + 1;
      while (j < s.size() && std::islower(static_cast<unsigned char>(s[j]))) ++j;
      if (j - i < 2) break;
      name += " " + std::string(s.substr(i, j - i));
      ++words;
      if (j >= s.size() || s[j] != ' ') break;
      i = j + 1;
    }
    if (words >= 1) out.push_back(name);
  }
  return out;
}

size_t FirstBody(const std::vector<bool>& body) {
  for (size_t i = 0; i < body.size(); ++i)
    if (body[i]) return i;
  return body.size();
}

}  // namespace

void ExtractDumpMeta(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body, Document* d) {
  const auto& L = page.lines;
  const size_t n = L.size();
  if (n == 0) return;
  size_t first = FirstBody(*body);
  size_t last = first;
  for (size_t i = first; i < n; ++i)
    if ((*body)[i]) last = i;
  bool has_body = first < n;
  size_t top_begin = has_body ? (first > 15 ? first - 15 : 0) : 0;
  size_t top_end = has_body ? std::min(n, first + 3) : std::min<size_t>(n, 60);
  std::vector<bool> used(n, false);

  // Captions: photo credits around and inside the body.
  size_t cap_begin = has_body ? (first > 8 ? first - 8 : 0) : n;
  for (size_t i = cap_begin; has_body && i <= last; ++i) {
    if (!rules.IsCaption(L[i].text)) continue;
    if ((*body)[i] && page.facts[i].words > 60) continue;
    d->captions.push_back(L[i].text);
    (*body)[i] = false;
    used[i] = true;
  }
  // Byline near the top: authors and date.
  std::optional<size_t> byline;
  for (size_t i = top_begin; i < top_end && !byline; ++i) {
    std::vector<std::string> a = rules.BylineAuthors(L[i].text);
    if (a.empty()) continue;
    byline = i;
    if (d->authors.empty()) d->authors = a;
    if (!d->published)
      if (auto date = rules.FindDate(L[i].text)) d->published = *date, d->published_source = "byline";
    (*body)[i] = false;
    used[i] = true;
  }
  // "Author: ..." lines elsewhere.
  for (size_t i = 0; i < n && d->authors.empty(); ++i)
    if (!(*body)[i] && L[i].text.find(':') != std::string::npos && page.facts[i].words <= 12)
      if (auto a = rules.BylineAuthors(L[i].text); !a.empty() && L[i].text.find(':') < 10) d->authors = a;
  // A dateline just above the body.
  if (!d->published && has_body) {
    for (size_t i = first > 6 ? first - 6 : 0; i < first; ++i)
      if (page.facts[i].words <= 15)
        if (auto date = rules.FindDate(L[i].text)) {
          d->published = *date;
          d->published_source = "text";
          used[i] = true;
          break;
        }
  }
  // Title.
  auto [tag_title, tag_outlet] = SplitTitleTag(L[0].text);
  if (!d->title) {
    double best = -1e9;
    std::optional<size_t> pick;
    size_t end = has_body ? first : std::min<size_t>(n, 30);
    for (size_t i = has_body ? (first > 12 ? first - 12 : 0) : 0; i < end; ++i) {
      const LineFacts& f = page.facts[i];
      if (used[i] || f.words < 2 || f.words > 30 || Furniture(f)) continue;
      if (f.end == ":" || f.end == "," || (f.template_share >= 0.5)) continue;
      if (rules.FindDate(L[i].text) && f.words <= 10) continue;
      double s = -0.15 * static_cast<double>(end - i);
      if (!tag_title.empty() && (L[i].text == tag_title || tag_title.rfind(L[i].text, 0) == 0)) s += 3;
      if (f.dup >= 2) s += 1.5;
      if (byline && *byline > i && *byline - i <= 3) s += 2;
      if (f.end == "a" || f.end == "!" || f.end == "q" || f.end == "0") s += 1;
      if (f.words < 4) s -= 2;
      if (f.sentences >= 2) s -= 2;
      if (s > best) best = s, pick = i;
    }
    if (pick) d->title = L[*pick].text;
    else if (!tag_title.empty()) d->title = tag_title;
  }
  // Outlet: an app advert, the title tag, or a masthead phrase.
  if (!d->outlet) {
    for (size_t i = 0; i < n && !d->outlet; ++i)
      if (std::string b = rules.AppBrand(L[i].text); !b.empty()) d->outlet = b;
  }
  if (!d->outlet && !tag_outlet.empty()) d->outlet = tag_outlet;
  if (!d->outlet) {
    std::map<std::string, int> count;
    for (size_t i = 0; i < n; ++i)
      if (!(*body)[i])
        for (const auto& name : TheNames(L[i].text)) ++count[name];
    for (const auto& a : d->authors)
      for (const auto& name : TheNames(a)) ++count[name];
    int best = 1;
    for (const auto& [name, c] : count)
      if (c > best) best = c, d->outlet = name;
  }
}

}  // namespace dateline
