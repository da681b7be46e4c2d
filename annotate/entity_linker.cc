// Cross-document entity linking (see entity_linker.h).
#include "annotate/entity_linker.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_set>

#include "annotate/entity_names.h"
#include "base/block_vector.h"
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

// Union-find over key positions.
uint32_t Find(std::vector<uint32_t>* parent, uint32_t x) {
  while ((*parent)[x] != x) x = (*parent)[x] = (*parent)[(*parent)[x]];
  return x;
}

constexpr uint32_t kNone = StringPool::kNone;

// One merge key's share of the corpus: what linking reads, in 20 bytes. The
// key itself is in the EntityRowStore (AddKey), read back in key order by
// Link(); so are its documents' entities (names, types, mentions, variants,
// roles, links), under the group's index, read back when it is emitted. Of
// its first name, linking reads only the initials (of a non-person's name)
// and, for an acronym, the initials it stands for: hashes of them, kept apart
// for the few groups that have them (State::initials, State::acronyms).
#pragma pack(push, 4)
struct Group {
  uint64_t key_hash;        // Hash64(key): the id of the entity it roots
  uint32_t check;           // another hash of the key (96 bits tell keys apart)
  uint32_t doc_count = 0;   // distinct documents
  uint32_t last_doc = kNone;
};
#pragma pack(pop)
static_assert(sizeof(Group) == 20);

// A group and the hash of a string of its first name (initials, acronym).
#pragma pack(push, 4)
struct Tagged {
  uint32_t group;
  uint64_t hash;
};
#pragma pack(pop)
static_assert(sizeof(Tagged) == 12);

uint32_t CheckHash(std::string_view key) { return static_cast<uint32_t>(Hash64(key, 0x9e3779b97f4a7c15ULL)); }

// An entity as the row store keeps it: its fields, each a decimal length,
// ':', then the bytes; a list is its length then its items. (Entity mentions
// only count: their number is kept.)
void Put(std::string_view v, std::string* out) {
  (*out += std::to_string(v.size())) += ':';
  out->append(v.data(), v.size());
}
std::string Encode(const Entity& e) {
  std::string out;
  Put(e.id, &out);
  Put(e.name, &out);
  Put(e.type, &out);
  Put(std::to_string(e.mentions.size()), &out);
  Put(e.link ? "1" : "0", &out);
  Put(e.link.value_or(""), &out);
  for (const auto* list : {&e.variants, &e.roles}) {
    Put(std::to_string(list->size()), &out);
    for (const std::string& v : *list) Put(v, &out);
  }
  return out;
}

// Reads the fields Encode wrote, in order; false once the input ends or is
// malformed.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool Next(std::string_view* v) {
    size_t colon = in_.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10) return false;
    size_t n = 0;
    for (char c : in_.substr(0, colon)) {
      if (c < '0' || c > '9') return false;
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    if (n > in_.size() - colon - 1) return false;
    *v = in_.substr(colon + 1, n);
    in_.remove_prefix(colon + 1 + n);
    return true;
  }
  bool Number(size_t* n) {
    std::string_view v;
    if (!Next(&v) || v.empty()) return false;
    *n = 0;
    for (char c : v) {
      if (c < '0' || c > '9') return false;
      *n = *n * 10 + static_cast<size_t>(c - '0');
    }
    return true;
  }

 private:
  std::string_view in_;
};

// A decoded row: views into the encoded entity.
struct EntityView {
  std::string_view id, name, type, link;
  bool has_link = false;
  size_t mentions = 0;
  std::vector<std::string_view> variants, roles;
};
bool Decode(std::string_view in, EntityView* e) {
  Decoder d(in);
  std::string_view has_link;
  if (!d.Next(&e->id) || !d.Next(&e->name) || !d.Next(&e->type) || !d.Number(&e->mentions) ||
      !d.Next(&has_link) || !d.Next(&e->link))
    return false;
  e->has_link = has_link == "1";
  for (auto* list : {&e->variants, &e->roles}) {
    size_t n = 0;
    if (!d.Number(&n)) return false;
    list->resize(n);
    for (std::string_view& v : *list)
      if (!d.Next(&v)) return false;
  }
  return true;
}

