// The page title for ReadMeta (html_meta.h, via meta_internal.h): the visible
// <h1> headline when it agrees with the metadata title (og:title, JSON-LD
// headline, <title>), else that metadata title; site names, taglines,
// labels ("Blog:") and leading dates removed.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "clean/html_analysis.h"
#include "clean/html_meta.h"
#include "clean/meta_internal.h"

namespace dateline::html {
namespace {

// Word-set Jaccard below which an h1 is not the page's headline.
constexpr double kMinHeadlineOverlap = 0.1;

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> w;
  std::string cur;
  for (char c : s + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!cur.empty()) {
      w.insert(cur);
      cur.clear();
    }
  }
  return w;
}

std::string Alnum(std::string_view s) {
  std::string o;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
      o.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return o;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    if (c != ' ' && !in) ++n;
    in = c != ' ';
  }
  return n;
}

// Text of a heading with a space where <br> or a block element breaks it
// ("WEEKEND<br>CODING" is two words).
std::string HeadingText(const HtmlDom& dom, int i) {
  std::string out;
  for (int k = i + 1; k < dom.node(i).end; ++k) {
    const Node& n = dom.node(k);
    if (n.tag == Tag::kText) {
      AppendCollapsed(n.text, &out);
    } else if ((n.tag == Tag::kBr || IsBlockTag(n.tag)) && !out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The visible headline: the <h1> sharing most words with the metadata title
// (the only one when there is one), unless it is too short to be a headline.
// Returns the node index, or -1.
int BestH1(const HtmlDom& dom, const std::string& base) {
  std::set<std::string> bw = Words(base);
  int best = -1;
  int best_overlap = -1;
  for (int i = dom.Find(Tag::kH1); i >= 0; i = dom.Find(Tag::kH1, i + 1)) {
    std::string t = dom.Text(i);
    if (t.size() < 3 || t.size() > 300) continue;
    int overlap = 0;
    std::set<std::string> tw = Words(t);
    for (const auto& w : tw) overlap += bw.count(w);
    // A one-word h1 ("Coffee") only when the metadata title names it.
    if (t.find(' ') == std::string::npos && (tw.size() != 1 || overlap != 1)) continue;
    if (overlap > best_overlap) best = i, best_overlap = overlap;
  }
  return best;
}

// The metadata title is shown as a sub-heading (h2-h6): the page's own
// headline sits there and the h1 is a site or section banner.
bool ShownAsSubheading(const HtmlDom& dom, const std::string& title) {
  std::string want = Alnum(title);
  if (want.size() < 8) return false;
  for (int i = 0; i < dom.size(); ++i) {
    Tag t = dom.node(i).tag;
    if (t != Tag::kH2 && t != Tag::kH3 && t != Tag::kH4 && t != Tag::kH5 && t != Tag::kH6) continue;
    if (Alnum(dom.Text(i)) == want) return true;
  }
  return false;
}

// "Gym Workouts for Beginners — Strength Training": a tail of at most four
// words after the first dash or bar is a tagline, dropped when the head has
// three words or more.
std::string CutTagline(const std::string& t) {
  size_t cut = std::string::npos, len = 0;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t p = t.find(sep);
    if (p != std::string::npos && p > 0 && p < cut) cut = p, len = sep.size();
  }
  if (cut == std::string::npos) return t;
  std::string_view head(t.data(), cut), tail(t.data() + cut + len, t.size() - cut - len);
  return CountWords(head) >= 3 && CountWords(tail) <= 4 ? std::string(head) : t;
}

// UTF-8 read as Latin-1 ("Investorâ\u0080\u0099s"): every non-ASCII code
// point is below U+0100 and their bytes form valid multi-byte UTF-8.
std::string RepairLatin1Mojibake(const std::string& s) {
  std::string bytes;
  bool multi = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bytes.push_back(static_cast<char>(c));
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
      bytes.push_back(static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F)));
    } else {
      return s;
    }
  }
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= bytes.size() + (n == 0 ? 1 : 0)) return s;
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return s;
    multi = multi || n > 0;
    i += n + 1;
  }
  return multi ? bytes : s;
}

