// dateline: turns crawled news pages into a sourced record of what happened.
#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"dateline: news pages in, a sourced timeline out", "dateline"};
  app.require_subcommand(1);
  int exit_code = dateline::cli::kExitOk;
  dateline::cli::AddExtract(&app, &exit_code);
  dateline::cli::AddIngest(&app, &exit_code);
  dateline::cli::AddExport(&app, &exit_code);
  dateline::cli::AddStories(&app, &exit_code);
  dateline::cli::AddTimeline(&app, &exit_code);
  dateline::cli::AddDemo(&app, &exit_code);
  dateline::cli::AddTag(&app, &exit_code);
  dateline::cli::AddTrainNer(&app, &exit_code);
  dateline::cli::AddTrainDump(&app, &exit_code);
  dateline::cli::AddServe(&app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : dateline::cli::kExitError;
  }
  return exit_code;
}
