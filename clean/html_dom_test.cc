#include "clean/html_dom.h"

#include <gtest/gtest.h>

namespace dateline::html {
namespace {

std::string BodyText(std::string_view html) {
  HtmlDom dom = HtmlDom::Parse(html);
  int body = dom.Find(Tag::kBody);
  return dom.Text(body < 0 ? 0 : body);
}

TEST(HtmlDomTest, TextAndEntities) {
  struct Case { const char* html; const char* text; } cases[] = {
      {"<p>a &amp; b</p>", "a & b"},
      {"<p>it&#8217;s &#x2014; &eacute;t&eacute;</p>", "it\u2019s \u2014 \u00e9t\u00e9"},
      {"<p>&#146;q&#147;</p>", "\u2019q\u201c"},           // Windows-1252 numeric references
      {"<p>AT&T &unknown; &amp</p>", "AT&T &unknown; &"},  // bare and unknown ampersands kept
      {"<p>x<!-- <p>hidden</p> -->y</p>", "xy"},
      {"<p>a<script>var s='</p><p>';</script>b</p>", "ab"},
      {"<p>a<style>p{}</style>b<SCRIPT>x</SCRIPT >c</p>", "abc"},
      {"<p>one\n  two\t three</p>", "one two three"},
      {"<p>a<![CDATA[b]]>c</p>", "abc"},
      {"", ""},
      {"<", "<"},
      {"<p>unterminated <b>bold", "unterminated bold"},
  };
  for (const auto& c : cases) EXPECT_EQ(BodyText(c.html), c.text) << c.html;
}

TEST(HtmlDomTest, ImpliedEndTagsAndNesting) {
  HtmlDom dom = HtmlDom::Parse("<body><p>one<p>two<div>three</div><ul><li>a<li>b</ul></body>");
  int p1 = dom.Find(Tag::kP);
  int p2 = dom.Find(Tag::kP, p1 + 1);
  ASSERT_GT(p2, p1);
  EXPECT_EQ(dom.Text(p1), "one");  // <p> closed by the next <p>
  EXPECT_EQ(dom.Text(p2), "two");  // ... and by <div>
  int li1 = dom.Find(Tag::kLi);
  int li2 = dom.Find(Tag::kLi, li1 + 1);
  EXPECT_EQ(dom.node(li1).parent, dom.node(li2).parent);  // siblings, not nested
}

TEST(HtmlDomTest, AttributesAndJsonLd) {
  HtmlDom dom = HtmlDom::Parse(
      "<div CLASS='Story Body' id=main data-x=\"a&amp;b\" hidden><img src=x.jpg/>t</div>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>");
  int div = dom.Find(Tag::kDiv);
  ASSERT_GE(div, 0);
  EXPECT_EQ(dom.ClassAndId(div), "story body main");
  ASSERT_NE(dom.Attribute(div, "data-x"), nullptr);
  EXPECT_EQ(*dom.Attribute(div, "data-x"), "a&b");
  EXPECT_NE(dom.Attribute(div, "hidden"), nullptr);
  EXPECT_EQ(dom.Attribute(div, "missing"), nullptr);
  ASSERT_EQ(dom.json_ld().size(), 1u);
  EXPECT_EQ(dom.json_ld()[0], "{\"@type\":\"NewsArticle\"}");
}

TEST(HtmlDomTest, DepthIsCapped) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "x";
  HtmlDom dom = HtmlDom::Parse(deep, 100);
  int max_depth = 0;
  for (const Node& n : dom.nodes()) max_depth = std::max(max_depth, n.depth);
  EXPECT_LE(max_depth, 101);
  EXPECT_EQ(dom.Text(0), "x");
}

}  // namespace
}  // namespace dateline::html
