// The date a page shows its readers (html_meta.h, via meta_internal.h): the
// first short date-bearing text near the headline, "By Jane Doe · May 5,
// 2025" or "Last updated: August 19, 2025". Dates inside running prose or far
// below the headline (comments, teasers, "more stories") are not taken.
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

#include "clean/html_meta.h"
#include "clean/meta_internal.h"

namespace dateline::html {
namespace {

// Window around the headline, in code points of collapsed visible text:
// bylines sit just above or below it.
constexpr int kBefore = 300;
constexpr int kAfter = 2000;
// A date-bearing text node longer than this is prose, not a byline.
constexpr size_t kMaxLineBytes = 120;

bool InvisibleText(const HtmlDom& dom, int i) {
  for (int p = dom.node(i).parent; p >= 0; p = dom.node(p).parent) {
    switch (dom.node(p).tag) {
      case Tag::kHead: case Tag::kTitle: case Tag::kScript: case Tag::kStyle:
      case Tag::kNoscript: case Tag::kTemplate: case Tag::kTextarea: case Tag::kOption:
        return true;
      default:
        break;
    }
  }
  return false;
}

int32_t CodePoints(const std::string& s) {
  int32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// "3/17/2025" (US order) — the one common byline form NormalizeDate leaves out.
std::optional<std::string> SlashDate(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))) continue;
    int m, d, y;
    char tail;
    if (std::sscanf(std::string(s.substr(i, 12)).c_str(), "%2d/%2d/%4d%c", &m, &d, &y, &tail) >= 3 &&
        m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100) {
      char b[16];
      std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
      return std::string(b);
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> DisplayedDates(const HtmlDom& dom, int anchor) {
  std::vector<std::pair<int32_t, std::string>> dated;  // (position, YYYY-MM-DD)
  int32_t pos = 0, anchor_pos = anchor < 0 ? 0 : -1;
  for (int i = 0; i < dom.size(); ++i) {
    if (i == anchor) anchor_pos = pos;
    if (anchor_pos >= 0 && pos > anchor_pos + kAfter) break;
    const Node& n = dom.node(i);
    if (n.tag != Tag::kText || InvisibleText(dom, i)) continue;
    std::string line;
    AppendCollapsed(n.text, &line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) continue;
    if (line.size() >= 6 && line.size() <= kMaxLineBytes) {
      std::optional<std::string> d = NormalizeDate(line);
      if (!d) d = SlashDate(line);
      if (d) dated.emplace_back(pos, d->substr(0, 10));
    }
    pos += CodePoints(line) + 1;
  }
  std::vector<std::string> out;
  if (anchor_pos < 0) return out;
  for (auto& [p, d] : dated)
    if (p >= anchor_pos - kBefore && p <= anchor_pos + kAfter) out.push_back(std::move(d));
  return out;
}

}  // namespace dateline::html
