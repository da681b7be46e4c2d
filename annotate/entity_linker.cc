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
#include "base/string_pool.h"

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

constexpr uint32_t kNone = StringPool::kNone;

// One merge key's share of the corpus, in input order (its (document, local
// id) pairs are in the EntityPairStore under its index). Strings are pool
// ids; the lists (votes, variants, roles) are chains of cells in shared
// arrays, first seen first: most groups are one name in one document, and a
// few fixed-size cells cost far less than a struct of vectors and strings.
struct Group {
  uint32_t key, first_name, link = kNone;
  uint32_t doc_count = 0;  // distinct documents (those of its pairs)
  uint32_t last_doc = kNone;
  uint32_t types = kNone, names = kNone;  // vote chains
  uint32_t variants = kNone, roles = kNone;  // value chains
  int64_t mentions = 0;
};
struct VoteCell {
  uint32_t value;
  int votes;
  uint32_t next;
};
struct ValueCell {
  uint32_t value, next;
};
struct MemberCell {
  uint32_t doc, local, next;  // document index, interned local id
};

// The pairs in memory: chains of cells, one per group.
class MemoryEntityPairs : public EntityPairStore {
 public:
  Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view local) override {
    if (doc >= doc_ids_.size()) doc_ids_.resize(doc + 1, kNone);
    if (doc_ids_[doc] == kNone) doc_ids_[doc] = strings_.Intern(doc_id);
    if (group >= heads_.size()) heads_.resize(group + 1, {kNone, kNone});
    const uint32_t cell = static_cast<uint32_t>(cells_.size());
    cells_.push_back({doc, strings_.Intern(local), kNone});
    auto& [head, tail] = heads_[group];
    (head == kNone ? head : cells_[tail].next) = cell;
    tail = cell;
    return Status::Ok();
  }
  Status ForGroup(uint32_t group,
                  const std::function<void(uint32_t, std::string_view, std::string_view)>& fn) override {
    if (group >= heads_.size()) return Status::Ok();
    for (uint32_t c = heads_[group].first; c != kNone; c = cells_[c].next)
      fn(cells_[c].doc, strings_.Get(doc_ids_[cells_[c].doc]), strings_.Get(cells_[c].local));
    return Status::Ok();
  }

 private:
  StringPool strings_;  // document and local ids
  std::vector<uint32_t> doc_ids_;  // document -> pool id
  std::vector<std::pair<uint32_t, uint32_t>> heads_;  // group -> first and last cell
  std::vector<MemberCell> cells_;
};

}  // namespace

std::unique_ptr<EntityPairStore> NewMemoryEntityPairs() { return std::make_unique<MemoryEntityPairs>(); }

std::string GlobalEntityId(const std::string& type, const std::string& name) {
  Entity e;
  e.type = type;
  e.name = name;
  return IdOf(MergeKey(e));
}


struct EntityLinker::State {
  std::unique_ptr<EntityPairStore> own_pairs;  // when none is given
  EntityPairStore* pairs = nullptr;
  uint32_t documents = 0;  // added so far
  StringPool strings;  // keys, names, types, variants, roles
  std::vector<Group> groups;
  std::vector<uint32_t> group_of;  // pool id of a key -> its group (kNone elsewhere)
  std::vector<VoteCell> votes;
  std::vector<ValueCell> values;
  // After Link(): the merged sets of groups, in output order (set m is
  // merged_groups[merged_start[m], merged_start[m + 1])), and the hashes
  // their ids are made of.
  std::vector<uint32_t> merged_groups, merged_start;
  std::vector<uint64_t> merged_ids;

  // Adds n votes for value to the chain at *head (appended when new).
  void Vote(uint32_t value, int n, uint32_t* head) {
    uint32_t* at = head;
    for (; *at != kNone; at = &votes[*at].next)
      if (votes[*at].value == value) {
        votes[*at].votes += n;
        return;
      }
    *at = static_cast<uint32_t>(votes.size());
    votes.push_back({value, n, kNone});
  }
  // Appends value to the chain at *head unless it is there.
  void AddUnique(uint32_t value, uint32_t* head) {
    uint32_t* at = head;
    for (; *at != kNone; at = &values[*at].next)
      if (values[*at].value == value) return;
    *at = static_cast<uint32_t>(values.size());
    values.push_back({value, kNone});
  }
};

EntityLinker::EntityLinker(EntityPairStore* pairs) : s_(new State) {
  if (!pairs) s_->own_pairs = NewMemoryEntityPairs(), pairs = s_->own_pairs.get();
  s_->pairs = pairs;
}
EntityLinker::~EntityLinker() = default;

