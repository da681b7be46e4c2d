// Internal to clean/: the JSON-LD reader used by ReadMeta (html_meta.h).
#ifndef DATELINE_CLEAN_META_INTERNAL_H_
#define DATELINE_CLEAN_META_INTERNAL_H_

#include <string>
#include <vector>

namespace dateline::html {

struct JsonLdMeta {
  bool found_article = false;  // an Article-like @type was found
  std::string type, headline, published, modified, publisher, body;
  std::vector<std::string> authors;
};

// Reads JSON-LD script bodies; malformed blocks are skipped.
JsonLdMeta ReadJsonLd(const std::vector<std::string>& blocks);

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_META_INTERNAL_H_
