// Pipeline: wires the stages — ingest -> clean -> annotate -> dedupe ->
// stories -> store — for the CLI and the server. It holds no logic of its
// own beyond ordering, batching and threads.
//
// Extract() runs the per-document pipeline without a store, in input order.
// Ingest() adds inputs to a Store in atomic batches (crash-safe, idempotent)
// and then refreshes the corpus-level results (UpdateCorpus()).
// A Pipeline is used from one thread; it runs its own worker threads.
#ifndef DATELINE_PIPELINE_PIPELINE_H_
#define DATELINE_PIPELINE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "base/document.h"
#include "clean/cleaner.h"
#include "ingest/reader.h"
#include "store/store.h"

namespace dateline {

struct PipelineOptions {
  ReadOptions read;
  CleanOptions clean;
  int threads = 0;          // 0 = number of cores
  // Documents per store transaction, and per unit of work between the threads:
  // ~5 batches are in flight, so it sets most of the ingest's resident set
  // (docs/memory.md: at 128 the 100k bench peaks ~15-20 MB lower than at 256,
  // at the same throughput within the machine's noise; 64 saves ~10 MB more
  // for ~4 % more CPU).
  size_t batch_size = 128;
  std::string data_dir;     // "" = DataDir()
  bool progress = false;    // progress bar on stderr
  // Stories that can still gain documents (the least recently updated are
  // retired past it; stories also retire 67 days after their last document):
  // what bounds the clusterer's memory, ~7 KB a story.
  size_t max_active_stories = 20000;
  // The corpus step builds a storyline with more documents than this a
  // segment of this many at a time (TimelineBuilder, QuoteGrouper): what it
  // holds is then bounded by the segment, not by the storyline.
  size_t corpus_segment_docs = 1024;
};

struct RunStats {
  int64_t pages = 0;            // pages read
  int64_t stored = 0;           // new documents stored (ingest)
  int64_t already_stored = 0;   // skipped: same content already in the store / run
  int64_t restored = 0;         // stored documents read to restore dedupe and stories (none when nothing is new)
  int64_t duplicates = 0;       // documents found to copy another
  int64_t rejects = 0;
  int64_t skipped_non_html = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);

  RunStats Extract(const std::vector<std::string>& inputs,
                   const std::function<void(const Document&)>& on_document,
                   const std::function<void(const Reject&)>& on_reject);

  // Cleans, annotates, assigns and stores new pages (see docs/architecture.md).
  // on_reject may be called from the pipeline's threads, one call at a time.
  // What the cleaner learns of site templates is read from the store at the
  // start and released at the end (it is stored by then).
  RunStats Ingest(const std::vector<std::string>& inputs, Store* store,
                  const std::function<void(const Reject&)>& on_reject);

  // Recomputes the corpus-level results from the stored documents (story and
  // storyline summaries, entities, quote groups, timeline) and replaces them
  // in one transaction (pipeline/corpus.cc).
  Status UpdateCorpus(Store* store);
  // True when the corpus-level results were built from every stored document
  // (no document has been added since the last UpdateCorpus()).
  bool CorpusUpToDate(Store* store);

  // Cleans and annotates one page (no dedupe or stories). Thread-safe.
  Document Process(const RawPage& page) const;

 private:
  explicit Pipeline(const PipelineOptions& o) : options_(o) {}
  void ProcessBatch(const std::vector<RawPage>& pages, std::vector<Document>* docs) const;
  Status WriteCorpus(Store* store);  // UpdateCorpus() inside its transaction

  PipelineOptions options_;
  Cleaner cleaner_;
  std::unique_ptr<Annotator> annotator_;
};

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PIPELINE_H_
