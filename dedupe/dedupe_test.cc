#include "dedupe/dedupe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>

namespace dateline {
namespace {

// A pseudo-article: `paragraphs` paragraphs of 40 words drawn from a
// 5,000-word vocabulary; different seeds give unrelated articles.
std::vector<std::string> Article(uint64_t seed, int paragraphs = 10) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  for (int p = 0; p < paragraphs; ++p) {
    std::string s;
    for (int w = 0; w < 40; ++w) s += (w ? " " : "") + ("w" + std::to_string(rng() % 5000));
    out.push_back(s + ".");
  }
  return out;
}

std::string Join(const std::vector<std::string>& paras, const std::string& head = "Headline of the day",
                 const std::string& boiler = "Share this article\nSubscribe to our newsletter") {
  std::string s = boiler + "\n" + head + "\n";
  for (const auto& p : paras) s += p + "\n";
  return s;
}

TEST(Shingles, ParagraphOrderDoesNotMatter) {
  auto a = Article(1);
  auto b = a;
  std::swap(b[0], b[7]);
  EXPECT_EQ(dedupe::Shingles(Join(a)), dedupe::Shingles(Join(b)));
}

TEST(MinHash, EstimatesJaccard) {
  auto a = Article(1), b = Article(2);
  dedupe::Signature sa = dedupe::MinHash(Join(a)), sb = dedupe::MinHash(Join(b));
  EXPECT_DOUBLE_EQ(dedupe::EstimatedJaccard(sa, sa), 1.0);
  EXPECT_LT(dedupe::EstimatedJaccard(sa, sb), 0.1);
  auto half = a;
  half.resize(5);
  // Half the paragraphs: Jaccard about 0.5, containment about 1.
  dedupe::Signature sh = dedupe::MinHash(Join(half));
  EXPECT_NEAR(dedupe::EstimatedJaccard(sa, sh), 0.5, 0.2);
  EXPECT_GT(dedupe::EstimatedContainment(sa, sh), 0.8);
}

struct Case {
  const char* name;
  std::string text;
  bool copy;
};

TEST(DuplicateIndex, FindsEditedCopiesAndNotOtherArticles) {
  auto a = Article(100);
  auto reordered = a;
  std::swap(reordered[1], reordered[8]);
  auto dropped = a;
  dropped.erase(dropped.begin() + 3, dropped.begin() + 6);
  auto edited = a;
  edited[4] = Article(999, 1)[0];
  std::vector<Case> cases = {
      {"exact, other case and spacing", "  " + Join(a) + "\n\n", true},
      {"headline changed", Join(a, "A different headline entirely"), true},
      {"boilerplate swapped", Join(a, "Headline of the day", "Advertisement\nRead more\nLog in"), true},
      {"paragraphs reordered", Join(reordered), true},
      {"three of ten paragraphs dropped", Join(dropped), true},
      {"one paragraph rewritten", Join(edited), true},
      {"other article, same boilerplate", Join(Article(101)), false},
      {"other article sharing one paragraph", Join([&] {
         auto o = Article(102);
         o[0] = a[0];
         return o;
       }()),
       false},
  };
  for (const Case& c : cases) {
    DuplicateIndex index;
    ASSERT_FALSE(index.Add("orig", Join(a)));
    auto dup = index.Add("copy", c.text);
    EXPECT_EQ(dup.has_value(), c.copy) << c.name;
    if (dup) EXPECT_EQ(*dup, "orig") << c.name;
  }
}

TEST(DuplicateIndex, CopyOfCopyPointsToFirstSeen) {
  auto a = Article(5);
  auto b = a;
  b.pop_back();
  auto c = b;
  c.pop_back();
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Join(a)));
  EXPECT_EQ(index.Add("b", Join(b)).value_or(""), "a");
  EXPECT_EQ(index.Add("c", Join(c)).value_or(""), "a");
  EXPECT_EQ(index.size(), 3u);
}

