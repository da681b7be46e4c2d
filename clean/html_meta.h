// Page metadata from an HtmlDom: <meta> tags (Open Graph, Dublin Core,
// article:*, parsely, sailthru), JSON-LD (Article types, @graph), microdata
// (itemprop), <time>, bylines and the URL path. Each field records where it
// came from; none is required. Stateless and thread-safe.
#ifndef DATELINE_CLEAN_HTML_META_H_
#define DATELINE_CLEAN_HTML_META_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/html_dom.h"

namespace dateline::html {

struct PageMeta {
  std::optional<std::string> title;      // headline, site name suffix removed
  std::optional<std::string> site_name;  // og:site_name / JSON-LD publisher
  std::optional<std::string> url;        // canonical / og:url
  std::optional<std::string> published;  // ISO 8601 date or date-time(+zone)
  std::string published_source;          // metadata | byline | url
  std::optional<std::string> updated;
  std::optional<std::string> language;   // <html lang>, primary subtag
  std::optional<std::string> article_body;  // JSON-LD articleBody
  std::vector<std::string> authors;      // names only
  std::string page_type;                 // og:type or JSON-LD @type, lower case
};

PageMeta ReadMeta(const HtmlDom& dom, std::string_view page_url);

// Normalises a date string ("2019-11-20T10:00:00+01:00", "Wed, 20 Nov 2019
// 10:00:00 GMT", "November 20, 2019", "20.11.2019") to ISO 8601: a date, or a
// date-time with the zone when the input has both. nullopt when unparsable.
std::optional<std::string> NormalizeDate(std::string_view s);
// A date in a URL path (/2019/11/20/, /20191120/, 2019-11-20), as YYYY-MM-DD.
std::optional<std::string> DateFromUrl(std::string_view url);
// Cleans a byline into names: drops "By", roles after "|", e-mail, links;
// splits on ",", " and ", "&". Empty when nothing name-like remains.
std::vector<std::string> SplitAuthors(std::string_view byline);
// Removes a " | Site" / " - Site" part from a page title.
std::string StripSiteName(std::string_view title, std::string_view site_name);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_META_H_
