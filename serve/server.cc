#include "serve/server.h"

namespace dateline {

Status RunServer(const ServeOptions& options) { return Status::Unsupported("the server is not built yet"); }

}  // namespace dateline
