// stories_bench: cost and quality of the online story clusterer.
//
//   stories_bench jsonl FILE [--gold FIELD] [--annotate] [key=value ...]
//       Assigns the documents of a JSONL file (id, text, optional published,
//       title) in file order; prints B-cubed P/R/F1 against FIELD (default
//       "cluster") and microseconds per document. key=value sets a
//       StoryOptions field (join_threshold=0.5, pair_model=FILE ...), for exploring settings;
//       --out PRED.jsonl writes {id, story} lines; --dump DOCS.jsonl writes
//       the (annotated) documents with their gold field and topic, which
//       --annotated reads back (no re-annotation); --rows ROWS.tsv writes
//       pair-model training rows instead of clustering (eval/train_pairs.py);
//       --explain prints the documents that start a story or join one of
//       another gold cluster, with the best candidate's pair features.
//   stories_bench synth N
//       N synthetic documents (random words from a Zipf vocabulary, grouped
//       in events); prints docs/s and peak RSS.
// Run by hand (never by CTest).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "annotate/annotator.h"
#include "base/data_dir.h"
#include "base/document_json.h"
#include "stories/stories.h"

using namespace dateline;

namespace {

// CPU seconds of this process (the clusterer is single-threaded): steadier
// than wall time on a loaded machine.
double CpuNow() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

long PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

bool SetOption(StoryOptions* o, const std::string& kv) {
  size_t eq = kv.find('=');
  if (eq == std::string::npos) return false;
  std::string k = kv.substr(0, eq);
  double v = std::atof(kv.c_str() + eq + 1);
  std::map<std::string, double*> d = {{"join_threshold", &o->join_threshold},
                                      {"date_penalty", &o->date_penalty},
                                      {"storyline_threshold", &o->storyline_threshold},
                                      {"date_decay_days", &o->date_decay_days},
                                      {"word_weight", &o->word_weight},
                                      {"name_weight", &o->name_weight},
                                      {"number_weight", &o->number_weight},
                                      {"entity_weight", &o->features.entity_weight},
                                      {"reassign_floor", &o->reassign_floor},
                                      {"reassign_margin", &o->reassign_margin},
                                      {"split_threshold", &o->split_threshold}};
  std::map<std::string, size_t*> z = {{"max_doc_terms", &o->max_doc_terms},
                                      {"max_story_terms", &o->max_story_terms},
                                      {"query_terms", &o->query_terms},
                                      {"max_candidates", &o->max_candidates},
                                      {"max_active_stories", &o->max_active_stories},
                                      {"max_story_members", &o->max_story_members},
                                      {"member_terms", &o->member_terms},
                                      {"member_candidates", &o->member_candidates},
                                      {"reassign_window", &o->reassign_window},
                                      {"reassign_stories", &o->reassign_stories},
                                      {"reassign_max_target", &o->reassign_max_target},
                                      {"split_min_docs", &o->split_min_docs},
                                      {"split_max_docs", &o->split_max_docs},
                                      {"split_min_group", &o->split_min_group},
                                      {"reassign_min_size", &o->reassign_min_size}};
  if (d.count(k)) *d[k] = v;
  else if (z.count(k)) *z[k] = static_cast<size_t>(v);
  else if (k == "date_slack_days") o->date_slack_days = static_cast<int>(v);
  else if (k == "pair_model") o->pair_model = kv.substr(eq + 1);
  else return false;
  return true;
}

// B-cubed precision, recall and F1 of pred against gold (parallel vectors).
void BCubed(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  std::map<std::string, std::set<size_t>> g, p;
  for (size_t i = 0; i < gold.size(); ++i) g[gold[i]].insert(i), p[pred[i]].insert(i);
  double P = 0, R = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& gs = g[gold[i]];
    const auto& ps = p[pred[i]];
    size_t both = 0;
    for (size_t j : ps) both += gs.count(j);
    P += double(both) / ps.size();
    R += double(both) / gs.size();
  }
  P /= gold.size();
  R /= gold.size();
  printf("docs %zu gold clusters %zu predicted %zu  B3 P %.4f R %.4f F1 %.4f\n", gold.size(), g.size(),
         p.size(), P, R, 2 * P * R / (P + R));
}

