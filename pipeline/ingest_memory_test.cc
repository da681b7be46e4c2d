// What the ingest holds per page no longer grows with the pages read or
// stored: with a store file, a content hash is checked against the recent
// pages' and the store (pipeline/pipeline.cc, RecentHashes). The pages it
// skips must be the same as when every hash was held.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "pipeline/pipeline.h"
#include "store/store.h"

namespace dateline {
namespace {

TEST(PipelineIngest, RepeatedPagesSkippedBeyondTheRecentWindow) {
  const std::string dir = testing::TempDir();
  const std::string path = dir + "/ingest_memory_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  const std::string input = dir + "/ingest_memory_test.jsonl";
  {
    std::ofstream f(input);
    auto line = [](int i) {
      return nlohmann::json{{"id", "doc" + std::to_string(i)},
                            {"text", "Document number " + std::to_string(i) + " says officials met in the capital about item " +
                                         std::to_string(i * 7919 % 10007) + "."}}
          .dump();
    };
    for (int i = 0; i < 120; ++i) f << line(i) << "\n";
    for (int i = 0; i < 20; ++i) f << line(i) << "\n";     // read 120 pages earlier: stored by now
    for (int i = 110; i < 120; ++i) f << line(i) << "\n";  // recent: maybe not stored yet
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  PipelineOptions options;
  options.threads = 2;
  options.batch_size = 2;  // the recent window: 32 pages
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  int rejects = 0;
  RunStats s = (*pipeline)->Ingest({input}, store->get(), [&](const Reject&) { ++rejects; });
  EXPECT_EQ(rejects, 0);
  EXPECT_EQ(s.pages, 150);
  EXPECT_EQ(s.stored, 120);
  EXPECT_EQ(s.already_stored, 30);
  // A second run finds every page in the store (and an empty input, rejected).
  const std::string empty = dir + "/ingest_memory_test_empty.jsonl";
  std::ofstream(empty).close();
  s = (*pipeline)->Ingest({input, empty}, store->get(), [&](const Reject&) { ++rejects; });
  EXPECT_EQ(rejects, 1);
  EXPECT_EQ(s.stored, 0);
  EXPECT_EQ(s.already_stored, 150);
  EXPECT_EQ(s.restored, 0) << "nothing new: the stored documents are not read";
  EXPECT_EQ((*store)->CountDocuments(), 120);
  // A new page: dedupe and stories are restored from all stored documents first.
  {
    std::ofstream f(input, std::ios::app);
    f << nlohmann::json{{"id", "new"}, {"text", "A new document says officials met in the capital about item 1."}}.dump()
      << "\n";
  }
  s = (*pipeline)->Ingest({input}, store->get(), [&](const Reject&) { ++rejects; });
  EXPECT_EQ(s.stored, 1);
  EXPECT_EQ(s.restored, 120);
  EXPECT_EQ((*store)->CountDocuments(), 121);
}

}  // namespace
}  // namespace dateline
