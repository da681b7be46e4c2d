// events_bench: events extraction speed (MB/s of clean text) on real pages.
//
//   build/bench/events_bench [--rounds N] [--print | --timeline] INPUT...
//
// Runs the per-document pipeline once (ingest, clean, annotate) to get
// documents with sentences, entities, timexes and quotes, then times
// EventExtractor::Annotate alone over all documents, N rounds, and prints the
// median. Tokenization is done outside the timed part. --print writes the
// documents (JSON lines, for eval/events_show.py) instead; --timeline prints
// the timeline of all inputs taken as one storyline (JSON lines).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "annotate/events.h"
#include "annotate/tokenizer.h"
#include "base/data_dir.h"
#include "base/document_json.h"
#include "pipeline/pipeline.h"
#include "stories/timeline.h"

using namespace dateline;

int main(int argc, char** argv) {
  int rounds = 5;
  bool print = false, timeline = false;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--print")) print = true;
    else if (!std::strcmp(argv[i], "--timeline")) timeline = true;
    else inputs.push_back(argv[i]);
  }
  if (inputs.empty()) inputs.push_back(std::string(DATELINE_SOURCE_DIR) + "/samples");
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().ToString() << "\n";
    return 1;
  }
  std::vector<Document> docs;
  (*pipeline)->Extract(inputs, [&](const Document& d) { docs.push_back(d); }, [](const Reject&) {});
  if (timeline) {
    for (Document& d : docs) d.storyline = "inputs";
    for (const TimelineEntry& e : BuildTimeline(docs))
      std::cout << TimelineEntryToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (print) {
    for (const Document& d : docs) {
      std::cout << ToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return 0;
  }
  auto extractor = EventExtractor::Load(DataDir());
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::vector<Token>> tokens;
  size_t bytes = 0, events = 0;
  for (const Document& d : docs) {
    tokens.push_back(Tokenize(d.text));
    bytes += d.text.size();
  }
  std::vector<double> secs;
  for (int r = 0; r < rounds; ++r) {
    auto start = std::chrono::steady_clock::now();
    events = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      (*extractor)->Annotate(tokens[i], &docs[i]);
      events += docs[i].events.size();
    }
    secs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(secs.begin(), secs.end());
  double median = secs[secs.size() / 2];
  std::printf("events_bench: %zu documents, %.2f MB clean text, %zu events, %d rounds\n", docs.size(), bytes / 1e6,
              events, rounds);
  std::printf("median %.4f s  ->  %.2f MB/s, %.0f documents/s\n", median, bytes / 1e6 / median, docs.size() / median);
  return 0;
}
