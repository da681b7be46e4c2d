// Helpers for end-to-end tests that drive the built `dateline` binary.
#ifndef DATELINE_TESTS_E2E_UTIL_H_
#define DATELINE_TESTS_E2E_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dateline::e2e {

inline std::string Bin() {
  const char* b = std::getenv("DATELINE_BIN");
  return b ? b : "build/dateline";
}

inline std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs a shell command; returns its exit code (stdout/stderr go to files).
inline int Sh(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string operator/(const std::string& sub) const { return (path_ / sub).string(); }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace dateline::e2e

#endif  // DATELINE_TESTS_E2E_UTIL_H_
