// Not built yet: registered so that --help lists it; see docs/architecture.md.
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

void AddServe(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("serve", "HTTP API and web UI (not built yet)");
  cmd->allow_extras();
  cmd->callback([=] {
    std::cerr << "dateline serve: not built yet\n";
    *exit_code = kExitError;
  });
}

}  // namespace dateline::cli
