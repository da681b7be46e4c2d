#include "base/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace dateline {

std::string DataDir() {
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(DATELINE_DATA_DIR, ec)) return DATELINE_DATA_DIR;
  return DATELINE_INSTALL_DATA_DIR;
}

bool SharedDir(std::string* path) {
  std::string p = DATELINE_SHARED_DIR;
  if (const char* env = std::getenv("DATELINE_SHARED"); env && *env) p = env;
  std::error_code ec;
  if (!std::filesystem::is_directory(p + "/data", ec)) return false;
  *path = p;
  return true;
}

}  // namespace dateline
