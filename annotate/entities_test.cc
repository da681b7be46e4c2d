// EntityRecognizer on raw news text with the shipped model (data/ner/).
#include "annotate/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "annotate/sentences.h"
#include "base/data_dir.h"

namespace dateline {
namespace {

class EntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = EntityRecognizer::Load(DataDir());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    recognizer_ = std::move(r.value()).release();
  }
  static Document Run(const std::string& text) {
    Document d;
    d.text = text;
    auto toks = Tokenize(d.text);
    d.sentences = SplitSentences(d.text, toks);
    recognizer_->Annotate(toks, &d);
    return d;
  }
  static const Entity* ByVariant(const Document& d, const std::string& v) {
    for (const auto& e : d.entities)
      if (std::find(e.variants.begin(), e.variants.end(), v) != e.variants.end()) return &e;
    return nullptr;
  }
  static EntityRecognizer* recognizer_;
};
EntityRecognizer* EntitiesTest::recognizer_ = nullptr;

TEST_F(EntitiesTest, SurnameRefersBackAndRolesAreKept) {
  Document d = Run(
      "Kremlin spokesperson Dmitry Peskov said on Monday that Russia was open to talks. "
      "Peskov added that President Vladimir Putin had not changed his position.\n"
      "Putin spoke to reporters in Moscow.");
  const Entity* peskov = ByVariant(d, "Peskov");
  ASSERT_NE(peskov, nullptr);
  EXPECT_EQ(peskov->name, "Dmitry Peskov");
  EXPECT_EQ(peskov->type, "PERSON");
  EXPECT_EQ(peskov->mentions.size(), 2u);
  EXPECT_NE(std::find(peskov->roles.begin(), peskov->roles.end(), "Kremlin spokesperson"), peskov->roles.end());
  const Entity* putin = ByVariant(d, "Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Putin");
  EXPECT_NE(putin, peskov);
}

TEST_F(EntitiesTest, CapitalsAndSeatsOfPowerLinkToCountries) {
  Document d = Run("Moscow said it would respond, and the Kremlin rejected the plan. Kyiv rejects the idea.");
  const Entity* moscow = ByVariant(d, "Moscow");
  ASSERT_NE(moscow, nullptr);
  ASSERT_TRUE(moscow->link.has_value());
  EXPECT_EQ(*moscow->link, "Russia");
  const Entity* kremlin = ByVariant(d, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->link.value_or(""), "Russia");
  const Entity* kyiv = ByVariant(d, "Kyiv");
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(kyiv->link.value_or(""), "Ukraine");
}

TEST_F(EntitiesTest, DifferentPeopleSharingASurnameStayApart) {
  Document d = Run("Donald Trump met Ivanka Trump at the White House on Friday.");
  const Entity* donald = ByVariant(d, "Donald Trump");
  const Entity* ivanka = ByVariant(d, "Ivanka Trump");
  ASSERT_NE(donald, nullptr);
  ASSERT_NE(ivanka, nullptr);
  EXPECT_NE(donald, ivanka);
}

TEST_F(EntitiesTest, CountryAliasesMergeAndAcronymsJoinExpansions) {
  Document d = Run(
      "The United States and the North Atlantic Treaty Organization met in Brussels. "
      "The U.S. said NATO would decide.");
  const Entity* us = ByVariant(d, "U.S.");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->name, "United States");
  const Entity* nato = ByVariant(d, "NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato, ByVariant(d, "North Atlantic Treaty Organization"));
}

TEST_F(EntitiesTest, SpansPointAtTheText) {
  std::string text = "“We are ready,” Moscow said.";
  Document d = Run(text);
  const Entity* z = ByVariant(d, "Moscow");
  ASSERT_NE(z, nullptr);
  ASSERT_EQ(z->mentions.size(), 1u);
  EXPECT_EQ(z->mentions[0].begin, 16);
  EXPECT_EQ(z->mentions[0].end, 22);
}

}  // namespace
}  // namespace dateline
