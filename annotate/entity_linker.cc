// Cross-document entity linking (see entity_linker.h).
#include "annotate/entity_linker.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "annotate/entity_names.h"
#include "base/hash.h"

namespace dateline {
namespace {

std::string MergeKey(const Entity& e) {
  std::vector<std::string> w = NameKeyWords(e.name);
  if (e.type == "PERSON") {
    if (w.empty()) return "P:";
    return w.size() == 1 ? "P:" + w[0] : "P:" + w.front() + " " + w.back();
  }
  std::string k = "N:";
  for (size_t i = 0; i < w.size(); ++i) k += (i ? " " : "") + w[i];
  return k;
}

std::string IdOf(uint64_t key_hash) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "ent_%016llx", static_cast<unsigned long long>(key_hash));
  return buf;
}
std::string IdOf(const std::string& key) { return IdOf(Hash64(key)); }

size_t Words(const std::string& s) { return NameKeyWords(s).size(); }

// Union-find over group indices.
size_t Find(std::vector<size_t>* parent, size_t x) {
  while ((*parent)[x] != x) x = (*parent)[x] = (*parent)[(*parent)[x]];
  return x;
}

// One merge key's share of the corpus, in input order.
struct Group {
  std::string key, first_name;
  // (value, votes), first seen first: a group has few distinct types and
  // names, and a vector costs far less than a map for a corpus of groups.
  std::vector<std::pair<std::string, int>> type_votes, name_votes;
  int64_t mentions = 0;
  std::vector<std::string> variants, roles;  // first seen first
  std::optional<std::string> link;
  uint32_t doc_count = 0;                     // distinct documents (those of members)
  uint32_t last_doc = UINT32_MAX;
  std::vector<std::pair<uint32_t, uint32_t>> members;  // (document, interned local id), documents in order
};

void Vote(const std::string& value, int votes, std::vector<std::pair<std::string, int>>* into) {
  for (auto& [v, n] : *into)
    if (v == value) {
      n += votes;
      return;
    }
  into->emplace_back(value, votes);
}

void AddUnique(const std::string& v, std::vector<std::string>* into) {
  if (std::find(into->begin(), into->end(), v) == into->end()) into->push_back(v);
}

}  // namespace

std::string GlobalEntityId(const std::string& type, const std::string& name) {
  Entity e;
  e.type = type;
  e.name = name;
  return IdOf(MergeKey(e));
}


struct EntityLinker::State {
  std::vector<std::string> doc_ids;
  std::vector<std::string> local_ids;  // interned local entity ids
  std::unordered_map<std::string, uint32_t> local_index;
  std::vector<Group> groups;
  std::unordered_map<std::string, uint32_t> by_key;
  // After Link(): the merged sets of groups, in output order (set m is
  // merged_groups[merged_start[m], merged_start[m + 1])), and the hashes
  // their ids are made of.
  std::vector<uint32_t> merged_groups, merged_start;
  std::vector<uint64_t> merged_ids;
};

EntityLinker::EntityLinker() : s_(new State) {}
EntityLinker::~EntityLinker() = default;

void EntityLinker::Add(const Document& doc) {
  uint32_t d = static_cast<uint32_t>(s_->doc_ids.size());
  s_->doc_ids.push_back(doc.id);
  for (const Entity& e : doc.entities) {
    std::string key = MergeKey(e);
    auto [it, added] = s_->by_key.emplace(key, static_cast<uint32_t>(s_->groups.size()));
    if (added) {
      s_->groups.emplace_back();
      s_->groups.back().key = std::move(key);
      s_->groups.back().first_name = e.name;
    }
    Group& g = s_->groups[it->second];
    Vote(e.type, static_cast<int>(e.mentions.size()), &g.type_votes);
    Vote(e.name, 1, &g.name_votes);
    g.mentions += static_cast<int64_t>(e.mentions.size());
    auto [local, fresh] = s_->local_index.emplace(e.id, static_cast<uint32_t>(s_->local_ids.size()));
    if (fresh) s_->local_ids.push_back(e.id);
    g.members.push_back({d, local->second});
    if (g.last_doc != d) ++g.doc_count, g.last_doc = d;  // a document's entities come together
    for (const auto& v : e.variants) AddUnique(v, &g.variants);
    for (const auto& r : e.roles) AddUnique(r, &g.roles);
    if (e.link && !g.link) g.link = e.link;
  }
}

