#include <algorithm>
#include <cmath>

#include "base/data_dir.h"
#include "base/hash.h"
#include "stories/stories.h"
#include "stories/story_state.h"

namespace dateline {

using stories::DocFeatures;
using stories::Feature;

namespace {

std::string ShortHash(const Document& doc) {
  if (doc.content_hash.size() >= 12) return doc.content_hash.substr(0, 12);
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Hash64(doc.id)));
  return std::string(buf, 12);
}

// Keeps the n heaviest entries of a sparse vector (sorted by key).
void TrimFacts(std::vector<Feature>* v, size_t n) {
  if (v->size() <= n) return;
  std::nth_element(v->begin(), v->begin() + n, v->end(),
                   [](const Feature& a, const Feature& b) { return a.weight > b.weight; });
  v->resize(n);
  std::sort(v->begin(), v->end());
}

}  // namespace

namespace stories {

// Sorted-merge sum of two sparse vectors.
void MergeAdd(const std::vector<Feature>& add, std::vector<Feature>* into) {
  std::vector<Feature> out;
  out.reserve(into->size() + add.size());
  size_t i = 0, j = 0;
  while (i < into->size() || j < add.size()) {
    if (j == add.size() || (i < into->size() && (*into)[i].key < add[j].key)) {
      out.push_back((*into)[i++]);
    } else if (i == into->size() || add[j].key < (*into)[i].key) {
      out.push_back(add[j++]);
    } else {
      out.push_back({add[j].key, (*into)[i++].weight + add[j++].weight});
    }
  }
  into->swap(out);
}

// Scales each channel (words, names, numbers) of v to unit length.
void NormalizeChannels(std::vector<Feature>* v) {
  double norm[stories::kChannels] = {};
  for (const Feature& x : *v) norm[stories::ChannelOf(x.key)] += double(x.weight) * x.weight;
  for (double& n : norm) n = n > 0 ? 1.0 / std::sqrt(n) : 0;
  for (Feature& x : *v) x.weight = static_cast<float>(x.weight * norm[stories::ChannelOf(x.key)]);
}

}  // namespace stories

StoryClusterer::StoryClusterer(const StoryOptions& o) : options_(o), df_(o.idf_log2_width) {}
StoryClusterer::~StoryClusterer() = default;

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(const StoryOptions& options) {
  std::unique_ptr<StoryClusterer> c(new StoryClusterer(options));
  if (c->options_.data_dir.empty()) c->options_.data_dir = DataDir();
  auto fx = stories::FeatureExtractor::Load(c->options_.data_dir, options.features);
  if (!fx.ok()) return fx.status();
  c->features_ = std::move(fx.value());
  std::string model = c->options_.pair_model;
  if (model.empty()) model = c->options_.data_dir + "/stories/pair_model.tsv";
  auto m = stories::PairModel::Load(model);
  if (!m.ok()) return m.status();
  c->model_ = m.value();
  return c;
}

// TF-IDF, the top max_doc_terms features, unit length; sorted by key.
std::vector<Feature> StoryClusterer::Weigh(const DocFeatures& f) const {
  std::vector<Feature> v = f.features;
  for (Feature& x : v) x.weight = static_cast<float>(x.weight * df_.Idf(x.key));
  if (v.size() > options_.max_doc_terms) {
    std::nth_element(v.begin(), v.begin() + options_.max_doc_terms, v.end(),
                     [](const Feature& a, const Feature& b) { return a.weight > b.weight; });
    v.resize(options_.max_doc_terms);
    std::sort(v.begin(), v.end());
  }
  NormalizeChannels(&v);
  return v;
}

// How many features ahead the IDF sketch's counters are prefetched.
constexpr size_t kPrefetchAhead = 16;

