// Api: the JSON API of `dateline serve`, independent of the HTTP library:
// a request (method, decoded path, query parameters, body) in, a status and
// a JSON body out. Routes and shapes are documented in serve/openapi.yaml.
//
// Errors: {"error": message} with 400 (bad parameter or body), 401/403
// (ingest token), 404 (unknown route or id), 405 (wrong method), 500.
// GET responses are cached until the database changes (StorePool generation).
// Thread-safe: Handle() may run on many threads at once.
#ifndef DATELINE_SERVE_API_H_
#define DATELINE_SERVE_API_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "serve/server.h"
#include "serve/store_pool.h"

namespace dateline {
class Pipeline;
}

namespace dateline::serve {

struct ApiRequest {
  std::string method;  // GET | POST | ...
  std::string path;    // decoded, starts with /api/
  std::multimap<std::string, std::string> params;
  std::string body;
  std::string authorization;  // the Authorization header
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class Api {
 public:
  static Result<std::unique_ptr<Api>> Create(const ServeOptions& options);
  ~Api();
  ApiResponse Handle(const ApiRequest& request);

 private:
  explicit Api(const ServeOptions& o);
  ApiResponse Get(const ApiRequest& request);
  ApiResponse Ingest(const ApiRequest& request);
  bool CacheLookup(const std::string& key, uint64_t generation, ApiResponse* out);
  void CacheStore(const std::string& key, uint64_t generation, const ApiResponse& r);

  ServeOptions options_;
  std::unique_ptr<StorePool> pool_;
  std::mutex ingest_mu_;               // one ingest at a time
  std::unique_ptr<Pipeline> pipeline_;  // created on the first ingest
  std::mutex cache_mu_;
  uint64_t cache_generation_ = 0;
  std::unordered_map<std::string, ApiResponse> cache_;
};

// A JSON error body {"error": message}.
std::string ErrorBody(const std::string& message);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_API_H_
