// Summarize(): story and storyline summaries from stored documents.
#include <algorithm>
#include <set>

#include "stories/stories.h"

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

void Summarize(const std::vector<Document>& docs, std::vector<StorySummary>* stories,
               std::vector<StorylineSummary>* storylines) {
  std::map<std::string, StorySummary> s;
  std::map<std::string, StorylineSummary> l;
  std::map<std::string, std::set<std::string>> s_out, l_out, l_stories;
  std::map<std::string, std::vector<std::string>> copies;  // story -> its copies, in order
  for (const Document& d : docs) {
    if (!d.story || !d.storyline) continue;
    StorySummary& st = s[*d.story];
    st.id = *d.story;
    st.storyline = *d.storyline;
    if (st.title.empty() && d.title && !d.duplicate_of) st.title = *d.title;
    if (d.duplicate_of) {
      copies[st.id].push_back(d.id);
      st.copies[*d.duplicate_of].push_back(d.id);
    } else {
      st.documents.push_back(d.id);  // reversed below
    }
    Widen(d.published, &st.first_date, &st.last_date);
    if (d.outlet) s_out[st.id].insert(*d.outlet), l_out[st.storyline].insert(*d.outlet);
    StorylineSummary& sl = l[*d.storyline];
    sl.id = *d.storyline;
    if (sl.title.empty() && d.title) sl.title = *d.title;
    ++sl.documents;
    l_stories[sl.id].insert(st.id);
    Widen(d.published, &sl.first_date, &sl.last_date);
  }
  // Documents: canonical copies first, the latest first, then the copies.
  for (auto& [id, st] : s) {
    std::reverse(st.documents.begin(), st.documents.end());
    const std::vector<std::string>& c = copies[id];
    st.documents.insert(st.documents.end(), c.begin(), c.end());
    st.outlets.assign(s_out[id].begin(), s_out[id].end());
    stories->push_back(std::move(st));
  }
  for (auto& [id, sl] : l) {
    sl.outlets.assign(l_out[id].begin(), l_out[id].end());
    sl.stories.assign(l_stories[id].begin(), l_stories[id].end());
    storylines->push_back(std::move(sl));
  }
}

}  // namespace dateline