// A document's TF-IDF features in an open-addressing table keyed by feature
// (a power-of-two size at least twice the features, so a probe is short),
// for looking up each term of a candidate story's centroid: one probe per
// centroid term instead of a binary search per document term.
struct StoryClusterer::DocTable {
  struct Slot {
    uint64_t key;
    double idf;
    float weight;
    bool used;
  };
  std::vector<Slot> slots;
  size_t mask = 0;
  static size_t Spread(uint64_t key) { return static_cast<size_t>((key >> 2) * 0x9E3779B97F4A7C15ULL >> 40); }
  DocTable(const std::vector<Feature>& doc, const std::vector<double>& idf) {
    size_t cap = 16;
    while (cap < 2 * doc.size()) cap <<= 1;
    slots.assign(cap, Slot{0, 0.0, 0.0f, false});
    mask = cap - 1;
    for (size_t i = 0; i < doc.size(); ++i) {
      size_t at = Spread(doc[i].key) & mask;
      while (slots[at].used && slots[at].key != doc[i].key) at = (at + 1) & mask;
      slots[at] = {doc[i].key, idf[i], doc[i].weight, true};
    }
  }
  // The document's slot of the feature, or null when it does not have it.
  const Slot* Find(uint64_t key) const {
    for (size_t at = Spread(key) & mask;; at = (at + 1) & mask) {
      const Slot& s = slots[at];
      if (!s.used) return nullptr;
      if (s.key == key) return &s;
    }
  }
};

// Cosines, channel by channel, between the document's vectors and the story
// centroid's (IDF applied now, so centroids follow the IDF as it is learned).
void StoryClusterer::Cosines(const DocTable& doc, const Story& s, double cos[stories::kChannels]) const {
  int64_t n = df_.documents();
  if (s.norm_documents < 0 || n > s.norm_documents + s.norm_documents / 32 + 2) {
    double norm[stories::kChannels] = {};
    const size_t n_terms = s.terms.size();
    for (size_t i = 0; i < n_terms; ++i) {
      if (i + kPrefetchAhead < n_terms) df_.Prefetch(s.terms[i + kPrefetchAhead].key);
      const Feature& t = s.terms[i];
      double w = t.weight * df_.Idf(t.key);
      norm[stories::ChannelOf(t.key)] += w * w;
    }
    for (int c = 0; c < stories::kChannels; ++c) s.norm[c] = norm[c] > 0 ? 1.0 / std::sqrt(norm[c]) : 0;
    s.norm_documents = n;
  }
  // Terms in key order, as a merge would meet them, so the sums are the same.
  double dot[stories::kChannels] = {};
  for (const Feature& t : s.terms)
    if (const DocTable::Slot* d = doc.Find(t.key)) dot[stories::ChannelOf(t.key)] += t.weight * d->idf * d->weight;
  for (int c = 0; c < stories::kChannels; ++c) cos[c] = dot[c] * s.norm[c];
}

// Adds to x the pair features that compare a document (its features f,
// weighed v) with each kept member of a story.
void StoryClusterer::AddMemberFeatures(const DocFeatures& f, const std::vector<Feature>& v, const Story& s,
                                       uint64_t exclude, stories::PairVector* x) const {
  size_t n = 0;
  for (const Story::Member& m : s.members) n += m.doc != exclude || exclude == 0;
  double scale = n == 0 ? 0 : 1.0 / n;
  for (const Story::Member& m : s.members) {
    if (exclude != 0 && m.doc == exclude) continue;
    double mc[stories::kChannels];
    stories::ChannelCosines(v, m.terms, mc);
    for (int c = 0; c < stories::kChannels; ++c) (*x)[stories::kMemberWordCos + c] += scale * mc[c];
    for (int c : {stories::kWordChannel, stories::kNameChannel}) {
      double& max = (*x)[stories::kMaxMemberWordCos + c];
      max = std::max(max, mc[c]);
    }
    stories::AddFactFeatures(f.facts, m.facts, scale, x);
  }
}

double StoryClusterer::DateFactor(const std::optional<int32_t>& day, const Story& s, int slack,
                                  double decay) const {
  if (!day || !s.first_day) return 1.0;
  int gap = std::max({0, *day - *s.last_day, *s.first_day - *day});
  if (gap <= slack) return 1.0;
  if (decay <= 0) return 0.0;
  return std::exp(-(gap - slack) / decay);
}

// Active stories sharing one of the document's strongest features.
void StoryClusterer::Candidates(const std::vector<Feature>& doc, std::vector<uint32_t>* out) {
  out->clear();
  std::vector<Feature> top = doc;
  size_t k = std::min(options_.query_terms, top.size());
  std::partial_sort(top.begin(), top.begin() + k, top.end(),
                    [](const Feature& a, const Feature& b) { return a.weight > b.weight; });
  mark_.resize(stories_.size(), 0);
  for (size_t q = 0; q < k; ++q) {
    const stories::Postings::List list = postings_.Find(top[q].key);
    size_t scanned = 0;
    for (size_t p = list.size; p-- > 0 && scanned < options_.postings_scan; ++scanned) {
      uint32_t s = list.data[p];
      if (!stories_[s]->active) continue;
      if (mark_[s]++ == 0) out->push_back(s);
    }
  }
  // Only the stories that share the most of the document's strongest
  // features are compared in full (ties: the most recently updated).
  if (out->size() > options_.max_candidates) {
    std::nth_element(out->begin(), out->begin() + options_.max_candidates, out->end(), [&](uint32_t a, uint32_t b) {
      return mark_[a] != mark_[b] ? mark_[a] > mark_[b] : stories_[a]->updated > stories_[b]->updated;
    });
    for (size_t i = options_.max_candidates; i < out->size(); ++i) mark_[(*out)[i]] = 0;
    out->resize(options_.max_candidates);
  }
  for (uint32_t s : *out) mark_[s] = 0;
}

