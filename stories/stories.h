// Stories and storylines: online, incremental grouping of documents.
//
// A story is one development reported by many outlets; a storyline is an
// ongoing topic that links stories over weeks. StoryClusterer assigns each new
// document, in ingest order, to the most similar recent story or starts a new
// one (single pass, no re-clustering). A new story joins the storyline of the
// most similar earlier story within storyline_days, or starts its own.
//
// A document joins the candidate story with the highest pair score
// (stories/pair_model.h: log-odds from the cosines of the document's TF-IDF
// vectors — words, names, numbers, IDF learned as documents arrive — with the
// story's centroid, and from the years, people and places both name), less a
// penalty for the gap between publication dates when both are known, if
// that score reaches join_threshold. Storylines use the plainer similarity:
// a weighted sum of the channel cosines. A duplicate (doc.duplicate_of) joins
// the story of its canonical copy.
// Design notes and measured figures: docs/stories.md.
//
// Memory is bounded: a story whose newest document is quiet_days older than
// the newest document seen keeps no members; retire_days older, it is
// retired (it can no longer gain documents), as
// are the least recently updated past max_active_stories; each active story
// keeps at most max_story_terms features; the IDF sketch has a fixed size.
// A retired story is dropped from memory drop_retired_after documents later
// (its id, storyline and the document -> story entries of its documents go):
// a copy of one of its documents then finds the canonical's story through
// SetStoredLookup() (the store), so memory follows the stories of the last
// retire_days, not the number of documents.
// Not thread-safe: call Restore() then Assign() from one thread.
#ifndef DATELINE_STORIES_STORIES_H_
#define DATELINE_STORIES_STORIES_H_

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/document.h"
#include "base/flat_map.h"
#include "base/status.h"
#include "stories/features.h"
#include "stories/idf.h"
#include "stories/pair_model.h"
#include "stories/postings.h"

