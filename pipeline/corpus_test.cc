// The corpus step streams its summaries from the store and keeps the linker's
// pairs in a scratch table: its results must equal the in-memory reference
// (Summarize, EntityRecords) over the same documents in the same order.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "annotate/entity_linker.h"
#include "pipeline/pipeline.h"
#include "stories/summary_test_docs.h"
#include "store/test_summaries.h"

namespace dateline {
namespace {

TEST(PipelineCorpus, StreamedResultsEqualTheInMemoryReference) {
  const std::string path = testing::TempDir() + "/pipeline_corpus_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  int inserted = 0;
  ASSERT_TRUE((*store)->CommitBatch(testing_docs::SummaryTestDocs(500), {}, {}, &inserted).ok());
  ASSERT_EQ(inserted, 500);
  PipelineOptions options;
  options.threads = 2;
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  ASSERT_TRUE((*pipeline)->UpdateCorpus(store->get()).ok());
  EXPECT_TRUE((*pipeline)->CorpusUpToDate(store->get()));

  // The reference reads the documents as the corpus step does.
  std::vector<Document> docs;
  std::vector<StorySummary> want_stories;
  std::vector<StorylineSummary> want_lines;
  ASSERT_TRUE(testing_docs::SummarizeStored(store->get(), &want_stories, &want_lines, &docs));
  ASSERT_TRUE((*store)->Begin().ok());
  ASSERT_TRUE((*store)->ReplaceStories(want_stories, want_lines).ok());
  auto want = (*store)->Stories();
  auto want_l = (*store)->Storylines();
  (*store)->Rollback();
  auto got = (*store)->Stories();
  auto got_l = (*store)->Storylines();
  ASSERT_TRUE(want.ok() && got.ok() && want_l.ok() && got_l.ok());
  ASSERT_GE(want->size(), 8u);
  ASSERT_EQ(got->size(), want->size());
  for (size_t i = 0; i < want->size(); ++i) {
    EXPECT_EQ((*got)[i].id, (*want)[i].id);
    EXPECT_EQ((*got)[i].documents, (*want)[i].documents) << (*want)[i].id;
    EXPECT_EQ((*got)[i].outlets, (*want)[i].outlets) << (*want)[i].id;
    EXPECT_EQ((*got)[i].title, (*want)[i].title) << (*want)[i].id;
    EXPECT_EQ((*got)[i].copies, (*want)[i].copies) << (*want)[i].id;
  }
  ASSERT_EQ(got_l->size(), want_l->size());
  for (size_t i = 0; i < want_l->size(); ++i) {
    EXPECT_EQ((*got_l)[i].id, (*want_l)[i].id);
    EXPECT_EQ((*got_l)[i].stories, (*want_l)[i].stories) << (*want_l)[i].id;
    EXPECT_EQ((*got_l)[i].documents, (*want_l)[i].documents) << (*want_l)[i].id;
  }

  const auto want_entities = EntityRecords(docs);
  auto got_entities = (*store)->Records("entities");
  ASSERT_TRUE(got_entities.ok());
  ASSERT_GE(want_entities.size(), 5u);
  ASSERT_EQ(got_entities->size(), want_entities.size());
  for (size_t i = 0; i < want_entities.size(); ++i) EXPECT_EQ((*got_entities)[i], want_entities[i].second) << i;
}

}  // namespace
}  // namespace dateline
