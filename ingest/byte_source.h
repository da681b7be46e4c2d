// ByteSource: a file, stdin or in-memory buffer read as a byte stream, with
// transparent gzip decompression (multi-member, as in .warc.gz) when the data
// starts with the gzip magic. Not thread-safe; one reader at a time.
#ifndef DATELINE_INGEST_BYTE_SOURCE_H_
#define DATELINE_INGEST_BYTE_SOURCE_H_

#include <cstdio>
#include <memory>
#include <string>

#include "base/status.h"

namespace dateline {

class ByteSource {
 public:
  // path "-" is stdin. Fails if the file cannot be opened.
  static Result<std::unique_ptr<ByteSource>> Open(const std::string& path);
  static std::unique_ptr<ByteSource> FromString(std::string data);
  ~ByteSource();

  // Reads up to n bytes into buf. Returns 0 at end. A truncated or corrupt
  // gzip stream is an error (bytes decoded before it were returned already).
  Result<size_t> Read(char* buf, size_t n);
  // Reads everything, failing with InvalidInput if it exceeds max_bytes.
  Result<std::string> ReadAll(size_t max_bytes);
  // Reads one line (without "\n"); false at end. A line longer than max_bytes
  // is skipped to its end and reported via *too_long.
  Result<bool> ReadLine(std::string* line, size_t max_bytes, bool* too_long);
  // Reads exactly n bytes (fewer only at end of input).
  Result<std::string> ReadExact(size_t n);
  // Puts bytes back in front of what is still to be read (after a peek).
  void PushBack(const std::string& bytes) {
    buf_ = bytes + buf_.substr(buf_pos_);
    buf_pos_ = 0;
    if (!buf_.empty()) eof_ = false;
  }
  bool gzipped() const { return gzipped_; }
  // Compressed bytes consumed so far (for progress).
  uint64_t raw_bytes_read() const { return raw_read_; }

 private:
  ByteSource() = default;
  Result<size_t> RawRead(char* buf, size_t n);
  Result<size_t> Fill();  // refills buf_ with decoded bytes

  FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::string mem_;
  size_t mem_pos_ = 0;
  bool gzipped_ = false;
  struct Gz;
  std::unique_ptr<Gz> gz_;
  std::string buf_;
  size_t buf_pos_ = 0;
  uint64_t raw_read_ = 0;
  bool eof_ = false;
};

}  // namespace dateline

#endif  // DATELINE_INGEST_BYTE_SOURCE_H_