namespace dateline {

struct StoryAssignment {
  std::string story;
  std::string storyline;
};

// A document assigned earlier that now belongs to another story (see
// StoryClusterer::TakeMoves). duplicate_of is set for a copy that follows its
// canonical document.
struct StoryMove {
  std::string document;
  std::optional<std::string> duplicate_of;
  StoryAssignment to;
};

struct StorySummary {
  std::string id, storyline, title;
  std::optional<std::string> first_date, last_date;
  std::vector<std::string> documents;  // ids, canonical copies first
  std::vector<std::string> outlets;
  // canonical id -> ids of its copies (near or exact duplicates)
  std::map<std::string, std::vector<std::string>> copies;
};

struct StorylineSummary {
  std::string id, title;
  std::optional<std::string> first_date, last_date;
  std::vector<std::string> stories;
  std::vector<std::string> outlets;
  int64_t documents = 0;
};

struct StoryOptions {
  std::string data_dir;               // "" = DataDir()
  stories::FeatureOptions features;
  std::string pair_model;             // "" = data_dir/stories/pair_model.tsv
  double join_threshold = 0.0;        // min pair score (log-odds) to join a story
  // Storyline similarity = sum over channels of weight x cosine (stories/features.h).
  double word_weight = 0.2;
  double name_weight = 0.5;
  double number_weight = 0.3;
  double storyline_threshold = 0.15;  // min similarity of a new story to link a storyline
  int date_slack_days = 1;            // no time penalty within this gap
  double date_decay_days = 2.0;       // pair score -= date_penalty x (gap - slack) / decay
  double date_penalty = 6.0;
  size_t max_story_members = 8;       // most recent members compared one by one
  size_t member_terms = 64;           // strongest features kept per member
  size_t member_candidates = 8;       // best stories by centroid compared member by member
  int storyline_days = 60;            // a storyline links stories at most this far apart
  size_t max_doc_terms = 200;         // top TF-IDF features kept per document
  size_t max_story_terms = 400;       // features kept per story centroid
  size_t query_terms = 12;            // features used to find candidate stories
  size_t postings_scan = 2000;        // most recent stories scanned per feature
  size_t max_candidates = 30;         // stories compared in full (most shared features first)
  size_t max_active_stories = 20000;
  // Stories last updated (by publication date) this many days before the
  // newest document seen are retired: past storyline_days they can link no
  // storyline, and the date penalty has long kept them from gaining documents.
  // Documents without a date never retire a story by time. 0 = never.
  int retire_days = 67;
  // Stories last updated this many days before the newest document seen go
  // quiet: they drop their kept members (most of a story's memory) and can no
  // longer be split. Past 7 days the date penalty outweighs the largest pair
  // score, so a dated document in order cannot join them; one that comes
  // late still can, scored on the centroid alone, and its story keeps members
  // again from then on. 0 = never.
  int quiet_days = 10;
  size_t max_tracked_documents = 1000000;  // doc -> story memory for duplicates (the last half to all)
  // The same with a stored lookup (SetStoredLookup): a copy of an earlier
  // document finds its canonical's story in the store.
  size_t max_tracked_with_lookup = 65536;
  // A retired (or emptied) story's record is dropped this many new documents
  // (not copies) after it retired: its id, its storyline when no kept story
  // has it any more, and the document -> story entries of its documents.
  // Never fewer than reassign_window (a split may reuse an id derived from a
  // recent document, so the ids of stories made from it must stay known).
  // 0 = keep every story ever made.
  size_t drop_retired_after = 4096;
  int idf_log2_width = 20;
  // Re-assignment of recent documents: after a document joins (or starts)
  // story T, the kept members of the reassign_stories other stories it scored
  // best against (score >= join_threshold + reassign_floor) that are among the last
  // reassign_window documents move to T when their pair score with T beats
  // their score with their own story without them by reassign_margin. Only
  // while T has at most reassign_max_target documents (a forming story).
  size_t reassign_window = 2000;  // 0 = never move a document
  size_t reassign_stories = 3;
  size_t reassign_max_target = 1000;
  double reassign_floor = -4.0;
  double reassign_margin = 0.0;
  size_t reassign_min_size = 1;  // smaller stories keep their documents (1: a story can be emptied)
  // Splitting a young story: when a document joins a story of split_min_docs
  // to split_max_docs documents (all recent), its documents are split in two
  // by average-link clustering on their pairwise pair scores; when the two
  // groups (each of split_min_group or more) score below join_threshold +
  // split_threshold with each other
  // on average, the group without the story's first document starts a story.
  size_t split_min_docs = 4;
  size_t split_max_docs = 16;  // 0 = never split
  double split_threshold = -0.5;
  size_t split_min_group = 2;
};

class StoryClusterer {
 public:
  static Result<std::unique_ptr<StoryClusterer>> Create(const StoryOptions& options = {});
  ~StoryClusterer();

  // Replays an assignment made in an earlier run (a stored document), so that
  // later documents can join its story. Documents without a story are ignored.
  void Restore(const Document& doc);
  // Counts a document's features for IDF only (e.g. a background corpus).
  void LearnIdf(const Document& doc) { df_.Add(features_->Extract(doc).features); }
  // Assigns a new document to a story and storyline.
  StoryAssignment Assign(const Document& doc) { return AssignExplained(doc, nullptr, nullptr); }
  // The documents assigned earlier (by Assign or Restore) that have moved to
  // another story since the last call, in the order they moved (a document
  // may appear more than once: the last move wins). The caller rewrites their
  // stored assignment. Only the last reassign_window documents can move.
  std::vector<StoryMove> TakeMoves() { return std::move(moves_); }
  // Where a copy (doc.duplicate_of) whose canonical document is no longer
  // remembered (its story was dropped) finds the canonical's stored
  // assignment; nullopt = unknown, and the copy is then assigned like any
  // document. Called from Assign() on the caller's thread.
  using StoredAssignment = std::function<std::optional<StoryAssignment>(const std::string& doc_id)>;
  void SetStoredLookup(StoredAssignment lookup) { stored_lookup_ = std::move(lookup); }

