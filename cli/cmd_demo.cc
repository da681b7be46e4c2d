#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

void AddDemo(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("demo", "Ingest samples/ into a fresh dateline.db and show what was found");
  auto db = std::make_shared<std::string>("dateline.db");
  auto samples = std::make_shared<std::string>(std::string(DATELINE_SOURCE_DIR) + "/samples");
  cmd->add_option("--db", *db, "SQLite database path (recreated)");
  cmd->add_option("--samples", *samples, "the sample pages");
  cmd->callback([=] {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(*db + suffix, ec);
    PipelineOptions options;
    int rc = RunIngest({*samples}, *db, options);
    if (rc == kExitError) {
      *exit_code = rc;
      return;
    }
    std::cout << "\n== Stories ==\n";
    PrintStories(*db, false);
    std::cout << "\n== Timeline ==\n";
    PrintTimeline(*db, "", false);
    *exit_code = rc;
  });
}

}  // namespace dateline::cli