// Training rows for the pair model: each document joins its gold story (the
// story of the first document of its gold cluster); one row per candidate
// story: topic, label (same gold cluster), same_topic (the story's first
// document is of the same topic), pair features.
int WriteRows(const std::vector<Document>& docs, const std::vector<std::string>& gold,
              const std::vector<std::string>& topic, StoryClusterer* c, const std::string& path) {
  std::ofstream out(path);
  out << "topic\tlabel\tsame_topic";
  for (int f = 0; f < stories::kPairFeatures; ++f) out << "\t" << stories::PairFeatureName(f);
  out << "\n";
  std::map<std::string, std::string> story_of_cluster, cluster_of_story, topic_of_story;
  std::vector<StoryClusterer::Match> matches;
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string want = story_of_cluster.count(gold[i]) ? story_of_cluster[gold[i]] : "";
    StoryAssignment a = c->AssignExplained(docs[i], &want, &matches);
    story_of_cluster[gold[i]] = a.story;
    cluster_of_story[a.story] = gold[i];
    topic_of_story[a.story] = topic[i];
    for (const auto& m : matches) {
      out << topic[i] << "\t" << (cluster_of_story[m.story] == gold[i] ? 1 : 0) << "\t"
          << (topic_of_story[m.story] == topic[i] ? 1 : 0);
      for (double x : m.x) out << "\t" << x;
      out << "\n";
    }
  }
  return 0;
}

// Prints the documents that start a story or join one whose first document
// is of another gold cluster, with the features of the best candidate.
int Explain(const std::vector<Document>& docs, const std::vector<std::string>& gold, StoryClusterer* c) {
  std::map<std::string, std::string> cluster_of_story;
  std::map<std::string, int> size;
  std::vector<StoryClusterer::Match> matches;
  for (size_t i = 0; i < docs.size(); ++i) {
    StoryAssignment a = c->AssignExplained(docs[i], nullptr, &matches);
    bool fresh = !cluster_of_story.count(a.story);
    if (fresh) cluster_of_story[a.story] = gold[i];
    const StoryClusterer::Match* best = nullptr;
    for (const auto& m : matches)
      if (!best || m.score > best->score) best = &m;
    bool wrong = cluster_of_story[a.story] != gold[i];
    if (best && (fresh || wrong)) {
      printf("%s %s %s %s (size %d) score %.2f:", docs[i].id.c_str(), gold[i].c_str(), fresh ? "NEW  " : "WRONG",
             cluster_of_story[best->story].c_str(), size[best->story], best->score);
      for (int f = 1; f < stories::kPairFeatures; ++f)
        if (best->x[f] != 0) printf(" %s=%.2f", stories::PairFeatureName(f), best->x[f]);
      printf("\n");
    }
    ++size[a.story];
  }
  return 0;
}

