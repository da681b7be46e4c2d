// Server: the HTTP JSON API (serve/openapi.yaml) and the web UI over a Store,
// behind `dateline serve`.
//
// Security contract: binds 127.0.0.1 unless told otherwise; serves only the
// embedded asset set (no file system access, so no path traversal); every
// response carries a Content-Security-Policy without inline scripts; SQL goes
// through bound parameters only; bodies over max_body_bytes get 413; bad query
// parameters 400 and unknown ids 404, all as JSON {"error": ...}.
// POST /api/ingest is off unless ingest_token is set, and then needs
// `Authorization: Bearer <token>`.
//
// Threads: Start() returns once the socket is bound; requests are served on
// the server's own worker pool, each with a pooled Store connection. Stop()
// may be called from any thread. Not copyable.
#ifndef DATELINE_SERVE_SERVER_H_
#define DATELINE_SERVE_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "base/status.h"

namespace httplib {
class Server;
}

namespace dateline {

struct ServeOptions {
  std::string db = "dateline.db";
  std::string host = "127.0.0.1";
  int port = 8080;                        // 0 = any free port (see Server::port())
  std::string ingest_token;               // "" = POST /api/ingest disabled
  size_t max_body_bytes = 8u << 20;       // larger request bodies get 413
  int threads = 16;                       // worker threads
  size_t cache_entries = 2048;            // cached GET responses (cleared when the db changes)
  std::string data_dir;                   // models for ingest; "" = DataDir()
};

namespace serve {
class Api;
}

class Server {
 public:
  // Opens the database (migrating it) and prepares the routes. Does not bind.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving on a background thread. Fails if the address is taken.
  Status Start();
  // The bound port (after Start()).
  int port() const { return port_; }
  // Blocks until Stop() is called (from another thread or a signal).
  void Wait();
  void Stop();

 private:
  explicit Server(const ServeOptions& o);
  void Routes();

  ServeOptions options_;
  std::unique_ptr<serve::Api> api_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

// Create + Start + print "Open http://HOST:PORT/" + wait for SIGINT/SIGTERM.
Status RunServer(const ServeOptions& options);

}  // namespace dateline

#endif  // DATELINE_SERVE_SERVER_H_
