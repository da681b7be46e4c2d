// StorySummarizer and Summarize(): story and storyline summaries from stored
// documents; SummarizeStory / SummarizeStoryline: the same one group at a time
// (stories/summary.h).
#include "stories/summary.h"

#include <algorithm>
#include <set>

namespace dateline {
namespace {
void Widen(const std::optional<std::string>& date, std::optional<std::string>* first,
           std::optional<std::string>* last) {
  if (!date) return;
  std::string d = date->substr(0, 10);
  if (!*first || d < **first) *first = d;
  if (!*last || d > **last) *last = d;
}
}  // namespace

struct StorySummarizer::State {
  std::map<std::string, StorySummary> s;
  std::map<std::string, StorylineSummary> l;
  std::map<std::string, std::set<std::string>> s_out, l_out, l_stories;
  std::map<std::string, std::vector<std::string>> copies;  // story -> its copies, in order
};

StorySummarizer::StorySummarizer() : s_(std::make_unique<State>()) {}
StorySummarizer::~StorySummarizer() = default;

void StorySummarizer::Add(const Document& d) {
  if (!d.story || !d.storyline) return;
  StorySummary& st = s_->s[*d.story];
  st.id = *d.story;
  st.storyline = *d.storyline;
  if (st.title.empty() && d.title && !d.duplicate_of) st.title = *d.title;
  if (d.duplicate_of) {
    s_->copies[st.id].push_back(d.id);
    st.copies[*d.duplicate_of].push_back(d.id);
  } else {
    st.documents.push_back(d.id);  // reversed in Finish
  }
  Widen(d.published, &st.first_date, &st.last_date);
  if (d.outlet) s_->s_out[st.id].insert(*d.outlet), s_->l_out[st.storyline].insert(*d.outlet);
  StorylineSummary& sl = s_->l[*d.storyline];
  sl.id = *d.storyline;
  if (sl.title.empty() && d.title) sl.title = *d.title;
  ++sl.documents;
  s_->l_stories[sl.id].insert(st.id);
  Widen(d.published, &sl.first_date, &sl.last_date);
}

void StorySummarizer::Finish(std::vector<StorySummary>* stories, std::vector<StorylineSummary>* storylines) {
  State& x = *s_;
  // Documents: canonical copies first, the latest first, then the copies.
  for (auto& [id, st] : x.s) {
    std::reverse(st.documents.begin(), st.documents.end());
    const std::vector<std::string>& c = x.copies[id];
    st.documents.insert(st.documents.end(), c.begin(), c.end());
    st.outlets.assign(x.s_out[id].begin(), x.s_out[id].end());
    stories->push_back(std::move(st));
  }
  for (auto& [id, sl] : x.l) {
    sl.outlets.assign(x.l_out[id].begin(), x.l_out[id].end());
    sl.stories.assign(x.l_stories[id].begin(), x.l_stories[id].end());
    storylines->push_back(std::move(sl));
  }
  s_ = std::make_unique<State>();
}

void Summarize(const std::vector<Document>& docs, std::vector<StorySummary>* stories,
               std::vector<StorylineSummary>* storylines) {
  StorySummarizer summarizer;
  for (const Document& d : docs) summarizer.Add(d);
  summarizer.Finish(stories, storylines);
}

SummaryRow SummaryRowOf(const Document& d) {
  return {d.id, d.story.value_or(""), d.storyline.value_or(""), d.outlet, d.title, d.published, d.duplicate_of};
}

StorySummary SummarizeStory(const std::vector<SummaryRow>& rows) {
  StorySummary st;
  st.id = rows.front().story;
  std::vector<std::string> copies;  // in order
  std::set<std::string> outlets;
  for (const SummaryRow& r : rows) {
    st.storyline = r.storyline;  // the last one's, as StorySummarizer keeps it
    if (st.title.empty() && r.title && !r.duplicate_of) st.title = *r.title;
    if (r.duplicate_of) {
      copies.push_back(r.id);
      st.copies[*r.duplicate_of].push_back(r.id);
    } else {
      st.documents.push_back(r.id);
    }
    Widen(r.published, &st.first_date, &st.last_date);
    if (r.outlet) outlets.insert(*r.outlet);
  }
  // Documents: canonical copies first, the latest first, then the copies.
  std::reverse(st.documents.begin(), st.documents.end());
  st.documents.insert(st.documents.end(), copies.begin(), copies.end());
  st.outlets.assign(outlets.begin(), outlets.end());
  return st;
}

StorylineSummary SummarizeStoryline(const std::vector<SummaryRow>& rows) {
  StorylineSummary sl;
  sl.id = rows.front().storyline;
  std::set<std::string> outlets, stories;
  for (const SummaryRow& r : rows) {
    if (sl.title.empty() && r.title) sl.title = *r.title;
    ++sl.documents;
    stories.insert(r.story);
    if (r.outlet) outlets.insert(*r.outlet);
    Widen(r.published, &sl.first_date, &sl.last_date);
  }
  sl.outlets.assign(outlets.begin(), outlets.end());
  sl.stories.assign(stories.begin(), stories.end());
  return sl;
}

}  // namespace dateline
