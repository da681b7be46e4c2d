#include "clean/html_emit.h"

namespace dateline::html {

void Emitter::EmitRoot(int root) {
  Flush();
  const Node& e = dom_.node(root);
  if (e.tag == Tag::kText) {
    if (!a_.junk[root]) AppendCollapsed(e.text, &line_);
  } else {
    for (int k = root + 1; k < e.end; k = dom_.node(k).end) Walk(k);
  }
  Flush();
}

void Emitter::Flush() {
  size_t b = 0;
  while (b < line_.size() && line_[b] == ' ') ++b;
  size_t e = line_.size();
  while (e > b && line_[e - 1] == ' ') --e;
  if (e > b) {
    std::string p = line_.substr(b, e - b);
    if (!rules_.IsBoilerplateLine(p)) paras_.push_back(std::move(p));
  }
  line_.clear();
}

bool Emitter::IsCaption(int i) const {
  Tag t = dom_.node(i).tag;
  if (t == Tag::kFigcaption) return true;
  if (a_.stats[i].chars > 600 || IsHeadingTag(t)) return false;
  std::string cls = dom_.ClassAndId(i);
  return cls.find("caption") != std::string::npos;
}

// Blocks inside the article that are boilerplate by their make-up: link
// lists, link-heavy boxes, image strips and forms.
bool Emitter::DropBlock(int i) const {
  const Node& e = dom_.node(i);
  const NodeStats& s = a_.stats[i];
  double ld = a_.LinkDensity(i);
  switch (e.tag) {
    case Tag::kUl: case Tag::kOl: case Tag::kDl: case Tag::kMenu:
      return ld > 0.5 && s.commas < 10;
    case Tag::kP:
      return ld > 0.5 && s.chars < 200;
    case Tag::kDiv: case Tag::kSection: case Tag::kTable: case Tag::kForm: case Tag::kFigure:
    case Tag::kHeader: case Tag::kFooter: case Tag::kAside: case Tag::kNav: case Tag::kSpan: {
      if (s.commas >= 10) return false;
      if (ld > 0.5 || (ld > 0.33 && a_.weight[i] <= 0 && s.paras == 0)) return true;
      if (s.inputs > 0 && s.inputs * 3 > s.paras) return true;
      if (s.imgs > s.paras + 1 && s.chars < 25 * (s.imgs)) return true;
      return false;
    }
    default:
      return false;
  }
}

void Emitter::Walk(int i) {
  const Node& e = dom_.node(i);
  if (a_.junk[i] == kHard) return;
  if (e.tag == Tag::kText) {
    if (!a_.junk[i]) AppendCollapsed(e.text, &line_);
    return;
  }
  if (IsCaption(i)) {
    std::string c = dom_.Text(i);
    if (!c.empty()) captions_.push_back(std::move(c));
    return;
  }
  if (a_.junk[i]) return;
  if (e.tag == Tag::kBr) {
    Flush();
    return;
  }
  if (e.tag == Tag::kH1 || DropBlock(i)) return;
  if (e.tag == Tag::kFigure && a_.stats[i].paras == 0) {
    for (int k = i + 1; k < e.end; ++k)
      if (dom_.node(k).tag != Tag::kText && IsCaption(k)) {
        std::string c = dom_.Text(k);
        if (!c.empty()) captions_.push_back(std::move(c));
        k = dom_.node(k).end - 1;
      }
    return;
  }
  bool block = IsBlockTag(e.tag);
  if (block) Flush();
  for (int k = i + 1; k < e.end; k = dom_.node(k).end) Walk(k);
  if (block) Flush();
}

}  // namespace dateline::html