uint32_t StoryClusterer::NewStory(const std::string& id, uint32_t storyline) {
  auto s = std::make_unique<Story>();
  s->id = id;
  s->storyline = storyline;
  s->updated = ++clock_;
  ++storyline_refs_[storyline];
  uint32_t index;
  if (!free_stories_.empty()) {  // a dropped story's slot: nothing refers to it any more
    index = free_stories_.back();
    free_stories_.pop_back();
    stories_[index] = std::move(s);
  } else {
    index = static_cast<uint32_t>(stories_.size());
    stories_.push_back(std::move(s));
  }
  story_by_id_[id] = index;
  ++made_;
  ++active_;
  if (active_ > options_.max_active_stories) RetireOldest();
  return index;
}

void StoryClusterer::AddToStory(uint32_t index, uint64_t doc, const DocFeatures& f,
                                const std::vector<Feature>& weighed) {
  Story& s = *stories_[index];
  if (options_.max_story_members > 0) {
    Story::Member m;
    m.doc = doc;
    // Only the channels the pair model compares member by member are kept.
    const stories::PairVector& w = model_.weights();
    bool used[stories::kChannels];
    for (int c = 0; c < stories::kChannels; ++c)
      used[c] = w[stories::kMemberWordCos + c] != 0 ||
                (c <= stories::kNameChannel && w[stories::kMaxMemberWordCos + c] != 0);
    for (const Feature& t : weighed)
      if (used[stories::ChannelOf(t.key)]) m.terms.push_back(t);
    TrimFacts(&m.terms, options_.member_terms);
    m.terms.shrink_to_fit();
    NormalizeChannels(&m.terms);
    for (int k = 0; k < stories::kFacts; ++k) m.facts[k] = f.facts[k];
    s.members.push_back(std::move(m));
    if (s.members.size() > options_.max_story_members) s.members.erase(s.members.begin());
  }
  size_t before = s.terms.size();
  std::vector<uint64_t> old_keys;
  old_keys.reserve(before);
  for (const Feature& t : s.terms) old_keys.push_back(t.key);
  // Each member counts once, whatever its length: add its unit channel vectors.
  std::vector<Feature> unit = f.features;
  NormalizeChannels(&unit);
  MergeAdd(unit, &s.terms);
  TrimTerms(&s.terms);
  // MergeAdd leaves room for both lists and a centroid lives long: give the
  // slack back (about half of the centroids' memory otherwise).
  s.terms.shrink_to_fit();
  if (s.active) {
    for (const Feature& t : s.terms)
      if (!std::binary_search(old_keys.begin(), old_keys.end(), t.key)) postings_.Add(t.key, index);
  }
  if (s.docs_tracked && s.documents < options_.split_max_docs) s.docs.push_back(doc);
  else s.docs_tracked = false, s.docs.clear();
  ++s.documents;
  s.norm_documents = -1;
  if (f.day) {
    if (!s.first_day || *f.day < *s.first_day) s.first_day = f.day;
    if (!s.last_day || *f.day > *s.last_day) s.last_day = f.day;
  }
  s.updated = ++clock_;
}

// Retires the least recently updated tenth of the active stories and drops
// them from the postings.
void StoryClusterer::RetireOldest() {
  std::vector<std::pair<uint64_t, uint32_t>> live;
  for (uint32_t i = 0; i < stories_.size(); ++i)
    if (stories_[i] && stories_[i]->active) live.push_back({stories_[i]->updated, i});
  size_t drop = std::max<size_t>(1, live.size() / 10);
  std::nth_element(live.begin(), live.begin() + drop, live.end());
  std::vector<uint32_t> which;
  for (size_t i = 0; i < drop; ++i) which.push_back(live[i].second);
  Retire(which);
}

