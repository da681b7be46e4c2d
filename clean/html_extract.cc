// Container scoring and selection (see html_extract.h).
//
// Each text block (a leaf block element with >= 25 chars) gives
// 1 + commas + min(chars / 100, 3) points to its parent, half to the
// grandparent and 1/(3 level) further up (5 levels). A container starts from
// a tag prior and +-25 for its class/id names; the final score is scaled by
// (1 - link density). The best container is widened to a common ancestor when
// other strong candidates sit beside it, then sibling blocks that look like
// content are added. A container holding little of the page's prose climbs
// to the ancestor that holds most of it (articles in many sections).
#include "clean/html_extract.h"

#include <algorithm>

#include "clean/html_analysis.h"
#include "clean/html_emit.h"

namespace dateline::html {
namespace {

constexpr int kMinBlockChars = 25;
constexpr int kLevels = 5;

double TagPrior(Tag t) {
  switch (t) {
    case Tag::kDiv: case Tag::kArticle: case Tag::kMain: case Tag::kSection: return 5;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
    case Tag::kDt: case Tag::kLi: case Tag::kForm: return -3;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kTh: return -5;
    default: return 0;
  }
}

bool IsTextBlock(const HtmlDom& dom, const Analysis& a, int i) {
  switch (dom.node(i).tag) {
    case Tag::kP: case Tag::kPre: case Tag::kTd: case Tag::kDd: return true;
    case Tag::kLi: return a.LinkDensity(i) < 0.5;
    case Tag::kDiv: case Tag::kSection: case Tag::kBlockquote: case Tag::kArticle:
    case Tag::kSpan: case Tag::kFont: case Tag::kCenter:
      return !a.stats[i].has_block;
    default: return false;
  }
}

class Scorer {
 public:
  Scorer(const HtmlDom& dom, const Analysis& a) : dom_(dom), a_(a), score_(dom.size(), 0.0),
                                                   cand_(dom.size(), 0) {}

