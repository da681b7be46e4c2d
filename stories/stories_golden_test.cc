// Golden test on the seed pages (samples/): ingested with the built
// `dateline` binary, the three reports of Putin's 21 April remarks (000-002)
// form one story, the 8 April Istanbul talks announcement (003) and the
// 25 April Witkoff-Putin meeting (004) one story each, and all five share one
// storyline. Skips when DATELINE_BIN is not set (run through CTest).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dateline {
namespace {

namespace fs = std::filesystem;

TEST(StoriesGolden, SeedPages) {
  const char* bin = std::getenv("DATELINE_BIN");
  if (!bin || !fs::exists(bin)) GTEST_SKIP() << "DATELINE_BIN not set: run through ctest";
  fs::path samples = fs::path(DATELINE_SOURCE_DIR) / "samples";
  fs::path dir = fs::temp_directory_path() / ("dateline_stories_golden_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string db = (dir / "seeds.db").string(), out = (dir / "docs.jsonl").string();
  std::string ingest = std::string(bin) + " ingest --db " + db + " " + samples.string() + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(ingest.c_str()), 0) << ingest;
  std::string exp = std::string(bin) + " export --db " + db + " --what documents > " + out;
  ASSERT_EQ(std::system(exp.c_str()), 0) << exp;

  std::map<std::string, std::string> story, storyline;  // seed number -> id
  std::ifstream in(out);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    std::string id = j["id"].get<std::string>().substr(0, 3);
    story[id] = j.value("story", "");
    storyline[id] = j.value("storyline", "");
  }
  fs::remove_all(dir);
  ASSERT_EQ(story.size(), 5u);
  EXPECT_EQ(story["000"], story["001"]);
  EXPECT_EQ(story["000"], story["002"]);
  EXPECT_NE(story["000"], story["003"]);
  EXPECT_NE(story["000"], story["004"]);
  EXPECT_NE(story["003"], story["004"]);
  for (const char* s : {"001", "002", "003", "004"}) EXPECT_EQ(storyline["000"], storyline[s]) << s;
}

}  // namespace
}  // namespace dateline