void StoryClusterer::SeeDay(int32_t day) {
  if (newest_day_ && day <= *newest_day_) return;
  // A later day counts once kDayQuorum documents carry it (or a later one),
  // so that one page with a wrong date cannot retire every story.
  int n = ++later_days_[day];
  for (auto it = later_days_.upper_bound(day); it != later_days_.end(); ++it) n += it->second;
  if (n < kDayQuorum) return;
  newest_day_ = day;
  later_days_.erase(later_days_.begin(), later_days_.upper_bound(day));
}

void StoryClusterer::RetireBefore(int32_t day) {
  std::vector<uint32_t> which;
  for (uint32_t i = 0; i < stories_.size(); ++i) {
    if (!stories_[i]) continue;
    const Story& s = *stories_[i];
    if (s.active && s.last_day && *s.last_day < day) which.push_back(i);
  }
  if (!which.empty()) Retire(which);
}

void StoryClusterer::QuietBefore(int32_t day) {
  for (const auto& story : stories_) {
    if (!story) continue;
    Story& s = *story;
    if (!s.active || s.members.empty() || !s.last_day || *s.last_day >= day) continue;
    std::vector<Story::Member>().swap(s.members);
    std::vector<uint64_t>().swap(s.docs);  // too old to be split
    s.docs_tracked = false;
  }
}

void StoryClusterer::Retire(const std::vector<uint32_t>& which) {
  for (uint32_t i : which) {
    Story& s = *stories_[i];
    s.active = false;
    std::vector<Feature>().swap(s.terms);
    std::vector<Story::Member>().swap(s.members);
    std::vector<uint64_t>().swap(s.docs);  // only an active story can be split
    if (options_.drop_retired_after > 0) retired_.push_back({fresh_, i});
  }
  active_ -= which.size();
  postings_.RemoveIf([&](uint32_t s) { return !stories_[s]->active; });
  // Stories emptied by moves have now left the postings too.
  if (options_.drop_retired_after > 0)
    for (uint32_t i : emptied_) retired_.push_back({fresh_, i});
  emptied_.clear();
}

// Story records are dropped once nothing can read them: retired stories are
// out of the postings and can gain no document; a copy of one of their
// documents finds the story through the stored lookup. The delay keeps
// exact what a split reads (story_by_id_ for ids made from a recent
// document) and leaves the pipeline time to store the canonical documents.
void StoryClusterer::DropRetired() {
  const uint64_t after = std::max(options_.drop_retired_after, options_.reassign_window);
  if (retired_.empty() || retired_.front().first + after > fresh_) return;
  size_t dropped = 0;
  while (!retired_.empty() && retired_.front().first + after <= fresh_) {
    const uint32_t i = retired_.front().second;
    retired_.pop_front();
    Story& s = *stories_[i];
    auto it = story_by_id_.find(s.id);
    if (it != story_by_id_.end() && it->second == i) story_by_id_.erase(it);
    if (--storyline_refs_[s.storyline] == 0) {
      auto l = storyline_by_id_.find(storylines_[s.storyline]);
      if (l != storyline_by_id_.end() && l->second == s.storyline) storyline_by_id_.erase(l);
      std::string().swap(storylines_[s.storyline]);
      free_storylines_.push_back(s.storyline);
    }
    stories_[i].reset();
    free_stories_.push_back(i);
    ++dropped;
  }
  if (dropped == 0) return;
  auto gone = [&](uint64_t, uint32_t story) { return !stories_[story]; };
  doc_story_.EraseIf(gone);
  doc_story_old_.EraseIf(gone);
  for (Recent& r : recent_)
    if (r.story != kNoStory && !stories_[r.story]) r.story = kNoStory, r.movable = false;
}

uint32_t StoryClusterer::NewStoryline(const std::string& id) {
  uint32_t line;
  if (!free_storylines_.empty()) {
    line = free_storylines_.back();
    free_storylines_.pop_back();
    storylines_[line] = id;
  } else {
    line = static_cast<uint32_t>(storylines_.size());
    storylines_.push_back(id);
    storyline_refs_.push_back(0);
  }
  storyline_by_id_[id] = line;
  return line;
}

