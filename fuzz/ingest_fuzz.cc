// Fuzz driver for the readers: auto-detection, gzip, WARC, JSONL, dumps and
// HTML decoding, through ReadInputs on a temporary file.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "fuzz/fuzz_main.h"
#include "ingest/reader.h"

namespace {
class NullSink : public dateline::PageSink {
 public:
  void OnPage(dateline::RawPage p) override { bytes += p.content.size(); }
  void OnReject(dateline::Reject) override {}
  size_t bytes = 0;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::string path = "/tmp/dateline_ingest_fuzz_" + std::to_string(getpid());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  NullSink sink;
  for (const char* format : {"auto", "warc", "jsonl", "html"}) {
    dateline::ReadOptions o;
    o.format = format;
    dateline::ReadInputs({path}, o, &sink);
  }
  return 0;
}