// The rows in memory: chains of cells, one per group.
class MemoryEntityRows : public EntityRowStore {
 public:
  Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view entity) override {
    if (doc >= doc_ids_.size()) doc_ids_.resize(doc + 1, kNone);
    if (doc_ids_[doc] == kNone) doc_ids_[doc] = strings_.Intern(doc_id);
    if (group >= heads_.size()) heads_.resize(group + 1, {kNone, kNone});
    const uint32_t cell = static_cast<uint32_t>(cells_.size());
    cells_.push_back({doc, strings_.Intern(entity), kNone});
    auto& [head, tail] = heads_[group];
    (head == kNone ? head : cells_[tail].next) = cell;
    tail = cell;
    return Status::Ok();
  }
  Status ForGroup(uint32_t group,
                  const std::function<void(uint32_t, std::string_view, std::string_view)>& fn) override {
    if (group >= heads_.size()) return Status::Ok();
    for (uint32_t c = heads_[group].first; c != kNone; c = cells_[c].next)
      fn(cells_[c].doc, strings_.Get(doc_ids_[cells_[c].doc]), strings_.Get(cells_[c].entity));
    return Status::Ok();
  }

  Status AddKey(uint32_t group, std::string_view key) override {
    keys_.emplace_back(group, strings_.Intern(key));
    return Status::Ok();
  }
  Status ForKeysInOrder(const std::function<void(uint32_t, std::string_view)>& fn) override {
    std::vector<std::pair<uint32_t, uint32_t>> sorted = keys_;
    std::sort(sorted.begin(), sorted.end(),
              [&](const auto& a, const auto& b) { return strings_.Get(a.second) < strings_.Get(b.second); });
    for (const auto& [group, key] : sorted) fn(group, strings_.Get(key));
    return Status::Ok();
  }

 private:
  struct Cell {
    uint32_t doc, entity, next;  // document index, interned encoded entity, next cell
  };
  std::vector<std::pair<uint32_t, uint32_t>> keys_;  // (group, pool id of its key)
  StringPool strings_;  // document ids, encoded entities, keys
  std::vector<uint32_t> doc_ids_;  // document -> pool id
  std::vector<std::pair<uint32_t, uint32_t>> heads_;  // group -> first and last cell
  std::vector<Cell> cells_;
};

}  // namespace

std::unique_ptr<EntityRowStore> NewMemoryEntityRows() { return std::make_unique<MemoryEntityRows>(); }

