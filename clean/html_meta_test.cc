#include "clean/html_meta.h"

#include <gtest/gtest.h>

namespace dateline::html {
namespace {

TEST(HtmlMetaTest, NormalizeDate) {
  struct Case { const char* in; const char* out; } cases[] = {
      {"2019-11-20", "2019-11-20"},
      {"2019-11-20T10:05:00Z", "2019-11-20T10:05:00Z"},
      {"2019-11-20T10:05:00.123-0500", "2019-11-20T10:05:00-05:00"},
      {"2019-11-20 10:05", "2019-11-20T10:05:00"},
      {"Wed, 20 Nov 2019 10:00:00 GMT", "2019-11-20"},
      {"November 20, 2019", "2019-11-20"},
      {"Published Nov. 3rd, 2021 at noon", "2021-11-03"},
      {"3 March 2024", "2024-03-03"},
      {"20.11.2019", "2019-11-20"},
      {"2019/11/20", "2019-11-20"},
  };
  for (const auto& c : cases) {
    auto d = NormalizeDate(c.in);
    ASSERT_TRUE(d.has_value()) << c.in;
    EXPECT_EQ(*d, c.out) << c.in;
  }
  for (const char* bad : {"", "yesterday", "1574168580", "2019-13-45", "Mayday 2"})
    EXPECT_FALSE(NormalizeDate(bad).has_value()) << bad;
}

TEST(HtmlMetaTest, DateFromUrl) {
  EXPECT_EQ(DateFromUrl("https://x.com/2019/11/20/story").value_or(""), "2019-11-20");
  EXPECT_EQ(DateFromUrl("https://x.com/news/20191120/story").value_or(""), "2019-11-20");
  EXPECT_EQ(DateFromUrl("https://x.com/a-2019-11-20-b").value_or(""), "2019-11-20");
  EXPECT_FALSE(DateFromUrl("https://x.com/story-12345678901").has_value());
  EXPECT_FALSE(DateFromUrl("https://x.com/2019/11/").has_value());
}

TEST(HtmlMetaTest, SplitAuthors) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SplitAuthors("By Jane Doe"), V{"Jane Doe"});
  EXPECT_EQ(SplitAuthors("by Jane Doe and John Roe | Reuters"), (V{"Jane Doe", "John Roe"}));
  EXPECT_EQ(SplitAuthors("A One, B Two, and C Three"), (V{"A One", "B Two", "C Three"}));
  EXPECT_EQ(SplitAuthors("Dylan Bailey, MS, RD"), V{"Dylan Bailey, MS, RD"});
  EXPECT_EQ(SplitAuthors("https://example.com/staff/jane"), V{});
  EXPECT_EQ(SplitAuthors(""), V{});
  EXPECT_EQ(SplitAuthors("Text by Hunter Dukes"), V{"Hunter Dukes"});
  EXPECT_EQ(SplitAuthors("Written By"), V{});
  EXPECT_EQ(SplitAuthors("Updated"), V{});
}

TEST(HtmlMetaTest, StripSiteName) {
  EXPECT_EQ(StripSiteName("Talks set for Istanbul | Example News", "Example News"), "Talks set for Istanbul");
  EXPECT_EQ(StripSiteName("Talks set for Istanbul next week - BBC", ""), "Talks set for Istanbul next week");
  EXPECT_EQ(StripSiteName("War and Peace: a review", ""), "War and Peace: a review");
}