  void Run() {
    for (int i = 1; i < dom_.size(); ++i) {
      if (a_.junk[i] || dom_.node(i).tag == Tag::kText || !IsTextBlock(dom_, a_, i)) continue;
      const NodeStats& s = a_.stats[i];
      if (s.chars < kMinBlockChars) continue;
      double pts = 1 + s.commas + std::min(s.chars / 100, 3);
      int anc = dom_.node(i).parent;
      for (int level = 0; level < kLevels && anc > 0; ++level, anc = dom_.node(anc).parent) {
        if (!cand_[anc]) Init(anc);
        score_[anc] += pts / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    for (int i = 0; i < dom_.size(); ++i)
      if (cand_[i]) score_[i] *= 1.0 - a_.LinkDensity(i);
  }

  int Best() const {
    int best = -1;
    for (int i = 0; i < dom_.size(); ++i)
      if (cand_[i] && (best < 0 || score_[i] > score_[best])) best = i;
    return best;
  }

  // The nearest ancestor of `top` holding >= 2 other candidates scoring
  // >= 75% of it (several parts of one article), else `top`.
  int Widen(int top) const {
    std::vector<int> strong;
    for (int i = 0; i < dom_.size(); ++i)
      if (cand_[i] && i != top && score_[i] >= 0.75 * score_[top] && !IsInside(i, top) &&
          !IsInside(top, i))
        strong.push_back(i);
    if (strong.size() < 2) return top;
    for (int anc = dom_.node(top).parent; anc > 0; anc = dom_.node(anc).parent) {
      int inside = 0;
      for (int s : strong) inside += IsInside(s, anc);
      if (inside >= 2) return dom_.node(anc).tag == Tag::kBody ? top : anc;
    }
    return top;
  }

  bool cand(int i) const { return cand_[i]; }
  double score(int i) const { return score_[i]; }

 private:
  void Init(int i) {
    cand_[i] = 1;
    score_[i] = TagPrior(dom_.node(i).tag) + 25.0 * std::clamp<int>(a_.weight[i], -1, 2);
  }
  bool IsInside(int i, int anc) const { return i > anc && i < dom_.node(anc).end; }

  const HtmlDom& dom_;
  const Analysis& a_;
  std::vector<double> score_;
  std::vector<uint8_t> cand_;
};

bool EndsSentence(const HtmlDom& dom, int i) {
  std::string t = dom.Text(i);
  return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
}

// Children of top's parent that belong with it, in document order.
std::vector<int> WithSiblings(const HtmlDom& dom, const Analysis& a, const Scorer& sc, int top) {
  int parent = dom.node(top).parent;
  if (parent <= 0) return {top};
  double threshold = std::max(10.0, 0.2 * sc.score(top));
  std::string top_class = dom.ClassAndId(top);
  std::vector<int> out;
  for (int c : dom.Children(parent)) {
    if (c == top) {
      out.push_back(c);
      continue;
    }
    if (a.junk[c]) continue;
    double bonus = (!top_class.empty() && dom.ClassAndId(c) == top_class) ? 0.2 * sc.score(top) : 0;
    if (sc.cand(c) && sc.score(c) + bonus >= threshold) {
      out.push_back(c);
      continue;
    }
    Tag t = dom.node(c).tag;
    if (t != Tag::kP && !(t == Tag::kText || IsTextBlock(dom, a, c))) continue;
    int chars = a.stats[c].chars;
    double ld = a.LinkDensity(c);
    if ((chars > 80 && ld < 0.25) || (chars > 0 && chars <= 80 && ld == 0 && EndsSentence(dom, c)))
      out.push_back(c);
  }
  return out;
}

// ClimbToProse: below kClimbShare of the page's prose, climb to the ancestor
// holding kClimbTarget of it, unless its link density reaches kClimbLinks.
constexpr double kClimbShare = 0.7;
constexpr double kClimbTarget = 0.8;
constexpr double kClimbLinks = 0.35;

// A container holding little of the page's prose is one section of a longer
// article (sections scored apart): climb to the lowest ancestor below <body>
// that holds most of the prose and is not link-heavy.
int ClimbToProse(const HtmlDom& dom, const Analysis& a, int top, int body) {
  int page = a.stats[body].prose;
  if (page <= 0 || a.stats[top].prose >= kClimbShare * page) return top;
  for (int anc = dom.node(top).parent; anc > 0 && anc != body; anc = dom.node(anc).parent) {
    if (a.stats[anc].prose >= kClimbTarget * page) return a.LinkDensity(anc) < kClimbLinks ? anc : top;
  }
  return top;
}

// Below this much text the strict pass is retried leniently when the page
// has at least kRetryProse characters of prose.
constexpr size_t kRetryBelowChars = 200;
constexpr int kRetryProse = 1000;

Extraction Extract(const HtmlDom& dom, const HtmlRules& rules, bool lenient) {
  Extraction x;
  Analysis a = Analyze(dom, rules, lenient);
  int body = dom.Find(Tag::kBody);
  if (body < 0) body = 0;
  x.page_chars = a.stats[body].chars;
  x.page_link_density = a.LinkDensity(body);
  Scorer sc(dom, a);
  sc.Run();
  int top = sc.Best();
  std::vector<int> roots;
  if (top < 0) {
    roots.push_back(body);
  } else {
    top = sc.Widen(top);
    top = ClimbToProse(dom, a, top, body);
    roots = WithSiblings(dom, a, sc, top);
  }
  x.container = top;
  Emitter em(dom, a, rules);
  for (int r : roots) em.EmitRoot(r);
  for (const auto& p : em.paragraphs()) {
    if (!x.text.empty()) x.text.push_back('\n');
    x.text += p;
  }
  x.paragraphs = static_cast<int>(em.paragraphs().size());
  x.captions = std::move(em.captions());
  x.raw_prose = a.raw_prose;
  return x;
}

}  // namespace

Extraction ExtractArticle(const HtmlDom& dom, const HtmlRules& rules) {
  Extraction x = Extract(dom, rules, false);
  if (x.text.size() < kRetryBelowChars && x.raw_prose >= kRetryProse) {
    Extraction y = Extract(dom, rules, true);
    if (y.text.size() > x.text.size()) return y;
  }
  return x;
}

}  // namespace dateline::html
