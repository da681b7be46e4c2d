#include "stories/pair_model.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "base/data_dir.h"

namespace dateline::stories {
namespace {

std::vector<Feature> V(std::initializer_list<std::pair<uint64_t, float>> kv) {
  std::vector<Feature> v;
  for (auto [k, w] : kv) v.push_back({k, w});
  return v;
}

TEST(PairModel, CosineTable) {
  struct {
    std::vector<Feature> a, b;
    double want;
  } cases[] = {
      {V({{1, 1}, {2, 1}}), V({{1, 1}, {2, 1}}), 1.0},
      {V({{1, 1}}), V({{2, 1}}), 0.0},
      {V({}), V({{2, 1}}), 0.0},
      {V({{1, 3}, {2, 4}}), V({{1, 1}}), 0.6},
  };
  for (const auto& c : cases) EXPECT_NEAR(Cosine(c.a, c.b), c.want, 1e-9);
}

TEST(PairModel, ChannelCosinesKeepChannelsApart) {
  // Keys 4 and 8 are word-channel features (low bits 0), 5 a name (low bits 1).
  std::vector<Feature> a = V({{4, 0.6f}, {5, 1.0f}, {8, 0.8f}});
  std::vector<Feature> b = V({{4, 1.0f}, {5, 1.0f}});
  double cos[kChannels];
  ChannelCosines(a, b, cos);
  EXPECT_NEAR(cos[kWordChannel], 0.6, 1e-6);
  EXPECT_NEAR(cos[kNameChannel], 1.0, 1e-6);
  EXPECT_EQ(cos[kNumberChannel], 0.0);
  EXPECT_EQ(cos[kLeadChannel], 0.0);
}

TEST(PairModel, FactFeaturesFlagConflictingYearsOnly) {
  std::vector<Feature> doc[kFacts], other[kFacts];
  doc[kYearFact] = V({{2008, 3}});
  other[kYearFact] = V({{2013, 2}, {2012, 1}});
  PairVector x{};
  AddFactFeatures(doc, other, 1.0, &x);
  EXPECT_EQ(x[kYearsBoth], 1.0);
  EXPECT_EQ(x[kYearConflict], 1.0);
  EXPECT_EQ(x[kYearCos], 0.0);
  EXPECT_EQ(x[kPersonsBoth], 0.0);  // no people on one side: no evidence either way

  other[kYearFact] = V({{2008, 1}, {2013, 2}});  // the other mentions 2008 too
  x = {};
  AddFactFeatures(doc, other, 0.5, &x);
  EXPECT_EQ(x[kYearConflict], 0.0);
  EXPECT_EQ(x[kYearsBoth], 0.5);
  EXPECT_GT(x[kYearCos], 0.0);
}

TEST(PairModel, LoadScoresAndRejectsUnknownNames) {
  std::string path = ::testing::TempDir() + "pair_model_" + std::to_string(getpid()) + ".tsv";
  std::ofstream(path) << "# comment\nbias -2\nname_cos 4  # trailing comment\n\n";
  auto m = PairModel::Load(path);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  PairVector x{};
  x[kBias] = 1;
  x[kNameCos] = 0.75;
  x[kWordCos] = 0.9;  // weighs 0: absent from the file
  EXPECT_NEAR(m.value().Score(x), 1.0, 1e-9);
  std::ofstream(path) << "bias -2\nnot_a_feature 1\n";
  EXPECT_FALSE(PairModel::Load(path).ok());
  std::ofstream(path) << "bias\n";
  EXPECT_FALSE(PairModel::Load(path).ok());
  std::remove(path.c_str());
  EXPECT_FALSE(PairModel::Load(path).ok());
}

TEST(PairModel, ShippedModelLoadsWithNameWeight) {
  auto m = PairModel::Load(DataDir() + "/stories/pair_model.tsv");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_GT(m.value().weights()[kNameCos], 0.0);
  EXPECT_LT(m.value().weights()[kBias], 0.0);
}

TEST(FeatureExtractor, FactsFromTimexesAndEntities) {
  auto fx = FeatureExtractor::Load(DataDir());
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  Document d;
  d.id = "d";
  d.text = "Tara Reid entered rehab in Malibu on 9 December 2008. Reid left in 2008.";
  d.published = "2013-01-01";
  d.published_source = "text";  // inferred from the text: not a fact of its own
  d.timexes = {{{37, 52}, "DATE", "2008-12-09"}, {{67, 71}, "DATE", "2008"}, {{0, 0}, "DURATION", "P2Y"}};
  Entity reid;
  reid.name = "Tara Reid";
  reid.type = "PERSON";
  reid.mentions = {{0, 9}, {54, 58}};
  Entity malibu;
  malibu.name = "Malibu";
  malibu.type = "PLACE";
  malibu.mentions = {{28, 34}};
  d.entities = {reid, malibu};
  DocFeatures f = fx.value()->Extract(d);
  ASSERT_EQ(f.facts[kYearFact].size(), 1u);
  EXPECT_EQ(f.facts[kYearFact][0].key, 2008u);
  EXPECT_EQ(f.facts[kYearFact][0].weight, 2.0f);
  ASSERT_EQ(f.facts[kPersonFact].size(), 2u);  // "tara", "reid"
  EXPECT_EQ(f.facts[kPersonFact][0].weight, 2.0f);
  EXPECT_EQ(f.facts[kPlaceFact].size(), 1u);
  EXPECT_TRUE(f.facts[kOrgFact].empty());

  d.published_source = "byline";  // a real publication date is a year fact
  f = fx.value()->Extract(d);
  EXPECT_EQ(f.facts[kYearFact].size(), 2u);
}

}  // namespace
}  // namespace dateline::stories