void StoryClusterer::Remember(const std::string& doc_id, uint32_t story) {
  uint64_t h = Hash64(doc_id);
  const size_t most = stored_lookup_ ? options_.max_tracked_with_lookup : options_.max_tracked_documents;
  if (most == 0 || DocStory(h)) return;
  if (doc_story_.size() >= std::max<size_t>(1, most / 2)) {
    doc_story_old_ = std::move(doc_story_);
    doc_story_ = FlatMap<uint64_t, uint32_t>();
  }
  bool inserted;
  doc_story_.Insert(h, story, &inserted);
}

uint32_t* StoryClusterer::DocStory(uint64_t doc_hash) {
  if (uint32_t* s = doc_story_.Find(doc_hash)) return s;
  return doc_story_old_.Find(doc_hash);
}

void StoryClusterer::Restore(const Document& doc) {
  if (!doc.story || !doc.storyline) return;
  auto l = storyline_by_id_.find(*doc.storyline);
  const uint32_t line = l != storyline_by_id_.end() ? l->second : NewStoryline(*doc.storyline);
  auto s = story_by_id_.find(*doc.story);
  uint32_t index = s != story_by_id_.end() ? s->second : NewStory(*doc.story, line);
  Remember(doc.id, index);
  if (doc.duplicate_of) RememberCopy(*doc.duplicate_of, doc.id);
  if (doc.duplicate_of || !stories_[index]->active) return;
  ++fresh_;
  DocFeatures f = features_->Extract(doc);
  df_.Add(f.features);
  if (f.day) SeeDay(*f.day);  // stories it leaves behind are retired at the next Assign
  std::vector<Feature> v = Weigh(f);
  AddToStory(index, Hash64(doc.id), f, v);
  RememberRecent(doc.id, "story-" + ShortHash(doc), index, std::move(f), std::move(v));
}

StoryAssignment StoryClusterer::AssignExplained(const Document& doc, const std::string* story,
                                                std::vector<Match>* matches) {
  if (matches) matches->clear();
  if (doc.duplicate_of && !story) {
    if (const uint32_t* known = DocStory(Hash64(*doc.duplicate_of))) {
      const uint32_t index = *known;
      const Story& s = *stories_[index];
      Remember(doc.id, index);
      RememberCopy(*doc.duplicate_of, doc.id);
      return {s.id, storylines_[s.storyline]};
    }
    // Not remembered (assigned more than max_tracked_with_lookup documents
    // ago, or its story was dropped, or it was never assigned a story): the
    // store has the canonical's assignment, the same as the one remembered
    // (a document can move only while among the last reassign_window).
    if (stored_lookup_) {
      if (std::optional<StoryAssignment> a = stored_lookup_(*doc.duplicate_of); a && !a->story.empty()) {
        ++stored_lookups_;
        return *a;
      }
    }
  }
  ++fresh_;
  DropRetired();
  DocFeatures f = features_->Extract(doc);
  df_.Add(f.features);
  if (f.day) SeeDay(*f.day);
  if (newest_day_ && (!retired_at_ || *retired_at_ < *newest_day_)) {  // the stories a new day leaves behind
    if (options_.retire_days > 0) RetireBefore(*newest_day_ - options_.retire_days);
    if (options_.quiet_days > 0) QuietBefore(*newest_day_ - options_.quiet_days);
    retired_at_ = newest_day_;
  }
  std::vector<Feature> v = Weigh(f);
  std::vector<uint32_t> cands;
  Candidates(v, &cands);
  std::vector<double> idf(v.size());  // the same for every candidate
  for (size_t i = 0; i < v.size(); ++i) {
    if (i + kPrefetchAhead < v.size()) df_.Prefetch(v[i + kPrefetchAhead].key);
    idf[i] = df_.Idf(v[i].key);
  }
  const DocTable table(v, idf);
  int64_t best = -1, best_line = -1;
  double best_score = 0, best_line_sim = 0;
  const double weight[stories::kChannels] = {options_.word_weight, options_.name_weight,
                                             options_.number_weight, 0.0};
  // First the centroids: every candidate's score without the member
  // features (and its storyline similarity); then the members of the
  // member_candidates best only, which alone can be joined.
  std::vector<Scored> scored;
  scored.reserve(cands.size());
  for (uint32_t c : cands) {
    const Story& s = *stories_[c];
    double cos[stories::kChannels];
    Cosines(table, s, cos);
    stories::PairVector x{};
    x[stories::kBias] = 1;
    for (int k = 0; k < stories::kChannels; ++k) x[stories::kWordCos + k] = cos[k];
    x[stories::kLogStorySize] = std::log1p(s.documents);
    double date = DateFactor(f.day, s, options_.date_slack_days, options_.date_decay_days);
    scored.push_back({c, x, model_.Score(x) + options_.date_penalty * std::log(std::max(date, 1e-9))});
    double sim = 0;
    for (int k = 0; k < stories::kChannels; ++k) sim += weight[k] * cos[k];
    double line_sim = sim * DateFactor(f.day, s, options_.storyline_days, 0);
    if (line_sim > best_line_sim) best_line_sim = line_sim, best_line = c;
  }
  size_t k = std::min(options_.member_candidates, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + k, scored.end(),
                    [](const Scored& a, const Scored& b) { return a.score > b.score; });
  for (size_t i = 0; i < k; ++i) {
    Scored& c = scored[i];
    const Story& s = *stories_[c.story];
    double before = model_.Score(c.x);
    AddMemberFeatures(f, v, s, 0, &c.x);
    c.score += model_.Score(c.x) - before;
    if (matches) matches->push_back({s.id, c.x, c.score});
    if (best < 0 || c.score > best_score) best_score = c.score, best = c.story;
  }
  int64_t index = -1;
  if (story) {
    auto it = story_by_id_.find(*story);
    if (it != story_by_id_.end() && stories_[it->second]->active) index = it->second;
  } else if (best >= 0 && best_score >= options_.join_threshold) {
    index = best;
  }
  if (index < 0) {
    uint32_t line;
    if (best_line >= 0 && best_line_sim >= options_.storyline_threshold) {
      line = stories_[best_line]->storyline;
    } else {
      line = NewStoryline("storyline-" + ShortHash(doc));
    }
    index = NewStory("story-" + ShortHash(doc), line);
  }
  AddToStory(static_cast<uint32_t>(index), Hash64(doc.id), f, v);
  Remember(doc.id, static_cast<uint32_t>(index));
  if (options_.reassign_window > 0) {
    RememberRecent(doc.id, "story-" + ShortHash(doc), static_cast<uint32_t>(index), std::move(f), std::move(v));
    if (!story) {
      Reassign(static_cast<uint32_t>(index), scored, k);
      TrySplit(static_cast<uint32_t>(index));
      if (const uint32_t* now = DocStory(Hash64(doc.id))) index = *now;  // it may have moved
    }
  }
  const Story& s = *stories_[index];
  return {s.id, storylines_[s.storyline]};
}

