#include <cstdio>
#include <iostream>

#include "base/document_json.h"
#include "cli/commands.h"

namespace dateline::cli {

void AddExtract(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("extract", "Run the per-document pipeline and print Document JSON lines");
  auto opts = std::make_shared<PipelineOptions>();
  auto inputs = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--format", opts->read.format, "auto|dump|html|warc|jsonl|plain")
      ->check(CLI::IsMember({"auto", "dump", "html", "warc", "jsonl", "plain"}));
  cmd->add_option("--date", opts->read.default_date, "publication date (YYYY-MM-DD) for inputs that state none");
  cmd->add_option("--url", opts->read.default_url, "URL for inputs that state none");
  cmd->add_option("--outlet", opts->read.default_outlet, "outlet for inputs that state none");
  cmd->add_option("--threads", opts->threads, "worker threads (0 = cores)");
  cmd->add_option("INPUT", *inputs, "files, directories or - for stdin")->required();
  cmd->callback([=] {
    auto p = Pipeline::Create(*opts);
    if (!p.ok()) {
      std::cerr << "dateline: " << p.status().ToString() << "\n";
      *exit_code = kExitError;
      return;
    }
    std::ios::sync_with_stdio(false);
    RunStats s = (*p)->Extract(
        *inputs, [](const Document& d) { std::cout << ToJsonLine(d) << '\n'; }, PrintReject);
    std::cout.flush();
    *exit_code = s.rejects ? kExitRejected : kExitOk;
  });
}

}  // namespace dateline::cli
