// Corpus-level step after ingest: results that depend on all documents.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#ifdef __GLIBC__  // defined by the standard headers above
#endif

#include "annotate/entity_linker.h"
#include "annotate/quote_groups.h"
#include "base/hash.h"
#include "base/process_memory.h"
#include "pipeline/parallel.h"
#include "pipeline/pipeline.h"
#include "stories/stories.h"
#include "stories/summary.h"
#include "stories/timeline.h"
#include "store/scratch.h"

namespace dateline {
namespace {

// Rows read before they are parsed (in parallel; each parsed document is
// reduced before the next rows are read).
constexpr size_t kParseChunk = 256;

// Documents held in memory before their storylines are built (more when one
// storyline is larger, which then comes with at most kCorpusChunk - 1 others),
// each reduced to what the timeline and the quote groups read of it
// (TimelineDoc, QuoteDoc). 2,048 instead gave the same records and a 100k
// corpus step peak of 197-202 MB instead of 162-166 when whole documents were
// held (docs/memory.md).
constexpr size_t kCorpusChunk = 512;

// Document references (an entity's documents and members) written at once.
constexpr size_t kEntityBatchRefs = 65536;

// The linker's (document, entity) rows, kept in a scratch table: group = the
// merge key's group, number = the document's; and its merge keys, in another
// (group, a = the key).
class ScratchEntityRows : public EntityRowStore {
 public:
  ScratchEntityRows(ScratchRows* rows, ScratchRows* keys) : rows_(rows), keys_(keys) {}
  Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view entity) override {
    return rows_->Append(group, doc, doc_id, entity);
  }
  Status AddKey(uint32_t group, std::string_view key) override { return keys_->Append(group, 0, key, {}); }
  Status ForKeysInOrder(const std::function<void(uint32_t, std::string_view)>& fn) override {
    return keys_->ForEachByA([&](int64_t group, int64_t, std::string_view key, std::string_view) {
      fn(static_cast<uint32_t>(group), key);
    });
  }
  Status ForGroup(uint32_t group,
                  const std::function<void(uint32_t, std::string_view, std::string_view)>& fn) override {
    return rows_->ForGroups({group}, [&](size_t, int64_t doc, std::string_view doc_id, std::string_view entity) {
      fn(static_cast<uint32_t>(doc), doc_id, entity);
    });
  }
  Status ForGroups(const std::vector<uint32_t>& groups,
                   const std::function<void(size_t, uint32_t, std::string_view, std::string_view)>& fn) override {
    return rows_->ForGroups(std::vector<int64_t>(groups.begin(), groups.end()),
                            [&](size_t at, int64_t doc, std::string_view doc_id, std::string_view entity) {
                              fn(at, static_cast<uint32_t>(doc), doc_id, entity);
                            });
  }

