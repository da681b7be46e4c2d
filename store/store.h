// Store: the SQLite database (WAL) behind `dateline ingest`, `export`,
// `serve`. Versioned schema with forward migrations (store/migrations.cc).
//
// Ingest is idempotent and crash-safe: documents are keyed by the content
// hash of their raw input, and each batch (documents, rejects, template
// counts) commits in one transaction, so a killed run leaves whole batches
// only and a rerun skips what is stored.
// One Store per thread (SQLite connection); not thread-safe itself.
#ifndef DATELINE_STORE_STORE_H_
#define DATELINE_STORE_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/document.h"
#include "base/status.h"
#include "stories/stories.h"
#include "stories/summary.h"

struct sqlite3;

namespace dateline {

struct StoredReject {
  std::string input, reason, at;
};

struct TemplateCount {
  std::string site;
  uint64_t line_hash = 0;
  int64_t pages = 0;
};

class Store {
 public:
  // Opens (creating if needed) and migrates to the current schema version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const { return version_; }

  // One atomic batch: documents (skipping content hashes already stored),
  // rejects, and template count increments. *inserted = documents added.
  // `json`, when not empty, holds each document's ToJsonLine() made earlier
  // (on worker threads); the assignment columns (story, storyline,
  // duplicate_of) are taken from `docs` and win over the JSON on reading.
  Status CommitBatch(const std::vector<Document>& docs, const std::vector<StoredReject>& rejects,
                     const std::vector<TemplateCount>& template_deltas, int* inserted,
                     const std::vector<std::string>& json = {});
  bool HasContentHash(const std::string& hash);

  // Documents in ingest order. The callback may return false to stop.
  Status ForEachDocument(const std::function<bool(Document&&)>& fn);
  // Stored rows grouped by storyline (ingest order within one), unparsed, for
  // corpus steps that need one storyline at a time in memory and parse rows
  // on several threads (FromRow() is thread-safe).
  struct DocumentRow {
    std::string json, story, storyline, duplicate_of;
  };
  Status ForEachDocumentRowByStoryline(const std::function<bool(DocumentRow&&)>& fn);
  static Result<Document> FromRow(const DocumentRow& row);
  Result<Document> GetDocument(const std::string& id);
  int64_t CountDocuments();
  // Rewrites story/storyline/duplicate_of of stored documents.
  Status UpdateAssignments(const std::vector<Document>& docs);

  Result<std::vector<StoredReject>> Rejects();
  Result<std::vector<TemplateCount>> Templates();

  // Corpus-level results, replaced whole by the stage that computes them.
  Status ReplaceStories(const std::vector<StorySummary>& stories,
                        const std::vector<StorylineSummary>& storylines);
  // The same written piecewise (to keep memory bounded): DeleteStories, then
  // AppendStories as summaries are made, inside Begin()/Commit().
  Status DeleteStories();
  Status AppendStories(const std::vector<StorySummary>& stories, const std::vector<StorylineSummary>& storylines);
  // What summaries read of the stored documents that have a story and a
  // storyline, one group at a time, for SummarizeStory / SummarizeStoryline
  // (stories/summary.h): by story (ascending id; rows by storyline, then
  // ingest order) or by storyline (ascending id; rows in ingest order). Holds
  // one group; fn may return false to stop.
  Status ForEachStoryRows(const std::function<bool(std::vector<SummaryRow>&&)>& fn);
  Status ForEachStorylineRows(const std::function<bool(std::vector<SummaryRow>&&)>& fn);
  Result<std::vector<StorySummary>> Stories();
  Result<std::vector<StorylineSummary>> Storylines();
  // Generic records of one kind ("entities", "quotes", "timeline", ...),
  // each {id, json}; Replace swaps the whole kind in one transaction.
  Status ReplaceRecords(const std::string& kind, const std::vector<std::pair<std::string, nlohmann::json>>& rows);
  // The same with each record's JSON already serialised (compact in memory).
  Status ReplaceRecordLines(const std::string& kind, const std::vector<std::pair<std::string, std::string>>& rows);
  Result<std::vector<nlohmann::json>> Records(const std::string& kind);
  // A kind written piecewise (to keep memory bounded): DeleteRecords, then
  // AppendRecordLines as rows are made, inside Begin()/Commit().
  Status DeleteRecords(const std::string& kind);
  Status AppendRecordLines(const std::string& kind, const std::vector<std::pair<std::string, std::string>>& rows);

  // One write transaction around what follows, so that a result written in
  // several steps appears whole or not at all. Nested Begin()/Commit() pairs
  // (every writer above uses one) fold into the outermost; Rollback() drops
  // the whole transaction, whatever the depth.
  Status Begin();
  Status Commit();
  void Rollback();

  sqlite3* handle() { return db_; }  // for stages that add their own queries (serve)
  Status Exec(const std::string& sql);

 private:
  Store() = default;
  Status Migrate();
  Status ScanDocuments(const std::string& order, const std::function<bool(Document&&)>& fn);
  Status ScanRows(const std::string& order, const std::function<bool(DocumentRow&&)>& fn);
  Status ScanSummaryGroups(const std::string& order, int group_col, const std::function<bool(std::vector<SummaryRow>&&)>& fn);
  sqlite3* db_ = nullptr;
  int version_ = 0;
  int depth_ = 0;  // Begin() nesting
};

}  // namespace dateline

#endif  // DATELINE_STORE_STORE_H_
