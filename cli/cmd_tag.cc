// `dateline tag`: annotate evaluation files in their own formats.
//   --conll FILE         CoNLL file + predicted IOB2 tag column (cli/tag_conll.cc)
//   --timeml IN OUT      TimeML with TIMEX3 tags added (cli/tag_timeml.cc)
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

int TagConll(const std::string& file);
int TagTimeml(const std::string& in, const std::string& out);

void AddTag(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("tag", "Tag evaluation files (--conll FILE | --timeml IN OUT)");
  auto conll = std::make_shared<std::string>();
  auto timeml = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--conll", *conll, "CoNLL file: prints it with a predicted IOB2 column");
  cmd->add_option("--timeml", *timeml, "IN OUT: TimeML file or directory pair")->expected(2);
  cmd->callback([=] {
    if (!conll->empty()) *exit_code = TagConll(*conll);
    else if (timeml->size() == 2) *exit_code = TagTimeml((*timeml)[0], (*timeml)[1]);
    else {
      std::cerr << "dateline tag: give --conll FILE or --timeml IN OUT\n";
      *exit_code = kExitError;
    }
  });
}

}  // namespace dateline::cli
