// Bounded re-assignment of recent documents (StoryOptions::reassign_*).
//
// Single-pass clustering errs when the first reports of two events of one
// kind arrive interleaved: the story seeded by event A absorbs early event-B
// reports before B has a story of its own. When a document joins a forming
// story T, the recent members of the few stories it also scored well against
// are compared with T and with their own story without them; a member that
// scores better with T moves there (with its copies). Only the kept members
// of reassign_stories stories and only the last reassign_window documents are
// looked at, so the cost per document is bounded and nothing is re-clustered.
#include <algorithm>
#include <cmath>

#include "base/hash.h"
#include "stories/stories.h"
#include "stories/story_state.h"

namespace dateline {

using stories::DocFeatures;
using stories::Feature;

namespace {

// into -= sub for the keys into holds (a trimmed centroid may lack some);
// entries left at ~0 are dropped.
void Subtract(const std::vector<Feature>& sub, std::vector<Feature>* into) {
  std::vector<Feature> out;
  out.reserve(into->size());
  size_t j = 0;
  for (const Feature& t : *into) {
    while (j < sub.size() && sub[j].key < t.key) ++j;
    float w = t.weight;
    if (j < sub.size() && sub[j].key == t.key) w -= sub[j].weight;
    if (w > 1e-6f) out.push_back({t.key, w});
  }
  into->swap(out);
}

std::vector<Feature> UnitChannels(const DocFeatures& f) {
  std::vector<Feature> unit = f.features;
  stories::NormalizeChannels(&unit);
  return unit;
}

}  // namespace

// Squared channel norms of IDF-weighted terms.
void StoryClusterer::SquaredNorms(const std::vector<Feature>& terms, double norm[stories::kChannels]) const {
  for (int c = 0; c < stories::kChannels; ++c) norm[c] = 0;
  for (const Feature& t : terms) {
    double w = t.weight * df_.Idf(t.key);
    norm[stories::ChannelOf(t.key)] += w * w;
  }
}

// The pair score of a document with story s, as AssignExplained computes it;
// when exclude != 0 the document (hash `exclude`) is a member of s and is
// left out of the centroid and the members.
double StoryClusterer::PairScore(const DocFeatures& f, const std::vector<Feature>& v, const Story& s,
                                 uint64_t exclude, const double* story_norms) const {
  std::vector<Feature> own;
  const std::vector<Feature>* terms = &s.terms;
  if (exclude != 0) {
    own = s.terms;
    Subtract(UnitChannels(f), &own);
    terms = &own;
  }
  double dot[stories::kChannels] = {}, norm[stories::kChannels];
  if (story_norms && exclude == 0) std::copy(story_norms, story_norms + stories::kChannels, norm);
  else SquaredNorms(*terms, norm);
  stories::ForEachShared(v, *terms, [&](const Feature& d, const Feature& t) {
    dot[stories::ChannelOf(d.key)] += t.weight * df_.Idf(d.key) * d.weight;
  });
  stories::PairVector x{};
  x[stories::kBias] = 1;
  for (int c = 0; c < stories::kChannels; ++c)
    x[stories::kWordCos + c] = norm[c] > 0 ? dot[c] / std::sqrt(norm[c]) : 0;
  x[stories::kLogStorySize] = std::log1p(s.documents - (exclude != 0));
  AddMemberFeatures(f, v, s, exclude, &x);
  double date = DateFactor(f.day, s, options_.date_slack_days, options_.date_decay_days);
  return model_.Score(x) + options_.date_penalty * std::log(std::max(date, 1e-9));
}

void StoryClusterer::Reassign(uint32_t target, const std::vector<Scored>& scored, size_t k) {
  if (stories_[target]->documents > options_.reassign_max_target) return;
  size_t looked = 0;
  for (size_t i = 0; i < k && looked < options_.reassign_stories; ++i) {
    const Scored& c = scored[i];
    if (c.story == target || c.score < options_.join_threshold + options_.reassign_floor) continue;
    ++looked;
    const Story& s = *stories_[c.story];
    if (!s.active || s.documents < std::max<size_t>(1, options_.reassign_min_size)) continue;
    double target_norms[stories::kChannels];  // the target does not change until the moves
    SquaredNorms(stories_[target]->terms, target_norms);
    std::vector<Recent*> movers;
    for (const Story::Member& m : s.members) {
      auto it = recent_by_doc_.find(m.doc);
      if (it == recent_by_doc_.end() || !it->second->movable || it->second->story != c.story) continue;
      Recent& r = *it->second;
      double there = PairScore(r.features, Weighed(it->second), *stories_[target], 0, target_norms);
      if (there < options_.join_threshold) continue;
      double own = s.documents > 1 ? PairScore(r.features, r.weighed, s, r.hash) : options_.join_threshold;
      if (there > own + options_.reassign_margin) movers.push_back(it->second);
    }
    for (Recent* r : movers) Move(r, target);
  }
}

// The pair score of two documents, as if b were a story of its own.
double StoryClusterer::DocPairScore(const Recent& a, const std::vector<Feature>& va, const Recent& b,
                                    const std::vector<Feature>& vb) const {
  stories::PairVector x{};
  x[stories::kBias] = 1;
  double cos[stories::kChannels];
  stories::ChannelCosines(va, vb, cos);
  for (int c = 0; c < stories::kChannels; ++c) {
    x[stories::kWordCos + c] = cos[c];
    x[stories::kMemberWordCos + c] = cos[c];
  }
  x[stories::kMaxMemberWordCos] = cos[stories::kWordChannel];
  x[stories::kMaxMemberNameCos] = cos[stories::kNameChannel];
  x[stories::kLogStorySize] = std::log1p(1);
  stories::AddFactFeatures(a.features.facts, b.features.facts, 1.0, &x);
  double score = model_.Score(x);
  if (a.features.day && b.features.day) {
    int gap = std::abs(*a.features.day - *b.features.day);
    if (gap > options_.date_slack_days)
      score -= options_.date_penalty * (gap - options_.date_slack_days) / std::max(options_.date_decay_days, 1e-9);
  }
  return score;
}

// Average-link clustering of a young story's documents into two groups; the
// group without the first document moves to a new story when the groups are
// far apart.
void StoryClusterer::TrySplit(uint32_t story) {
  const Story& s = *stories_[story];
  if (options_.split_max_docs == 0 || !s.docs_tracked || s.documents < options_.split_min_docs ||
      s.docs.size() != s.documents)
    return;
  std::vector<Recent*> rs;
  for (uint64_t h : s.docs) {
    auto it = recent_by_doc_.find(h);
    if (it == recent_by_doc_.end() || !it->second->movable || it->second->story != story) return;
    rs.push_back(it->second);
  }
  for (Recent* r : rs) Weighed(r);
  size_t n = rs.size();
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = DocPairScore(*rs[i], rs[i]->weighed, *rs[j], rs[j]->weighed);
  std::vector<std::vector<size_t>> groups(n);
  for (size_t i = 0; i < n; ++i) groups[i] = {i};
  auto link = [&](const std::vector<size_t>& a, const std::vector<size_t>& b) {
    double sum = 0;
    for (size_t i : a)
      for (size_t j : b) sum += sim[i][j];
    return sum / (a.size() * b.size());
  };
  while (groups.size() > 2) {
    size_t ba = 0, bb = 1;
    double best = -1e300;
    for (size_t a = 0; a < groups.size(); ++a)
      for (size_t b = a + 1; b < groups.size(); ++b)
        if (double l = link(groups[a], groups[b]); l > best) best = l, ba = a, bb = b;
    groups[ba].insert(groups[ba].end(), groups[bb].begin(), groups[bb].end());
    groups.erase(groups.begin() + bb);
  }
  if (groups[0].size() < options_.split_min_group || groups[1].size() < options_.split_min_group) return;
  if (link(groups[0], groups[1]) >= options_.join_threshold + options_.split_threshold) return;
  const std::vector<size_t>& away = std::find(groups[0].begin(), groups[0].end(), 0) != groups[0].end() ? groups[1]
                                                                                                       : groups[0];
  std::string id = rs[away[0]]->new_story_id;
  while (story_by_id_.count(id)) id += "-2";
  uint32_t fresh = NewStory(id, s.storyline);
  for (size_t i : away) Move(rs[i], fresh);
}

// r->weighed, weighed again when the IDF has counted more documents: after
// every document in the first 1,024, then after every 1/1024 growth (the
// weights then move by well under 0.1 %). ECB+ dev (772 documents) loses
// 0.01-0.02 F1 when it is redone only every 1/32.
const std::vector<Feature>& StoryClusterer::Weighed(Recent* r) const {
  int64_t n = df_.documents();
  if (n > r->weighed_at + r->weighed_at / 1024) {
    r->weighed = Weigh(r->features);
    r->weighed_at = n;
  }
  return r->weighed;
}

void StoryClusterer::Move(Recent* r, uint32_t to) {
  Story& from = *stories_[r->story];
  Subtract(UnitChannels(r->features), &from.terms);
  from.members.erase(std::remove_if(from.members.begin(), from.members.end(),
                                    [&](const Story::Member& m) { return m.doc == r->hash; }),
                     from.members.end());
  if (--from.documents == 0) {  // an emptied story is retired
    from.active = false;
    std::vector<Feature>().swap(from.terms);
    --active_;
    emptied_.push_back(r->story);
  }
  from.docs.erase(std::remove(from.docs.begin(), from.docs.end(), r->hash), from.docs.end());
  from.norm_documents = -1;
  AddToStory(to, r->hash, r->features, Weighed(r));
  r->story = to;
  const Story& s = *stories_[to];
  StoryAssignment a{s.id, storylines_[s.storyline]};
  if (uint32_t* known = DocStory(r->hash)) *known = to;
  moves_.push_back({r->id, std::nullopt, a});
  for (const std::string& copy : r->copies) {
    if (uint32_t* known = DocStory(Hash64(copy))) *known = to;
    moves_.push_back({copy, r->id, a});
  }
}

void StoryClusterer::RememberRecent(const std::string& doc_id, const std::string& new_story_id, uint32_t story,
                                    DocFeatures f, std::vector<Feature> v) {
  if (options_.reassign_window == 0) return;
  uint64_t h = Hash64(doc_id);
  recent_.push_back({doc_id, h, story, std::move(f), std::move(v), df_.documents(), {}, new_story_id, true});
  recent_by_doc_[h] = &recent_.back();
  while (recent_.size() > options_.reassign_window) {
    auto it = recent_by_doc_.find(recent_.front().hash);
    if (it != recent_by_doc_.end() && it->second == &recent_.front()) recent_by_doc_.erase(it);
    recent_.pop_front();
  }
}

void StoryClusterer::RememberCopy(const std::string& canonical, const std::string& copy) {
  auto it = recent_by_doc_.find(Hash64(canonical));
  if (it == recent_by_doc_.end()) return;
  Recent& r = *it->second;
  if (r.copies.size() >= 16) r.movable = false;
  else r.copies.push_back(copy);
}

std::vector<Document> ApplyMoves(const std::vector<StoryMove>& moves, std::vector<Document>* batch) {
  std::unordered_map<std::string, const StoryMove*> last;
  for (const StoryMove& m : moves) last[m.document] = &m;
  for (Document& d : *batch) {
    auto it = last.find(d.id);
    if (it == last.end()) continue;
    d.story = it->second->to.story;
    d.storyline = it->second->to.storyline;
    last.erase(it);
  }
  std::vector<Document> earlier;
  for (const StoryMove& m : moves) {  // in move order, each document once
    auto it = last.find(m.document);
    if (it == last.end() || it->second != &m) continue;
    Document d;
    d.id = m.document;
    d.duplicate_of = m.duplicate_of;
    d.story = m.to.story;
    d.storyline = m.to.storyline;
    earlier.push_back(std::move(d));
  }
  return earlier;
}

}  // namespace dateline
