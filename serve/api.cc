// Api: routing, errors as JSON, and the response cache.
#include "serve/api.h"

#include <map>

#include "pipeline/pipeline.h"
#include "serve/handlers.h"

namespace dateline::serve {
namespace {

using Handler = Result<json> (*)(Store*, const Params&, const Args&);

const std::map<std::string, Handler>& Routes() {
  static const std::map<std::string, Handler> kRoutes = {
      {"health", GetHealth},     {"storylines", GetStorylines}, {"stories", GetStories},
      {"outlets", GetOutlets},   {"documents", GetDocuments},   {"entities", GetEntities},
      {"quotes", GetQuotes},     {"search", GetSearch},
  };
  return kRoutes;
}

// "/api/a/b/c" -> {"a", "b", "c"}; empty segments are dropped.
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidInput: return 400;
    case Status::Code::kNotFound: return 404;
    default: return 500;
  }
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string ErrorBody(const std::string& message) { return Dump(json{{"error", message}}); }

Result<std::unique_ptr<Api>> Api::Create(const ServeOptions& options) {
  std::unique_ptr<Api> api(new Api(options));
  auto pool = StorePool::Open(options.db);
  if (!pool.ok()) return pool.status();
  api->pool_ = std::move(pool.value());
  return api;
}

Api::Api(const ServeOptions& o) : options_(o) {}
Api::~Api() = default;

ApiResponse Api::Handle(const ApiRequest& r) {
  if (r.path == "/api/ingest") {
    if (r.method != "POST") return {405, ErrorBody("use POST for /api/ingest")};
    return Ingest(r);
  }
  if (r.method != "GET" && r.method != "HEAD") return {405, ErrorBody("method not allowed")};
  return Get(r);
}

ApiResponse Api::Get(const ApiRequest& r) {
  auto segs = Segments(r.path);
  if (segs.size() < 2 || segs[0] != "api") return {404, ErrorBody("no such route")};
  auto route = Routes().find(segs[1]);
  if (route == Routes().end()) return {404, ErrorBody("no such route: " + r.path)};
  Params params(r.params);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return {500, ErrorBody(lease.status().message())};
  uint64_t gen = pool_->generation();
  std::string key = r.path + '\x1e' + params.Key();
  ApiResponse out;
  if (CacheLookup(key, gen, &out)) return out;
  Args args(segs.begin() + 2, segs.end());
  Result<json> body = [&]() -> Result<json> {
    try {
      return route->second(lease->get(), params, args);
    } catch (const std::exception& e) {  // third-party (JSON) exceptions stop here
      return Status::Internal(e.what());
    }
  }();
  out = body.ok() ? ApiResponse{200, Dump(*body)} : ApiResponse{HttpStatus(body.status()), ErrorBody(body.status().message())};
  if (out.status == 200 || out.status == 404) CacheStore(key, gen, out);
  return out;
}

bool Api::CacheLookup(const std::string& key, uint64_t generation, ApiResponse* out) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (generation != cache_generation_) {
    cache_.clear();
    cache_generation_ = generation;
    return false;
  }
  auto it = cache_.find(key);
  if (it == cache_.end()) return false;
  *out = it->second;
  return true;
}

void Api::CacheStore(const std::string& key, uint64_t generation, const ApiResponse& r) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (generation != cache_generation_ || r.body.size() > (4u << 20)) return;
  if (cache_.size() >= options_.cache_entries) cache_.clear();
  cache_[key] = r;
}

}  // namespace dateline::serve
