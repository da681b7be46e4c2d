// Corpus-level step after ingest: results that depend on all documents.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "annotate/entity_linker.h"
#include "annotate/quote_groups.h"
#include "pipeline/parallel.h"
#include "pipeline/pipeline.h"
#include "stories/stories.h"
#include "stories/timeline.h"

namespace dateline {
namespace {

// What the summaries and the entity linker read of a document: no text and
// no annotations but its entities, so that the whole corpus fits in memory.
Document Slim(const Document& d) {
  Document s;
  s.id = d.id;
  s.url = d.url;
  s.outlet = d.outlet;
  s.title = d.title;
  s.published = d.published;
  s.duplicate_of = d.duplicate_of;
  s.story = d.story;
  s.storyline = d.storyline;
  s.entities = d.entities;
  return s;
}

// Documents held in memory before their storylines are built (more when one
// storyline is larger).
constexpr size_t kCorpusChunk = 2048;

// With DATELINE_TIMINGS set, prints the seconds each phase took to stderr.
class PhaseTimer {
 public:
  PhaseTimer() : on_(std::getenv("DATELINE_TIMINGS") != nullptr), last_(Clock::now()) {}
  void Done(const char* phase) {
    if (!on_) return;
    auto now = Clock::now();
    std::fprintf(stderr, "dateline: corpus %-26s %7.2f s\n", phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point last_;
};

}  // namespace

// Every corpus-level result is rebuilt from one pass over the stored documents,
// read one storyline at a time: the sourced timeline (stories/timeline.h) and
// the quote groups (annotate/quote_groups.h) of a storyline are built from its
// full documents, which are then dropped; story and storyline summaries
// (stories/) and cross-document entities (annotate/entity_linker.h) are built
// from slim copies. Each result is replaced whole.
bool Pipeline::CorpusUpToDate(Store* store) {
  auto rows = store->Records("state");
  if (!rows.ok()) return false;
  for (const nlohmann::json& j : *rows)
    if (j.is_object() && j.value("corpus_documents", int64_t{-1}) == store->CountDocuments()) return true;
  return false;
}

Status Pipeline::UpdateCorpus(Store* store) {
  PhaseTimer timer;
  const int64_t documents = store->CountDocuments();
  std::vector<Document> slim;
  // Stored rows of storylines waiting to be built, the last one open; they
  // are parsed on the worker threads when built.
  std::vector<std::vector<Store::DocumentRow>> lines(1);
  size_t pending = 0;
  Status bad = Status::Ok();
  std::vector<std::pair<std::string, std::string>> timeline_rows, quote_rows;  // serialised at once
  auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  std::map<std::string, int> timeline_ids, quote_ids;  // ids stay unique across storylines
  // Parses and builds the complete storylines in parallel, then adds their
  // rows in order.
  auto build = [&](size_t complete) {
    std::vector<std::vector<Document>> docs(complete);
    std::vector<std::pair<size_t, size_t>> at;  // (storyline, index) of each row
    for (size_t i = 0; i < complete; ++i) {
      docs[i].resize(lines[i].size());
      for (size_t k = 0; k < lines[i].size(); ++k) at.emplace_back(i, k);
    }
    std::vector<Status> errors(at.size(), Status::Ok());
    ParallelFor(at.size(), options_.threads, [&](size_t r) {
      auto [i, k] = at[r];
      auto d = Store::FromRow(lines[i][k]);
      if (d.ok()) docs[i][k] = std::move(d.value());
      else errors[r] = d.status();
      lines[i][k] = Store::DocumentRow();
    });
    for (const Status& e : errors)
      if (!e.ok() && bad.ok()) bad = e;
    for (const auto& line : docs)
      for (const Document& d : line) slim.push_back(Slim(d));
    std::vector<std::vector<TimelineEntry>> entries(complete);
    std::vector<std::vector<QuoteGroup>> groups(complete);
    ParallelFor(complete, options_.threads, [&](size_t i) {
      entries[i] = BuildTimeline(docs[i]);
      groups[i] = GroupQuotes(docs[i]);
      std::vector<Document>().swap(docs[i]);
    });
    for (size_t i = 0; i < complete; ++i) {
      for (TimelineEntry& e : entries[i]) {
        if (int n = timeline_ids[e.id]++) e.id += "-" + std::to_string(n + 1);
        timeline_rows.emplace_back(e.id, dump(TimelineEntryToJson(e)));
      }
      for (QuoteGroup& g : groups[i]) {
        if (int n = quote_ids[g.id]++) g.id += "-" + std::to_string(n + 1);
        quote_rows.emplace_back(g.id, dump(QuoteGroupToJson(g)));
      }
    }
    lines.erase(lines.begin(), lines.begin() + complete);
    pending = 0;
    for (const auto& l : lines) pending += l.size();
  };
  Status st = store->ForEachDocumentRowByStoryline([&](Store::DocumentRow&& row) {
    std::vector<Store::DocumentRow>& open = lines.back();
    if (!open.empty() && open.back().storyline != row.storyline) {
      if (pending >= kCorpusChunk) build(lines.size());
      lines.emplace_back();
    }
    lines.back().push_back(std::move(row));
    ++pending;
    return true;
  });
  if (!st.ok()) return st;
  build(lines.size());
  if (!bad.ok()) return bad;
  timer.Done("read, timeline, quotes");
  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> storylines;
  Summarize(slim, &stories, &storylines);
  st = store->ReplaceStories(stories, storylines);
  if (!st.ok()) return st;
  timer.Done("summaries");
  stories.clear();
  storylines.clear();
  // Entities: linked across the corpus, then serialised one at a time.
  std::vector<GlobalEntity> entities = LinkEntities(slim);
  std::vector<Document>().swap(slim);
  timer.Done("entities: linking");
  std::vector<std::pair<std::string, std::string>> entity_rows(entities.size());
  ParallelFor(entities.size(), options_.threads, [&](size_t i) {
    entity_rows[i] = {entities[i].id, dump(EntityRecordJson(entities[i]))};
    entities[i] = GlobalEntity();
  });
  std::vector<GlobalEntity>().swap(entities);
  timer.Done("entities: records");
  st = store->ReplaceRecordLines("entities", entity_rows);
  if (!st.ok()) return st;
  st = store->ReplaceRecordLines("timeline", timeline_rows);
  if (!st.ok()) return st;
  st = store->ReplaceRecordLines("quotes", quote_rows);
  if (!st.ok()) return st;
  // Marks the results current (CorpusUpToDate) only once all are written.
  st = store->ReplaceRecordLines("state", {{"corpus", "{\"corpus_documents\":" + std::to_string(documents) + "}"}});
  timer.Done("write records");
  return st;
}

}  // namespace dateline
