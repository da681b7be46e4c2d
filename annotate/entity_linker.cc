// Cross-document entity linking (see entity_linker.h).
#include "annotate/entity_linker.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <unordered_map>

#include "annotate/entity_names.h"
#include "base/hash.h"

namespace dateline {
namespace {

struct Ref {
  size_t doc, ent;
};

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

std::string IdOf(const std::string& key) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "ent_%016llx", static_cast<unsigned long long>(Hash64(key)));
  return buf;
}

size_t Words(const std::string& s) { return NameKeyWords(s).size(); }

// Union-find over group indices.
size_t Find(std::vector<size_t>* parent, size_t x) {
  while ((*parent)[x] != x) x = (*parent)[x] = (*parent)[(*parent)[x]];
  return x;
}

}  // namespace

std::string GlobalEntityId(const std::string& type, const std::string& name) {
  Entity e;
  e.type = type;
  e.name = name;
  return IdOf(MergeKey(e));
}

std::vector<GlobalEntity> LinkEntities(const std::vector<Document>& docs) {
  // Groups by merge key.
  std::map<std::string, std::vector<Ref>> groups;
  for (size_t d = 0; d < docs.size(); ++d)
    for (size_t e = 0; e < docs[d].entities.size(); ++e) groups[MergeKey(docs[d].entities[e])].push_back({d, e});
  std::vector<std::string> keys;
  for (const auto& [k, v] : groups) keys.push_back(k);
  std::vector<size_t> parent(keys.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < keys.size(); ++i) index[keys[i]] = i;
  auto doc_count = [&](size_t g) {
    std::vector<size_t> ds;
    for (const Ref& r : groups[keys[g]]) ds.push_back(r.doc);
    std::sort(ds.begin(), ds.end());
    return static_cast<size_t>(std::unique(ds.begin(), ds.end()) - ds.begin());
  };
  // Surname-only people join the dominant full name with that surname.
  std::unordered_map<std::string, std::vector<size_t>> by_surname;
  std::unordered_map<std::string, std::vector<size_t>> by_initials;
  for (size_t i = 0; i < keys.size(); ++i) {
    const Entity& any = docs[groups[keys[i]][0].doc].entities[groups[keys[i]][0].ent];
    if (keys[i].rfind("P:", 0) == 0 && keys[i].find(' ') != std::string::npos)
      by_surname[keys[i].substr(keys[i].rfind(' ') + 1)].push_back(i);
    if (keys[i].rfind("N:", 0) == 0) {
      std::string ini = Initials(any.name);
      if (ini.size() >= 2) by_initials[ini].push_back(i);
    }
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string& k = keys[i];
    const Entity& any = docs[groups[k][0].doc].entities[groups[k][0].ent];
    std::vector<size_t> cands;
    if (k.rfind("P:", 0) == 0 && k.find(' ') == std::string::npos) {
      auto it = by_surname.find(k.substr(2));
      if (it != by_surname.end()) cands = it->second;
    } else if (k.rfind("N:", 0) == 0 && IsAcronym(any.name)) {
      auto it = by_initials.find(AcronymKey(any.name));
      if (it != by_initials.end()) cands = it->second;
    }
    if (cands.empty()) continue;
    std::sort(cands.begin(), cands.end(), [&](size_t a, size_t b) { return doc_count(a) > doc_count(b); });
    if (cands.size() > 1 && doc_count(cands[0]) < 2 * doc_count(cands[1])) continue;  // ambiguous
    parent[Find(&parent, i)] = Find(&parent, cands[0]);
  }
  // Collect merged groups.
  std::map<size_t, std::vector<size_t>> merged;
  for (size_t i = 0; i < keys.size(); ++i) merged[Find(&parent, i)].push_back(i);
  std::vector<GlobalEntity> out;
  for (const auto& [root, members] : merged) {
    GlobalEntity g;
    std::map<std::string, int> type_votes, name_votes;
    std::vector<std::string> seen_docs;
    for (size_t gi : members)
      for (const Ref& r : groups[keys[gi]]) {
        const Document& doc = docs[r.doc];
        const Entity& e = doc.entities[r.ent];
        type_votes[e.type] += static_cast<int>(e.mentions.size());
        name_votes[e.name] += 1;
        g.mentions += static_cast<int64_t>(e.mentions.size());
        g.members.push_back({doc.id, e.id});
        if (std::find(seen_docs.begin(), seen_docs.end(), doc.id) == seen_docs.end()) seen_docs.push_back(doc.id);
        for (const auto& v : e.variants)
          if (std::find(g.variants.begin(), g.variants.end(), v) == g.variants.end()) g.variants.push_back(v);
        for (const auto& ro : e.roles)
          if (std::find(g.roles.begin(), g.roles.end(), ro) == g.roles.end()) g.roles.push_back(ro);
        if (e.link && !g.link) g.link = e.link;
      }
    g.documents = seen_docs;
    for (const auto& [t, n] : type_votes)
      if (g.type.empty() || n > type_votes[g.type]) g.type = t;
    // Name: the most words, then the most documents, then alphabetical.
    for (const auto& [n, c] : name_votes)
      if (g.name.empty() || Words(n) > Words(g.name) || (Words(n) == Words(g.name) && c > name_votes[g.name]))
        g.name = n;
    g.id = IdOf(keys[root]);
    if (g.link) g.link_id = GlobalEntityId("PLACE", *g.link);
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const GlobalEntity& a, const GlobalEntity& b) {
    return a.documents.size() != b.documents.size() ? a.documents.size() > b.documents.size() : a.id < b.id;
  });
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
