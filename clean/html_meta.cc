// ReadMeta (html_meta.h): <meta> tags, JSON-LD, microdata, <time>, bylines.
#include "clean/html_meta.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "clean/meta_internal.h"

namespace dateline::html {
namespace {

enum Field { kTitle, kSite, kPublished, kUpdated, kAuthor, kType, kUrl };

// <meta name|property|itemprop> keys, lower case, by field (first wins).
const std::unordered_map<std::string_view, Field>& MetaKeys() {
  static const auto* m = new std::unordered_map<std::string_view, Field>{
      {"og:title", kTitle}, {"twitter:title", kTitle}, {"dc.title", kTitle},
      {"og:site_name", kSite}, {"application-name", kSite},
      {"article:published_time", kPublished}, {"og:published_time", kPublished},
      {"og:article:published_time", kPublished}, {"datepublished", kPublished},
      {"date", kPublished}, {"pubdate", kPublished}, {"publishdate", kPublished},
      {"publish_date", kPublished}, {"publish-date", kPublished}, {"dc.date", kPublished},
      {"dc.date.issued", kPublished}, {"dcterms.date", kPublished}, {"dcterms.created", kPublished},
      {"dcterms.issued", kPublished}, {"sailthru.date", kPublished}, {"parsely-pub-date", kPublished},
      {"article.published", kPublished}, {"citation_publication_date", kPublished},
      {"citation_date", kPublished}, {"article_date_original", kPublished},
      {"original-publish-date", kPublished}, {"release_date", kPublished},
      {"article:modified_time", kUpdated}, {"og:updated_time", kUpdated},
      {"datemodified", kUpdated}, {"dcterms.modified", kUpdated}, {"last-modified", kUpdated},
      {"author", kAuthor}, {"article:author", kAuthor}, {"dc.creator", kAuthor},
      {"parsely-author", kAuthor}, {"sailthru.author", kAuthor}, {"byl", kAuthor},
      {"citation_author", kAuthor}, {"og:type", kType}, {"og:url", kUrl},
  };
  return *m;
}

std::string Lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

std::string Collapse(std::string_view s) {
  std::string o;
  AppendCollapsed(s, &o);
  while (!o.empty() && o.back() == ' ') o.pop_back();
  return o;
}

bool IsUrlish(std::string_view s) {
  return s.find("http") == 0 || s.find("www.") != std::string_view::npos ||
         s.find('/') != std::string_view::npos;
}

// "Roy, Aniruddha" (citation_author's "Last, First") -> "Aniruddha Roy".
std::string FirstLast(const std::string& s) {
  size_t c = s.find(", ");
  if (c == std::string::npos || s.find(',', c + 1) != std::string::npos || c == 0 || c + 2 >= s.size()) return s;
  return s.substr(c + 2) + " " + s.substr(0, c);
}

// Scholarly pages list every author in its own citation_author(s) tag.
void ReadCitationAuthors(const HtmlDom& dom, std::vector<std::string>* out) {
  for (int i = dom.Find(Tag::kMeta); i >= 0; i = dom.Find(Tag::kMeta, i + 1)) {
    const std::string* name = dom.Attribute(i, "name");
    const std::string* content = dom.Attribute(i, "content");
    if (!name || !content || content->empty()) continue;
    std::string k = Lower(*name);
    if (k != "citation_author" && k != "citation_authors") continue;
    std::string v = FirstLast(Collapse(*content));
    if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
  }
}

void ReadMetaTags(const HtmlDom& dom, std::string vals[7]) {
  const auto& keys = MetaKeys();
  bool og_title = false;
  for (int i = 0; i < dom.size(); ++i) {
    Tag t = dom.node(i).tag;
    if (t == Tag::kLink) {
      const std::string* rel = dom.Attribute(i, "rel");
      const std::string* href = dom.Attribute(i, "href");
      if (rel && href && *rel == "canonical" && vals[kUrl].empty()) vals[kUrl] = *href;
      continue;
    }
    if (t != Tag::kMeta) continue;
    const std::string* content = dom.Attribute(i, "content");
    if (!content || content->empty()) continue;
    for (const char* attr : {"property", "name", "itemprop"}) {
      const std::string* k = dom.Attribute(i, attr);
      if (!k) continue;
      auto it = keys.find(Lower(*k));
      if (it == keys.end()) continue;
      if (it->second == kAuthor && IsUrlish(*content)) continue;
      // og:title over twitter:title (often a teaser sentence), whatever the order.
      if (it->second == kTitle && it->first == "og:title" && !og_title) vals[kTitle].clear(), og_title = true;
      if (vals[it->second].empty()) vals[it->second] = Collapse(*content);
    }
  }
}

// Microdata and visible cues in the body: itemprop dates and authors,
// <time datetime>, and short byline / rel=author elements.
struct BodyCues {
  std::string item_published, time_datetime, item_author, byline, date_text;
};

BodyCues ReadBodyCues(const HtmlDom& dom) {
  BodyCues c;
  for (int i = 0; i < dom.size(); ++i) {
    const Node& e = dom.node(i);
    if (e.tag == Tag::kText || e.tag == Tag::kMeta) continue;
    const std::string* prop = dom.Attribute(i, "itemprop");
    if (prop && c.item_published.empty() && Lower(*prop) == "datepublished") {
      const std::string* dt = dom.Attribute(i, "datetime");
      c.item_published = dt ? *dt : dom.Text(i);
    }
    if (prop && c.item_author.empty() && Lower(*prop) == "author") {
      int name = -1;
      for (int k = i + 1; k < e.end && name < 0; ++k) {
        const std::string* p2 = dom.node(k).tag == Tag::kText ? nullptr : dom.Attribute(k, "itemprop");
        if (p2 && *p2 == "name") name = k;
      }
      const std::string* content = name >= 0 ? dom.Attribute(name, "content") : nullptr;
      c.item_author = content ? *content : dom.Text(name >= 0 ? name : i);
    }
    if (e.tag == Tag::kTime && c.time_datetime.empty()) {
      const std::string* dt = dom.Attribute(i, "datetime");
      if (dt) c.time_datetime = *dt;
    }
    if (c.date_text.empty() && e.tag != Tag::kBody && e.tag != Tag::kHtml) {
      std::string cls = dom.ClassAndId(i);
      if (cls.find("date") != std::string::npos || cls.find("time") != std::string::npos ||
          cls.find("publish") != std::string::npos || cls.find("posted") != std::string::npos) {
        std::string t = dom.Text(i);
        if (t.size() >= 6 && t.size() <= 80 && NormalizeDate(t)) c.date_text = t;
      }
    }
    if (c.byline.empty() && e.tag != Tag::kBody && e.tag != Tag::kHtml) {
      const std::string* rel = dom.Attribute(i, "rel");
      std::string cls = dom.ClassAndId(i);
      bool by = (rel && *rel == "author") ||
                ((cls.find("byline") != std::string::npos || cls.find("author") != std::string::npos) &&
                 cls.find("bio") == std::string::npos && cls.find("avatar") == std::string::npos);
      if (by) {
        std::string t = dom.Text(i);
        if (t.size() >= 3 && t.size() <= 120) c.byline = t;
      }
    }
  }
  return c;
}

std::string Domain(std::string_view url) {
  size_t s = url.find("://");
  if (s == std::string_view::npos) return "";
  url.remove_prefix(s + 3);
  url = url.substr(0, url.find_first_of("/:?#"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  return std::string(url);
}

std::string Alnum(std::string_view s) {
  std::string o;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) o.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return o;
}

// "USA TODAY" on usatoday.com, "GlossGenius" on glossgenius.com, the
// og:site_name itself: the publisher named as author.
bool IsSiteName(const std::string& name, const std::string& site, const std::string& domain) {
  std::string n = Alnum(name);
  if (n.size() < 4) return false;
  std::string s = Alnum(site), d = Alnum(domain.substr(0, domain.rfind('.')));
  for (const std::string& x : {s, d})
    if (x.size() >= 4 && (x.find(n) != std::string::npos || n.find(x) != std::string::npos)) return true;
  return false;
}

}  // namespace

PageMeta ReadMeta(const HtmlDom& dom, std::string_view page_url) {
  PageMeta m;
  std::string vals[7];
  ReadMetaTags(dom, vals);
  JsonLdMeta ld = ReadJsonLd(dom.json_ld());
  BodyCues cues = ReadBodyCues(dom);
  std::string site = !vals[kSite].empty() ? vals[kSite] : Collapse(ld.publisher);
  if (!site.empty()) m.site_name = site;
  std::string url = !page_url.empty() ? std::string(page_url) : vals[kUrl];
  if (!url.empty()) m.url = url;
  if (!m.site_name && !url.empty() && !Domain(url).empty()) m.site_name = Domain(url);
  int h1 = -1;
  std::string title = ChooseTitle(dom, vals[kTitle], ld, site, Domain(url), &h1);
  if (!title.empty()) m.title = title;
  m.page_type = Lower(!vals[kType].empty() ? vals[kType] : ld.type);
  if (!ld.body.empty()) m.article_body = ld.body;
  // Dates: structured metadata first, then visible <time>, then the URL.
  for (const std::string* s : {&ld.published, &vals[kPublished], &cues.item_published}) {
    if (auto d = NormalizeDate(*s)) {
      m.published = *d;
      m.published_source = "metadata";
      break;
    }
  }
  // The date shown by the headline wins over metadata (pages show the date
  // readers should see, often the update), unless metadata's is shown too.
  int32_t anchor_pos = 0;
  std::vector<TextLine> lines = VisibleLines(dom, h1 >= 0 ? h1 : dom.Find(Tag::kH1), &anchor_pos);
  std::vector<std::string> shown = DisplayedDates(lines, anchor_pos);
  if (!shown.empty() && !(m.published && std::find(shown.begin(), shown.end(), m.published->substr(0, 10)) != shown.end())) {
    m.published = shown.front();
    m.published_source = "byline";
  }
  for (const std::string* s : {&cues.time_datetime, &cues.date_text}) {
    if (m.published) break;
    if (auto d = NormalizeDate(*s)) m.published = *d, m.published_source = "byline";
  }
  if (!m.published && !url.empty())
    if (auto d = DateFromUrl(url)) m.published = *d, m.published_source = "url";
  for (const std::string* s : {&ld.modified, &vals[kUpdated]})
    if (auto d = NormalizeDate(*s); d && !m.updated) m.updated = *d;
  if (!m.published && m.updated) m.published = m.updated, m.published_source = "metadata";
  // Authors: JSON-LD people, meta, microdata, then a visible byline. An
  // "author" that is the site itself gives way to a visible byline.
  std::vector<std::string> names;
  for (const auto& a : ld.authors)
    if (!IsUrlish(a))
      for (auto& n : SplitAuthors(a)) names.push_back(n);
  if (names.empty()) {
    std::vector<std::string> cited;
    ReadCitationAuthors(dom, &cited);
    if (cited.size() > 1)
      for (const auto& a : cited)
        for (auto& n : SplitAuthors(a)) names.push_back(n);
  }
  for (const std::string* s : {&vals[kAuthor], &cues.item_author}) {
    if (!names.empty()) break;
    names = SplitAuthors(*s);
  }
  if (names.empty())
    for (const auto& a : ld.org_authors) names.push_back(a);
  std::string domain = Domain(url);
  bool site_only = std::all_of(names.begin(), names.end(),
                               [&](const std::string& n) { return IsSiteName(n, site, domain); });
  if (site_only) {
    std::vector<std::string> shown_names = DisplayedAuthors(dom, lines, anchor_pos);
    if (!shown_names.empty()) names = std::move(shown_names);
  }
  if (names.empty()) names = SplitAuthors(cues.byline);
  m.authors = std::move(names);
  int html = dom.Find(Tag::kHtml);
  const std::string* lang = html >= 0 ? dom.Attribute(html, "lang") : nullptr;
  if (lang && lang->size() >= 2) m.language = Lower(lang->substr(0, lang->find_first_of("-_")));
  return m;
}

}  // namespace dateline::html
