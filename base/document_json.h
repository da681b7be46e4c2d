// Document <-> JSON (schema v1, docs/schema.md). Pure functions, thread-safe.
#ifndef DATELINE_BASE_DOCUMENT_JSON_H_
#define DATELINE_BASE_DOCUMENT_JSON_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/document.h"
#include "base/status.h"

namespace dateline {

nlohmann::json ToJson(const Document& doc);
// One line of compact JSON (no trailing newline), the same text as
// ToJson(doc).dump() with invalid UTF-8 replaced, written directly.
std::string ToJsonLine(const Document& doc);
// Parses what ToJsonLine wrote (simdjson). Unknown members and members of
// the wrong type are ignored; text that is not a JSON object is an error.
Result<Document> DocumentFromJsonLine(std::string_view line);
// The same from a parsed value.
Result<Document> DocumentFromJson(const nlohmann::json& j);

}  // namespace dateline

#endif  // DATELINE_BASE_DOCUMENT_JSON_H_
