#include "clean/html_extract.h"

#include <gtest/gtest.h>

#include "base/data_dir.h"
#include "clean/cleaner.h"

namespace dateline::html {
namespace {

const HtmlRules& Rules() {
  static const HtmlRules* r = [] {
    auto x = HtmlRules::Load(DataDir());
    EXPECT_TRUE(x.ok()) << x.status().ToString();
    return new HtmlRules(x.ok() ? x.value() : HtmlRules());
  }();
  return *r;
}

std::string Para(const char* s) { return std::string("<p>") + s + "</p>"; }

const char* kLong1 = "Delegations from both countries will meet in Istanbul on Friday, officials said, in "
                     "the first direct talks since the spring of 2022, according to the ministry.";
const char* kLong2 = "The agenda, which was agreed on Tuesday, covers prisoner exchanges, a ceasefire along "
                     "the front line, and the return of children, a diplomat told reporters.";
const char* kLong3 = "Neither side expects a breakthrough, but both said the meeting was a necessary step, "
                     "and that further rounds could follow later this month, if progress is made.";

std::string Page(const std::string& article) {
  return "<html><body><header><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>"
         "</nav></header><div class='layout'><div class='sidebar'><h3>Most popular</h3><ul>"
         "<li><a href=/1>Other story one, with commas, here</a></li><li><a href=/2>Other story "
         "two</a></li></ul></div><div class='main'>" + article +
         "</div></div><div id='comments'><p>Great article, thanks, I agree with everything said "
         "here, well done, more please.</p></div><footer><p>Copyright 2025 Example News. All "
         "rights reserved, and so on, and so forth.</p></footer></body></html>";
}

TEST(HtmlExtractTest, KeepsArticleDropsBoilerplate) {
  std::string html = Page("<article><h1>Talks set</h1>" + Para(kLong1) +
                          "<div class='share-bar'><a href=#>Share on Facebook</a></div>" +
                          "<h2>What is on the table</h2>" + Para(kLong2) +
                          "<figure><img src=a.jpg><figcaption>Delegates arrive. Photo: Agency"
                          "</figcaption></figure>" + Para(kLong3) +
                          "<p>Advertisement</p><ul class='related-links'><li><a href=/r>Related: "
                          "another story</a></li></ul></article>");
  HtmlDom dom = HtmlDom::Parse(html);
  Extraction x = ExtractArticle(dom, Rules());
  EXPECT_EQ(x.text, std::string(kLong1) + "\nWhat is on the table\n" + kLong2 + "\n" + kLong3);
  ASSERT_EQ(x.captions.size(), 1u);
  EXPECT_EQ(x.captions[0], "Delegates arrive. Photo: Agency");
}

TEST(HtmlExtractTest, ListsAndQuotesInOrder) {
  std::string html = Page(std::string("<div class='story-body'>") + Para(kLong1) +
                          "<ul><li>First point, explained at some length.</li><li>Second point, "
                          "also explained.</li></ul><blockquote>" + kLong2 + "</blockquote>" +
                          Para(kLong3) + "</div>");
  HtmlDom dom = HtmlDom::Parse(html);
  Extraction x = ExtractArticle(dom, Rules());
  EXPECT_EQ(x.text, std::string(kLong1) + "\nFirst point, explained at some length.\nSecond point, "
                    "also explained.\n" + kLong2 + "\n" + kLong3);
}

TEST(HtmlExtractTest, BrSeparatedTextWithoutParagraphs) {
  std::string html = Page(std::string("<div class='post-body'>") + kLong1 + "<br><br>" + kLong2 +
                          "<br>" + kLong3 + "</div>");
  HtmlDom dom = HtmlDom::Parse(html);
  Extraction x = ExtractArticle(dom, Rules());
  EXPECT_EQ(x.text, std::string(kLong1) + "\n" + kLong2 + "\n" + kLong3);
}

TEST(HtmlExtractTest, ArticleInSectionsIsKeptWhole) {
  const char* plain1 = "The second part of the story tells what happened after the meeting ended and who "
                       "went home first that evening without saying a word to anybody there";
  const char* plain2 = "The third part of the story looks at what the talks could mean for the region in "
                       "the coming months and what the neighbours make of all this now";
  std::string html = "<html><body><div class='sidebar'><h3>Most popular</h3><ul><li><a href=/1>Other "
                     "story one, with commas, here</a></li></ul></div><div><div><section><div><h2>One</h2>" +
                     Para(kLong1) + Para(kLong2) + Para(kLong3) + Para(kLong1) + "</div></section>"
                     "<section><div><h2>Two</h2>" + Para(plain1) + "</div></section>"
                     "<section><div><h2>Three</h2>" + Para(plain2) + "</div></section></div></div></body></html>";
  HtmlDom dom = HtmlDom::Parse(html);
  Extraction x = ExtractArticle(dom, Rules());
  EXPECT_NE(x.text.find(plain1), std::string::npos) << x.text;
  EXPECT_NE(x.text.find(plain2), std::string::npos) << x.text;
  EXPECT_EQ(x.text.find("Most popular"), std::string::npos) << x.text;
}

TEST(HtmlExtractTest, StateFlagClassesAreNotBoilerplate) {
  std::string html = Page("<article class='blog-item has-comments no-sidebar'>" + Para(kLong1) + Para(kLong2) +
                          Para(kLong3) + "</article>");
  HtmlDom dom = HtmlDom::Parse(html);
  Extraction x = ExtractArticle(dom, Rules());
  EXPECT_EQ(x.text, std::string(kLong1) + "\n" + kLong2 + "\n" + kLong3);
  EXPECT_TRUE(Rules().IsStrongNegative("comment-list"));
  EXPECT_FALSE(Rules().IsStrongNegative("post has-comments"));
}

TEST(HtmlExtractTest, CleanerFlagsNonArticles) {
  Cleaner cleaner;
  RawPage listing;
  listing.format = "html";
  listing.content = "<html><body><ul><li><a href=/1>Story one</a></li><li><a href=/2>Story two</a>"
                    "</li></ul></body></html>";
  Document d = cleaner.Clean(listing);
  EXPECT_NE(std::find(d.flags.begin(), d.flags.end(), "not_article"), d.flags.end());
  RawPage article;
  article.format = "html";
  article.content = Page("<article>" + Para(kLong1) + Para(kLong2) + Para(kLong3) + "</article>");
  Document a = cleaner.Clean(article);
  EXPECT_EQ(std::find(a.flags.begin(), a.flags.end(), "not_article"), a.flags.end());
  EXPECT_FALSE(a.text.empty());
}

}  // namespace
}  // namespace dateline::html
