// What a page shows its readers next to the headline (html_meta.h, via
// meta_internal.h): the visible text lines, the date in a short line such as
// "Last updated: August 19, 2025", and the byline ("By Jane Doe", "Written
// by" + name, class*=author|byline). Dates and names inside running prose or
// far below the headline (comments, teasers, "more stories") are not taken.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

#include "clean/html_meta.h"
#include "clean/meta_internal.h"

namespace dateline::html {
namespace {

// Window around the headline, in code points of collapsed visible text:
// bylines and dates sit just above or below it.
constexpr int32_t kDateBefore = 300;
constexpr int32_t kDateAfter = 2000;
constexpr int32_t kBylineBefore = 500;
constexpr int32_t kBylineAfter = 1500;
// A date-bearing text line longer than this is prose, not a byline.
constexpr size_t kMaxDateLineBytes = 120;
constexpr size_t kMaxBylineBytes = 160;

bool InvisibleTag(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kScript: case Tag::kStyle: case Tag::kNoscript:
    case Tag::kTemplate: case Tag::kTextarea: case Tag::kOption: case Tag::kSelect: case Tag::kSvg:
      return true;
    default:
      return false;
  }
}

int32_t CodePoints(const std::string& s) {
  int32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

// "3/17/2025" (US order) — the one common byline form NormalizeDate leaves out.
std::optional<std::string> SlashDate(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) continue;
    int m, d, y;
    if (std::sscanf(std::string(s.substr(i, 10)).c_str(), "%2d/%2d/%4d", &m, &d, &y) == 3 &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100) {
      char b[16];
      std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
      return std::string(b);
    }
  }
  return std::nullopt;
}

bool InWindow(int32_t pos, int32_t anchor, int32_t before, int32_t after) {
  return pos >= anchor - before && pos <= anchor + after;
}

// A byline label with no name after it, or a joining word: the name is in
// the next text node ("By" <a>Jane Doe</a>, "Jane Doe" "and" "John Roe").
bool OpensName(const std::string& low) {
  for (std::string_view w : {"by", "by:", "written by", "posted by", "author:", "authors:", "authored by",
                             "words by", "text by", "story by", "written by:", "and", "&", ","})
    if (low == w) return true;
  return low.size() > 4 && (low.compare(low.size() - 4, 4, " and") == 0 || low.back() == ',' ||
                            low.compare(low.size() - 3, 3, " by") == 0);
}

bool StartsByline(const std::string& low) {
  if (low == "by") return true;
  for (std::string_view w : {"by ", "by:", "written by", "posted by", "author:", "authored by", "words by",
                             "text by", "story by"})
    if (low.compare(0, w.size(), w) == 0) return true;
  return false;
}

bool Joins(const std::string& low) {
  return low == "and" || low == "&" || low == "," || low.rfind("and ", 0) == 0 || low.rfind(", ", 0) == 0;
}

bool InNav(const HtmlDom& dom, int i) {
  for (int p = dom.node(i).parent; p >= 0; p = dom.node(p).parent)
    if (dom.node(p).tag == Tag::kNav || dom.node(p).tag == Tag::kFooter) return true;
  return false;
}

// Text nodes of lines[from..to) merged where a piece opens a name.
std::vector<std::string> MergedPieces(const std::vector<TextLine>& lines, size_t from, size_t to) {
  std::vector<std::string> out;
  bool open = false;
  for (size_t k = from; k < to; ++k) {
    const std::string& t = lines[k].text;
    std::string low = Lower(t);
    bool joins = Joins(low);
    if (!out.empty() && (open || joins)) out.back() += " " + t;
    else out.push_back(t);
    open = OpensName(Lower(out.back())) || joins;
  }
  return out;
}

bool AuthorClass(const std::string& cls) {
  if (cls.find("byline") == std::string::npos && cls.find("author") == std::string::npos) return false;
  for (std::string_view bad : {"bio", "avatar", "image", "img", "photo", "authority", "desc", "about"})
    if (cls.find(bad) != std::string::npos) return false;
  return true;
}