// Leading furniture: "Blog: ", "Title:", a date ("Dec 18 2025 "), the site
// name or domain followed by a separator or space ("davidbau.com Vibe Coding").
std::string StripLead(std::string t, const std::string& site, const std::string& domain) {
  std::string low = t;
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view label : {"blog:", "title:", "article:", "post:"})
    if (low.rfind(label, 0) == 0) return StripLead(t.substr(label.size() + (t.size() > label.size() && t[label.size()] == ' ')), site, domain);
  for (const std::string& pre : {domain, site}) {
    if (pre.size() < 4 || low.size() <= pre.size() + 1) continue;
    std::string lp = pre;
    for (auto& c : lp) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (low.rfind(lp, 0) != 0) continue;
    std::string_view rest(t.data() + lp.size(), t.size() - lp.size());
    size_t b = rest.find_first_not_of(" |:-\xE2\x80\x93\x94\xC2\xBB");
    if (b == std::string_view::npos || b == 0) continue;
    if (CountWords(rest.substr(b)) >= 2 && (pre == domain || rest.substr(0, b) != " ")) return std::string(rest.substr(b));
  }
  // "Site | Title": a first segment naming the site or domain.
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": "}) {
    size_t p = t.find(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string first = Alnum(std::string_view(t).substr(0, p));
    std::string d = Alnum(domain.substr(0, domain.rfind('.'))), s = Alnum(site);
    if (first.size() >= 4 && (first == d || first == s) && CountWords(std::string_view(t).substr(p + sep.size())) >= 2)
      return StripLead(t.substr(p + sep.size()), site, domain);
  }
  // A domain ("davidbau.com", "Site | Site.com - Title") among the first two
  // segments: the site's name; the title follows it.
  size_t seg_start = 0;
  for (int seg = 0; seg < 2; ++seg) {
    size_t end = t.find(' ', seg_start);
    if (end == std::string::npos) break;
    std::string tok = t.substr(seg_start, end - seg_start);
    size_t dot = tok.rfind('.');
    bool domain_like = dot != std::string::npos && dot > 0 && tok.size() - dot >= 3 && tok.size() - dot <= 4;
    for (size_t k = dot + 1; domain_like && k < tok.size(); ++k)
      domain_like = std::islower(static_cast<unsigned char>(tok[k]));
    size_t b = t.find_first_not_of(" |:-\xE2\x80\x93\x94\xC2\xBB", end);
    if (domain_like && b != std::string::npos && CountWords(std::string_view(t).substr(b)) >= 2) return t.substr(b);
    size_t next = std::string::npos;
    for (std::string_view sep : {" | ", " - "}) next = std::min(next, t.find(sep, seg_start));
    if (next == std::string::npos) break;
    seg_start = next + 3;
  }
  // A date of three tokens at the start, then at least two words.
  size_t third = 0;
  for (int k = 0; k < 3 && third != std::string::npos; ++k) third = t.find(' ', third + (k > 0));
  if (third != std::string::npos && third <= 20 && CountWords(std::string_view(t).substr(third)) >= 2) {
    std::string head = t.substr(0, third);
    if (std::isdigit(static_cast<unsigned char>(head.back())) && NormalizeDate(head)) return t.substr(third + 1);
  }
  // ... or at the end ("Backpacking Checklist January 1, 2025").
  size_t end_date = t.size();
  for (int k = 0; k < 3 && end_date != std::string::npos && end_date > 0; ++k) end_date = t.rfind(' ', end_date - 1);
  if (end_date != std::string::npos && end_date > 0 && t.size() - end_date <= 20 &&
      std::isdigit(static_cast<unsigned char>(t.back())) && NormalizeDate(t.substr(end_date + 1)) &&
      CountWords(std::string_view(t).substr(0, end_date)) >= 3)
    return t.substr(0, end_date);
  return t;
}

std::string Collapse(std::string_view s) {
  std::string o;
  AppendCollapsed(s, &o);
  while (!o.empty() && o.back() == ' ') o.pop_back();
  return o;
}

}  // namespace

std::string ChooseTitle(const HtmlDom& dom, const std::string& og, const JsonLdMeta& ld,
                        const std::string& site, const std::string& domain, int* h1) {
  std::string base = !og.empty() ? og : ld.headline;
  if (base.empty()) {
    int t = dom.Find(Tag::kTitle);
    if (t >= 0) base = dom.Text(t);
  }
  base = StripLead(StripSiteName(base, site), site, domain);
  *h1 = BestH1(dom, base);
  std::string title = base;
  if (*h1 >= 0) {
    std::string head = StripLead(StripSiteName(HeadingText(dom, *h1), site), site, domain);
    // An h1 sharing (almost) no words with a real metadata title is a site or
    // section name ("Antoyo's Blog", "Contact Us"): the metadata title wins.
    std::set<std::string> hw = Words(head), bw = Words(base);
    int common = 0;
    for (const auto& w : hw) common += bw.count(w);
    double jaccard = hw.empty() ? 0.0 : static_cast<double>(common) / (hw.size() + bw.size() - common);
    bool banner = (bw.size() >= 3 && jaccard < kMinHeadlineOverlap) ||
                  (Alnum(head) != Alnum(base) && ShownAsSubheading(dom, base));
    if (!banner) title = head;
  }
  return CutTagline(Collapse(RepairLatin1Mojibake(title)));
}

}  // namespace dateline::html
