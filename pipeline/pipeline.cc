#include "pipeline/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <sqlite3.h>
#ifdef __GLIBC__  // defined by the standard headers above
#include <malloc.h>
#endif

#include "base/data_dir.h"
#include "base/document_json.h"
#include "base/flat_map.h"
#include "base/hash.h"
#include "base/process_memory.h"
#include "dedupe/dedupe.h"
#include "pipeline/parallel.h"
#include "pipeline/progress.h"
#include "stories/stories.h"

namespace dateline {
namespace {

// Collects pages and rejects from the readers.
class CollectSink : public PageSink {
 public:
  std::function<void(RawPage&&)> on_page;
  std::function<void(Reject&&)> on_reject;
  std::function<void(uint64_t, uint64_t)> on_progress;
  void OnPage(RawPage p) override { on_page(std::move(p)); }
  void OnReject(Reject r) override { on_reject(std::move(r)); }
  void OnProgress(uint64_t d, uint64_t t) override {
    if (on_progress) on_progress(d, t);
  }
};

// The pipeline keeps long-lived tables that grow by doubling (the duplicate
// index, the clusterer, the template counts, the corpus step's linker) while
// batches of documents come and go. With glibc's default sliding mmap
// threshold the large buffers soon come from the heap, and each one outgrown
// leaves a hole that the documents then fragment, so the resident set ends up
// far above the memory in use. A fixed threshold maps every buffer of 256 KB
// or more on its own and returns it whole when freed; a fixed trim threshold
// hands back the top of the heap. (100k e2e bench: ingest peak RSS 486 ->
// 438 MB, corpus step 491 -> 453 MB; docs/memory.md.) Batches are allocated
// on the worker threads and freed on others, and each arena keeps what is
// freed into it: as many arenas as workers (glibc's default is eight a core)
// gave a 100k ingest peak of 136-141 instead of 154 MB, for ~3 % more wall
// time (10k, runs alternated).
void TuneAllocator(int threads) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
  mallopt(M_ARENA_MAX, std::max(2, threads));
#endif
}
}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline(options));
  if (p->options_.threads <= 0) p->options_.threads = std::max(1u, std::thread::hardware_concurrency());
  TuneAllocator(p->options_.threads);
  if (p->options_.data_dir.empty()) p->options_.data_dir = DataDir();
  p->cleaner_ = Cleaner(options.clean);
  auto a = Annotator::Create(p->options_.data_dir);
  if (!a.ok()) return a.status();
  p->annotator_ = std::move(a.value());
  return p;
}

Document Pipeline::Process(const RawPage& page) const {
  Document d = cleaner_.Clean(page);
  annotator_->Annotate(&d);
  return d;
}

void Pipeline::ProcessBatch(const std::vector<RawPage>& pages, std::vector<Document>* docs) const {
  docs->assign(pages.size(), Document());
  ParallelFor(pages.size(), options_.threads, [&](size_t i) { (*docs)[i] = Process(pages[i]); });
}

RunStats Pipeline::Extract(const std::vector<std::string>& inputs,
                           const std::function<void(const Document&)>& on_document,
                           const std::function<void(const Reject&)>& on_reject) {
  RunStats stats;
  Progress progress(options_.progress);
  // All pages first, so that template lines are learned across the whole call.
  std::vector<RawPage> pages;
  CollectSink sink;
  sink.on_page = [&](RawPage&& p) { pages.push_back(std::move(p)); };
  sink.on_reject = [&](Reject&& r) { on_reject(r); };
  ReadStats rs = ReadInputs(inputs, options_.read, &sink);
  for (const RawPage& p : pages) cleaner_.Observe(p);
  DuplicateIndex dups;
  for (size_t begin = 0; begin < pages.size(); begin += options_.batch_size) {
    size_t end = std::min(pages.size(), begin + options_.batch_size);
    std::vector<RawPage> batch(std::make_move_iterator(pages.begin() + begin),
                               std::make_move_iterator(pages.begin() + end));
    std::vector<Document> docs;
    ProcessBatch(batch, &docs);
    for (Document& d : docs) {
      d.duplicate_of = dups.Add(d.id, d.text);
      if (d.duplicate_of) ++stats.duplicates;
      on_document(d);
    }
    progress.Update(end, pages.size(), static_cast<int64_t>(end));
  }
  progress.Finish();
  stats.pages = rs.pages;
  stats.rejects = rs.rejects;
  stats.skipped_non_html = rs.skipped_non_html;
  stats.bytes = rs.bytes;
  stats.seconds = progress.Seconds();
  return stats;
}