StoryClusterer::MemoryUse StoryClusterer::Memory() const {
  auto vec = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  auto str = [](const std::string& x) { return x.capacity() > 15 ? x.capacity() + 1 : 0; };
  constexpr size_t kNode = 48;  // a node of a std::unordered_map with its bucket, allocator overhead included
  MemoryUse m;
  m.idf = df_.MemoryBytes();
  m.stories += vec(stories_) + vec(free_stories_) + vec(storylines_) + vec(storyline_refs_) +
               vec(free_storylines_) + vec(emptied_) + retired_.size() * 12;
  for (const std::string& l : storylines_) m.stories += str(l) + (l.empty() ? 0 : kNode + 8);  // + storyline_by_id_
  for (const auto& s : stories_) {
    if (!s) continue;
    m.stories += sizeof(Story) + str(s->id) + vec(s->docs) + kNode + 8;  // + story_by_id_
    m.centroids += vec(s->terms);
    m.members += vec(s->members);
    for (const Story::Member& x : s->members) {
      m.members += vec(x.terms);
      for (const auto& f : x.facts) m.members += vec(f);
    }
  }
  m.postings = postings_.MemoryBytes();
  m.documents = doc_story_.MemoryBytes() + doc_story_old_.MemoryBytes();
  for (const Recent& r : recent_) {
    m.recent += sizeof(Recent) + vec(r.features.features) + vec(r.weighed) + kNode;  // + recent_by_doc_
    for (const auto& f : r.features.facts) m.recent += vec(f);
  }
  return m;
}

// Keeps the max_story_terms features of a centroid weighing most under the current IDF.
void StoryClusterer::TrimTerms(std::vector<Feature>* terms) const {
  if (terms->size() <= options_.max_story_terms) return;
  std::nth_element(terms->begin(), terms->begin() + options_.max_story_terms, terms->end(),
                   [&](const Feature& x, const Feature& y) {
                     return x.weight * df_.Idf(x.key) > y.weight * df_.Idf(y.key);
                   });
  terms->resize(options_.max_story_terms);
  std::sort(terms->begin(), terms->end());
}

}  // namespace dateline