Status EntityLinker::Add(const Document& doc) {
  State& s = *s_;
  const uint32_t d = s.documents++;
  for (const Entity& e : doc.entities) {
    uint32_t key = s.strings.Intern(MergeKey(e));
    if (key >= s.group_of.size()) s.group_of.resize(s.strings.size(), kNone);
    uint32_t name = s.strings.Intern(e.name);
    if (s.group_of[key] == kNone) {
      s.group_of[key] = static_cast<uint32_t>(s.groups.size());
      s.groups.emplace_back();
      s.groups.back().key = key;
      s.groups.back().first_name = name;
    }
    const uint32_t gi = s.group_of[key];
    const uint32_t type = s.strings.Intern(e.type);
    s.Vote(type, static_cast<int>(e.mentions.size()), &s.groups[gi].types);
    s.Vote(name, 1, &s.groups[gi].names);
    for (const auto& v : e.variants) s.AddUnique(s.strings.Intern(v), &s.groups[gi].variants);
    for (const auto& r : e.roles) s.AddUnique(s.strings.Intern(r), &s.groups[gi].roles);
    Group& g = s.groups[gi];
    g.mentions += static_cast<int64_t>(e.mentions.size());
    if (g.last_doc != d) ++g.doc_count, g.last_doc = d;  // a document's entities come together
    if (e.link && g.link == kNone) g.link = s.strings.Intern(*e.link);
    if (Status st = s.pairs->Add(gi, d, doc.id, e.id); !st.ok()) return st;
  }
  return Status::Ok();
}

Result<size_t> EntityLinker::Link() {
  const State& s = *s_;
  const std::vector<Group>& groups = s.groups;
  // Groups in key order (as the output ids and the merge direction depend on it).
  std::vector<uint32_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return s.strings.Get(groups[a].key) < s.strings.Get(groups[b].key); });
  const size_t n = order.size();
  auto key = [&](size_t i) { return s.strings.Get(groups[order[i]].key); };
  auto first_name = [&](size_t i) { return s.strings.Get(groups[order[i]].first_name); };
  auto doc_count = [&](size_t i) { return groups[order[i]].doc_count; };
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  // Surname-only people join the dominant full name with that surname.
  std::unordered_map<std::string_view, std::vector<size_t>> by_surname;
  std::unordered_map<std::string, std::vector<size_t>> by_initials;
  for (size_t i = 0; i < n; ++i) {
    std::string_view k = key(i);
    if (k.rfind("P:", 0) == 0 && k.find(' ') != std::string_view::npos) by_surname[k.substr(k.rfind(' ') + 1)].push_back(i);
    if (k.rfind("N:", 0) == 0) {
      std::string ini = Initials(first_name(i));
      if (ini.size() >= 2) by_initials[ini].push_back(i);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    std::string_view k = key(i);
    std::string_view name = first_name(i);
    std::vector<size_t> cands;
    if (k.rfind("P:", 0) == 0 && k.find(' ') == std::string_view::npos) {
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
      for (uint32_t r = from; r < to; ++r) {
        Status st = s.pairs->ForGroup(order[by_root[r].second],
                                      [&](uint32_t doc, std::string_view, std::string_view) { seen.insert(doc); });
        if (!st.ok()) return st;
      }
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

Status EntityLinker::Emit(const std::function<void(GlobalEntity&&)>& fn) const {
  const State& s = *s_;
  auto add_unique = [](std::string_view v, std::vector<std::string>* into) {
    if (std::find(into->begin(), into->end(), v) == into->end()) into->emplace_back(v);
  };
  for (size_t m = 0; m < s.merged_ids.size(); ++m) {
    GlobalEntity g;
    std::map<std::string, int> type_votes, name_votes;
    std::unordered_set<uint32_t> seen;
    for (uint32_t at = s.merged_start[m]; at < s.merged_start[m + 1]; ++at) {
      const Group& gr = s.groups[s.merged_groups[at]];
      Status st = s.pairs->ForGroup(s.merged_groups[at], [&](uint32_t doc, std::string_view doc_id, std::string_view local) {
        g.members.emplace_back(doc_id, local);
        if (seen.insert(doc).second) g.documents.emplace_back(doc_id);
      });
      if (!st.ok()) return st;
      for (uint32_t c = gr.types; c != kNone; c = s.votes[c].next) type_votes[s.strings.Str(s.votes[c].value)] += s.votes[c].votes;
      for (uint32_t c = gr.names; c != kNone; c = s.votes[c].next) name_votes[s.strings.Str(s.votes[c].value)] += s.votes[c].votes;
      g.mentions += gr.mentions;
      for (uint32_t c = gr.variants; c != kNone; c = s.values[c].next) add_unique(s.strings.Get(s.values[c].value), &g.variants);
      for (uint32_t c = gr.roles; c != kNone; c = s.values[c].next) add_unique(s.strings.Get(s.values[c].value), &g.roles);
      if (gr.link != kNone && !g.link) g.link = s.strings.Str(gr.link);
    }
    for (const auto& [t, c] : type_votes)
      if (g.type.empty() || c > type_votes[g.type]) g.type = t;
    // Name: the most words, then the most documents, then alphabetical.
    for (const auto& [nm, c] : name_votes)
      if (g.name.empty() || Words(nm) > Words(g.name) || (Words(nm) == Words(g.name) && c > name_votes[g.name]))
        g.name = nm;
    g.id = IdOf(s.merged_ids[m]);
    if (g.link) g.link_id = GlobalEntityId("PLACE", *g.link);
    fn(std::move(g));
  }
  return Status::Ok();
}

std::vector<GlobalEntity> LinkEntities(const std::vector<Document>& docs) {
  EntityLinker linker;  // pairs in memory: no errors
  for (const Document& d : docs) linker.Add(d);
  std::vector<GlobalEntity> out;
  out.reserve(linker.Link().value());
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