Status EntityRowStore::ForGroups(
    const std::vector<uint32_t>& groups,
    const std::function<void(size_t, uint32_t, std::string_view, std::string_view)>& fn) {
  for (size_t at = 0; at < groups.size(); ++at) {
    Status st = ForGroup(groups[at], [&](uint32_t doc, std::string_view doc_id, std::string_view entity) {
      fn(at, doc, doc_id, entity);
    });
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

std::string GlobalEntityId(const std::string& type, const std::string& name) {
  Entity e;
  e.type = type;
  e.name = name;
  return IdOf(MergeKey(e));
}

struct EntityLinker::State {
  std::unique_ptr<EntityRowStore> own_rows;  // when none is given
  EntityRowStore* rows = nullptr;
  uint32_t documents = 0;  // added so far
  BlockVector<Group> groups;
  // Groups by key: an open-addressing table of group indices (kNone: empty),
  // probed from the low bits of the key's hash; a power of two long, at most
  // three quarters full. Not base/flat_map.h: its slots hold their 64-bit key
  // (12 bytes), while here the key's 96 bits are in the group and a slot is
  // 4 bytes.
  std::vector<uint32_t> slots;
  // (group, hash of the initials / of what an acronym stands for), in group
  // order: N: keys whose first name has two or more initials, or is an acronym.
  BlockVector<Tagged> initials, acronyms;
  // After Link(): the merged sets of groups, in output order (set m is
  // merged_groups[merged_start[m], merged_start[m + 1])), and the hashes
  // their ids are made of.
  std::vector<uint32_t> merged_groups, merged_start;
  std::vector<uint64_t> merged_ids;

  // The group of key (hashes h, c), or kNone.
  uint32_t* Slot(uint64_t h, uint32_t c) {
    const size_t mask = slots.size() - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
      uint32_t& g = slots[at];
      if (g == kNone || (groups[g].key_hash == h && groups[g].check == c)) return &g;
    }
  }
  void Grow() {
    std::vector<uint32_t> old(std::max<size_t>(1024, slots.size() * 2), kNone);
    old.swap(slots);
    for (uint32_t g : old)
      if (g != kNone) *Slot(groups[g].key_hash, groups[g].check) = g;
  }
};

EntityLinker::EntityLinker(EntityRowStore* rows) : s_(new State) {
  if (!rows) s_->own_rows = NewMemoryEntityRows(), rows = s_->own_rows.get();
  s_->rows = rows;
}
EntityLinker::~EntityLinker() = default;

size_t EntityLinker::MemoryBytes() const {
  const State& s = *s_;
  return s.groups.MemoryBytes() + s.slots.capacity() * sizeof(uint32_t) + s.initials.MemoryBytes() +
         s.acronyms.MemoryBytes() +
         (s.merged_groups.capacity() + s.merged_start.capacity()) * sizeof(uint32_t) +
         s.merged_ids.capacity() * sizeof(uint64_t);
}

size_t EntityLinker::keys() const { return s_->groups.size(); }

Status EntityLinker::Add(const Document& doc) {
  State& s = *s_;
  const uint32_t d = s.documents++;
  for (const Entity& e : doc.entities) {
    const std::string key = MergeKey(e);
    const uint64_t h = Hash64(key);
    const uint32_t c = CheckHash(key);
    if ((s.groups.size() + 1) * 4 > s.slots.size() * 3) s.Grow();
    uint32_t* slot = s.Slot(h, c);
    if (*slot == kNone) {
      const uint32_t gi = *slot = static_cast<uint32_t>(s.groups.size());
      s.groups.push_back(Group{h, c});
      if (key.rfind("N:", 0) == 0) {
        if (std::string ini = Initials(e.name); ini.size() >= 2) s.initials.push_back({gi, Hash64(ini)});
        if (IsAcronym(e.name)) s.acronyms.push_back({gi, Hash64(AcronymKey(e.name))});
      }
      if (Status st = s.rows->AddKey(gi, key); !st.ok()) return st;
    }
    const uint32_t gi = *slot;
    Group& g = s.groups[gi];
    if (g.last_doc != d) ++g.doc_count, g.last_doc = d;  // a document's entities come together
    if (Status st = s.rows->Add(gi, d, doc.id, Encode(e)); !st.ok()) return st;
  }
  return Status::Ok();
}

Result<size_t> EntityLinker::Link() {
  const State& s = *s_;
  const BlockVector<Group>& groups = s.groups;
  // Groups in key order (as the output ids and the merge direction depend on
  // it): position i holds group order[i]. What linking reads of the keys is
  // gathered in the same pass, as hashes: the last word of each two-word
  // person key, the initials of the groups that have them, and which
  // positions look one of those up (a one-word person key: its word; an
  // acronym: what it stands for).
  struct Named {
    uint64_t hash;
    uint32_t i;
    bool operator<(const Named& o) const { return hash != o.hash ? hash < o.hash : i < o.i; }
  };
  struct Ask {
    uint32_t i;
    bool surname;  // else initials
    uint64_t hash;
  };
  std::vector<uint32_t> order;
  order.reserve(groups.size());
  std::vector<Named> surnames, initials;
  std::vector<Ask> asks;
  // The hash tagged to group g in v (in group order), if any.
  auto sparse = [](const BlockVector<Tagged>& v, uint32_t g, uint64_t* hash) {
    size_t lo = 0, hi = v.size();
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (v[mid].group < g) lo = mid + 1;
      else hi = mid;
    }
    if (lo == v.size() || v[lo].group != g) return false;
    *hash = v[lo].hash;
    return true;
  };
  Status st = s.rows->ForKeysInOrder([&](uint32_t g, std::string_view k) {
    const uint32_t i = static_cast<uint32_t>(order.size());
    order.push_back(g);
    const bool person = k.rfind("P:", 0) == 0;
    const size_t space = k.rfind(' ');
    if (person && space != std::string_view::npos) surnames.push_back({Hash64(k.substr(space + 1)), i});
    uint64_t hash;
    if (sparse(s.initials, g, &hash)) initials.push_back({hash, i});
    if (person && space == std::string_view::npos) {
      asks.push_back({i, true, Hash64(k.substr(2))});
    } else if (sparse(s.acronyms, g, &hash)) {
      asks.push_back({i, false, hash});
    }
  });
  if (!st.ok()) return st;
  if (order.size() != groups.size()) return Status::Internal("entity linker: the row store lost merge keys");
  const uint32_t n = static_cast<uint32_t>(order.size());
  auto doc_count = [&](uint32_t i) { return groups[order[i]].doc_count; };
  // Surname-only people join the dominant full name with that surname;
  // acronyms the dominant entity with those initials.
  std::sort(surnames.begin(), surnames.end());
  std::sort(initials.begin(), initials.end());
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<uint32_t> cands;
  for (const Ask& a : asks) {
    const std::vector<Named>& table = a.surname ? surnames : initials;
    auto lo = std::lower_bound(table.begin(), table.end(), Named{a.hash, 0});
    cands.clear();
    for (auto it = lo; it != table.end() && it->hash == a.hash; ++it) cands.push_back(it->i);
    if (cands.empty()) continue;
    std::stable_sort(cands.begin(), cands.end(), [&](uint32_t x, uint32_t y) { return doc_count(x) > doc_count(y); });
    if (cands.size() > 1 && doc_count(cands[0]) < 2 * doc_count(cands[1])) continue;  // ambiguous
    parent[Find(&parent, a.i)] = Find(&parent, cands[0]);
  }
  std::vector<Named>().swap(surnames);
  std::vector<Named>().swap(initials);
  std::vector<Ask>().swap(asks);
  // Merged sets, each listed from its root's key order, members ascending:
  // (root, i) pairs sorted, each set a run of them.
  std::vector<std::pair<uint32_t, uint32_t>> by_root(n);
  for (uint32_t i = 0; i < n; ++i) by_root[i] = {Find(&parent, i), i};
  std::vector<uint32_t>().swap(parent);
  std::sort(by_root.begin(), by_root.end());
  struct Out {
    size_t documents;
    uint64_t id;  // hash of the root's key (IdOf's hex digits, in the same order)
    uint32_t from, to;  // its run in by_root
  };
  std::vector<Out> out;
  // A set of several groups counts its distinct documents: the rows of all
  // such groups are read in one pass, set after set (owner: its set in out).
  std::vector<uint32_t> merged, owner;
  for (uint32_t from = 0, to; from < n; from = to) {
    for (to = from + 1; to < n && by_root[to].first == by_root[from].first;) ++to;
    out.push_back({groups[order[by_root[from].second]].doc_count, groups[order[by_root[from].first]].key_hash, from, to});
    if (to - from > 1)
      for (uint32_t r = from; r < to; ++r) merged.push_back(order[by_root[r].second]), owner.push_back(out.size() - 1);
  }
  std::unordered_set<uint32_t> seen;
  size_t counting = SIZE_MAX;  // the set whose documents are in seen
  st = s.rows->ForGroups(merged, [&](size_t at, uint32_t doc, std::string_view, std::string_view) {
    if (owner[at] != counting) seen.clear(), counting = owner[at];
    seen.insert(doc);
    out[counting].documents = seen.size();
  });
  if (!st.ok()) return st;
  std::vector<uint32_t>().swap(merged);
  std::vector<uint32_t>().swap(owner);
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
  auto vote = [](std::map<std::string, int, std::less<>>* votes, std::string_view v, int n) {
    auto it = votes->find(v);
    if (it == votes->end()) it = votes->emplace(std::string(v), 0).first;
    it->second += n;
  };
  // The entity being made: set m, from the rows of its groups (in key order,
  // each group's rows in input order), read for all sets in one pass.
  size_t m = 0;
  GlobalEntity g;
  std::map<std::string, int, std::less<>> type_votes, name_votes;
  std::unordered_set<uint32_t> seen;
  auto finish = [&] {
    for (const auto& [t, c] : type_votes)
      if (g.type.empty() || c > type_votes.find(g.type)->second) g.type = t;
    // Name: the most words, then the most documents, then alphabetical.
    for (const auto& [nm, c] : name_votes)
      if (g.name.empty() || Words(nm) > Words(g.name) || (Words(nm) == Words(g.name) && c > name_votes.find(g.name)->second))
        g.name = nm;
    g.id = IdOf(s.merged_ids[m]);
    if (g.link) g.link_id = GlobalEntityId("PLACE", *g.link);
    fn(std::move(g));
    g = GlobalEntity();
    type_votes.clear();
    name_votes.clear();
    seen.clear();
    ++m;
  };
  EntityView e;
  bool bad = false;
  Status st = s.rows->ForGroups(s.merged_groups, [&](size_t at, uint32_t doc, std::string_view doc_id,
                                                     std::string_view entity) {
    if (bad) return;
    if (!Decode(entity, &e)) {
      bad = true;
      return;
    }
    while (at >= s.merged_start[m + 1]) finish();  // the sets before this row's
    vote(&type_votes, e.type, static_cast<int>(e.mentions));
    vote(&name_votes, e.name, 1);
    g.mentions += static_cast<int64_t>(e.mentions);
    g.members.emplace_back(doc_id, e.id);
    if (seen.insert(doc).second) g.documents.emplace_back(doc_id);
    for (std::string_view v : e.variants) add_unique(v, &g.variants);
    for (std::string_view r : e.roles) add_unique(r, &g.roles);
    if (e.has_link && !g.link) g.link = std::string(e.link);
  });
  if (!st.ok()) return st;
  if (bad) return Status::Internal("entity linker: a stored entity row cannot be read");
  while (m < s.merged_ids.size()) finish();
  return Status::Ok();
}

std::vector<GlobalEntity> LinkEntities(const std::vector<Document>& docs) {
  EntityLinker linker;  // rows in memory: no errors
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
