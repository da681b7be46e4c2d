// Decoding HTML bytes to UTF-8. Thread-safe.
//
// The charset comes from, in order: a byte-order mark, the HTTP Content-Type
// header (when given), a <meta charset> / http-equiv in the first 4 KB.
// UTF-8 that is not valid UTF-8 (Windows-1252 or Latin-1 mislabelled) is
// repaired byte by byte as Windows-1252; Latin-1 labels that hold valid
// multi-byte UTF-8 are read as UTF-8. Other charsets go through iconv.
#ifndef DATELINE_INGEST_CHARSET_H_
#define DATELINE_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace dateline {

// Charset name (lower case) declared in a Content-Type value or in the HTML head; "" if none.
std::string CharsetFromContentType(std::string_view content_type);
std::string CharsetFromHtmlHead(std::string_view html);

// Decodes bytes to valid UTF-8. *repaired is set when bytes had to be guessed.
std::string DecodeToUtf8(std::string_view bytes, std::string_view http_charset, bool* repaired);

}  // namespace dateline

#endif  // DATELINE_INGEST_CHARSET_H_
