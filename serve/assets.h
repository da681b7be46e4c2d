// The web UI's static files (serve/web/*, serve/openapi.yaml), embedded into
// the binary at build time by serve/embed_assets.cmake. The set is fixed at
// build time: nothing else can be served, whatever the request path says.
#ifndef DATELINE_SERVE_ASSETS_H_
#define DATELINE_SERVE_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace dateline::serve {

struct Asset {
  const char* path;          // "/app.js"
  const char* content_type;  // "text/javascript; charset=utf-8"
  const unsigned char* data;
  size_t size;
};

// The asset served at `path` ("/" is "/index.html"), or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_ASSETS_H_
