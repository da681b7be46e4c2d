#include "annotate/entity_linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace dateline {
namespace {

Entity Ent(const std::string& id, const std::string& name, const std::string& type, int mentions = 1) {
  Entity e;
  e.id = id;
  e.name = name;
  e.type = type;
  e.mentions.assign(mentions, Span{0, 1});
  e.variants = {name};
  return e;
}

Document Doc(const std::string& id, std::vector<Entity> entities) {
  Document d;
  d.id = id;
  d.entities = std::move(entities);
  return d;
}

// The obvious row store: every row in one list, scanned whole per group.
class ListRows : public EntityRowStore {
 public:
  Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view entity) override {
    if (fail_after_ >= 0 && static_cast<int>(rows_.size()) >= fail_after_) return Status::IoError("disk full");
    rows_.emplace_back(group, doc, std::string(doc_id), std::string(entity));
    return Status::Ok();
  }
  Status ForGroup(uint32_t group,
                  const std::function<void(uint32_t, std::string_view, std::string_view)>& fn) override {
    ++reads_;
    if (fail_reads_) return Status::IoError("read error");
    for (const auto& [g, doc, doc_id, entity] : rows_)
      if (g == group) fn(doc, doc_id, corrupt_ ? entity.substr(0, entity.size() / 2) : entity);
    return Status::Ok();
  }
  Status AddKey(uint32_t group, std::string_view key) override {
    keys_.emplace_back(std::string(key), group);
    return Status::Ok();
  }
  Status ForKeysInOrder(const std::function<void(uint32_t, std::string_view)>& fn) override {
    if (fail_key_reads_) return Status::IoError("read error");
    std::vector<std::pair<std::string, uint32_t>> sorted = keys_;
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size(); ++i)
      if (i != lose_key_) fn(sorted[i].second, sorted[i].first);
    return Status::Ok();
  }
  int fail_after_ = -1;
  bool fail_key_reads_ = false;
  size_t lose_key_ = SIZE_MAX;  // a key ForKeysInOrder leaves out
  std::vector<std::pair<std::string, uint32_t>> keys_;
  bool fail_reads_ = false;
  bool corrupt_ = false;  // hands out half of each row
  int reads_ = 0;
  std::vector<std::tuple<uint32_t, uint32_t, std::string, std::string>> rows_;
};

std::string Show(const GlobalEntity& e) {
  std::string out = e.id + "|" + e.name + "|" + e.type + "|" + std::to_string(e.mentions) + "|";
  for (const auto& d : e.documents) out += d + ",";
  out += "|";
  for (const auto& [d, l] : e.members) out += d + ":" + l + ",";
  out += "|";
  for (const auto& v : e.variants) out += v + ",";
  out += "|";
  for (const auto& r : e.roles) out += r + ",";
  return out + "|" + e.link.value_or("-");
}

// Strings that an encoding could trip on: separators, digits, empty values,
// a link that is present but empty, no mentions.
Entity Odd() {
  Entity e = Ent("9:x", "12:30 Group", "MISC", 0);
  e.variants = {"12:30 Group", "", "1:"};
  e.roles = {"", "owner: of 2"};
  e.link = "";
  return e;
}

std::vector<Document> Corpus() {
  return {
      Doc("a", {Ent("e0", "Vladimir Putin", "PERSON", 2), Ent("e1", "Putin", "PERSON"), Ent("e2", "NATO", "ORG")}),
      Doc("b", {Ent("e0", "Putin", "PERSON"), Ent("e1", "North Atlantic Treaty Organization", "ORG", 3)}),
      Doc("c", {Ent("e0", "Vladimir Putin", "PERSON"), Ent("e1", "Kremlin", "ORG"), Ent("e2", "Kremlin", "PLACE")}),
      Doc("d", {}),
      Doc("e", {Ent("e4", "Putin", "PERSON"), Ent("e5", "Vladimir Putin", "PERSON")}),
      Doc("f", {Odd()}),
  };
}

