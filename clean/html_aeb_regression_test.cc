// Regression guard for the HTML cleaner on the AEB dev set (../shared): the
// shingle F1 of the shared scorer must stay within 0.01 of the figure
// reached (0.966 when this test was written). Skips without ../shared or
// python3. Cleans the 181 pages in-process (no annotation), ~5 s.
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/data_dir.h"
#include "clean/cleaner.h"

namespace dateline {
namespace {

constexpr double kReachedShingleF1 = 0.966;

std::string ReadGzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

TEST(HtmlAebRegressionTest, ShingleF1StaysNearReachedFigure) {
  std::string shared;
  if (!SharedDir(&shared)) GTEST_SKIP() << "../shared not found";
  if (std::system("python3 -c 'pass' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not found";
  std::filesystem::path dir = std::filesystem::path(shared) / "data/aeb/html";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "AEB pages not found";
  std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                              ("dateline_aeb_" + std::to_string(::getpid()));
  std::filesystem::create_directories(tmp);
  {
    std::ofstream pred(tmp / "pred.jsonl");
    Cleaner cleaner;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      RawPage page;
      page.id = name.substr(0, name.find(".html"));
      page.format = "html";
      page.content = ReadGzip(e.path().string());
      Document d = cleaner.Clean(page);
      nlohmann::json j = {{"id", d.id}, {"text", d.text}};
      pred << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  std::string cmd = "python3 '" + shared + "/tools/score_extraction.py' '" + shared +
                    "/data/aeb/ground-truth.json' '" + (tmp / "pred.jsonl").string() + "' > '" +
                    (tmp / "score.txt").string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream score(tmp / "score.txt");
  std::string line;
  double f1 = -1;
  while (std::getline(score, line))
    if (line.rfind("shingle", 0) == 0) f1 = std::atof(line.substr(line.rfind("F1") + 2).c_str());
  std::filesystem::remove_all(tmp);
  ASSERT_GE(f1, 0) << "no shingle line in scorer output";
  std::printf("AEB shingle F1 %.3f (reached %.3f)\n", f1, kReachedShingleF1);
  EXPECT_GE(f1, kReachedShingleF1 - 0.01);
}

}  // namespace
}  // namespace dateline
