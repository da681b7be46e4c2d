// Server: the HTTP JSON API and web UI over a Store (`dateline serve`).
// Not built yet: Run() reports that it is unavailable. See docs/architecture.md.
#ifndef DATELINE_SERVE_SERVER_H_
#define DATELINE_SERVE_SERVER_H_

#include <string>

#include "base/status.h"

namespace dateline {

struct ServeOptions {
  std::string db = "dateline.db";
  std::string host = "127.0.0.1";
  int port = 8080;
};

Status RunServer(const ServeOptions& options);

}  // namespace dateline

#endif  // DATELINE_SERVE_SERVER_H_
