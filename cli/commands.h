// The CLI's subcommands: each file cli/cmd_<name>.cc registers one with
// CLI11 and does no work beyond parsing flags and calling the pipeline.
// Exit codes: 0 success, 1 usage or fatal error, 2 finished but some inputs
// were rejected.
#ifndef DATELINE_CLI_COMMANDS_H_
#define DATELINE_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/pipeline.h"

namespace dateline::cli {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitRejected = 2;

void AddExtract(CLI::App* app, int* exit_code);
void AddIngest(CLI::App* app, int* exit_code);
void AddExport(CLI::App* app, int* exit_code);
void AddStories(CLI::App* app, int* exit_code);
void AddTimeline(CLI::App* app, int* exit_code);
void AddDemo(CLI::App* app, int* exit_code);
void AddTag(CLI::App* app, int* exit_code);
void AddTrainNer(CLI::App* app, int* exit_code);
void AddTrainDump(CLI::App* app, int* exit_code);
void AddServe(CLI::App* app, int* exit_code);

// Shared helpers (cli/common.cc).
void PrintReject(const Reject& r);
// Ingests inputs into the store at `db`, then rebuilds the corpus-level
// results if documents were added (always with `refresh`).
int RunIngest(const std::vector<std::string>& inputs, const std::string& db, PipelineOptions options,
              bool refresh = false);
int PrintStories(const std::string& db, bool json);
int PrintTimeline(const std::string& db, const std::string& storyline, bool json);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_COMMANDS_H_
