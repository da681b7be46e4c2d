// Not built yet (see docs/architecture.md).
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

int TagTimeml(const std::string& in, const std::string& out) {
  std::cerr << "dateline tag --timeml: not built yet\n";
  return kExitError;
}

}  // namespace dateline::cli
