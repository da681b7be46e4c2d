// Per-format readers used by ReadInputs (reader.h). Each reads from a
// ByteSource and emits pages and rejects to a PageSink. Internal to ingest/.
#ifndef DATELINE_INGEST_FORMATS_H_
#define DATELINE_INGEST_FORMATS_H_

#include <string>

#include "ingest/byte_source.h"
#include "ingest/reader.h"

namespace dateline {

// Builds a page from one whole file's bytes: "dump", "html" or "plain".
// Returns a non-ok Status (the reject reason) for empty or binary content.
Result<RawPage> PageFromBytes(const std::string& input, const std::string& id,
                              const std::string& format, std::string bytes,
                              const ReadOptions& options);

void ReadJsonl(const std::string& input, ByteSource* src, const ReadOptions& options,
               PageSink* sink, ReadStats* stats);
void ReadWarc(const std::string& input, ByteSource* src, const ReadOptions& options,
              PageSink* sink, ReadStats* stats);

// True when the bytes look binary (NULs or many control characters).
bool LooksBinary(std::string_view head);

}  // namespace dateline

#endif  // DATELINE_INGEST_FORMATS_H_
