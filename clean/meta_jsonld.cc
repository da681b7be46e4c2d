// JSON-LD part of html_meta.h: the first Article-like object (top level,
// arrays, @graph) gives headline, dates, authors, publisher and articleBody.
#include <nlohmann/json.hpp>

#include "clean/meta_internal.h"

namespace dateline::html {
namespace {

using nlohmann::json;

std::string TypeOf(const json& o) {
  auto it = o.find("@type");
  if (it == o.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) return t.get<std::string>();
  return "";
}

bool IsArticleType(const std::string& t) {
  return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
         t == "ReportageNews" || t == "LiveBlogPosting" || t == "Review" || t == "Recipe" ||
         t == "HowTo" || t == "Posting" || t == "SocialMediaPosting" || t == "TechArticle";
}

std::string Str(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && (*it)[0].is_string()) return (*it)[0].get<std::string>();
  return "";
}

std::string NameOf(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return Str(v, "name");
  return "";
}

void Collect(const json& v, std::vector<const json*>* objs, int depth) {
  if (depth > 6) return;
  if (v.is_array()) {
    for (const auto& x : v) Collect(x, objs, depth + 1);
  } else if (v.is_object()) {
    objs->push_back(&v);
    auto g = v.find("@graph");
    if (g != v.end()) Collect(*g, objs, depth + 1);
    auto m = v.find("mainEntity");
    if (m != v.end()) Collect(*m, objs, depth + 1);
  }
}

void FromArticle(const json& o, JsonLdMeta* m) {
  m->type = TypeOf(o);
  m->headline = Str(o, "headline");
  if (m->headline.empty()) m->headline = Str(o, "name");
  m->published = Str(o, "datePublished");
  if (m->published.empty()) m->published = Str(o, "dateCreated");
  m->modified = Str(o, "dateModified");
  m->body = Str(o, "articleBody");
  auto a = o.find("author");
  if (a == o.end()) a = o.find("creator");
  if (a != o.end()) {
    auto add = [m](const json& x) {
      std::string n = NameOf(x);
      if (n.empty()) return;
      std::string t = x.is_object() ? TypeOf(x) : "";
      bool org = t == "Organization" || t == "NewsMediaOrganization" || t == "Corporation";
      (org ? m->org_authors : m->authors).push_back(n);
    };
    if (a->is_array()) {
      for (const auto& x : *a) add(x);
    } else {
      add(*a);
    }
  }
  auto p = o.find("publisher");
  if (p != o.end()) m->publisher = NameOf(p->is_array() && !p->empty() ? (*p)[0] : *p);
}

}  // namespace

JsonLdMeta ReadJsonLd(const std::vector<std::string>& blocks) {
  JsonLdMeta m;
  for (const auto& b : blocks) {
    json v = json::parse(b, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (v.is_discarded()) continue;
    std::vector<const json*> objs;
    Collect(v, &objs, 0);
    for (const json* o : objs) {
      std::string t = TypeOf(*o);
      if (IsArticleType(t)) {
        FromArticle(*o, &m);
        m.found_article = true;
        return m;
      }
      if (m.type.empty() && !t.empty()) m.type = t;
      if (m.publisher.empty() && (t == "Organization" || t == "NewsMediaOrganization" || t == "WebSite"))
        m.publisher = Str(*o, "name");
      if (m.published.empty() && t == "WebPage") {
        m.published = Str(*o, "datePublished");
        m.modified = Str(*o, "dateModified");
      }
    }
  }
  return m;
}

}  // namespace dateline::html
