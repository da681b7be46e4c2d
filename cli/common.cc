#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

void PrintReject(const Reject& r) { std::fprintf(stderr, "dateline: rejected %s: %s\n", r.input.c_str(), r.reason.c_str()); }

int RunIngest(const std::vector<std::string>& inputs, const std::string& db, PipelineOptions options,
              bool refresh) {
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.status().ToString() << "\n";
    return kExitError;
  }
  auto p = Pipeline::Create(options);
  if (!p.ok()) {
    std::cerr << "dateline: " << p.status().ToString() << "\n";
    return kExitError;
  }
  RunStats s = (*p)->Ingest(inputs, store->get(), PrintReject);
  // Corpus-level results (summaries, entities, timeline, quote groups) are
  // rebuilt when documents were added since they were last built.
  auto start = std::chrono::steady_clock::now();
  bool update = refresh || !(*p)->CorpusUpToDate(store->get());
  if (update) {
    Status st = (*p)->UpdateCorpus(store->get());
    if (!st.ok()) {
      std::cerr << "dateline: updating stories: " << st.ToString() << "\n";
      return kExitError;
    }
  }
  double corpus_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "dateline: %lld pages read, %lld stored, %lld already stored, %lld duplicates, %lld rejected, "
               "%lld non-HTML records skipped; %.2f s (%.1f docs/s, %.2f MB/s) -> %s\n",
               (long long)s.pages, (long long)s.stored, (long long)s.already_stored, (long long)s.duplicates,
               (long long)s.rejects, (long long)s.skipped_non_html, s.seconds,
               s.seconds > 0 ? s.pages / s.seconds : 0.0, s.seconds > 0 ? s.bytes / s.seconds / 1e6 : 0.0,
               db.c_str());
  if (update) std::fprintf(stderr, "dateline: stories, entities, quotes and timeline updated in %.2f s\n", corpus_seconds);
  else std::fprintf(stderr, "dateline: nothing new; stories, entities, quotes and timeline are current\n");
  return s.rejects ? kExitRejected : kExitOk;
}

}  // namespace dateline::cli
