#include "clean/html_text.h"

#include <cctype>
#include <cstring>

#include <gumbo.h>

namespace dateline {
namespace {

bool Skipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_BR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

void AppendText(const char* s, std::string* line) {
  for (const char* p = s; *p; ++p) {
    unsigned char c = *p;
    if (std::isspace(c)) {
      if (!line->empty() && line->back() != ' ') line->push_back(' ');
    } else {
      line->push_back(static_cast<char>(c));
    }
  }
}

void Flush(std::string* line, std::string* out) {
  while (!line->empty() && line->back() == ' ') line->pop_back();
  size_t b = 0;
  while (b < line->size() && (*line)[b] == ' ') ++b;
  if (b < line->size()) {
    if (!out->empty()) out->push_back('\n');
    out->append(*line, b, std::string::npos);
  }
  line->clear();
}

void Walk(const GumboNode* n, std::string* line, std::string* out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
    AppendText(n->v.text.text, line);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  GumboTag t = n->v.element.tag;
  if (Skipped(t)) return;
  bool block = IsBlock(t);
  if (block) Flush(line, out);
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) Walk(static_cast<const GumboNode*>(kids.data[i]), line, out);
  if (block) Flush(line, out);
}

const GumboNode* Find(const GumboNode* n, GumboTag tag) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (n->v.element.tag == tag) return n;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (auto* f = Find(static_cast<const GumboNode*>(kids.data[i]), tag)) return f;
  return nullptr;
}

std::string MetaTitle(const GumboNode* head) {
  if (!head) return "";
  const GumboVector& kids = head->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type != GUMBO_NODE_ELEMENT || k->v.element.tag != GUMBO_TAG_META) continue;
    GumboAttribute* prop = gumbo_get_attribute(&k->v.element.attributes, "property");
    GumboAttribute* content = gumbo_get_attribute(&k->v.element.attributes, "content");
    if (prop && content && std::strcmp(prop->value, "og:title") == 0) return content->value;
  }
  return "";
}

}  // namespace

HtmlText ExtractHtmlText(std::string_view html) {
  HtmlText r;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  const GumboNode* head = Find(out->root, GUMBO_TAG_HEAD);
  r.title = MetaTitle(head);
  if (r.title.empty() && head) {
    if (const GumboNode* t = Find(head, GUMBO_TAG_TITLE)) {
      std::string line, text;
      const GumboVector& kids = t->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        auto* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type == GUMBO_NODE_TEXT) AppendText(k->v.text.text, &line);
      }
      Flush(&line, &text);
      r.title = text;
    }
  }
  std::string line;
  Walk(out->root, &line, &r.text);
  Flush(&line, &r.text);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return r;
}

}  // namespace dateline
