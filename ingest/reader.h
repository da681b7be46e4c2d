// Reading inputs: files, directories (recursively, sorted path order), "-" for
// stdin, .gz transparently. Formats: text dump, HTML, WARC, JSONL, plain text
// (docs/formats.md). Each input's format is detected from its name and first
// bytes unless ReadOptions::format forces one.
//
// Bad input never stops the run: every unreadable input or record becomes a
// Reject (input + reason) delivered to the sink, and reading goes on.
// Not thread-safe; the sink is called from the calling thread, in input order.
#ifndef DATELINE_INGEST_READER_H_
#define DATELINE_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/raw_page.h"

namespace dateline {

struct ReadOptions {
  std::string format = "auto";             // auto | dump | html | warc | jsonl | plain
  size_t max_page_bytes = 16u << 20;       // a page (or JSONL line, WARC record) larger is rejected
  // Supplied by the caller (CLI --date/--url/--outlet) for pages that state none.
  std::string default_date, default_url, default_outlet;
};

struct ReadStats {
  int64_t pages = 0;
  int64_t rejects = 0;
  int64_t skipped_non_html = 0;  // WARC records whose payload is not HTML
  int64_t skipped_other = 0;     // WARC request/metadata/warcinfo records
  uint64_t bytes = 0;            // input bytes consumed (compressed size for .gz)
};

class PageSink {
 public:
  virtual ~PageSink() = default;
  virtual void OnPage(RawPage page) = 0;
  virtual void OnReject(Reject reject) = 0;
  // Called as input bytes are consumed (for progress). total may be 0 if unknown.
  virtual void OnProgress(uint64_t done_bytes, uint64_t total_bytes) {}
};

// Expands directories into their regular files, sorted by path. Missing paths
// are returned in *missing. "-" is kept as is.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<std::string>* missing);

// Reads all inputs into the sink. Returns what was read; never fails as a whole.
ReadStats ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                     PageSink* sink);

// The document id of a file: its name without directory and .gz/.html/.htm/.txt/.warc endings.
std::string IdFromPath(const std::string& path);

// Detects the format of a file from its name and first bytes ("dump", "html",
// "warc", "jsonl"), or returns a reason to reject it (binary, empty).
Result<std::string> DetectFormat(const std::string& path, std::string_view head);

}  // namespace dateline

#endif  // DATELINE_INGEST_READER_H_
