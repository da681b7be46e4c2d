// HtmlDom: a small, fast, forgiving HTML tree for article extraction.
//
// Why not gumbo: on the AEB pages gumbo parses ~44 pages/s (7.6 MB/s) on one
// core here, as slow as Readability.js; this parser does the subset
// extraction needs (elements, attributes, text, comments skipped, raw-text
// elements skipped, implied end tags for p/li/dt/dd/tr/td/option, void
// elements) in one pass. It is not a conforming HTML5 tree builder: table
// foster-parenting and the adoption agency algorithm are not implemented;
// mis-nested end tags close up to the nearest open element of that name.
//
// Nodes live in one vector in document (pre-)order; a node's descendants are
// the contiguous range (i, end). Text is entity-decoded, whitespace is kept
// as in the source. <script>/<style> bodies are kept only for JSON-LD
// (type application/ld+json) in `json_ld`. Immutable after Parse; const
// access is thread-safe. Cost: O(bytes); memory ~ a few x the page.
#ifndef DATELINE_CLEAN_HTML_DOM_H_
#define DATELINE_CLEAN_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::html {

enum class Tag : uint8_t {
  kText, kOther, kHtml, kHead, kBody, kTitle, kMeta, kLink, kScript, kStyle, kNoscript,
  kTemplate, kSvg, kMath, kIframe, kP, kDiv, kSpan, kA, kBr, kHr, kImg, kH1, kH2, kH3, kH4,
  kH5, kH6, kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre, kCode, kTable, kThead, kTbody,
  kTfoot, kTr, kTd, kTh, kCaption, kFigure, kFigcaption, kPicture, kSource, kArticle,
  kSection, kMain, kHeader, kFooter, kNav, kAside, kForm, kInput, kButton, kSelect,
  kOption, kTextarea, kLabel, kTime, kB, kI, kEm, kStrong, kSmall, kSup, kSub, kU,
  kAddress, kVideo, kAudio, kCanvas, kObject, kEmbed, kFieldset, kLegend, kDetails,
  kSummary, kDialog, kMenu, kCenter, kFont, kWbr, kAbbr, kCite, kQ, kMark, kDel, kIns,
  kS, kKbd, kVar, kArea, kBase, kCol, kParam, kTrack, kColgroup, kMap, kNobr,
};

struct Attr {
  std::string name;   // lower case
  std::string value;  // entity-decoded
};

struct Node {
  Tag tag = Tag::kOther;
  int32_t parent = -1;
  int32_t end = 0;          // one past the last descendant (pre-order index)
  int32_t first_attr = 0;   // into HtmlDom::attrs
  int32_t num_attrs = 0;
  int32_t depth = 0;
  std::string text;         // text nodes: decoded text
};

class HtmlDom {
 public:
  // Parses `html` (UTF-8). Never fails: any byte string gives some tree with
  // node 0 as the document root (Tag::kOther). Limits: nesting is capped at
  // `max_depth` (deeper elements are flattened into their ancestor).
  static HtmlDom Parse(std::string_view html, int max_depth = 512);

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(int i) const { return nodes_[i]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  // Attribute value of element i, or nullptr. `name` must be lower case.
  const std::string* Attribute(int i, std::string_view name) const;
  // "class id" in lower case ("" when neither is present).
  std::string ClassAndId(int i) const;
  // Children of i in order.
  std::vector<int> Children(int i) const;
  // All text under node i, whitespace collapsed, trimmed.
  std::string Text(int i) const;
  // The JSON-LD script bodies, in document order.
  const std::vector<std::string>& json_ld() const { return json_ld_; }
  // First element with this tag (pre-order), or -1.
  int Find(Tag tag, int from = 0) const;

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::vector<std::string> json_ld_;
};

// Tag for a lower-case element name; Tag::kOther when unknown.
Tag TagFromName(std::string_view lower_name);
// Decodes character references (&amp; &#8217; &#x2019; and common names).
void AppendDecoded(std::string_view s, std::string* out);
// Appends `s` to *out collapsing whitespace runs to one space (no leading
// space when *out is empty or ends in a space or newline).
void AppendCollapsed(std::string_view s, std::string* out);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_DOM_H_