// Visible bylines must look like names: every word capitalised (name
// particles and credentials after a comma aside), so "By following the
// tips below" is not taken.
bool CapitalisedName(const std::string& name) {
  std::string head = name.substr(0, name.find(','));
  size_t i = 0;
  int words = 0;
  while (i < head.size()) {
    size_t e = head.find(' ', i);
    if (e == std::string::npos) e = head.size();
    std::string w = head.substr(i, e - i);
    i = e + 1;
    if (w.empty()) continue;
    ++words;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (std::isupper(c) || c >= 0x80) continue;
    std::string low = Lower(w);
    bool particle = false;
    for (std::string_view p : {"van", "der", "den", "de", "la", "le", "da", "di", "del", "von", "dos", "du", "bin", "al", "el"})
      particle = particle || low == p;
    if (!particle) return false;
  }
  return words >= 1 && words <= 5;
}

}  // namespace

std::vector<TextLine> VisibleLines(const HtmlDom& dom, int anchor, int32_t* anchor_pos) {
  std::vector<TextLine> lines;
  int32_t pos = 0;
  *anchor_pos = anchor < 0 ? 0 : -1;
  for (int i = 0; i < dom.size(); ++i) {
    if (i == anchor) *anchor_pos = pos;
    const Node& n = dom.node(i);
    if (InvisibleTag(n.tag)) {
      if (anchor > i && anchor < n.end) *anchor_pos = pos;
      i = n.end - 1;
      continue;
    }
    if (n.tag != Tag::kText) continue;
    std::string line;
    AppendCollapsed(n.text, &line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) continue;
    lines.push_back({i, pos, line});
    pos += CodePoints(line) + 1;
  }
  return lines;
}

std::vector<std::string> DisplayedDates(const std::vector<TextLine>& lines, int32_t anchor_pos) {
  std::vector<std::string> out;
  if (anchor_pos < 0) return out;
  for (const auto& l : lines) {
    if (l.pos > anchor_pos + kDateAfter) break;
    if (!InWindow(l.pos, anchor_pos, kDateBefore, kDateAfter)) continue;
    if (l.text.size() < 6 || l.text.size() > kMaxDateLineBytes) continue;
    std::optional<std::string> d = NormalizeDate(l.text);
    if (!d) d = SlashDate(l.text);
    if (d) out.push_back(d->substr(0, 10));
  }
  return out;
}

std::vector<std::string> DisplayedAuthors(const HtmlDom& dom, const std::vector<TextLine>& lines,
                                          int32_t anchor_pos) {
  if (anchor_pos < 0) return {};
  std::vector<std::string> names;
  for (size_t k = 0; k < lines.size() && names.empty(); ++k) {
    const TextLine& l = lines[k];
    if (l.pos > anchor_pos + kBylineAfter) break;
    if (!InWindow(l.pos, anchor_pos, kBylineBefore, kBylineAfter) || l.text.size() > kMaxBylineBytes ||
        InNav(dom, l.node))
      continue;
    std::string low = Lower(l.text);
    // An author-named element: its text nodes (the first name-like piece).
    int owner = -1;
    for (int p = dom.node(l.node).parent; p >= 0 && owner < 0 && dom.node(p).end - p < 40; p = dom.node(p).parent)
      if (AuthorClass(dom.ClassAndId(p))) owner = p;
    size_t to = k + 1;
    if (owner >= 0) {
      while (to < lines.size() && lines[to].node < dom.node(owner).end) ++to;
    } else if (StartsByline(low)) {
      while (to < lines.size() && to < k + 8 &&
             (OpensName(Lower(lines[to - 1].text)) || Joins(Lower(lines[to].text))))
        ++to;
    } else {
      continue;
    }
    for (const auto& piece : MergedPieces(lines, k, to)) {
      if (piece.size() > kMaxBylineBytes) continue;
      names = SplitAuthors(piece);
      names.erase(std::remove_if(names.begin(), names.end(), [](const std::string& n) { return !CapitalisedName(n); }),
                  names.end());
      if (!names.empty()) break;
    }
    if (owner >= 0) {
      while (k + 1 < to) ++k;
    }
  }
  return names;
}

}  // namespace dateline::html
