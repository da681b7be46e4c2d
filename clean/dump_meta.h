// Metadata of a text dump from its lines: title (the headline line), byline
// (authors and date), outlet (app advert, title suffix or masthead phrase),
// captions (photo credits, kept out of the body). Rules come from
// data/clean/dump/meta.txt. Immutable after Load; Extract is thread-safe.
#ifndef DATELINE_CLEAN_DUMP_META_H_
#define DATELINE_CLEAN_DUMP_META_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/document.h"
#include "base/status.h"
#include "clean/dump_features.h"

namespace dateline {

struct DumpMetaRules {
  std::unordered_map<std::string, int> months;              // lowercase name -> 1..12
  std::vector<std::string> caption_phrases;                 // lowercase
  std::vector<std::string> author_labels;                   // lowercase prefixes
  std::vector<std::pair<std::string, std::string>> apps;    // {prefix, suffix}
  // Loads meta.txt from `dir` (data/clean/dump).
  static Result<DumpMetaRules> Load(const std::string& dir);

  // First date in s: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" when a clock time
  // follows. *at / *len (optional) receive its byte range.
  std::optional<std::string> FindDate(std::string_view s, size_t* at = nullptr, size_t* len = nullptr) const;
  bool IsCaption(std::string_view line) const;
  // Authors named by a byline line ("by A and B April 8, 2025 ..."), or empty.
  std::vector<std::string> BylineAuthors(std::string_view line) const;
  // Brand named by an app advert ("Download the SAN app today"), or empty.
  std::string AppBrand(std::string_view line) const;
};

// Fills d->title/authors/outlet/published/captions where the page states them
// and they are not already set. Lines found to be bylines, titles or captions
// are cleared from *body.
void ExtractDumpMeta(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body, Document* d);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_META_H_
