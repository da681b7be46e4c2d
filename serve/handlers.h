// The read-only API handlers, one per route (serve/openapi.yaml). Each reads
// through the given Store connection and returns the JSON body, or
// InvalidInput (400) / NotFound (404). `args` are the path segments after
// the collection name ("/api/storylines/ID/timeline" -> {"ID", "timeline"}).
// Stateless; thread-safe given one Store per thread.
#ifndef DATELINE_SERVE_HANDLERS_H_
#define DATELINE_SERVE_HANDLERS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "serve/params.h"
#include "store/store.h"

namespace dateline::serve {

using Args = std::vector<std::string>;
using nlohmann::json;

// handlers_corpus.cc
Result<json> GetHealth(Store* store, const Params& p, const Args& args);
Result<json> GetStorylines(Store* store, const Params& p, const Args& args);
Result<json> GetStories(Store* store, const Params& p, const Args& args);
Result<json> GetOutlets(Store* store, const Params& p, const Args& args);

// handlers_docs.cc
Result<json> GetDocuments(Store* store, const Params& p, const Args& args);
Result<json> GetEntities(Store* store, const Params& p, const Args& args);
Result<json> GetQuotes(Store* store, const Params& p, const Args& args);
// {id, title, outlet, published, url, story, storyline, duplicate_of}, or null if unknown.
json DocumentMeta(Store* store, const std::string& id);

// search.cc
Result<json> GetSearch(Store* store, const Params& p, const Args& args);

// Shared helpers (handlers_corpus.cc).
// The value of a string field, or "" (also for null / other types).
std::string Str(const json& j, const char* key);
// Whether a field that is a string, an {id, name} object, or a list of
// either names `who` (by id or case-insensitive name).
bool Mentions(const json& field, const std::string& who);
// Applies limit/offset to an array; returns {"total", key: page}.
Result<json> Page(const Params& p, const char* key, json items);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_HANDLERS_H_