  // For training and inspecting the pair model: one candidate story compared
  // with a document.
  struct Match {
    std::string story;
    stories::PairVector x;  // pair features
    double score = 0;       // pair score, date penalty included
  };
  // Like Assign(), and reports every candidate story in *matches (if not
  // null). When `story` is not null the document joins that story instead
  // (a new one when no active story has that id), whatever the scores.
  StoryAssignment AssignExplained(const Document& doc, const std::string* story, std::vector<Match>* matches);

  // Stories made (by Assign and Restore), kept in memory, active.
  size_t stories() const { return made_; }
  size_t kept_stories() const { return stories_.size() - free_stories_.size(); }
  size_t active_stories() const { return active_; }
  // Documents in the document -> story memory (for their copies).
  size_t tracked_documents() const { return doc_story_.size() + doc_story_old_.size(); }
  // Copies whose canonical's story was found through the stored lookup.
  size_t stored_lookups() const { return stored_lookups_; }
  // Approximate bytes held, per structure (docs/memory.md).
  struct MemoryUse {
    size_t centroids = 0;  // active stories' summed terms
    size_t members = 0;    // active stories' kept members
    size_t postings = 0;   // feature -> active stories
    size_t idf = 0;        // the document frequency sketch
    size_t recent = 0;     // the last reassign_window documents
    size_t documents = 0;  // document -> story, for copies
    size_t stories = 0;    // the kept story records (id, counts, small doc list) and storylines
    size_t total() const { return centroids + members + postings + idf + recent + documents + stories; }
  };
  MemoryUse Memory() const;
  size_t MemoryBytes() const { return Memory().total(); }

 private:
  struct Story;
  explicit StoryClusterer(const StoryOptions& o);
  std::vector<stories::Feature> Weigh(const stories::DocFeatures& f) const;
  struct DocTable;
  void Cosines(const DocTable& doc, const Story& s,
               double cos[stories::kChannels]) const;
  void Candidates(const std::vector<stories::Feature>& doc, std::vector<uint32_t>* out);
  uint32_t NewStory(const std::string& id, uint32_t storyline);
  void AddToStory(uint32_t s, uint64_t doc, const stories::DocFeatures& f,
                  const std::vector<stories::Feature>& weighed);
  // Member features against s's kept members other than `exclude` (a doc hash; 0 = none).
  void AddMemberFeatures(const stories::DocFeatures& f, const std::vector<stories::Feature>& v, const Story& s,
                         uint64_t exclude, stories::PairVector* x) const;
  void Remember(const std::string& doc_id, uint32_t story);
  void RetireOldest();
  // Retires the active stories last updated before `day` (by publication date).
  void RetireBefore(int32_t day);
  // Drops the members of the active stories last updated before `day`.
  void QuietBefore(int32_t day);
  // Counts a document's publication day towards newest_day_.
  void SeeDay(int32_t day);
  static constexpr int kDayQuorum = 5;
  void Retire(const std::vector<uint32_t>& stories);
  // Frees the records of the stories retired drop_retired_after documents ago.
  void DropRetired();
  uint32_t NewStoryline(const std::string& id);
  std::vector<stories::Feature> Centroid(const Story& s) const;
  void TrimTerms(std::vector<stories::Feature>* terms) const;
  uint32_t Canonical(uint32_t index) const;
  double DateFactor(const std::optional<int32_t>& day, const Story& s, int slack, double decay) const;
  // Re-assignment of recent documents (stories/reassign.cc).
  struct Recent;
  struct Scored;
  static constexpr uint32_t kNoStory = UINT32_MAX;  // a recent document whose story was dropped
  // story_norms: s's SquaredNorms, when known (exclude == 0 only).
  double PairScore(const stories::DocFeatures& f, const std::vector<stories::Feature>& v, const Story& s,
                   uint64_t exclude, const double* story_norms = nullptr) const;
  void SquaredNorms(const std::vector<stories::Feature>& terms, double norm[stories::kChannels]) const;
  void Reassign(uint32_t target, const std::vector<Scored>& scored, size_t k);
  void Move(Recent* r, uint32_t to);
  void TrySplit(uint32_t story);
  const std::vector<stories::Feature>& Weighed(Recent* r) const;
  double DocPairScore(const Recent& a, const std::vector<stories::Feature>& va, const Recent& b,
                      const std::vector<stories::Feature>& vb) const;
  void RememberRecent(const std::string& doc_id, const std::string& new_story_id, uint32_t story,
                      stories::DocFeatures f, std::vector<stories::Feature> v);
  void RememberCopy(const std::string& canonical, const std::string& copy);

