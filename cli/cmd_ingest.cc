#include <unistd.h>

#include <cstdio>

#include "cli/commands.h"

namespace dateline::cli {

void AddIngest(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("ingest", "Add inputs to the store, then update stories");
  auto opts = std::make_shared<PipelineOptions>();
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto db = std::make_shared<std::string>("dateline.db");
  cmd->add_option("--db", *db, "SQLite database path");
  cmd->add_option("--format", opts->read.format, "auto|dump|html|warc|jsonl|plain")
      ->check(CLI::IsMember({"auto", "dump", "html", "warc", "jsonl", "plain"}));
  cmd->add_option("--date", opts->read.default_date, "publication date for inputs that state none");
  cmd->add_option("--outlet", opts->read.default_outlet, "outlet for inputs that state none");
  cmd->add_option("--threads", opts->threads, "worker threads (0 = cores)");
  cmd->add_option("--batch", opts->batch_size, "documents per transaction");
  cmd->add_option("--active-stories", opts->max_active_stories,
                  "stories that can still gain documents; older ones are retired (bounds memory, ~7 KB each)");
  auto refresh = std::make_shared<bool>(false);
  cmd->add_flag("--refresh", *refresh,
                "rebuild stories, entities, quotes and timeline even when no document was added "
                "(without INPUT: from the store alone)");
  cmd->add_option("INPUT", *inputs, "files, directories or - for stdin (required unless --refresh)");
  cmd->callback([=] {
    if (inputs->empty() && !*refresh) {
      std::fprintf(stderr, "dateline: ingest: no INPUT given (use --refresh to rebuild from the store alone)\n");
      *exit_code = kExitError;
      return;
    }
    opts->progress = isatty(STDERR_FILENO);
    *exit_code = RunIngest(*inputs, *db, *opts, *refresh);
  });
}

}  // namespace dateline::cli
