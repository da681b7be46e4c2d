#include "cli/commands.h"

namespace dateline::cli {

void AddStories(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("stories", "List storylines and their stories");
  auto db = std::make_shared<std::string>("dateline.db");
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--db", *db, "SQLite database path");
  cmd->add_flag("--json", *json, "machine-readable output");
  cmd->callback([=] { *exit_code = PrintStories(*db, *json); });
}

void AddTimeline(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("timeline", "Print a storyline's dated, sourced timeline");
  auto db = std::make_shared<std::string>("dateline.db");
  auto storyline = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--db", *db, "SQLite database path");
  cmd->add_option("--storyline", *storyline, "storyline id (default: all)");
  cmd->add_flag("--json", *json, "machine-readable output");
  cmd->callback([=] { *exit_code = PrintTimeline(*db, *storyline, *json); });
}

}  // namespace dateline::cli