RunStats Pipeline::Ingest(const std::vector<std::string>& inputs, Store* store,
                          const std::function<void(const Reject&)>& report_reject) {
  // Rejects come from this thread and from the commit and store threads; the
  // caller's callback is called by one of them at a time.
  std::mutex reject_mu;
  auto on_reject = [&](const Reject& r) {
    std::lock_guard<std::mutex> lock(reject_mu);
    report_reject(r);
  };
  RunStats stats;
  Progress progress(options_.progress);
  // The template counts come from the store (what earlier ingests learned),
  // not from an earlier Ingest() of this object, which the store holds too.
  cleaner_.templates() = TemplateStats();
  if (auto t = store->Templates(); t.ok()) {
    std::vector<TemplateRow> rows;
    for (const auto& c : *t) rows.push_back({c.site, c.line_hash, c.pages});
    cleaner_.templates().Import(rows);
  }
  // Restore the online state of dedupe and stories from what is stored.
  DedupeOptions dedupe_options;
  DuplicateIndex dups(dedupe_options);
  StoryOptions story_options;
  story_options.data_dir = options_.data_dir;
  story_options.max_active_stories = options_.max_active_stories;
  auto clusterer = StoryClusterer::Create(story_options);
  if (!clusterer.ok()) {
    on_reject({"stories", clusterer.status().ToString()});
    return stats;
  }
  StoryClusterer& stories = *clusterer.value();
  // Content hashes of the stored and read pages, as a 64-bit hash of the hash
  // string keying a flat table that holds 32 bits of a second hash (~16
  // bytes a page); the rare page whose first hash is held with other check
  // bits goes to a set beside it. Used only when the store has no file; with
  // a file, RecentHashes below.
  struct SeenHashes {
    struct Key {
      uint64_t a;
      uint32_t b;
      bool operator==(const Key& o) const { return a == o.a && b == o.b; }
    };
    struct KeyHash {
      size_t operator()(const Key& k) const noexcept { return static_cast<size_t>(k.a ^ k.b); }
    };
    FlatMap<uint64_t, uint32_t> first;
    std::unordered_set<Key, KeyHash> more;
    // False when the content hash h was seen before.
    bool Insert(const std::string& h) {
      const uint64_t a = Hash64(h, 1);
      const uint32_t b = static_cast<uint32_t>(Hash64(h, 2));
      bool inserted;
      const uint32_t held = *first.Insert(a, b, &inserted);
      if (inserted || held == b) return inserted;
      return more.insert({a, b}).second;
    }
  } seen_hashes;
  // With a file, what was read before the last kRecentBatches batches is
  // stored (the reader runs at most two batches ahead of the workers, and
  // the commit and store threads hold one each), so a page is new when its
  // content hash is neither among the recent pages' nor in the store (a
  // read connection of the reader thread's own, UNIQUE index): memory no
  // longer grows with the pages ever stored or read. Which pages are skipped
  // is the same.
  struct RecentHashes {
    using Key = SeenHashes::Key;
    sqlite3* db = nullptr;
    sqlite3_stmt* q = nullptr;
    std::unordered_set<Key, SeenHashes::KeyHash> set;
    std::deque<Key> order;
    size_t window = 0;
    ~RecentHashes() {
      if (q) sqlite3_finalize(q);
      if (db) sqlite3_close(db);
    }
    bool Open(sqlite3* main, size_t pages) {
      const char* path = sqlite3_db_filename(main, "main");
      if (!path || !*path) return false;
      if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
          sqlite3_prepare_v2(db, "SELECT 1 FROM documents WHERE content_hash=?", -1, &q, nullptr) != SQLITE_OK)
        return false;
      sqlite3_busy_timeout(db, 10000);
      window = pages;
      return true;
    }
    bool Stored(const std::string& h) {
      sqlite3_bind_text(q, 1, h.data(), static_cast<int>(h.size()), SQLITE_TRANSIENT);
      const bool found = sqlite3_step(q) == SQLITE_ROW;
      sqlite3_reset(q);
      return found;
    }
    // False when the content hash h was read or stored before.
    bool Insert(const std::string& h) {
      const Key k{Hash64(h, 1), static_cast<uint32_t>(Hash64(h, 2))};
      if (set.count(k) || Stored(h)) return false;
      set.insert(k);
      order.push_back(k);
      if (order.size() > window) set.erase(order.front()), order.pop_front();
      return true;
    }
  } recent_hashes;
  constexpr size_t kRecentBatches = 16;
  const bool stored_hashes =
      recent_hashes.Open(store->handle(), kRecentBatches * std::max<size_t>(1, options_.batch_size));
  auto first_seen = [&](const std::string& h) {
    return stored_hashes ? recent_hashes.Insert(h) : seen_hashes.Insert(h);
  };
  // The online state is restored from the stored documents before the first
  // batch of pages is assigned, so that an ingest with nothing new to store
  // (as `ingest --refresh` with no new input) does not read them all. Without a
  // store file the reader checks content hashes against what the restore
  // reads, so it comes first.
  bool restored = false;
  auto restore = [&] {
    if (restored) return;
    restored = true;
    store->ForEachDocument([&](Document&& d) {
      if (!d.duplicate_of) dups.Add(d.id, d.text);
      stories.Restore(d);
      if (!stored_hashes) seen_hashes.Insert(d.content_hash);
      ++stats.restored;
      return true;
    });
  };
  if (!stored_hashes) restore();

  // Four stages overlap: a reader thread parses the next batches while this
  // thread cleans and annotates the current one on the worker threads, the
  // commit thread assigns the previous one to duplicates and stories, and the
  // store thread writes the one before, each in input order (dedupe and
  // stories are online and sequential).
  std::vector<RawPage> batch;
  std::vector<Cleaner::Observation> observations;  // of the pages in batch
  std::vector<StoredReject> rejects;
  uint64_t done_bytes = 0, total_bytes = 0;
  int64_t pages_read = 0;
  std::thread committer;
  // What the workers compute for the commit thread besides the document: its
  // stored JSON line and its duplicate key (the commit thread is sequential,
  // so it only does what must be in input order).
  struct Prepared {
    std::vector<std::string> json;
    std::vector<DuplicateKey> keys;
  };
  // With DATELINE_TIMINGS set, the seconds each part took are printed at the
  // end (the commit and store threads' parts overlap the others).
  const bool timings = std::getenv("DATELINE_TIMINGS") != nullptr;
  using Clock = std::chrono::steady_clock;
  int64_t batches = 0;
  // Trims every ~2,048 documents, whatever the batch size: each trim hands
  // back pages that the next batches then fault in again.
  const int64_t trim_every = std::max<int64_t>(1, 2048 / static_cast<int64_t>(std::max<size_t>(1, options_.batch_size)));
  double t_trim = 0;
  double t_read = 0, t_observe = 0, t_process = 0, t_wait = 0, t_dedupe = 0, t_stories = 0, t_store = 0;
  auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  Clock::time_point read_from = Clock::now();
  // The store thread writes a batch (and rewrites the moved documents) while
  // the commit thread assigns the next one, in input order.
  std::thread storer;
  // A copy whose canonical document the clusterer no longer remembers (its
  // story was dropped, or it came more than max_tracked_with_lookup
  // documents ago) takes the canonical's stored assignment, read on the
  // commit thread through a read connection of its own, opened on first
  // use. The canonical came tens of thousands of documents earlier, so it is
  // stored by then; if it is not found, the store thread's batch is waited
  // for and the query made again. Without a file (an in-memory store) the
  // clusterer remembers max_tracked_documents as before.
  struct StoredLookup {
    sqlite3* db = nullptr;
    sqlite3_stmt* q = nullptr;
    bool failed = false;
    ~StoredLookup() {
      if (q) sqlite3_finalize(q);
      if (db) sqlite3_close(db);
    }
    std::optional<StoryAssignment> Find(const std::string& id) {
      sqlite3_bind_text(q, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
      std::optional<StoryAssignment> a;
      if (sqlite3_step(q) == SQLITE_ROW) {
        auto text = [&](int c) {
          const unsigned char* t = sqlite3_column_text(q, c);
          return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(q, c)) : std::string();
        };
        a = StoryAssignment{text(0), text(1)};
        if (a->story.empty() || a->storyline.empty()) a.reset();
      }
      sqlite3_reset(q);
      return a;
    }
  } lookup;
  const char* store_path = sqlite3_db_filename(store->handle(), "main");
  if (store_path && *store_path) stories.SetStoredLookup([&](const std::string& id) -> std::optional<StoryAssignment> {
    if (!lookup.q && !lookup.failed) {
      const char* path = sqlite3_db_filename(store->handle(), "main");
      lookup.failed = !path || !*path ||
                      sqlite3_open_v2(path, &lookup.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
                      sqlite3_prepare_v2(lookup.db,
                                         "SELECT story, storyline FROM documents WHERE id=? ORDER BY seq LIMIT 1", -1,
                                         &lookup.q, nullptr) != SQLITE_OK;
      if (lookup.db) sqlite3_busy_timeout(lookup.db, 10000);
    }
    if (lookup.failed) return std::nullopt;
    std::optional<StoryAssignment> a = lookup.Find(id);
    if (!a && storer.joinable()) {
      storer.join();
      a = lookup.Find(id);
    }
    return a;
  });
  auto store_batch = [&](std::vector<Document> docs, std::vector<std::string> json, std::vector<Document> moved,
                         std::vector<std::string> inputs_of, std::vector<StoredReject> batch_rejects,
                         std::vector<TemplateCount> deltas) {
    int inserted = 0;
    Clock::time_point t2 = Clock::now();
    Status st = store->CommitBatch(docs, batch_rejects, deltas, &inserted, json);
    if (Status u = moved.empty() ? Status() : store->UpdateAssignments(moved); !u.ok())
      on_reject({"stories", "moved documents not stored: " + u.message()});
    t_store += since(t2);
    if (!st.ok()) {
      for (const std::string& input : inputs_of) {
        Reject r{input, "not stored: " + st.message()};
        on_reject(r);
        ++stats.rejects;
      }
    }
    stats.stored += inserted;
  };
  auto commit = [&](std::vector<Document> docs, Prepared prep, std::vector<std::string> inputs_of,
                    std::vector<StoredReject> batch_rejects, std::vector<TemplateCount> deltas) {
    for (Document& d : docs) {
      size_t k = &d - docs.data();
      Clock::time_point t0 = Clock::now();
      d.duplicate_of = dups.Add(d.id, prep.keys[k]);
      if (d.duplicate_of) ++stats.duplicates;
      Clock::time_point t1 = Clock::now();
      StoryAssignment a = stories.Assign(d);
      d.story = a.story;
      d.storyline = a.storyline;
      t_dedupe += std::chrono::duration<double>(t1 - t0).count();
      t_stories += since(t1);
    }
    // Recent documents the clusterer moved to another story: in this batch
    // before they are stored, earlier ones rewritten after (the store thread
    // handles batches in order, so those are stored by then).
    std::vector<Document> moved = ApplyMoves(stories.TakeMoves(), &docs);
    if (storer.joinable()) storer.join();
    storer = std::thread(store_batch, std::move(docs), std::move(prep.json), std::move(moved), std::move(inputs_of),
                         std::move(batch_rejects), std::move(deltas));
  };
  auto flush = [&] {
    t_read += since(read_from);
    if (!restored && !batch.empty()) {  // the first pages to store (a batch of rejects only needs no restore)
      if (committer.joinable()) committer.join();
      if (storer.joinable()) storer.join();
      restore();
    }
    Clock::time_point t0 = Clock::now();
    TemplateStats delta;
    for (const Cleaner::Observation& o : observations) cleaner_.Observe(o, &delta);
    t_observe += since(t0);
    t0 = Clock::now();
    std::vector<Document> docs(batch.size());
    Prepared prep;
    prep.json.resize(batch.size());
    prep.keys.resize(batch.size());
    ParallelFor(batch.size(), options_.threads, [&](size_t i) {
      docs[i] = Process(batch[i]);
      prep.json[i] = ToJsonLine(docs[i]);
      prep.keys[i] = MakeDuplicateKey(docs[i].text, dedupe_options);
    });
    t_process += since(t0);
    std::vector<TemplateCount> deltas;
    for (const auto& r : delta.Export()) deltas.push_back({r.site, r.line_hash, r.pages});
    std::vector<std::string> inputs_of;
    for (const RawPage& p : batch) inputs_of.push_back(p.input);
    t0 = Clock::now();
    if (committer.joinable()) committer.join();
    t_wait += since(t0);
    committer = std::thread(commit, std::move(docs), std::move(prep), std::move(inputs_of), std::move(rejects),
                            std::move(deltas));
    batch.clear();
    observations.clear();
    rejects.clear();
    progress.Update(done_bytes, total_bytes, pages_read);
#ifdef __GLIBC__
    // Batches come and go on several threads, and malloc keeps what they
    // free in per-thread arenas; give whole free pages back now and then, so
    // that the resident set is what is in use (docs/memory.md).
    if (++batches % trim_every == 0) {
      t0 = Clock::now();
      malloc_trim(0);
      t_trim += since(t0);
    }
#endif
    read_from = Clock::now();
  };
  // The reader thread parses the inputs into batches a little ahead of the
  // workers, so that reading overlaps cleaning and annotating.
  // It also prepares what the cleaner learns from each page (Prepare), so
  // that only the counting is left to this thread.
  struct ReadBatch {
    std::vector<RawPage> pages;
    std::vector<Cleaner::Observation> observations;
    std::vector<Reject> rejects;
    bool last = false;
  };
  BoundedQueue<ReadBatch> queue(2);
  std::atomic<uint64_t> read_done_bytes{0}, read_total_bytes{0};
  std::atomic<int64_t> read_pages{0}, already_stored{0};
  ReadStats rs;
  std::thread reader([&] {
    ReadBatch next;
    CollectSink sink;
    sink.on_page = [&](RawPage&& p) {
      ++read_pages;
      if (!first_seen(p.content_hash)) {
        ++already_stored;
        return;
      }
      next.observations.push_back(cleaner_.Prepare(p));
      next.pages.push_back(std::move(p));
      if (next.pages.size() >= options_.batch_size) {
        queue.Push(std::move(next));
        next = ReadBatch();
      }
    };
    sink.on_reject = [&](Reject&& r) { next.rejects.push_back(std::move(r)); };
    sink.on_progress = [&](uint64_t d, uint64_t t) {
      read_done_bytes = d;
      read_total_bytes = t;
    };
    rs = ReadInputs(inputs, options_.read, &sink);
    next.last = true;
    queue.Push(std::move(next));
  });
  for (bool last = false; !last;) {
    ReadBatch b = queue.Pop();
    last = b.last;
    for (Reject& r : b.rejects) {
      on_reject(r);
      rejects.push_back({r.input, r.reason, ""});
    }
    batch = std::move(b.pages);
    observations = std::move(b.observations);
    done_bytes = read_done_bytes;
    total_bytes = read_total_bytes;
    pages_read = read_pages;
    if (!batch.empty() || !rejects.empty()) flush();
    progress.Update(done_bytes, total_bytes, pages_read);
  }
  reader.join();
  stats.already_stored += already_stored;
  if (committer.joinable()) committer.join();
  if (storer.joinable()) storer.join();
  progress.Finish();
  if (timings)
    std::fprintf(stderr,
                 "dateline: ingest waiting for input %.2f s, templates %.2f s, clean+annotate %.2f s, waiting for commits %.2f s;"
                 " commit thread: dedupe %.2f s, stories %.2f s; store thread %.2f s\n",
                 t_read, t_observe, t_process, t_wait, t_dedupe, t_stories, t_store);
  if (timings)
    std::fprintf(stderr,
                 "dateline: stories %zu (%zu kept, %zu active; %zu copies found their story in the store) %zu MB,"
                 " duplicate index %zu MB\n",
                 stories.stories(), stories.kept_stories(), stories.active_stories(), stories.stored_lookups(),
                 stories.MemoryBytes() >> 20, dups.MemoryBytes() >> 20);
  if (timings) {
    StoryClusterer::MemoryUse m = stories.Memory();
    auto mb = [](size_t n) { return n / 1048576.0; };
    std::fprintf(stderr,
                 "dateline: memory: templates %.1f MB; stories: centroids %.1f, members %.1f, postings %.1f,"
                 " idf %.1f, recent %.1f, documents %.1f, all stories %.1f MB\n",
                 mb(cleaner_.templates().MemoryBytes()), mb(m.centroids), mb(m.members), mb(m.postings), mb(m.idf),
                 mb(m.recent), mb(m.documents), mb(m.stories));
    std::fprintf(stderr, "dateline: ingest end: peak RSS %ld MB, now %ld MB, heap in use %ld MB; trims %.2f s\n",
                 ResidentMb("VmHWM"), ResidentMb("VmRSS"), HeapInUseMb(), t_trim);
  }
  // Stored now, and read back by the next Ingest(): freed so that the corpus
  // step does not run beside them (one table per site, 4.7 MB at 100k).
  cleaner_.templates() = TemplateStats();
  stats.pages = rs.pages;
  stats.rejects += rs.rejects;
  stats.skipped_non_html = rs.skipped_non_html;
  stats.bytes = rs.bytes;
  stats.seconds = progress.Seconds();
  return stats;
}

}  // namespace dateline
