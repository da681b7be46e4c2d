#include "annotate/entity_linker.h"

#include <gtest/gtest.h>

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

// The obvious pair store: every pair in one list, scanned whole per group.
class ListPairs : public EntityPairStore {
 public:
  Status Add(uint32_t group, uint32_t doc, std::string_view doc_id, std::string_view local) override {
    if (fail_after_ >= 0 && static_cast<int>(pairs_.size()) >= fail_after_) return Status::IoError("disk full");
    pairs_.emplace_back(group, doc, std::string(doc_id), std::string(local));
    return Status::Ok();
  }
  Status ForGroup(uint32_t group,
                  const std::function<void(uint32_t, std::string_view, std::string_view)>& fn) override {
    ++reads_;
    if (fail_reads_) return Status::IoError("read error");
    for (const auto& [g, doc, doc_id, local] : pairs_)
      if (g == group) fn(doc, doc_id, local);
    return Status::Ok();
  }
  int fail_after_ = -1;
  bool fail_reads_ = false;
  int reads_ = 0;
  std::vector<std::tuple<uint32_t, uint32_t, std::string, std::string>> pairs_;
};

std::string Show(const GlobalEntity& e) {
  std::string out = e.id + "|" + e.name + "|" + e.type + "|" + std::to_string(e.mentions) + "|";
  for (const auto& d : e.documents) out += d + ",";
  out += "|";
  for (const auto& [d, l] : e.members) out += d + ":" + l + ",";
  out += "|";
  for (const auto& v : e.variants) out += v + ",";
  return out + "|" + e.link.value_or("-");
}

std::vector<Document> Corpus() {
  return {
      Doc("a", {Ent("e0", "Vladimir Putin", "PERSON", 2), Ent("e1", "Putin", "PERSON"), Ent("e2", "NATO", "ORG")}),
      Doc("b", {Ent("e0", "Putin", "PERSON"), Ent("e1", "North Atlantic Treaty Organization", "ORG", 3)}),
      Doc("c", {Ent("e0", "Vladimir Putin", "PERSON"), Ent("e1", "Kremlin", "ORG"), Ent("e2", "Kremlin", "PLACE")}),
      Doc("d", {}),
      Doc("e", {Ent("e4", "Putin", "PERSON"), Ent("e5", "Vladimir Putin", "PERSON")}),
  };
}

TEST(EntityLinkerPairs, AnyPairStoreGivesTheSameEntities) {
  const std::vector<Document> docs = Corpus();
  std::vector<std::string> want;
  for (const GlobalEntity& e : LinkEntities(docs)) want.push_back(Show(e));
  ListPairs pairs;
  EntityLinker linker(&pairs);
  for (const Document& d : docs) ASSERT_TRUE(linker.Add(d).ok());
  EXPECT_EQ(pairs.pairs_.size(), 10u);  // every (document, entity) went to the store
  Result<size_t> n = linker.Link();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, want.size());
  std::vector<std::string> got;
  ASSERT_TRUE(linker.Emit([&](GlobalEntity&& e) { got.push_back(Show(e)); }).ok());
  EXPECT_EQ(got, want);
  // Putin: the surname-only group joins the full name's; groups are listed in
  // key order ("P:putin" first), each group's pairs in input order, and a
  // document counts once.
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], GlobalEntityId("PERSON", "Vladimir Putin") +
                        "|Vladimir Putin|PERSON|7|a,b,e,c,|a:e1,b:e0,e:e4,a:e0,c:e0,e:e5,|Putin,Vladimir Putin,|-");
}

TEST(EntityLinkerPairs, PairStoreErrorsAreReturned) {
  const std::vector<Document> docs = Corpus();
  {
    ListPairs pairs;
    pairs.fail_after_ = 4;
    EntityLinker linker(&pairs);
    Status st = Status::Ok();
    for (const Document& d : docs)
      if (st.ok()) st = linker.Add(d);
    EXPECT_EQ(st.code(), Status::Code::kIoError);
  }
  ListPairs pairs;
  EntityLinker linker(&pairs);
  for (const Document& d : docs) ASSERT_TRUE(linker.Add(d).ok());
  pairs.fail_reads_ = true;
  EXPECT_FALSE(linker.Link().ok());  // merged groups read their documents
  pairs.fail_reads_ = false;
  ASSERT_TRUE(linker.Link().ok());
  pairs.fail_reads_ = true;
  int emitted = 0;
  EXPECT_FALSE(linker.Emit([&](GlobalEntity&&) { ++emitted; }).ok());
  EXPECT_EQ(emitted, 0);
}

}  // namespace
}  // namespace dateline
