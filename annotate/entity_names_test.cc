#include "annotate/entity_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate/entity_linker.h"

namespace dateline {
namespace {

TEST(EntityNamesTest, NameKeyFoldsSpellings) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"Volodymyr Zelensky", "Volodymyr Zelenskyy", true},
      {"Volodymyr Zelensky", "Volodymyr Zelenskiy", true},
      {"Dmitry Peskov", "Dmitri Peskov", true},
      {"Dmitriy Peskov", "Dmitry Peskov", true},
      {"Sergei Lavrov", "Sergey Lavrov", true},
      {"José Álvarez", "Jose Alvarez", true},
      {"U.S.", "US", true},
      {"Vladimir Putin", "Volodymyr Putin", false},
      {"Donald Trump", "Ivanka Trump", false},
      {"Kirill Dmitriev", "Dmitry Peskov", false},
  };
  for (const auto& c : cases) EXPECT_EQ(NameKey(c.a) == NameKey(c.b), c.same) << c.a << " / " << c.b;
}

TEST(EntityNamesTest, InitialsAndAcronyms) {
  EXPECT_EQ(Initials("North Atlantic Treaty Organization"), "NATO");
  EXPECT_EQ(Initials("Bank of England"), "BE");
  EXPECT_EQ(Initials("Reuters"), "");
  EXPECT_TRUE(IsAcronym("NATO"));
  EXPECT_TRUE(IsAcronym("U.N."));
  EXPECT_FALSE(IsAcronym("Nato"));
  EXPECT_FALSE(IsAcronym("A"));
  EXPECT_EQ(AcronymKey("U.N."), "UN");
}

Entity Ent(const std::string& id, const std::string& name, const std::string& type, int mentions = 1) {
  Entity e;
  e.id = id;
  e.name = name;
  e.type = type;
  e.variants = {name};
  e.mentions.assign(mentions, Span{0, 1});
  return e;
}

Document Doc(const std::string& id, std::vector<Entity> ents) {
  Document d;
  d.id = id;
  d.entities = std::move(ents);
  return d;
}

// Which global entity holds (doc, local id)?
std::string GlobalOf(const std::vector<GlobalEntity>& g, const std::string& doc, const std::string& local) {
  for (const auto& e : g)
    for (const auto& [d, l] : e.members)
      if (d == doc && l == local) return e.id;
  return "";
}

TEST(EntityLinkerTest, MergesAndKeepsApart) {
  std::vector<Document> docs = {
      Doc("a", {Ent("e0", "Volodymyr Zelenskyy", "PERSON"), Ent("e1", "Donald Trump", "PERSON"),
                Ent("e2", "Kremlin", "ORG")}),
      Doc("b", {Ent("e0", "Volodymyr Zelensky", "PERSON"), Ent("e1", "Trump", "PERSON"),
                Ent("e2", "Kremlin", "PLACE")}),
      Doc("c", {Ent("e0", "Zelenskiy", "PERSON"), Ent("e1", "Ivanka Trump", "PERSON"),
                Ent("e2", "Donald Trump", "PERSON")}),
      Doc("d", {Ent("e0", "Dmitri Peskov", "PERSON"), Ent("e1", "Dmitry Peskov", "PERSON")}),
  };
  auto g = LinkEntities(docs);
  // Three spellings of Zelensky: one entity.
  EXPECT_EQ(GlobalOf(g, "a", "e0"), GlobalOf(g, "b", "e0"));
  EXPECT_EQ(GlobalOf(g, "a", "e0"), GlobalOf(g, "c", "e0"));
  // Donald and Ivanka Trump stay apart; "Trump" goes to the dominant one.
  EXPECT_NE(GlobalOf(g, "c", "e1"), GlobalOf(g, "c", "e2"));
  EXPECT_EQ(GlobalOf(g, "b", "e1"), GlobalOf(g, "a", "e1"));
  // Same name, different types: one entity.
  EXPECT_EQ(GlobalOf(g, "a", "e2"), GlobalOf(g, "b", "e2"));
  EXPECT_EQ(GlobalOf(g, "d", "e0"), GlobalOf(g, "d", "e1"));
  // Ids depend on the name key only.
  EXPECT_EQ(GlobalOf(g, "a", "e0"), GlobalEntityId("PERSON", "Volodymyr Zelenskiy"));
  for (const auto& e : g)
    if (e.id == GlobalOf(g, "a", "e0")) {
      EXPECT_EQ(e.documents.size(), 3u);
      EXPECT_EQ(e.type, "PERSON");
    }
}

TEST(EntityLinkerTest, AmbiguousSurnameStaysApart) {
  std::vector<Document> docs = {
      Doc("a", {Ent("e0", "Ivanka Trump", "PERSON")}),
      Doc("b", {Ent("e0", "Donald Trump", "PERSON")}),
      Doc("c", {Ent("e0", "Trump", "PERSON")}),
  };
  auto g = LinkEntities(docs);
  EXPECT_NE(GlobalOf(g, "c", "e0"), GlobalOf(g, "a", "e0"));
  EXPECT_NE(GlobalOf(g, "c", "e0"), GlobalOf(g, "b", "e0"));
}

}  // namespace
}  // namespace dateline