 private:
  ScratchRows* rows_;
  ScratchRows* keys_;
};

// Story summaries, then storyline summaries, made one group at a time from
// the store's rows and written a chunk at a time.
Status WriteSummaries(Store* store) {
  Status st = store->DeleteStories();
  if (!st.ok()) return st;
  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> storylines;
  Status bad = Status::Ok();
  auto flush = [&] {
    if (Status w = store->AppendStories(stories, storylines); !w.ok() && bad.ok()) bad = w;
    stories.clear();
    storylines.clear();
    return bad.ok();
  };
  st = store->ForEachStoryRows([&](std::vector<SummaryRow>&& rows) {
    stories.push_back(SummarizeStory(rows));
    return stories.size() < kCorpusChunk || flush();
  });
  if (st.ok() && flush())
    st = store->ForEachStorylineRows([&](std::vector<SummaryRow>&& rows) {
      storylines.push_back(SummarizeStoryline(rows));
      return storylines.size() < kCorpusChunk || flush();
    });
  if (st.ok()) flush();
  return st.ok() ? bad : st;
}

// With DATELINE_TIMINGS set, prints the seconds each phase took to stderr.
class PhaseTimer {
 public:
  PhaseTimer() : on_(std::getenv("DATELINE_TIMINGS") != nullptr), last_(Clock::now()) {
    if (on_)
      std::fprintf(stderr, "dateline: corpus %-26s %7s   peak RSS %5ld MB, now %5ld MB, heap in use %5ld MB\n", "start", "",
                   ResidentMb("VmHWM"), ResidentMb("VmRSS"), HeapInUseMb());
  }
  void Done(const char* phase) {
    if (!on_) return;
    auto now = Clock::now();
    std::fprintf(stderr, "dateline: corpus %-26s %7.2f s peak RSS %5ld MB, now %5ld MB, heap in use %5ld MB\n", phase,
                 std::chrono::duration<double>(now - last_).count(), ResidentMb("VmHWM"), ResidentMb("VmRSS"), HeapInUseMb());
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
// documents reduced to what they read (TimelineDoc, QuoteDoc: each document
// is dropped once parsed, linked and reduced) and written at once; a
// storyline of more than options_.corpus_segment_docs documents is built a
// segment at a time (TimelineBuilder, QuoteGrouper: between segments they
// hold what the entries and open quote groups keep). Cross-document entities
// (annotate/entity_linker.h) come from what the linker keeps of each name,
// its (document, entity) rows in a scratch table (store/scratch.h). Story
// and storyline summaries (stories/summary.h) are then made from the store's
// columns one story (storyline) at a time. Memory is bounded by the segment,
// a storyline's entries and what the linker keeps per name key, not by the
// number of documents or the size of a storyline. All results are replaced in one
// transaction, so readers see the old ones or the new ones.
bool Pipeline::CorpusUpToDate(Store* store) {
  auto rows = store->Records("state");
  if (!rows.ok()) return false;
  for (const nlohmann::json& j : *rows)
    if (j.is_object() && j.value("corpus_documents", int64_t{-1}) == store->CountDocuments()) return true;
  return false;
}

Status Pipeline::UpdateCorpus(Store* store) {
  Status st = store->Begin();
  if (!st.ok()) return st;
  st = WriteCorpus(store);
  if (!st.ok()) {
    store->Rollback();
    return st;
  }
  return store->Commit();
}

Status Pipeline::WriteCorpus(Store* store) {
#ifdef __GLIBC__
  // What an ingest just freed (the clusterer, the duplicate index, batches)
  // sits in the arenas of the threads that allocated it, which this step's
  // threads do not reuse: hand it back first, so that the peak resident
  // set is the larger of the two steps rather than their sum.
  malloc_trim(0);
#endif
  PhaseTimer timer;
  const int64_t documents = store->CountDocuments();
  auto entity_table = ScratchRows::Create(store, "corpus_entity_rows");
  if (!entity_table.ok()) return entity_table.status();
  auto entity_keys = ScratchRows::Create(store, "corpus_entity_keys");
  if (!entity_keys.ok()) return entity_keys.status();
  ScratchEntityRows entity_rows(entity_table->get(), entity_keys->get());
  EntityLinker linker(&entity_rows);
  // Documents of storylines waiting to be built, reduced to what the
  // timeline and the quote groups read, the last storyline open; and the
  // stored rows read since the last parse (at most kParseChunk).
  struct Line {
    std::string storyline;
    std::vector<TimelineDoc> timeline;
    std::vector<QuoteDoc> quotes;
    TimelineBuilder timeline_build;  // given the documents a segment at a time
    QuoteGrouper quote_build;
    size_t docs = 0;  // read so far
  };
  std::vector<Line> lines;
  std::vector<Store::DocumentRow> rows;
  size_t pending = 0;  // documents in lines
  Status bad = Status::Ok();
  auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  // Ids stay unique across storylines: how often each id (by its 64-bit
  // hash) was given out so far, counted in scratch tables.
  auto timeline_ids = ScratchCounter::Create(store, "corpus_timeline_ids");
  if (!timeline_ids.ok()) return timeline_ids.status();
  auto quote_ids = ScratchCounter::Create(store, "corpus_quote_ids");
  if (!quote_ids.ok()) return quote_ids.status();
  // The id given out: id, or id-N for the Nth time it was given; true when
  // it changed.
  auto unique = [&](ScratchCounter* seen, std::string* id) {
    Result<int64_t> n = seen->Next(Hash64(*id));
    if (!n.ok()) {
      if (bad.ok()) bad = n.status();
    } else if (*n) {
      *id += "-" + std::to_string(*n + 1);
      return true;
    }
    return false;
  };
  for (const char* kind : {"timeline", "quotes", "entities"})
    if (Status d = store->DeleteRecords(kind); !d.ok()) return d;
  // Parses the rows read in parallel; the linker reads each document whole,
  // in order, then it is reduced to what the timeline and the quote groups
  // read, joins its storyline, and is dropped.
  using SteadyClock = std::chrono::steady_clock;
  double t_parse = 0, t_link = 0, t_build = 0, t_write = 0;
  auto since = [](SteadyClock::time_point t) { return std::chrono::duration<double>(SteadyClock::now() - t).count(); };
  auto parse = [&] {
    auto t0 = SteadyClock::now();
    std::vector<Document> docs(rows.size());
    std::vector<Status> errors(rows.size(), Status::Ok());
    ParallelFor(rows.size(), options_.threads, [&](size_t r) {
      auto d = Store::FromRow(rows[r]);
      if (d.ok()) docs[r] = std::move(d.value());
      else errors[r] = d.status();
      rows[r].json = std::string();
    });
    auto t1 = SteadyClock::now();
    t_parse += since(t0);
    for (size_t r = 0; r < docs.size(); ++r) {
      if (!errors[r].ok()) {
        if (bad.ok()) bad = errors[r];
        continue;
      }
      if (Status a = linker.Add(docs[r]); !a.ok() && bad.ok()) bad = a;
    }
    t_link += since(t1);
    std::vector<TimelineDoc> timeline(docs.size());
    std::vector<QuoteDoc> quotes(docs.size());
    ParallelFor(docs.size(), options_.threads, [&](size_t r) {
      timeline[r] = ReduceForTimeline(docs[r]);
      quotes[r] = ReduceForQuotes(docs[r]);
      docs[r] = Document();
    });
    for (size_t r = 0; r < docs.size(); ++r) {
      if (lines.empty() || lines.back().storyline != rows[r].storyline) lines.push_back(Line{rows[r].storyline, {}, {}, TimelineBuilder(), QuoteGrouper(), 0});
      Line& line = lines.back();
      line.timeline.push_back(std::move(timeline[r]));
      line.quotes.push_back(std::move(quotes[r]));
      ++line.docs;
      ++pending;
      // A large storyline is built a segment at a time (options_.corpus_segment_docs):
      // the largest of a 300k stream hold 6,000-8,000 documents (docs/memory.md).
      if (line.timeline.size() >= std::max<size_t>(1, options_.corpus_segment_docs)) {
        auto t2 = SteadyClock::now();
        pending -= line.timeline.size();
        ParallelFor(2, options_.threads, [&](size_t k) {
          if (k == 0) line.timeline_build.Add(std::move(line.timeline));
          else line.quote_build.Add(std::move(line.quotes));
        });
        line.timeline.clear();
        line.quotes.clear();
        t_build += since(t2);
      }
    }
    rows.clear();
  };
  // Builds the storylines in lines (all complete) in parallel, then writes
  // their rows in order.
  auto build = [&] {
    auto t0 = SteadyClock::now();
    std::vector<std::vector<TimelineEntry>> entries(lines.size());
    std::vector<std::vector<QuoteGroup>> groups(lines.size());
    // Records serialised with the ids they were built with (again, below,
    // when an id has to change).
    std::vector<std::vector<std::string>> entry_json(lines.size()), group_json(lines.size());
    // Largest storylines first, so that a large one does not start last
    // while the other threads have nothing left to do.
    std::vector<size_t> order(lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return lines[a].docs > lines[b].docs; });
    ParallelFor(order.size(), options_.threads, [&](size_t k) {
      const size_t i = order[k];
      Line& line = lines[i];
      line.timeline_build.Add(std::move(line.timeline));
      entries[i] = line.timeline_build.Finish();
      for (const TimelineEntry& e : entries[i]) entry_json[i].push_back(dump(TimelineEntryToJson(e)));
      line.quote_build.Add(std::move(line.quotes));
      groups[i] = line.quote_build.Finish();
      for (const QuoteGroup& g : groups[i]) group_json[i].push_back(dump(QuoteGroupToJson(g)));
    });
    lines.clear();
    pending = 0;
    t_build += since(t0);
    auto t1 = SteadyClock::now();
    std::vector<std::pair<std::string, std::string>> timeline_rows, quote_rows;
    for (size_t i = 0; i < entries.size(); ++i) {
      for (size_t k = 0; k < entries[i].size(); ++k) {
        TimelineEntry& e = entries[i][k];
        if (unique(timeline_ids->get(), &e.id)) entry_json[i][k] = dump(TimelineEntryToJson(e));
        timeline_rows.emplace_back(std::move(e.id), std::move(entry_json[i][k]));
      }
      for (size_t k = 0; k < groups[i].size(); ++k) {
        QuoteGroup& g = groups[i][k];
        if (unique(quote_ids->get(), &g.id)) group_json[i][k] = dump(QuoteGroupToJson(g));
        quote_rows.emplace_back(std::move(g.id), std::move(group_json[i][k]));
      }
    }
    entries.clear();
    groups.clear();
    if (Status w = store->AppendRecordLines("timeline", timeline_rows); !w.ok() && bad.ok()) bad = w;
    if (Status w = store->AppendRecordLines("quotes", quote_rows); !w.ok() && bad.ok()) bad = w;
    t_write += since(t1);
#ifdef __GLIBC__
    // A chunk's documents were parsed and its storylines built on the worker
    // threads, and freed; their arenas keep the pages. Hand back the whole
    // free ones, so that the resident set follows the memory in use rather
    // than the largest chunks seen (docs/memory.md).
    malloc_trim(0);
#endif
  };
  // The storyline of the last row read: storylines are built once they are
  // complete (a row of another one has come) and kCorpusChunk documents wait.
  std::string open;
  Status st = store->ForEachDocumentRowByStoryline([&](Store::DocumentRow&& row) {
    if (row.storyline != open) {
      if (pending + rows.size() >= kCorpusChunk) {
        parse();
        build();
      }
      open = row.storyline;
    }
    rows.push_back(std::move(row));
    if (rows.size() >= kParseChunk) parse();
    return bad.ok();
  });
  if (!st.ok()) return st;
  parse();
  build();
  if (!bad.ok()) return bad;
  if (std::getenv("DATELINE_TIMINGS"))
    std::fprintf(stderr, "dateline: corpus reading: parse %.2f s, link %.2f s, build %.2f s, write %.2f s; linker %zu names, %.1f MB\n",
                 t_parse, t_link, t_build, t_write, linker.keys(), linker.MemoryBytes() / 1e6);
  timer.Done("read, timeline, quotes");
  st = WriteSummaries(store);
  if (!st.ok()) return st;
  timer.Done("summaries");
  // Entities: linked across the corpus, then made, serialised and written a
  // batch at a time.
  if (Result<size_t> linked = linker.Link(); !linked.ok()) return linked.status();
  timer.Done("entities: linking");
  std::vector<GlobalEntity> batch;
  auto write = [&] {
    std::vector<std::pair<std::string, std::string>> rows(batch.size());
    ParallelFor(batch.size(), options_.threads, [&](size_t i) {
      rows[i] = {batch[i].id, dump(EntityRecordJson(batch[i]))};
    });
    batch.clear();
    if (Status w = store->AppendRecordLines("entities", rows); !w.ok() && bad.ok()) bad = w;
  };
  // A batch ends after kCorpusChunk entities or kEntityBatchRefs document
  // references, whichever comes first (the first entities are the largest).
  size_t refs = 0;
  st = linker.Emit([&](GlobalEntity&& e) {
    refs += e.documents.size() + e.members.size();
    batch.push_back(std::move(e));
    if (batch.size() >= kCorpusChunk || refs >= kEntityBatchRefs) write(), refs = 0;
  });
  if (!st.ok()) return st;
  write();
  if (!bad.ok()) return bad;
  timer.Done("entities: records");
  // Marks the results current (CorpusUpToDate).
  st = store->ReplaceRecordLines("state", {{"corpus", "{\"corpus_documents\":" + std::to_string(documents) + "}"}});
  timer.Done("write records");
  return st;
}

}  // namespace dateline
