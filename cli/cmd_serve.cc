// `dateline serve`: the HTTP API and web UI over a database (serve/server.h).
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "serve/server.h"

namespace dateline::cli {

void AddServe(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("serve", "HTTP API and web UI over a database");
  auto o = std::make_shared<ServeOptions>();
  cmd->add_option("--db", o->db, "SQLite database path")->capture_default_str();
  cmd->add_option("--host", o->host, "address to listen on (127.0.0.1 = this machine only)")->capture_default_str();
  cmd->add_option("--port", o->port, "port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--ingest-token", o->ingest_token,
                  "enables POST /api/ingest for clients sending 'Authorization: Bearer TOKEN' "
                  "(or set DATELINE_INGEST_TOKEN)");
  cmd->add_option("--threads", o->threads, "worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--max-body", o->max_body_bytes, "largest request body in bytes (larger: 413)")
      ->capture_default_str();
  cmd->callback([=] {
    ServeOptions opts = *o;
    if (opts.ingest_token.empty())
      if (const char* t = std::getenv("DATELINE_INGEST_TOKEN")) opts.ingest_token = t;
    Status st = RunServer(opts);
    if (!st.ok()) {
      std::cerr << "dateline serve: " << st.ToString() << "\n";
      *exit_code = kExitError;
    }
  });
}

}  // namespace dateline::cli
