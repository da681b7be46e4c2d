// Document <-> JSON (schema v1, docs/schema.md). Pure functions, thread-safe.
#ifndef DATELINE_BASE_DOCUMENT_JSON_H_
#define DATELINE_BASE_DOCUMENT_JSON_H_

#include <string>

#include <nlohmann/json.hpp>

#include "base/document.h"
#include "base/status.h"

namespace dateline {

nlohmann::json ToJson(const Document& doc);
// One line of compact JSON (no trailing newline); invalid UTF-8 is replaced.
std::string ToJsonLine(const Document& doc);
// Parses what ToJson wrote. Unknown fields are ignored.
Result<Document> DocumentFromJson(const nlohmann::json& j);

}  // namespace dateline

#endif  // DATELINE_BASE_DOCUMENT_JSON_H_