TEST(HtmlMetaTest, ReadMetaPrefersStructuredData) {
  HtmlDom dom = HtmlDom::Parse(
      "<html lang='en-GB'><head><title>Site | Talks</title>"
      "<meta property='og:site_name' content='Example News'>"
      "<meta property='article:published_time' content='2025-04-09T08:00:00Z'>"
      "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Ex\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Talks set for Istanbul\","
      "\"datePublished\":\"2025-04-08T10:00:00+03:00\",\"dateModified\":\"2025-04-10\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},\"John Roe\"]}]}</script>"
      "</head><body><h1>Talks set for Istanbul</h1><p class=byline>By Someone Else</p></body></html>");
  PageMeta m = ReadMeta(dom, "https://example.com/2025/04/07/talks");
  EXPECT_EQ(m.title.value_or(""), "Talks set for Istanbul");
  EXPECT_EQ(m.site_name.value_or(""), "Example News");
  EXPECT_EQ(m.published.value_or(""), "2025-04-08T10:00:00+03:00");
  EXPECT_EQ(m.published_source, "metadata");
  EXPECT_EQ(m.updated.value_or(""), "2025-04-10");
  EXPECT_EQ(m.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(m.language.value_or(""), "en");
}

TEST(HtmlMetaTest, ReadMetaFallsBackToBylineAndUrl) {
  HtmlDom dom = HtmlDom::Parse(
      "<body><div class='post-byline'>By Jane Doe</div><h1>A headline here</h1><p>Text.</p></body>");
  PageMeta m = ReadMeta(dom, "https://www.example.org/2024/02/03/a-headline");
  EXPECT_EQ(m.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(m.published.value_or(""), "2024-02-03");
  EXPECT_EQ(m.published_source, "url");
  EXPECT_EQ(m.site_name.value_or(""), "example.org");
  EXPECT_EQ(m.title.value_or(""), "A headline here");
}

TEST(HtmlMetaTest, MalformedJsonLdIsIgnored) {
  HtmlDom dom = HtmlDom::Parse(
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
      "<h1>Visible headline</h1>");
  PageMeta m = ReadMeta(dom, "");
  EXPECT_EQ(m.title.value_or(""), "Visible headline");
  EXPECT_FALSE(m.published.has_value());
}

TEST(HtmlMetaTest, DisplayedDateNearHeadlineWins) {
  std::string filler(3000, 'x');
  HtmlDom dom = HtmlDom::Parse(
      "<head><meta property='article:published_time' content='2020-01-02'></head><body>"
      "<h1>A headline here</h1><div>By Jane Doe</div><span>Last updated: August 19, 2025</span>"
      "<p>The deadline is March 3, 2026 for everyone who wants to take part in the long programme.</p>"
      "<p>" + filler + "</p><div>Comment posted 4/5/2026</div></body>");
  PageMeta m = ReadMeta(dom, "");
  EXPECT_EQ(m.published.value_or(""), "2025-08-19");
  EXPECT_EQ(m.published_source, "byline");
  EXPECT_EQ(m.updated.value_or(""), "");
}

TEST(HtmlMetaTest, MetadataDateKeptWhenShown) {
  HtmlDom dom = HtmlDom::Parse(
      "<head><meta property='article:published_time' content='2020-01-02T08:00:00Z'></head><body>"
      "<h1>A headline here</h1><div>Updated 3/4/2021</div><div>Published January 2, 2020</div></body>");
  PageMeta m = ReadMeta(dom, "");
  EXPECT_EQ(m.published.value_or(""), "2020-01-02T08:00:00Z");
  EXPECT_EQ(m.published_source, "metadata");
}

TEST(HtmlMetaTest, DatesFarFromHeadlineIgnored) {
  std::string filler(2500, 'x');
  HtmlDom dom = HtmlDom::Parse("<body><h1>A headline here</h1><p>" + filler +
                               "</p><div>March 1, 2024</div></body>");
  EXPECT_FALSE(ReadMeta(dom, "").published.has_value());
}

TEST(HtmlMetaTest, VisibleBylineNearHeadline) {
  HtmlDom dom = HtmlDom::Parse(
      "<body><nav><a class='author-link'>Our Authors</a></nav><h1>A headline here</h1>"
      "<div class='meta'><span>Written by</span> <a href='/a/jd'>Jane Doe</a><span>Senior Reporter</span></div>"
      "<p>Text.</p></body>");
  EXPECT_EQ(ReadMeta(dom, "").authors, std::vector<std::string>{"Jane Doe"});
}

TEST(HtmlMetaTest, TitleFromH1UnlessItIsASiteName) {
  HtmlDom blog = HtmlDom::Parse(
      "<head><meta property='og:title' content='Preparing a transition in the archive'></head>"
      "<body><h1>Antoyo's Blog</h1><h2>Preparing a transition in the archive</h2></body>");
  EXPECT_EQ(ReadMeta(blog, "").title.value_or(""), "Preparing a transition in the archive");
  HtmlDom tagline = HtmlDom::Parse(
      "<head><title>Gym Workouts for Beginners | Site</title></head>"
      "<body><h1>Gym Workouts for Beginners \xE2\x80\x94 Strength Training</h1></body>");
  EXPECT_EQ(ReadMeta(tagline, "").title.value_or(""), "Gym Workouts for Beginners");
  HtmlDom word = HtmlDom::Parse(
      "<head><title>Coffee - University of Somewhere</title></head><body><h1>Coffee</h1></body>");
  EXPECT_EQ(ReadMeta(word, "").title.value_or(""), "Coffee");
}

TEST(HtmlMetaTest, TitleCleanup) {
  HtmlDom sub = HtmlDom::Parse(
      "<head><meta property='og:title' content='What do people love about Rust?'></head><body>"
      "<h2>What do people love about Rust?</h2><h1>But what they love is the sense of power</h1></body>");
  EXPECT_EQ(ReadMeta(sub, "").title.value_or(""), "What do people love about Rust?");
  HtmlDom br = HtmlDom::Parse("<title>Weekend Coding Agent | Labs</title><h1>WEEKEND<br>CODING <span>AGENT</span></h1>");
  EXPECT_EQ(ReadMeta(br, "").title.value_or(""), "WEEKEND CODING AGENT");
  HtmlDom label = HtmlDom::Parse("<h1><strong>Blog:</strong> Best Agencies in the U.S. in 2025</h1>");
  EXPECT_EQ(ReadMeta(label, "").title.value_or(""), "Best Agencies in the U.S. in 2025");
  HtmlDom date = HtmlDom::Parse("<h1>Dec 18 2025 Preparing a transition in Debusine</h1>");
  EXPECT_EQ(ReadMeta(date, "").title.value_or(""), "Preparing a transition in Debusine");
  HtmlDom moji = HtmlDom::Parse("<h1>A DIY Investor\xC3\xA2\xC2\x80\xC2\x99s Guide</h1>");
  EXPECT_EQ(ReadMeta(moji, "").title.value_or(""), "A DIY Investor\xE2\x80\x99s Guide");
  HtmlDom tw = HtmlDom::Parse("<meta name='twitter:title' content='A long teaser sentence about the report.'>"
                              "<meta property='og:title' content='Sector Update Fall 2025'><h1>M&amp;A Updates</h1>");
  EXPECT_EQ(ReadMeta(tw, "").title.value_or(""), "Sector Update Fall 2025");
  HtmlDom dom1 = HtmlDom::Parse("<title>Example! Mag | ExampleMag.com - The Five Best Headphones</title>");
  EXPECT_EQ(ReadMeta(dom1, "").title.value_or(""), "The Five Best Headphones");
  HtmlDom dom2 = HtmlDom::Parse("<title>A brief introduction to git \xE2\x80\xA2 Cory Writer</title><h1>Cory Writer</h1>");
  EXPECT_EQ(ReadMeta(dom2, "").title.value_or(""), "A brief introduction to git");
  HtmlDom trail = HtmlDom::Parse("<h1>Beginner Backpacking Checklist January 1, 2025</h1>");
  EXPECT_EQ(ReadMeta(trail, "").title.value_or(""), "Beginner Backpacking Checklist");
  HtmlDom cafe = HtmlDom::Parse("<h1>Caf\xC3\xA9 society in Paris</h1>");
  EXPECT_EQ(ReadMeta(cafe, "").title.value_or(""), "Caf\xC3\xA9 society in Paris");
}

TEST(HtmlMetaTest, EveryCitationAuthor) {
  HtmlDom dom = HtmlDom::Parse(
      "<meta name='citation_author' content='Roy, Aniruddha'><meta name='citation_author_institution' "
      "content='Some University'><meta name='citation_author' content='Jyoti Patel'>");
  EXPECT_EQ(ReadMeta(dom, "").authors, (std::vector<std::string>{"Aniruddha Roy", "Jyoti Patel"}));
}

TEST(HtmlMetaTest, ProseStartingWithByIsNotAByline) {
  HtmlDom dom = HtmlDom::Parse(
      "<body><h1>A headline here</h1><p>By following the tips below, you stay safe.</p></body>");
  EXPECT_TRUE(ReadMeta(dom, "").authors.empty());
}

TEST(HtmlMetaTest, SiteNamedAsAuthorGivesWayToByline) {
  HtmlDom dom = HtmlDom::Parse(
      "<head><meta property='og:site_name' content='Example News'>"
      "<meta name='author' content='Example News'></head>"
      "<body><h1>A headline here</h1><p class='x'>By <a>Jane Doe</a> and <a>John Roe</a></p></body>");
  EXPECT_EQ(ReadMeta(dom, "https://www.examplenews.com/a").authors,
            (std::vector<std::string>{"Jane Doe", "John Roe"}));
  HtmlDom alone = HtmlDom::Parse(
      "<head><meta property='og:site_name' content='Example News'>"
      "<meta name='author' content='Example News'></head><body><h1>A headline here</h1></body>");
  EXPECT_EQ(ReadMeta(alone, "").authors, std::vector<std::string>{"Example News"});
}

}  // namespace
}  // namespace dateline::html
