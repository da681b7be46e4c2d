// Kill-and-rerun: killing `dateline ingest` at any moment and running it
// again loses nothing and duplicates nothing.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e_util.h"

namespace dateline::e2e {
namespace {

// Starts `dateline ingest` and kills it with SIGKILL after `delay_ms`.
void StartAndKill(const std::string& db, const std::string& input, int delay_ms) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    freopen("/dev/null", "w", stdout);
    std::string bin = Bin();
    execl(bin.c_str(), bin.c_str(), "ingest", "--db", db.c_str(), "--batch", "50", input.c_str(), (char*)nullptr);
    _exit(127);
  }
  usleep(delay_ms * 1000);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

std::multiset<std::string> StoredIds(const std::string& db, const TempDir& t) {
  EXPECT_EQ(Sh(Bin() + " export --db " + db + " > " + t / "export.jsonl"), 0);
  std::multiset<std::string> ids;
  std::istringstream in(Slurp(t / "export.jsonl"));
  for (std::string line; std::getline(in, line);) ids.insert(nlohmann::json::parse(line)["id"].get<std::string>());
  return ids;
}

TEST(CrashTest, KillAndRerunLosesAndDuplicatesNothing) {
  TempDir t("dateline_crash");
  const int kDocs = 3000;
  {
    std::ofstream f(t / "corpus.jsonl");
    for (int i = 0; i < kDocs; ++i) {
      nlohmann::json j = {{"id", "doc" + std::to_string(i)},
                          {"text", "Document number " + std::to_string(i) +
                                       " reports that officials met on Monday in the capital. "
                                       "They discussed item " + std::to_string(i * 7919 % 10007) + "."}};
      f << j.dump() << "\n";
    }
  }
  std::string db = t / "crash.db";
  // Kill at several moments, including before anything commits and mid-batch.
  for (int delay : {5, 60, 150, 300}) StartAndKill(db, t / "corpus.jsonl", delay);
  ASSERT_EQ(Sh(Bin() + " ingest --db " + db + " " + t / "corpus.jsonl" + " 2>/dev/null"), 0);
  auto ids = StoredIds(db, t);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kDocs));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), static_cast<size_t>(kDocs));
  // A third run stores nothing new.
  ASSERT_EQ(Sh(Bin() + " ingest --db " + db + " " + t / "corpus.jsonl" + " 2>/dev/null"), 0);
  EXPECT_EQ(StoredIds(db, t).size(), static_cast<size_t>(kDocs));
}

}  // namespace
}  // namespace dateline::e2e
