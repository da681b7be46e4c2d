// Mentions -> entities within one document (see entity_grouping.h).
#include "annotate/entity_grouping.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "annotate/entity_names.h"

namespace dateline {
namespace {

struct Cluster {
  std::vector<size_t> members;  // mention indices, in text order
  bool person = false;
  size_t merged_into = SIZE_MAX;
};

std::string Join(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
  return s;
}

size_t WordCount(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Chooses among candidate clusters the one mentioned last before `pos`
// (else the first one).
size_t Closest(const std::vector<size_t>& cands, const std::vector<Cluster>& clusters,
               const std::vector<EntityMention>& mentions, int64_t pos) {
  size_t best = cands.front();
  int64_t best_pos = -1;
  for (size_t c : cands)
    for (size_t m : clusters[c].members)
      if (mentions[m].span.begin < pos && mentions[m].span.begin > best_pos) {
        best_pos = mentions[m].span.begin;
        best = c;
      }
  return best;
}

std::string PickName(const Cluster& c, const std::vector<EntityMention>& mentions) {
  std::map<std::string, int> freq;
  for (size_t m : c.members) ++freq[mentions[m].text];
  std::string best;
  for (size_t m : c.members) {
    const std::string& t = mentions[m].text;
    if (best.empty()) { best = t; continue; }
    size_t wt = WordCount(t), wb = WordCount(best);
    bool better = c.person ? (wt > wb || (wt == wb && freq[t] > freq[best]))
                           : (freq[t] > freq[best] || (freq[t] == freq[best] && t.size() > best.size()));
    if (better) best = t;
  }
  return best;
}

std::string VoteType(const Cluster& c, const std::vector<EntityMention>& mentions) {
  if (c.person) return "PERSON";
  std::map<std::string, int> votes;
  for (size_t m : c.members) ++votes[mentions[m].type];
  std::string best = mentions[c.members.front()].type;
  for (const auto& [t, n] : votes)
    if (n > votes[best]) best = t;
  return best;
}

}  // namespace

std::vector<Entity> GroupMentions(const std::vector<EntityMention>& mentions, const std::vector<std::string>& roles,
                                  const CountryTable& countries) {
  size_t n = mentions.size();
  std::vector<std::vector<std::string>> keys(n);
  std::vector<const CountryTable::Entry*> country(n, nullptr);
  for (size_t m = 0; m < n; ++m) {
    keys[m] = NameKeyWords(mentions[m].text);
    country[m] = countries.Find(mentions[m].text);
  }
  std::vector<Cluster> clusters;
  std::vector<size_t> cluster_of(n, SIZE_MAX);
  std::unordered_map<std::string, size_t> by_key;
  std::unordered_map<std::string, std::vector<size_t>> by_surname;
  auto add = [&](size_t c, size_t m) {
    clusters[c].members.push_back(m);
    cluster_of[m] = c;
  };
  // 1. Full person names (two or more words), keyed by first + last word.
  for (size_t m = 0; m < n; ++m) {
    if (mentions[m].type != "PERSON" || keys[m].size() < 2 || country[m]) continue;
    std::string key = "P:" + keys[m].front() + " " + keys[m].back();
    auto [it, fresh] = by_key.emplace(key, clusters.size());
    if (fresh) {
      clusters.push_back({});
      clusters.back().person = true;
      by_surname[keys[m].back()].push_back(it->second);
    }
    add(it->second, m);
  }
  // 2. Single words that are a known surname: the same person.
  for (size_t m = 0; m < n; ++m) {
    if (cluster_of[m] != SIZE_MAX || keys[m].size() != 1 || country[m]) continue;
    auto it = by_surname.find(keys[m][0]);
    if (it == by_surname.end()) continue;
    add(Closest(it->second, clusters, mentions, mentions[m].span.begin), m);
  }
  // 3. Everything else by its folded name; countries by their canonical name.
  for (size_t m = 0; m < n; ++m) {
    if (cluster_of[m] != SIZE_MAX) continue;
    bool is_country = country[m] && (country[m]->kind == CountryTable::Kind::kCountry ||
                                     country[m]->kind == CountryTable::Kind::kAlias);
    std::string key = is_country ? "C:" + country[m]->country
                                 : (mentions[m].type == "PERSON" ? "P:" : "N:") + Join(keys[m]);
    auto [it, fresh] = by_key.emplace(key, clusters.size());
    if (fresh) {
      clusters.push_back({});
      clusters.back().person = mentions[m].type == "PERSON" && !country[m];
    }
    add(it->second, m);
  }
  // 4. Acronyms join the entity whose name has those initials.
  std::unordered_map<std::string, size_t> by_initials;
  for (size_t c = 0; c < clusters.size(); ++c)
    for (size_t m : clusters[c].members) {
      std::string ini = Initials(mentions[m].text);
      if (ini.size() >= 2 && !clusters[c].person) by_initials.emplace(ini, c);
    }
  for (size_t c = 0; c < clusters.size(); ++c) {
    const std::string& t = mentions[clusters[c].members.front()].text;
    if (clusters[c].person || !IsAcronym(t) || country[clusters[c].members.front()]) continue;
    auto it = by_initials.find(AcronymKey(t));
    if (it == by_initials.end() || it->second == c) continue;
    for (size_t m : clusters[c].members) add(it->second, m);
    clusters[c].members.clear();
  }
  // 5. Entities in order of first mention.
  std::vector<size_t> order;
  for (size_t c = 0; c < clusters.size(); ++c)
    if (!clusters[c].members.empty()) {
      std::sort(clusters[c].members.begin(), clusters[c].members.end());
      order.push_back(c);
    }
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return clusters[a].members.front() < clusters[b].members.front(); });
  std::vector<Entity> out;
  for (size_t c : order) {
    const Cluster& cl = clusters[c];
    Entity e;
    e.id = "e" + std::to_string(out.size());
    e.name = PickName(cl, mentions);
    e.type = VoteType(cl, mentions);
    for (size_t m : cl.members) {
      e.mentions.push_back(mentions[m].span);
      if (std::find(e.variants.begin(), e.variants.end(), mentions[m].text) == e.variants.end())
        e.variants.push_back(mentions[m].text);
      if (!roles[m].empty() && std::find(e.roles.begin(), e.roles.end(), roles[m]) == e.roles.end())
        e.roles.push_back(roles[m]);
      const CountryTable::Entry* ce = country[m];
      if (!ce || cl.person) continue;
      if (ce->kind == CountryTable::Kind::kCountry || ce->kind == CountryTable::Kind::kAlias) {
        e.name = ce->country;
        e.type = "PLACE";
      } else if (!e.link) {
        e.link = ce->country;
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace dateline
