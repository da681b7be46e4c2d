// Test helper for clean/ tests: the seed pages in samples/ as (path, bytes),
// sorted by path; empty when the folder cannot be read.
#ifndef DATELINE_CLEAN_TEST_SAMPLES_H_
#define DATELINE_CLEAN_TEST_SAMPLES_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace dateline {

inline std::vector<std::pair<std::string, std::string>> SamplePages() {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DATELINE_SOURCE_DIR) + "/samples", ec)) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.emplace_back(e.path().string(), ss.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dateline

#endif  // DATELINE_CLEAN_TEST_SAMPLES_H_
