// Fuzz driver for the text-dump cleaner: any bytes, read as a dump page (the
// reader's path: UTF-8 repair, crawl header), observed and cleaned twice so
// that template evidence is exercised. Build with clang -fsanitize=fuzzer, or
// run bounded in CTest by clean/dump_fuzz_test.cc.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clean/cleaner.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

namespace dateline {

inline int DumpFuzzOne(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto page = PageFromBytes("fuzz", "fuzz", "dump", bytes, ReadOptions{});
  if (!page.ok()) return 0;
  Cleaner cleaner;
  cleaner.Observe(*page);
  cleaner.Observe(*page);
  Document d = cleaner.Clean(*page);
  // The body is made of the page's own lines.
  if (d.text.size() > page->content.size() + 1) __builtin_trap();
  return 0;
}

}  // namespace dateline

#ifndef DATELINE_FUZZ_NO_ENTRY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return dateline::DumpFuzzOne(data, size);
}
#endif
