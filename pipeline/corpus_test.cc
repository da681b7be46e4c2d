// The corpus step streams its summaries from the store and keeps the linker's
// pairs in a scratch table: its results must equal the in-memory reference
// (Summarize, EntityRecords) over the same documents in the same order.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "annotate/entity_linker.h"
#include "annotate/quote_groups.h"
#include "base/hash.h"
#include "stories/timeline.h"
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

// Storylines of 1 to 300 documents (so that the workers build several jobs
// at once, and some alone), unassigned documents and copies: the timeline and
// quote records equal BuildTimeline / GroupQuotes per storyline in reading
// order, ids made unique in that order.
// segment_docs: the pipeline's corpus_segment_docs, and the reference's
// segments (0: the pipeline's default, the reference built at once).
void CheckTimelineAndQuotes(size_t segment_docs) {
  const std::string path = testing::TempDir() + "/pipeline_corpus_timeline_test.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const char* actors[] = {"Vladimir Putin", "Putin", "Emmanuel Macron", "Olaf Scholz"};
  const char* verbs[] = {"said", "told reporters", "warned", "announced"};
  std::vector<Document> docs;
  int n = 0;
  for (int line = 0; line < 40; ++line) {
    const int size = line % 7 == 0 ? 300 : 1 + (line * 37) % 60;
    for (int k = 0; k < size; ++k, ++n) {
      Document d;
      d.id = "doc-" + std::to_string(n);
      d.content_hash = "hash-" + d.id;
      d.outlet = "Outlet " + std::to_string(n % 5);
      d.published = "2025-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
      const std::string actor = actors[(n / 3) % 4];
      const std::string s0 = actor + " " + verbs[n % 4] + " on March " + std::to_string(1 + n % 28) +
                             " that talks on item " + std::to_string(n % 11) + " would resume.";
      const std::string s1 = "Shelling killed " + std::to_string(2 + n % 4) + " people in the town of Kupiansk.";
      d.text = s0 + "\n" + s1 + "\n";
      d.sentences = {{0, static_cast<int64_t>(s0.size())},
                     {static_cast<int64_t>(s0.size() + 1), static_cast<int64_t>(s0.size() + 1 + s1.size())}};
      Event say;
      say.type = "STATEMENT";
      say.sentence = 0;
      const size_t at = s0.find(verbs[n % 4]);
      say.span = {static_cast<int64_t>(at), static_cast<int64_t>(at + 4)};
      say.actor_name = actor;
      if (n % 3) say.date = "2025-03-" + std::string(n % 28 < 9 ? "0" : "") + std::to_string(1 + n % 28);
      d.events.push_back(say);
      Event attack;
      attack.type = "ASSAULT";
      attack.sentence = 1;
      attack.span = {static_cast<int64_t>(s0.size() + 1 + 9), static_cast<int64_t>(s0.size() + 1 + 15)};
      attack.place_name = "Kupiansk";
      attack.counts["killed"] = 2 + n % 4;
      if (n % 2) attack.date = "2025-03-0" + std::to_string(1 + n % 9);
      d.events.push_back(attack);
      Quote q;
      const size_t talks = s0.find("talks on item");
      q.spans = {{static_cast<int64_t>(talks), static_cast<int64_t>(s0.size() - 1)}};
      q.kind = "indirect";
      q.speaker_name = actor;
      d.quotes.push_back(q);
      if (line % 13 != 5) {
        d.story = "story-" + std::to_string(line * 2 + k % 2);
        d.storyline = "line-" + std::to_string(line);
      }
      if (k > 0 && k % 17 == 0) d.duplicate_of = "doc-" + std::to_string(n - 1);
      docs.push_back(std::move(d));
    }
  }
  int inserted = 0;
  ASSERT_TRUE((*store)->CommitBatch(docs, {}, {}, &inserted).ok());
  ASSERT_EQ(inserted, n);
  PipelineOptions options;
  options.threads = 2;
  if (segment_docs) options.corpus_segment_docs = segment_docs;
  if (!segment_docs) {
    ASSERT_GT(options.corpus_segment_docs, 300u) << "the default builds these storylines at once";
  }
  auto pipeline = Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  ASSERT_TRUE((*pipeline)->UpdateCorpus(store->get()).ok());

  // The reference: each storyline (a run of rows with one storyline value)
  // built alone, in reading order.
  std::vector<std::vector<Document>> lines;
  std::string open = "\x01";
  ASSERT_TRUE((*store)
                  ->ForEachDocumentRowByStoryline([&](Store::DocumentRow&& row) {
                    auto d = Store::FromRow(row);
                    EXPECT_TRUE(d.ok());
                    if (lines.empty() || row.storyline != open) lines.emplace_back(), open = row.storyline;
                    lines.back().push_back(std::move(d.value()));
                    return true;
                  })
                  .ok());
  ASSERT_EQ(lines.size(), 38u);  // 37 storylines and the unassigned documents
  std::map<std::string, int> seen_entries, seen_groups;
  std::map<std::string, nlohmann::json> want_timeline, want_quotes;
  for (const auto& line : lines) {
    std::vector<TimelineEntry> entries;
    std::vector<QuoteGroup> groups;
    if (segment_docs) {  // a segment of segment_docs documents (copies too) at a time
      TimelineBuilder timeline;
      QuoteGrouper quotes;
      for (size_t at = 0; at < line.size(); at += segment_docs) {
        std::vector<TimelineDoc> t;
        std::vector<QuoteDoc> q;
        for (size_t k = at; k < std::min(line.size(), at + segment_docs); ++k) {
          t.push_back(ReduceForTimeline(line[k]));
          q.push_back(ReduceForQuotes(line[k]));
        }
        timeline.Add(std::move(t));
        quotes.Add(std::move(q));
      }
      entries = timeline.Finish();
      groups = quotes.Finish();
    } else {
      entries = BuildTimeline(line);
      groups = GroupQuotes(line);
    }
    for (TimelineEntry& e : entries) {
      if (int k = seen_entries[e.id]++) e.id += "-" + std::to_string(k + 1);
      want_timeline[e.id] = TimelineEntryToJson(e);
    }
    for (QuoteGroup& g : groups) {
      if (int k = seen_groups[g.id]++) g.id += "-" + std::to_string(k + 1);
      want_quotes[g.id] = QuoteGroupToJson(g);
    }
  }
  for (const auto& [kind, want] : {std::pair{"timeline", &want_timeline}, std::pair{"quotes", &want_quotes}}) {
    auto got = (*store)->Records(kind);
    ASSERT_TRUE(got.ok());
    std::map<std::string, nlohmann::json> by_id;
    for (const nlohmann::json& j : *got) by_id[j.at("id").get<std::string>()] = j;
    EXPECT_EQ(by_id.size(), got->size()) << kind;
    EXPECT_EQ(by_id.size(), want->size()) << kind;
    for (const auto& [id, j] : *want) EXPECT_EQ(by_id[id], j) << kind << " " << id;
  }
  EXPECT_GE(want_timeline.size(), 80u);
  EXPECT_GE(want_quotes.size(), 40u);
}

TEST(PipelineCorpus, TimelineAndQuotesEqualThePerStorylineReference) { CheckTimelineAndQuotes(0); }

// With small segments the larger storylines (300 documents, and the rows
// without a storyline) are built a segment at a time: the records are those of
// TimelineBuilder and QuoteGrouper given the same segments.
TEST(PipelineCorpus, LargeStorylinesAreBuiltInSegments) { CheckTimelineAndQuotes(64); }

}  // namespace
}  // namespace dateline
