// Full-text search over the documents_fts index (store migration v2).
// The user's query is never passed to FTS5 as syntax: it is split into
// words and "quoted phrases", each quoted for FTS5 (a trailing * on a word
// makes it a prefix), all required. Pure functions; thread-safe.
#ifndef DATELINE_SERVE_SEARCH_H_
#define DATELINE_SERVE_SEARCH_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace dateline::serve {

// The FTS5 expression for a user query: "" when it has no searchable word.
std::string FtsQuery(const std::string& user_query);
// An FTS5 string literal for s ("" quoted, "" inside doubled).
std::string FtsQuote(const std::string& s);
// "col : ("a" OR "b")" over the given alternatives (non-empty).
std::string FtsColumnAny(const std::string& column, const std::vector<std::string>& alternatives);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_SEARCH_H_