  StoryOptions options_;
  stories::PairModel model_;
  std::unique_ptr<stories::FeatureExtractor> features_;
  stories::DocumentFrequency df_;
  // Story records by index; a dropped story leaves a null slot, reused by
  // the next story made (free_stories_).
  std::vector<std::unique_ptr<Story>> stories_;
  std::vector<uint32_t> free_stories_;
  // Storyline ids by index, with the number of kept stories holding each; a
  // storyline no kept story holds is freed (its slot reused).
  std::vector<std::string> storylines_;
  std::vector<uint32_t> storyline_refs_;
  std::vector<uint32_t> free_storylines_;
  std::unordered_map<std::string, uint32_t> story_by_id_, storyline_by_id_;  // kept ones
  // Retired stories waiting to be dropped: (fresh_ when retired, index).
  std::deque<std::pair<uint64_t, uint32_t>> retired_;
  // Stories emptied by moves, still in the postings until the next Retire().
  std::vector<uint32_t> emptied_;
  uint64_t fresh_ = 0;  // documents assigned or restored, copies not counted
  size_t made_ = 0;
  size_t stored_lookups_ = 0;
  StoredAssignment stored_lookup_;
  stories::Postings postings_;  // feature -> stories
  // Doc id hash -> story, in two generations of at most max_tracked_documents
  // / 2 each: the older one is forgotten when the newer one fills.
  FlatMap<uint64_t, uint32_t> doc_story_, doc_story_old_;
  uint32_t* DocStory(uint64_t doc_hash);  // null when not remembered
  std::vector<uint32_t> mark_;  // scratch for Candidates
  std::deque<Recent> recent_;   // the last reassign_window documents (not copies)
  std::unordered_map<uint64_t, Recent*> recent_by_doc_;  // doc id hash -> recent_ entry
  std::vector<StoryMove> moves_;
  uint64_t clock_ = 0;
  size_t active_ = 0;
  std::optional<int32_t> newest_day_;  // the latest publication day of kDayQuorum documents
  std::optional<int32_t> retired_at_;  // newest_day_ when stories were last retired by date
  std::map<int32_t, int> later_days_;  // documents per day after newest_day_
};

// Applies moves (StoryClusterer::TakeMoves) to the documents of *batch, found
// by id; returns the other moved documents (id, duplicate_of, story and
// storyline only; the last move of each), to be rewritten where they are
// stored (Store::UpdateAssignments).
std::vector<Document> ApplyMoves(const std::vector<StoryMove>& moves, std::vector<Document>* batch);

// Summaries of the stories and storylines that documents belong to, built
// from documents added one at a time (in input order), so that a corpus need
// not be held in memory: it keeps only the summaries themselves (ids, titles,
// outlet and story sets, dates), not the documents.
class StorySummarizer {
 public:
  StorySummarizer();
  ~StorySummarizer();
  void Add(const Document& d);
  // The summaries, sorted by id; the summarizer is empty afterwards.
  void Finish(std::vector<StorySummary>* stories, std::vector<StorylineSummary>* storylines);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Summaries of the stories and storylines that the documents belong to
// (StorySummarizer over docs).
void Summarize(const std::vector<Document>& docs, std::vector<StorySummary>* stories,
               std::vector<StorylineSummary>* storylines);

}  // namespace dateline

#endif  // DATELINE_STORIES_STORIES_H_
