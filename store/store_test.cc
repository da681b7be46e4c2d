#include "store/store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace dateline {
namespace {

std::string FreshDb(const char* name) {
  std::string path = testing::TempDir() + "/store_test_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

size_t Count(Store* s, const std::string& kind) {
  auto rows = s->Records(kind);
  return rows.ok() ? rows->size() : 0;
}

TEST(StoreTransactions, NestedWritersFoldIntoTheOutermostAndRollBackWhole) {
  auto s = Store::Open(FreshDb("nested"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  Store& st = **s;
  ASSERT_TRUE(st.ReplaceRecordLines("k", {{"a", "{\"n\":1}"}}).ok());
  ASSERT_TRUE(st.Begin().ok());
  ASSERT_TRUE(st.ReplaceRecordLines("k", {{"b", "{\"n\":2}"}, {"c", "{\"n\":3}"}}).ok());  // nested
  EXPECT_EQ(Count(&st, "k"), 2u);  // seen inside the transaction
  st.Rollback();
  EXPECT_EQ(Count(&st, "k"), 1u);  // the inner "commit" did not commit
  EXPECT_TRUE(st.Commit().ok());   // nothing open: a no-op
}

TEST(StoreTransactions, PiecewiseRecordsAppearWholeToOtherReaders) {
  std::string path = FreshDb("piecewise");
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->ReplaceRecordLines("k", {{"old", "{}"}}).ok());
  auto reader = Store::Open(path);
  ASSERT_TRUE(reader.ok());
  Store& w = **writer;
  ASSERT_TRUE(w.Begin().ok());
  ASSERT_TRUE(w.DeleteRecords("k").ok());
  ASSERT_TRUE(w.AppendRecordLines("k", {{"x", "{}"}}).ok());
  ASSERT_TRUE(w.AppendRecordLines("k", {{"y", "{}"}, {"z", "{}"}}).ok());
  EXPECT_EQ(Count(reader->get(), "k"), 1u);  // still the old result
  ASSERT_TRUE(w.Commit().ok());
  EXPECT_EQ(Count(reader->get(), "k"), 3u);
}

}  // namespace
}  // namespace dateline
