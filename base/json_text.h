// Writing JSON text by hand: string escaping that matches nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) byte for byte (so that the
// fast writers and the nlohmann-built values print the same), and a small
// appender used by document_json.cc. Pure functions, thread-safe.
#ifndef DATELINE_BASE_JSON_TEXT_H_
#define DATELINE_BASE_JSON_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::json_text {

// Appends s as a quoted JSON string: '"', '\\' and control characters
// escaped (\b \f \n \r \t, else \u00xx), other bytes as they are, and each
// maximal invalid UTF-8 subsequence replaced by U+FFFD.
void AppendString(std::string_view s, std::string* out);
void AppendInt(int64_t v, std::string* out);

}  // namespace dateline::json_text

#endif  // DATELINE_BASE_JSON_TEXT_H_