size_t EntityLinker::Link() {
  std::vector<Group>& groups = s_->groups;
  // Groups in key order (as the output ids and the merge direction depend on it).
  std::vector<uint32_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return groups[a].key < groups[b].key; });
  const size_t n = order.size();
  auto key = [&](size_t i) -> const std::string& { return groups[order[i]].key; };
  auto doc_count = [&](size_t i) { return groups[order[i]].doc_count; };
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  // Surname-only people join the dominant full name with that surname.
  std::unordered_map<std::string, std::vector<size_t>> by_surname, by_initials;
  for (size_t i = 0; i < n; ++i) {
    const std::string& k = key(i);
    if (k.rfind("P:", 0) == 0 && k.find(' ') != std::string::npos) by_surname[k.substr(k.rfind(' ') + 1)].push_back(i);
    if (k.rfind("N:", 0) == 0) {
      std::string ini = Initials(groups[order[i]].first_name);
      if (ini.size() >= 2) by_initials[ini].push_back(i);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string& k = key(i);
    const std::string& name = groups[order[i]].first_name;
    std::vector<size_t> cands;
    if (k.rfind("P:", 0) == 0 && k.find(' ') == std::string::npos) {
      auto it = by_surname.find(k.substr(2));
      if (it != by_surname.end()) cands = it->second;
    } else if (k.rfind("N:", 0) == 0 && IsAcronym(name)) {
      auto it = by_initials.find(AcronymKey(name));
      if (it != by_initials.end()) cands = it->second;
    }
    if (cands.empty()) continue;
    std::stable_sort(cands.begin(), cands.end(), [&](size_t a, size_t b) { return doc_count(a) > doc_count(b); });
    if (cands.size() > 1 && doc_count(cands[0]) < 2 * doc_count(cands[1])) continue;  // ambiguous
    parent[Find(&parent, i)] = Find(&parent, cands[0]);
  }
  // Merged sets, each listed from its root's key order, members ascending:
  // (root, i) pairs sorted, each set a run of them.
  std::vector<std::pair<uint32_t, uint32_t>> by_root(n);
  for (size_t i = 0; i < n; ++i) by_root[i] = {static_cast<uint32_t>(Find(&parent, i)), static_cast<uint32_t>(i)};
  std::sort(by_root.begin(), by_root.end());
  struct Out {
    size_t documents;
    uint64_t id;  // hash of the root's key (IdOf's hex digits, in the same order)
    uint32_t from, to;  // its run in by_root
  };
  std::vector<Out> out;
  for (uint32_t from = 0, to; from < n; from = to) {
    for (to = from + 1; to < n && by_root[to].first == by_root[from].first;) ++to;
    size_t documents = groups[order[by_root[from].second]].doc_count;
    if (to - from > 1) {
      std::unordered_set<uint32_t> seen;
      for (uint32_t r = from; r < to; ++r)
        for (const auto& m : groups[order[by_root[r].second]].members) seen.insert(m.first);
      documents = seen.size();
    }
    out.push_back({documents, Hash64(key(by_root[from].first)), from, to});
  }
  std::sort(out.begin(), out.end(), [](const Out& a, const Out& b) {
    return a.documents != b.documents ? a.documents > b.documents : a.id < b.id;
  });
  s_->merged_groups.clear();
  s_->merged_start.assign(1, 0);
  s_->merged_ids.clear();
  for (const Out& o : out) {
    for (uint32_t r = o.from; r < o.to; ++r) s_->merged_groups.push_back(order[by_root[r].second]);
    s_->merged_start.push_back(static_cast<uint32_t>(s_->merged_groups.size()));
    s_->merged_ids.push_back(o.id);
  }
  return s_->merged_ids.size();
}

void EntityLinker::Emit(const std::function<void(GlobalEntity&&)>& fn) const {
  const std::vector<Group>& groups = s_->groups;
  for (size_t m = 0; m < s_->merged_ids.size(); ++m) {
    GlobalEntity g;
    std::map<std::string, int> type_votes, name_votes;
    std::unordered_set<uint32_t> seen;
    for (uint32_t at = s_->merged_start[m]; at < s_->merged_start[m + 1]; ++at) {
      const Group& gr = groups[s_->merged_groups[at]];
      for (const auto& [t, v] : gr.type_votes) type_votes[t] += v;
      for (const auto& [t, v] : gr.name_votes) name_votes[t] += v;
      g.mentions += gr.mentions;
      for (const auto& [d, local] : gr.members) g.members.push_back({s_->doc_ids[d], s_->local_ids[local]});
      for (const auto& m : gr.members)
        if (seen.insert(m.first).second) g.documents.push_back(s_->doc_ids[m.first]);
      for (const auto& v : gr.variants) AddUnique(v, &g.variants);
      for (const auto& r : gr.roles) AddUnique(r, &g.roles);
      if (gr.link && !g.link) g.link = gr.link;
    }
    for (const auto& [t, c] : type_votes)
      if (g.type.empty() || c > type_votes[g.type]) g.type = t;
    // Name: the most words, then the most documents, then alphabetical.
    for (const auto& [nm, c] : name_votes)
      if (g.name.empty() || Words(nm) > Words(g.name) || (Words(nm) == Words(g.name) && c > name_votes[g.name]))
        g.name = nm;
    g.id = IdOf(s_->merged_ids[m]);
    if (g.link) g.link_id = GlobalEntityId("PLACE", *g.link);
    fn(std::move(g));
  }
}

std::vector<GlobalEntity> LinkEntities(const std::vector<Document>& docs) {
  EntityLinker linker;
  for (const Document& d : docs) linker.Add(d);
  std::vector<GlobalEntity> out;
  out.reserve(linker.Link());
  linker.Emit([&](GlobalEntity&& g) { out.push_back(std::move(g)); });
  return out;
}

nlohmann::json EntityRecordJson(const GlobalEntity& e) {
  nlohmann::json j = {{"id", e.id},       {"name", e.name},         {"type", e.type},
                      {"variants", e.variants}, {"roles", e.roles}, {"documents", e.documents},
                      {"document_count", e.documents.size()}, {"mentions", e.mentions}};
  if (e.link) j["link"] = *e.link;
  if (e.link_id) j["link_id"] = *e.link_id;
  nlohmann::json members = nlohmann::json::array();
  for (const auto& [d, id] : e.members) members.push_back({{"document", d}, {"entity", id}});
  j["members"] = members;
  return j;
}

std::vector<std::pair<std::string, nlohmann::json>> EntityRecords(const std::vector<Document>& docs) {
  std::vector<std::pair<std::string, nlohmann::json>> rows;
  for (const GlobalEntity& e : LinkEntities(docs)) rows.emplace_back(e.id, EntityRecordJson(e));
  return rows;
}

}  // namespace dateline
