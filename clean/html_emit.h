// Text emission for article extraction (internal to clean/): walks chosen
// subtrees in order, skips junk and boilerplate blocks inside them, puts one
// block per line and routes figure captions aside.
#ifndef DATELINE_CLEAN_HTML_EMIT_H_
#define DATELINE_CLEAN_HTML_EMIT_H_

#include <string>
#include <vector>

#include "clean/html_analysis.h"

namespace dateline::html {

class Emitter {
 public:
  Emitter(const HtmlDom& dom, const Analysis& a, const HtmlRules& rules)
      : dom_(dom), a_(a), rules_(rules) {}
  // Emits the subtree at `root` (root itself is never dropped as boilerplate).
  void EmitRoot(int root);
  std::vector<std::string>& paragraphs() { return paras_; }
  std::vector<std::string>& captions() { return captions_; }

 private:
  void Walk(int i);
  void Flush();
  bool IsCaption(int i) const;
  bool DropBlock(int i) const;

  const HtmlDom& dom_;
  const Analysis& a_;
  const HtmlRules& rules_;
  std::string line_;
  std::vector<std::string> paras_, captions_;
};

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_EMIT_H_
