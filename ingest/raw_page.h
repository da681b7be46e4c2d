// RawPage: one input page as read, before cleaning. Plain value type.
#ifndef DATELINE_INGEST_RAW_PAGE_H_
#define DATELINE_INGEST_RAW_PAGE_H_

#include <optional>
#include <string>

namespace dateline {

struct RawPage {
  std::string id;      // JSONL id, file name without .gz/.html/.htm/.txt/.warc, or WARC-Record-ID
  std::string input;   // where it came from, for messages: "path", "path:line", "path@offset"
  // "dump"  - a whole page flattened to text (to be cleaned line by line)
  // "html"  - an HTML page (to be cleaned)
  // "text"  - already-clean article text (JSONL text, --format plain): kept exactly
  std::string format;
  std::string content;  // always valid UTF-8
  std::optional<std::string> url, outlet, title, published;
  std::optional<std::string> crawl_date;  // dump header " date YYYY-MM-DD " or WARC-Date
  std::string content_hash;               // ContentHash of the raw (decompressed) bytes
  bool encoding_repaired = false;         // invalid bytes were read as Windows-1252
};

// An input (or part of one) that could not be read, with the reason.
struct Reject {
  std::string input;
  std::string reason;
};

}  // namespace dateline

#endif  // DATELINE_INGEST_RAW_PAGE_H_
