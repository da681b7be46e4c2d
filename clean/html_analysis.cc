// Analyze(): four linear passes over the node vector (pre-order, so a parent
// always precedes its children): hard junk (forward), raw stats (reverse),
// class/role junk using those stats (forward), final stats (reverse).
#include "clean/html_analysis.h"

#include <algorithm>
#include <string>

namespace dateline::html {
namespace {

bool IsHardJunkTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate:
    case Tag::kSvg: case Tag::kMath: case Tag::kIframe: case Tag::kHead: case Tag::kTitle:
    case Tag::kMeta: case Tag::kLink: case Tag::kButton: case Tag::kSelect: case Tag::kOption:
    case Tag::kTextarea: case Tag::kInput: case Tag::kDialog: case Tag::kCanvas:
    case Tag::kVideo: case Tag::kAudio: case Tag::kObject: case Tag::kEmbed: case Tag::kMap:
      return true;
    default:
      return false;
  }
}

// Elements that are boilerplate by their role unless they hold many paragraphs.
bool IsSoftJunkTag(Tag t) {
  return t == Tag::kNav || t == Tag::kAside || t == Tag::kFooter || t == Tag::kHeader ||
         t == Tag::kForm || t == Tag::kMenu;
}

bool Contains(const std::string* s, std::string_view what) {
  return s && s->find(what) != std::string::npos;
}

bool IsHidden(const HtmlDom& dom, int i) {
  if (dom.Attribute(i, "hidden")) return true;
  const std::string* aria = dom.Attribute(i, "aria-hidden");
  if (aria && *aria == "true") return true;
  const std::string* style = dom.Attribute(i, "style");
  if (!style) return false;
  std::string s;
  for (char c : *style)
    if (c != ' ') s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool IsJunkRole(const std::string* role) {
  if (!role) return false;
  for (std::string_view r : {"navigation", "banner", "contentinfo", "complementary", "dialog",
                             "alert", "menu", "search", "toolbar", "alertdialog"})
    if (*role == r) return true;
  return false;
}

void Accumulate(const HtmlDom& dom, const std::vector<uint8_t>& junk, std::vector<NodeStats>* st) {
  const auto& nodes = dom.nodes();
  int n = dom.size();
  st->assign(n, NodeStats{});
  for (int i = n - 1; i > 0; --i) {
    if (junk[i]) continue;
    const Node& e = nodes[i];
    NodeStats& s = (*st)[i];
    if (e.tag == Tag::kText) {
      s.chars = CountChars(e.text);
      for (char c : e.text) s.commas += c == ',';
    } else {
      if (e.tag == Tag::kA) s.link_chars = s.chars;
      if (e.tag == Tag::kImg) ++s.imgs;
      if (e.tag == Tag::kInput || e.tag == Tag::kTextarea || e.tag == Tag::kSelect) ++s.inputs;
      if (e.tag == Tag::kLi) ++s.lis;
      if (e.tag == Tag::kP && s.chars >= 40) ++s.paras;
      if (!s.has_block && IsBlockTag(e.tag) && s.chars >= 80 && s.link_chars * 4 < s.chars)
        s.prose = s.chars;
    }
    NodeStats& p = (*st)[e.parent];
    p.chars += s.chars;
    p.link_chars += s.link_chars;
    p.commas += s.commas;
    p.imgs += s.imgs;
    p.inputs += s.inputs;
    p.lis += s.lis;
    p.paras += s.paras;
    p.prose += s.prose;
    p.has_block = p.has_block || s.has_block || IsBlockTag(e.tag);
  }
}

// A block whose class/id looks like boilerplate is still kept when it is
// named like content and holds real text, or holds most of the page's prose
// (a layout wrapper such as "page has-sidebar").
bool Protected(const NodeStats& s, const NodeStats& body, bool positive, Tag t) {
  double ld = s.chars ? static_cast<double>(s.link_chars) / s.chars : 0.0;
  bool texty = ld < 0.35 && (s.paras >= 2 || s.chars >= 400);
  if ((positive || t == Tag::kArticle) && texty) return true;
  return body.prose >= 200 && s.prose * 2 > body.prose;
}

}  // namespace

bool IsHeadingTag(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain:
    case Tag::kPre: case Tag::kTd: case Tag::kTh: case Tag::kLi: case Tag::kDd: case Tag::kDt:
    case Tag::kBlockquote: case Tag::kUl: case Tag::kOl: case Tag::kDl: case Tag::kTable:
    case Tag::kTr: case Tag::kTbody: case Tag::kThead: case Tag::kTfoot: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kHeader: case Tag::kFooter: case Tag::kAside: case Tag::kNav:
    case Tag::kForm: case Tag::kAddress: case Tag::kCenter: case Tag::kDetails:
    case Tag::kSummary: case Tag::kCaption: case Tag::kHr: case Tag::kFieldset: case Tag::kBody:
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kMenu:
      return true;
    default:
      return false;
  }
}

int32_t CountChars(std::string_view s) {
  int32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if ((c & 0xC0) == 0x80) continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) continue;
    ++n;
  }
  return n;
}

Analysis Analyze(const HtmlDom& dom, const HtmlRules& rules, bool lenient) {
  Analysis a;
  int n = dom.size();
  const auto& nodes = dom.nodes();
  a.junk.assign(n, kKeep);
  a.weight.assign(n, 0);
  std::vector<uint8_t> hidden(n, 0);
  for (int i = 1; i < n; ++i) {
    const Node& e = nodes[i];
    if (a.junk[e.parent] == kHard) {
      a.junk[i] = kHard;
      continue;
    }
    if (e.tag == Tag::kText) continue;
    if (IsHardJunkTag(e.tag)) a.junk[i] = kHard;
    if (IsHidden(dom, i)) hidden[i] = 1;
    std::string cls = dom.ClassAndId(i);
    a.weight[i] = static_cast<int8_t>(rules.ClassWeight(cls));
    const std::string* prop = dom.Attribute(i, "itemprop");
    if (Contains(prop, "articleBody") || Contains(prop, "articlebody")) a.weight[i] = 2;
  }
  std::vector<NodeStats> raw;
  Accumulate(dom, a.junk, &raw);
  int body = std::max(0, dom.Find(Tag::kBody));
  a.raw_prose = raw[body].prose;
  for (int i = 1; i < n; ++i) {
    const Node& e = nodes[i];
    if (a.junk[i] == kHard || e.tag == Tag::kText) continue;
    if (a.junk[e.parent] != kKeep) {
      a.junk[i] = a.junk[e.parent];
      continue;
    }
    // Hidden wrappers holding most of the prose are streamed-in content.
    if (hidden[i] && !(raw[body].prose >= 200 && raw[i].prose * 2 > raw[body].prose)) {
      a.junk[i] = kHard;
      continue;
    }
    if (e.tag == Tag::kBody || e.tag == Tag::kHtml || e.tag == Tag::kMain || a.weight[i] > 1) continue;
    bool soft = IsSoftJunkTag(e.tag) || IsJunkRole(dom.Attribute(i, "role"));
    std::string cls = dom.ClassAndId(i);
    bool negative = a.weight[i] < 0 || (a.weight[i] == 0 && rules.IsNegative(cls));
    if (soft && raw[i].paras < 5) a.junk[i] = kByClass;
    if (lenient) negative = false;
    if (negative && !Protected(raw[i], raw[body], rules.IsPositive(cls), e.tag))
      a.junk[i] = kByClass;
    if (rules.IsStrongNegative(cls)) a.junk[i] = kByClass;
  }
  Accumulate(dom, a.junk, &a.stats);
  return a;
}

}  // namespace dateline::html
