// HtmlDom: tokenizer and tree builder (see html_dom.h for what is covered).
#include "clean/html_dom.h"

#include <cstring>
#include <unordered_map>

namespace dateline::html {
namespace {

struct TagName {
  const char* name;
  Tag tag;
};
constexpr TagName kTags[] = {
    {"html", Tag::kHtml}, {"head", Tag::kHead}, {"body", Tag::kBody}, {"title", Tag::kTitle},
    {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"script", Tag::kScript}, {"style", Tag::kStyle},
    {"noscript", Tag::kNoscript}, {"template", Tag::kTemplate}, {"svg", Tag::kSvg},
    {"math", Tag::kMath}, {"iframe", Tag::kIframe}, {"p", Tag::kP}, {"div", Tag::kDiv},
    {"span", Tag::kSpan}, {"a", Tag::kA}, {"br", Tag::kBr}, {"hr", Tag::kHr}, {"img", Tag::kImg},
    {"h1", Tag::kH1}, {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5},
    {"h6", Tag::kH6}, {"ul", Tag::kUl}, {"ol", Tag::kOl}, {"li", Tag::kLi}, {"dl", Tag::kDl},
    {"dt", Tag::kDt}, {"dd", Tag::kDd}, {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre},
    {"code", Tag::kCode}, {"table", Tag::kTable}, {"thead", Tag::kThead}, {"tbody", Tag::kTbody},
    {"tfoot", Tag::kTfoot}, {"tr", Tag::kTr}, {"td", Tag::kTd}, {"th", Tag::kTh},
    {"caption", Tag::kCaption}, {"figure", Tag::kFigure}, {"figcaption", Tag::kFigcaption},
    {"picture", Tag::kPicture}, {"source", Tag::kSource}, {"article", Tag::kArticle},
    {"section", Tag::kSection}, {"main", Tag::kMain}, {"header", Tag::kHeader},
    {"footer", Tag::kFooter}, {"nav", Tag::kNav}, {"aside", Tag::kAside}, {"form", Tag::kForm},
    {"input", Tag::kInput}, {"button", Tag::kButton}, {"select", Tag::kSelect},
    {"option", Tag::kOption}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel},
    {"time", Tag::kTime}, {"b", Tag::kB}, {"i", Tag::kI}, {"em", Tag::kEm},
    {"strong", Tag::kStrong}, {"small", Tag::kSmall}, {"sup", Tag::kSup}, {"sub", Tag::kSub},
    {"u", Tag::kU}, {"address", Tag::kAddress}, {"video", Tag::kVideo}, {"audio", Tag::kAudio},
    {"canvas", Tag::kCanvas}, {"object", Tag::kObject}, {"embed", Tag::kEmbed},
    {"fieldset", Tag::kFieldset}, {"legend", Tag::kLegend}, {"details", Tag::kDetails},
    {"summary", Tag::kSummary}, {"dialog", Tag::kDialog}, {"menu", Tag::kMenu},
    {"center", Tag::kCenter}, {"font", Tag::kFont}, {"wbr", Tag::kWbr}, {"abbr", Tag::kAbbr},
    {"cite", Tag::kCite}, {"q", Tag::kQ}, {"mark", Tag::kMark}, {"del", Tag::kDel},
    {"ins", Tag::kIns}, {"s", Tag::kS}, {"kbd", Tag::kKbd}, {"var", Tag::kVar},
    {"area", Tag::kArea}, {"base", Tag::kBase}, {"col", Tag::kCol}, {"param", Tag::kParam},
    {"track", Tag::kTrack}, {"colgroup", Tag::kColgroup}, {"map", Tag::kMap},
    {"nobr", Tag::kNobr},
};

bool IsVoid(Tag t) {
  switch (t) {
    case Tag::kArea: case Tag::kBase: case Tag::kBr: case Tag::kCol: case Tag::kEmbed:
    case Tag::kHr: case Tag::kImg: case Tag::kInput: case Tag::kLink: case Tag::kMeta:
    case Tag::kParam: case Tag::kSource: case Tag::kTrack: case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

// Elements whose content is not markup: skipped up to their end tag.
bool IsRawText(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kTextarea: case Tag::kTitle:
    case Tag::kIframe: case Tag::kNoscript: case Tag::kSvg: case Tag::kMath:
    case Tag::kTemplate:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (HTML "closes a p element" list).
bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote:
    case Tag::kDetails: case Tag::kDiv: case Tag::kDl: case Tag::kFieldset: case Tag::kFigcaption:
    case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2:
    case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader: case Tag::kHr:
    case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kPre:
    case Tag::kSection: case Tag::kTable: case Tag::kUl: case Tag::kLi: case Tag::kDd:
    case Tag::kDt: case Tag::kCenter: case Tag::kDialog: case Tag::kSummary:
      return true;
    default:
      return false;
  }
}

bool IsScopeBoundary(Tag t) {
  switch (t) {
    case Tag::kHtml: case Tag::kTable: case Tag::kTd: case Tag::kTh: case Tag::kCaption:
    case Tag::kTemplate: case Tag::kObject: case Tag::kButton:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

bool EqualsLower(std::string_view raw, std::string_view lower) {
  if (raw.size() != lower.size()) return false;
  for (size_t i = 0; i < raw.size(); ++i)
    if (Lower(raw[i]) != lower[i]) return false;
  return true;
}

}  // namespace

Tag TagFromName(std::string_view name) {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>();
    for (const TagName& t : kTags) (*m)[t.name] = t.tag;
    return m;
  }();
  auto it = map->find(name);
  return it == map->end() ? Tag::kOther : it->second;
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view src, int max_depth, HtmlDom* dom)
      : s_(src), max_depth_(max_depth), dom_(dom) {}

  void Run() {
    dom_->nodes_.reserve(s_.size() / 40 + 16);
    dom_->nodes_.push_back(Node{});
    open_.push_back(0);
    size_t pos = 0, n = s_.size();
    while (pos < n) {
      const void* lt = std::memchr(s_.data() + pos, '<', n - pos);
      size_t p = lt ? static_cast<const char*>(lt) - s_.data() : n;
      if (p > pos) AddText(s_.substr(pos, p - pos));
      if (p >= n) break;
      pos = Markup(p);
    }
    while (!open_.empty()) Pop();
  }

 private:
  // Handles markup at s_[p] == '<'; returns the position after it.
  size_t Markup(size_t p) {
    size_t n = s_.size();
    char c = p + 1 < n ? s_[p + 1] : '\0';
    if (c == '!') {
      if (s_.compare(p, 4, "<!--") == 0) {
        size_t e = s_.find("-->", p + 4);
        return e == std::string_view::npos ? n : e + 3;
      }
      if (s_.compare(p, 9, "<![CDATA[") == 0) {
        size_t e = s_.find("]]>", p + 9);
        size_t stop = e == std::string_view::npos ? n : e;
        AddText(s_.substr(p + 9, stop - p - 9));
        return stop == n ? n : stop + 3;
      }
      return SkipTo(p, '>');
    }
    if (c == '?') return SkipTo(p, '>');
    if (c == '/') return EndTag(p + 2);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return StartTag(p + 1);
    AddText(s_.substr(p, 1));
    return p + 1;
  }

  size_t SkipTo(size_t p, char ch) {
    size_t e = s_.find(ch, p);
    return e == std::string_view::npos ? s_.size() : e + 1;
  }

  size_t ReadName(size_t p, std::string* lower) {
    size_t n = s_.size();
    while (p < n && !IsSpace(s_[p]) && s_[p] != '>' && s_[p] != '/') lower->push_back(Lower(s_[p++]));
    return p;
  }

  size_t EndTag(size_t p) {
    std::string name;
    size_t q = ReadName(p, &name);
    size_t after = SkipTo(q, '>');
    if (name.empty()) return after;
    Tag t = TagFromName(name);
    if (t == Tag::kBr) {
      AddElement(Tag::kBr, 0, 0);
      return after;
    }
    if (t == Tag::kBody || t == Tag::kHtml) return after;
    for (int k = static_cast<int>(open_.size()) - 1; k > 0; --k) {
      const Node& e = dom_->nodes_[open_[k]];
      if (e.tag == t && (t != Tag::kOther || names_[k] == name)) {
        while (static_cast<int>(open_.size()) > k) Pop();
        return after;
      }
      if (t == Tag::kP && IsScopeBoundary(e.tag)) break;
    }
    return after;
  }

  size_t StartTag(size_t p) {
    std::string name;
    size_t q = ReadName(p, &name);
    int first_attr = static_cast<int>(dom_->attrs_.size());
    bool self_closing = false;
    q = ReadAttributes(q, &self_closing);
    int num_attrs = static_cast<int>(dom_->attrs_.size()) - first_attr;
    Tag t = TagFromName(name);
    ImplyEnds(t);
    if ((t == Tag::kHtml || t == Tag::kBody || t == Tag::kHead) && HasOpen(t)) return q;
    int idx = AddElement(t, first_attr, num_attrs);
    bool push = !IsVoid(t) && !(self_closing && t == Tag::kOther) &&
                static_cast<int>(open_.size()) < max_depth_;
    if (!push) return q;
    open_.push_back(idx);
    names_.resize(open_.size());
    names_.back() = t == Tag::kOther ? name : std::string();
    if (IsRawText(t)) return RawText(q, name, t, idx);
    return q;
  }

  size_t ReadAttributes(size_t q, bool* self_closing) {
    size_t n = s_.size();
    while (q < n) {
      while (q < n && (IsSpace(s_[q]) || s_[q] == '/')) {
        *self_closing = s_[q] == '/';
        ++q;
      }
      if (q >= n) break;
      if (s_[q] == '>') return q + 1;
      *self_closing = false;
      Attr a;
      size_t b = q;
      while (q < n && !IsSpace(s_[q]) && s_[q] != '>' && s_[q] != '/' && (s_[q] != '=' || q == b))
        a.name.push_back(Lower(s_[q++]));
      while (q < n && IsSpace(s_[q])) ++q;
      if (q < n && s_[q] == '=') {
        ++q;
        while (q < n && IsSpace(s_[q])) ++q;
        size_t vb = q, ve;
        if (q < n && (s_[q] == '"' || s_[q] == '\'')) {
          size_t e = s_.find(s_[q], q + 1);
          vb = q + 1;
          ve = e == std::string_view::npos ? n : e;
          q = ve == n ? n : ve + 1;
        } else {
          while (q < n && !IsSpace(s_[q]) && s_[q] != '>') ++q;
          ve = q;
        }
        std::string_view v = s_.substr(vb, ve - vb);
        if (v.find('&') == std::string_view::npos) a.value.assign(v);
        else AppendDecoded(v, &a.value);
      }
      if (!a.name.empty()) dom_->attrs_.push_back(std::move(a));
    }
    return n;
  }

  // Content of a raw-text element up to its end tag: kept as a text node for
  // <title>/<textarea>, as JSON-LD for scripts of that type, else dropped.
  size_t RawText(size_t q, const std::string& name, Tag t, int idx) {
    size_t n = s_.size(), p = q, end = n;
    while (p < n) {
      size_t lt = s_.find("</", p);
      if (lt == std::string_view::npos) break;
      std::string_view cand = s_.substr(lt + 2, name.size());
      size_t after = lt + 2 + name.size();
      if (EqualsLower(cand, name) && (after >= n || IsSpace(s_[after]) || s_[after] == '>' ||
                                      s_[after] == '/')) {
        end = lt;
        break;
      }
      p = lt + 2;
    }
    std::string_view body = s_.substr(q, end - q);
    if (t == Tag::kTitle || t == Tag::kTextarea) {
      AddText(body);
    } else if (t == Tag::kScript) {
      const std::string* type = dom_->Attribute(idx, "type");
      if (type && type->find("ld+json") != std::string::npos) dom_->json_ld_.emplace_back(body);
    }
    Pop();
    return end == n ? n : SkipTo(end, '>');
  }

  void ImplyEnds(Tag t) {
    if (ClosesP(t)) CloseInScope(Tag::kP, Tag::kP);
    if (t == Tag::kLi) CloseInScope(Tag::kLi, Tag::kUl, Tag::kOl);
    if (t == Tag::kDt || t == Tag::kDd) {
      CloseInScope(Tag::kDt, Tag::kDl);
      CloseInScope(Tag::kDd, Tag::kDl);
    }
    if (t == Tag::kTr || t == Tag::kTbody || t == Tag::kThead || t == Tag::kTfoot) {
      CloseInScope(Tag::kTd, Tag::kTable);
      CloseInScope(Tag::kTh, Tag::kTable);
      if (t == Tag::kTr) CloseInScope(Tag::kTr, Tag::kTable);
    }
    if (t == Tag::kTd || t == Tag::kTh) {
      CloseInScope(Tag::kTd, Tag::kTr, Tag::kTable);
      CloseInScope(Tag::kTh, Tag::kTr, Tag::kTable);
    }
    if (t == Tag::kOption && dom_->nodes_[open_.back()].tag == Tag::kOption) Pop();
    if (IsHeading(t) && IsHeading(dom_->nodes_[open_.back()].tag)) Pop();
    if (t == Tag::kA) CloseInScope(Tag::kA, Tag::kA);
  }

  // Pops up to and including the nearest open `t`, unless a scope boundary
  // (or `stop1`/`stop2`) comes first.
  void CloseInScope(Tag t, Tag stop1, Tag stop2 = Tag::kText) {
    for (int k = static_cast<int>(open_.size()) - 1; k > 0; --k) {
      Tag e = dom_->nodes_[open_[k]].tag;
      if (e == t) {
        while (static_cast<int>(open_.size()) > k) Pop();
        return;
      }
      if (IsScopeBoundary(e) || (e == stop1 && stop1 != t) || e == stop2) return;
    }
  }

  bool HasOpen(Tag t) const {
    for (int i : open_)
      if (dom_->nodes_[i].tag == t) return true;
    return false;
  }

  int AddElement(Tag t, int first_attr, int num_attrs) {
    Node e;
    e.tag = t;
    e.parent = open_.back();
    e.first_attr = first_attr;
    e.num_attrs = num_attrs;
    e.depth = static_cast<int>(open_.size());
    int idx = static_cast<int>(dom_->nodes_.size());
    e.end = idx + 1;
    dom_->nodes_.push_back(std::move(e));
    return idx;
  }

  void AddText(std::string_view raw) {
    std::vector<Node>& nodes = dom_->nodes_;
    Node* last = &nodes.back();
    if (!(last->tag == Tag::kText && last->parent == open_.back())) {
      Node t;
      t.tag = Tag::kText;
      t.parent = open_.back();
      t.depth = static_cast<int>(open_.size());
      t.end = static_cast<int>(nodes.size()) + 1;
      nodes.push_back(std::move(t));
      last = &nodes.back();
    }
    if (raw.find('&') == std::string_view::npos) last->text.append(raw);
    else AppendDecoded(raw, &last->text);
  }

  void Pop() {
    int idx = open_.back();
    dom_->nodes_[idx].end = static_cast<int>(dom_->nodes_.size());
    open_.pop_back();
    if (names_.size() > open_.size()) names_.resize(open_.size());
  }

  std::string_view s_;
  int max_depth_;
  HtmlDom* dom_;
  std::vector<int> open_;
  std::vector<std::string> names_;  // names of open kOther elements (parallel to open_)
};

HtmlDom HtmlDom::Parse(std::string_view html, int max_depth) {
  HtmlDom dom;
  TreeBuilder(html, max_depth < 2 ? 2 : max_depth, &dom).Run();
  return dom;
}

const std::string* HtmlDom::Attribute(int i, std::string_view name) const {
  const Node& e = nodes_[i];
  for (int k = e.first_attr; k < e.first_attr + e.num_attrs; ++k)
    if (attrs_[k].name == name) return &attrs_[k].value;
  return nullptr;
}

std::string HtmlDom::ClassAndId(int i) const {
  std::string out;
  const Node& e = nodes_[i];
  for (int k = e.first_attr; k < e.first_attr + e.num_attrs; ++k) {
    const Attr& a = attrs_[k];
    if (a.name != "class" && a.name != "id") continue;
    if (!out.empty()) out.push_back(' ');
    for (char c : a.value) out.push_back(Lower(c));
  }
  return out;
}

std::vector<int> HtmlDom::Children(int i) const {
  std::vector<int> kids;
  for (int k = i + 1; k < nodes_[i].end; k = nodes_[k].end) kids.push_back(k);
  return kids;
}

std::string HtmlDom::Text(int i) const {
  std::string out;
  for (int k = i; k < nodes_[i].end; ++k)
    if (nodes_[k].tag == Tag::kText) AppendCollapsed(nodes_[k].text, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

int HtmlDom::Find(Tag tag, int from) const {
  for (int k = from; k < size(); ++k)
    if (nodes_[k].tag == tag) return k;
  return -1;
}

}  // namespace dateline::html
