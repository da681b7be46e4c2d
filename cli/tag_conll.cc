// Not built yet (see docs/architecture.md).
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

int TagConll(const std::string& file) {
  std::cerr << "dateline tag --conll: not built yet\n";
  return kExitError;
}

}  // namespace dateline::cli
