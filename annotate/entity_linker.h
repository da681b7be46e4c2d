// Cross-document entity linking: one record per real-world entity over a set
// of annotated documents, with a stable id.
//
// Rules: people merge on their folded first + last name (NameKey: "Volodymyr
// Zelenskyy" = "Volodymyr Zelensky" = "Volodymyr Zelenskiy"; "Dmitri" =
// "Dmitry"); a document that only names a surname joins the one full name
// with that surname in the corpus, and stays apart when several people share
// it unless one of them is named in at least twice as many documents. Other
// entities merge on their folded name whatever their type (the majority type
// wins); acronyms join the unique entity whose initials they are.
// Ids are "ent_" + 16 hex digits of a hash of the merge key, so they do not
// depend on which spelling or which documents came first.
// Pure function of its input; thread-compatible.
#ifndef DATELINE_ANNOTATE_ENTITY_LINKER_H_
#define DATELINE_ANNOTATE_ENTITY_LINKER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/document.h"
#include "base/status.h"

namespace dateline {

struct GlobalEntity {
  std::string id, name, type;
  std::vector<std::string> variants, roles;
  std::vector<std::string> documents;  // document ids, in input order
  int64_t mentions = 0;
  std::optional<std::string> link, link_id;  // country it stands for
  std::vector<std::pair<std::string, std::string>> members;  // (document id, local entity id)
};

// Where an EntityLinker keeps what it reads of each (document, entity): the
// bulk of its input (1.79M rows at 100k documents), which a corpus step keeps
// on disk (pipeline/corpus.cc: a scratch table).
class EntityRowStore {
 public:
  virtual ~EntityRowStore() = default;
  // Keeps a row of group: doc numbers documents in the order added (0, 1,
  // ...); entity is the linker's encoding of the entity (opaque bytes).
  virtual Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view entity) = 0;
  // Keeps the merge key of a new group (once per group; keys are distinct).
  virtual Status AddKey(uint32_t group, std::string_view key) = 0;
  // Calls fn with every group and its key, keys in byte order (a sort the
  // store may do on disk: the linker keeps no key strings).
  virtual Status ForKeysInOrder(const std::function<void(uint32_t group, std::string_view key)>& fn) = 0;
  // Calls fn with the rows of group, in the order they were added.
  virtual Status ForGroup(
      uint32_t group, const std::function<void(uint32_t doc, std::string_view doc_id, std::string_view entity)>& fn) = 0;
  // The rows of each of groups (distinct), group after group in that order,
  // each group's in the order added; fn gets the group's position in groups.
  // This one calls ForGroup per group; a store on disk reads them in one pass.
  virtual Status ForGroups(
      const std::vector<uint32_t>& groups,
      const std::function<void(size_t at, uint32_t doc, std::string_view doc_id, std::string_view entity)>& fn);
};

// Rows held in memory (interned strings): the default.
std::unique_ptr<EntityRowStore> NewMemoryEntityRows();

// Links entities across documents added one at a time, keeping in memory only
// what linking reads per merge key, as hashes (~26 bytes a key: the key's, its
// first name's initials, its number of documents); the keys go to an
// EntityRowStore, read back once in key order by Link(), and each (document,
// entity) too, read back per group when linking merges groups and when
// entities are emitted (names and types voted, variants and roles gathered),
// so that a corpus need not be held in memory. Add() documents in input order; then Link() and
// Emit(). Errors are those of the row store.
class EntityLinker {
 public:
  // rows: where rows are kept (not owned; must outlive the linker); nullptr
  // keeps them in memory.
  explicit EntityLinker(EntityRowStore* rows = nullptr);
  ~EntityLinker();
  Status Add(const Document& doc);
  // Merges the groups (surnames, acronyms); returns the number of entities.
  Result<size_t> Link();
  // Calls fn with each linked entity in output order (document count
  // descending, then id), made one at a time.
  Status Emit(const std::function<void(GlobalEntity&&)>& fn) const;
  // Bytes held in memory (names, groups; not the row store), for reports.
  size_t MemoryBytes() const;
  // Merge keys (distinct names) so far.
  size_t keys() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Links the entities of all documents. Output sorted by document count
// (descending), then id.
std::vector<GlobalEntity> LinkEntities(const std::vector<Document>& docs);

// The store row: {id, name, type, variants, roles, documents, document_count,
// mentions, link?, link_id?, members: [{document, entity}]}.
nlohmann::json EntityRecordJson(const GlobalEntity& e);

// The rows for Store::ReplaceRecords("entities", ...): (id, EntityRecordJson).
std::vector<std::pair<std::string, nlohmann::json>> EntityRecords(const std::vector<Document>& docs);

// The id a (type, name) pair gets ("PERSON", "Dmitry Peskov").
std::string GlobalEntityId(const std::string& type, const std::string& name);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITY_LINKER_H_