TEST(EntityLinkerRows, AnyRowStoreGivesTheSameEntities) {
  const std::vector<Document> docs = Corpus();
  std::vector<std::string> want;
  for (const GlobalEntity& e : LinkEntities(docs)) want.push_back(Show(e));
  ListRows rows;
  EntityLinker linker(&rows);
  for (const Document& d : docs) ASSERT_TRUE(linker.Add(d).ok());
  EXPECT_EQ(rows.rows_.size(), 11u);  // every (document, entity) went to the store
  Result<size_t> n = linker.Link();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, want.size());
  std::vector<std::string> got;
  ASSERT_TRUE(linker.Emit([&](GlobalEntity&& e) { got.push_back(Show(e)); }).ok());
  EXPECT_EQ(got, want);
  // Putin: the surname-only group joins the full name's; groups are listed in
  // key order ("P:putin" first), each group's rows in input order, and a
  // document counts once.
  ASSERT_EQ(got.size(), 4u);  // Putin, NATO, Kremlin (ORG and PLACE), 12:30 Group
  EXPECT_EQ(got[0], GlobalEntityId("PERSON", "Vladimir Putin") +
                        "|Vladimir Putin|PERSON|7|a,b,e,c,|a:e1,b:e0,e:e4,a:e0,c:e0,e:e5,|Putin,Vladimir Putin,||-");
  const std::string odd = GlobalEntityId("MISC", "12:30 Group") + "|12:30 Group|MISC|0|f,|f:9:x,|12:30 Group,,1:,|,owner: of 2,|";
  EXPECT_TRUE(got[2] == odd || got[3] == odd) << got[2] << "\n" << got[3];
}

TEST(EntityLinkerRows, KeysGoToTheRowStoreOnceAndStayOutOfMemory) {
  ListRows rows;
  EntityLinker linker(&rows);
  for (const Document& d : Corpus()) ASSERT_TRUE(linker.Add(d).ok());
  // P:putin, P:vladimir putin, N:nato, N:north atlantic treaty organization,
  // N:kremlin, N:12 30 group (or however the odd name folds): one row each.
  EXPECT_EQ(rows.keys_.size(), linker.keys());
  std::set<std::string> distinct;
  for (const auto& [k, g] : rows.keys_) distinct.insert(k);
  EXPECT_EQ(distinct.size(), rows.keys_.size());
  // 50,000 distinct names: what the linker holds is hashes and counts, not
  // the names (each ~30 bytes here).
  EntityLinker big(&rows);
  for (int i = 0; i < 50000; ++i)
    ASSERT_TRUE(big.Add(Doc("d" + std::to_string(i), {Ent("e0", "Someone Longnamed" + std::to_string(i), "PERSON")})).ok());
  EXPECT_EQ(big.keys(), 50000u);
  EXPECT_LT(big.MemoryBytes(), 50000u * 48);
}

TEST(EntityLinkerRows, RowStoreErrorsAreReturned) {
  const std::vector<Document> docs = Corpus();
  {
    ListRows rows;
    rows.fail_after_ = 4;
    EntityLinker linker(&rows);
    Status st = Status::Ok();
    for (const Document& d : docs)
      if (st.ok()) st = linker.Add(d);
    EXPECT_EQ(st.code(), Status::Code::kIoError);
  }
  ListRows rows;
  EntityLinker linker(&rows);
  for (const Document& d : docs) ASSERT_TRUE(linker.Add(d).ok());
  rows.fail_key_reads_ = true;
  EXPECT_EQ(linker.Link().status().code(), Status::Code::kIoError);  // the keys, in key order
  rows.fail_key_reads_ = false;
  rows.lose_key_ = 1;
  EXPECT_EQ(linker.Link().status().code(), Status::Code::kInternal);  // a key missing is an error
  rows.lose_key_ = SIZE_MAX;
  rows.fail_reads_ = true;
  EXPECT_FALSE(linker.Link().ok());  // merged groups read their documents
  rows.fail_reads_ = false;
  ASSERT_TRUE(linker.Link().ok());
  rows.fail_reads_ = true;
  int emitted = 0;
  EXPECT_FALSE(linker.Emit([&](GlobalEntity&&) { ++emitted; }).ok());
  EXPECT_EQ(emitted, 0);
  rows.fail_reads_ = false;
  rows.corrupt_ = true;  // a row that does not decode is an error, not a wrong record
  EXPECT_EQ(linker.Emit([&](GlobalEntity&&) { ++emitted; }).code(), Status::Code::kInternal);
  EXPECT_EQ(emitted, 0);
}

}  // namespace
}  // namespace dateline