int RunJsonl(int argc, char** argv) {
  std::string path = argv[2], field = "cluster", out_path, dump_path, rows_path;
  bool annotate = false, prime_idf = false, annotated = false, explain = false;
  StoryOptions options;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gold" && i + 1 < argc) field = argv[++i];
    else if (a == "--annotate") annotate = true;
    else if (a == "--prime-idf") prime_idf = true;
    else if (a == "--out" && i + 1 < argc) out_path = argv[++i];
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else if (a == "--annotated") annotated = true;
    else if (a == "--explain") explain = true;
    else if (a == "--rows" && i + 1 < argc) rows_path = argv[++i];
    else if (!SetOption(&options, a)) return std::cerr << "unknown option " << a << "\n", 2;
  }
  std::vector<Document> docs;
  std::vector<std::string> gold, topic;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    gold.push_back(j.contains(field) ? j[field].dump() : "");
    topic.push_back(j.value("topic", ""));
    if (annotated) {
      auto d = DocumentFromJson(j);
      if (!d.ok()) return std::cerr << d.status().ToString() << "\n", 1;
      docs.push_back(std::move(d.value()));
      continue;
    }
    Document d;
    d.id = j.value("id", "");
    d.text = j.value("text", "");
    if (j.contains("published") && j["published"].is_string()) d.published = j["published"];
    if (j.contains("title") && j["title"].is_string()) d.title = j["title"];
    docs.push_back(std::move(d));
  }
  if (annotate) {
    auto a = Annotator::Create(DataDir());
    if (!a.ok()) return std::cerr << a.status().ToString() << "\n", 1;
    for (Document& d : docs) a.value()->Annotate(&d);
  }
  if (!dump_path.empty()) {
    std::ofstream dump(dump_path);
    for (size_t i = 0; i < docs.size(); ++i) {
      nlohmann::json j = ToJson(docs[i]);
      if (!gold[i].empty()) j[field] = nlohmann::json::parse(gold[i]);
      j["topic"] = topic[i];
      dump << j.dump() << "\n";
    }
  }
  auto c = StoryClusterer::Create(options);
  if (!c.ok()) return std::cerr << c.status().ToString() << "\n", 1;
  if (prime_idf)
    for (const Document& d : docs) c.value()->LearnIdf(d);
  if (!rows_path.empty()) return WriteRows(docs, gold, topic, c.value().get(), rows_path);
  if (explain) return Explain(docs, gold, c.value().get());
  std::vector<std::string> pred;
  std::map<std::string, size_t> index_of;
  size_t moves = 0;
  double t0 = Now(), c0 = CpuNow();
  for (const Document& d : docs) {
    index_of[d.id] = pred.size();
    pred.push_back(c.value()->Assign(d).story);
    for (const StoryMove& m : c.value()->TakeMoves()) pred[index_of[m.document]] = m.to.story, ++moves;
  }
  double secs = Now() - t0, cpu = CpuNow() - c0;
  printf("moves %zu\n", moves);
  BCubed(gold, pred);
  if (!out_path.empty()) {
    std::ofstream out(out_path);
    for (size_t i = 0; i < docs.size(); ++i)
      out << nlohmann::json({{"id", docs[i].id}, {"story", pred[i]}}).dump() << "\n";
  }
  printf("%.1f us/doc (cpu %.1f us/doc)\n", 1e6 * secs / docs.size(), 1e6 * cpu / docs.size());
  return 0;
}

int RunSynth(int argc, char** argv) {
  size_t n = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
  std::mt19937_64 rng(7);
  const int vocab = 50000;
  std::vector<double> cdf(vocab);
  double acc = 0;
  for (int i = 0; i < vocab; ++i) cdf[i] = acc += 1.0 / (i + 1);
  auto word = [&](std::mt19937_64& r) {
    double x = std::uniform_real_distribution<>(0, acc)(r);
    int i = std::lower_bound(cdf.begin(), cdf.end(), x) - cdf.begin();
    return "w" + std::to_string(i);
  };
  auto c = StoryClusterer::Create({});
  if (!c.ok()) return std::cerr << c.status().ToString() << "\n", 1;
  std::vector<double> per_batch;
  double start = Now(), t = start;
  for (size_t i = 0; i < n; ++i) {
    // Every 8 documents share an event: its 30 rare "name" words recur.
    std::mt19937_64 ev(i / 8);
    Document d;
    d.id = "d" + std::to_string(i);
    d.content_hash = std::to_string(std::hash<size_t>()(i)) + "0000000000000";
    int day = 20000 + static_cast<int>(i / 2000);
    d.published = "2024-" + std::to_string(10 + (day % 3)) + "-1" + std::to_string(day % 9 + 1);
    for (int k = 0; k < 30; ++k) d.text += " Zz" + std::to_string(ev() % 1000000) + " says";
    for (int k = 0; k < 300; ++k) d.text += " " + word(rng);
    c.value()->Assign(d);
    if ((i + 1) % 10000 == 0) {
      double now = Now();
      per_batch.push_back(10000 / (now - t));
      t = now;
    }
  }
  std::sort(per_batch.begin(), per_batch.end());
  double total = Now() - start;
  printf("synthetic docs %zu  median %.0f docs/s  overall %.0f docs/s  stories %zu active %zu  peak RSS %ld MB\n",
         n, per_batch.empty() ? 0 : per_batch[per_batch.size() / 2], n / total, c.value()->stories(),
         c.value()->active_stories(), PeakRssMb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "jsonl" && argc > 2) return RunJsonl(argc, argv);
  if (mode == "synth") return RunSynth(argc, argv);
  std::cerr << "usage: stories_bench jsonl FILE [--gold FIELD] [--annotate|--annotated] [--out F] [--dump F]\n"
               "                   [--rows F] [--explain] [key=value...] | synth N\n";
  return 2;
}