TEST(DuplicateIndex, EmptyTextIsNeverACopy) {
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", ""));
  EXPECT_FALSE(index.Add("b", ""));
  EXPECT_EQ(index.size(), 0u);
}

TEST(DuplicateIndex, ExactOnlyModeIgnoresNearCopies) {
  DedupeOptions o;
  o.near = false;
  DuplicateIndex index(o);
  auto a = Article(9);
  EXPECT_FALSE(index.Add("a", Join(a)));
  EXPECT_FALSE(index.Add("b", Join(a, "Other headline")));
  EXPECT_EQ(index.Add("c", Join(a)).value_or(""), "a");
}

TEST(DuplicateIndex, SameIdAddedTwiceIsNotItsOwnCopy) {
  DuplicateIndex index;
  auto a = Join(Article(3));
  EXPECT_FALSE(index.Add("a", a));
  EXPECT_FALSE(index.Add("a", a));
}

}  // namespace
}  // namespace dateline

namespace dateline::dedupe {
namespace {

// Past several storage blocks (1024 documents each): every signature reads
// back as stored (from the temporary file for full blocks, from memory for
// the last one) and finds itself and its planted copy through the bands.
class LshIndexSpill : public ::testing::TestWithParam<bool> {};

TEST_P(LshIndexSpill, StoresAndFindsSignaturesAcrossBlocks) {
  std::mt19937_64 rng(3);
  std::vector<Signature> sigs;
  LshIndex index(GetParam());
  for (uint32_t i = 0; i < 3000; ++i) {
    Signature s;
    if (i % 10 == 9) {
      s = sigs[i - 5];  // a copy of an earlier document, two minimums changed
      s.mins[0] = static_cast<uint32_t>(rng());
      s.mins[40] = static_cast<uint32_t>(rng());
    } else {
      for (uint32_t& m : s.mins) m = static_cast<uint32_t>(rng());
    }
    s.shingles = 100;
    sigs.push_back(s);
    EXPECT_EQ(index.Insert(s), i);
  }
  ASSERT_EQ(index.size(), sigs.size());
  std::vector<uint32_t> cands;
  for (uint32_t i = 0; i < sigs.size(); ++i) {
    ASSERT_EQ(index.signature(i).mins, sigs[i].mins) << i;
    index.Candidates(sigs[i], &cands);
    EXPECT_TRUE(std::binary_search(cands.begin(), cands.end(), i)) << i;
    if (i % 10 == 9) EXPECT_TRUE(std::binary_search(cands.begin(), cands.end(), i - 5)) << i;
    EXPECT_LE(cands.size(), 3u) << i;  // unrelated random signatures share no band
  }
  EXPECT_EQ(index.spilled(), GetParam());  // /tmp is writable where the tests run
  if (GetParam()) {  // two full blocks are in the file, not in memory
    LshIndex held(false);
    for (const Signature& s : sigs) held.Insert(s);
    EXPECT_LE(index.MemoryBytes() + 2 * 1024 * sizeof(Signature), held.MemoryBytes());
  }
}

INSTANTIATE_TEST_SUITE_P(InFileAndInMemory, LshIndexSpill, ::testing::Bool());

// With no writable temporary directory, signatures stay in memory.
TEST(LshIndex, KeepsSignaturesInMemoryWhenNoFileCanBeMade) {
  const char* old = std::getenv("TMPDIR");
  std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent/dateline-test", 1);
  LshIndex index;
  Signature s;
  s.shingles = 10;
  for (uint32_t i = 0; i < 2100; ++i) {
    s.mins[0] = i;
    index.Insert(s);
  }
  if (old) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
  EXPECT_FALSE(index.spilled());
  for (uint32_t i = 0; i < 2100; i += 97) EXPECT_EQ(index.signature(i).mins[0], i);
}

}  // namespace
}  // namespace dateline::dedupe
