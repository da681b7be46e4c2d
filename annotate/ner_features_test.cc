// The NER features against a slow, obviously-correct reference: the
// original per-token-vector implementation (kept here verbatim, one string and
// one vector per token), which the flat, allocation-free Featurize() must
// match key for key, in order; and NerModel::Tag() (pipelined static scores)
// against plain greedy decoding with NerModel::Score().
#include "annotate/ner_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <utf8proc.h>

#include "annotate/ner_model.h"
#include "annotate/sentences.h"
#include "annotate/tokenizer.h"
#include "base/data_dir.h"
#include "base/utf8.h"

namespace dateline::ner {
namespace {

struct RefFeatures {
  std::vector<std::vector<std::vector<uint64_t>>> feats;
  std::vector<std::vector<uint64_t>> word_key;
  std::vector<std::vector<uint64_t>> shape_key;
  std::vector<std::vector<bool>> capitalised;
};

enum Tmpl : uint64_t {
  kBias = 1, kWord, kLower, kShape, kPrefix, kSuffix, kLowerM1, kLowerP1, kLowerM2, kLowerP2,
  kBigramM1, kBigramP1, kShapeM1, kShapeP1, kShapeM1_0, kShape0_P1, kGaz, kGazShape, kCapsSentCase,
  kFirstShape, kDocForm, kPrev1, kPrev12, kPrev1Word, kPrev1Shape, kHistory, kHistoryShape, kShortWord,
  kLowerP1Shape, kLowerM1Shape, kGazNext, kGazPrev, kHyphenPart, kAllCapsWord, kAggM1, kAggP1, kRunFirst, kRunLast, kRunShape, kRunBefore, kRunAfter
};

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t Key(uint64_t t, uint64_t a = 0, uint64_t b = 0) {
  return Mix(Mix(t * 0x9E3779B97F4A7C15ULL ^ a) + b * 0x2545F4914F6CDD1DULL);
}

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

// Shape with runs collapsed: "Zelenskyy" -> "Xx", "U.S." -> "X.X.", "2025" -> "d".
std::string Shape(std::string_view w) {
  std::string out;
  size_t i = 0;
  char last = 0;
  while (i < w.size()) {
    char32_t c = utf8::Next(w, &i);
    char k;
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) k = 'X';
    else if (cat >= UTF8PROC_CATEGORY_LL && cat <= UTF8PROC_CATEGORY_LO) k = 'x';
    else if (cat == UTF8PROC_CATEGORY_ND) k = 'd';
    else if (c < 0x80) k = static_cast<char>(c);
    else k = '*';
    if (k != last || (k != 'x' && k != 'X' && k != 'd')) out.push_back(k);
    last = k;
  }
  return out;
}

bool IsCapitalised(std::string_view w) {
  size_t i = 0;
  if (w.empty()) return false;
  char32_t c = utf8::Next(w, &i);
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsAllCaps(std::string_view shape) {
  return shape.find('X') != shape.npos && shape.find('x') == shape.npos;
}

// Byte offsets of the first 1..4 and last 1..4 code points.
void Affixes(std::string_view lw, uint64_t* out) {
  // Byte offsets of the first four and the last four characters' starts.
  size_t head[5], tail[4];
  size_t n = 0, i = 0;
  while (i < lw.size()) {
    if (n < 5) head[n] = i;
    tail[n % 4] = i;
    ++n;
    utf8::Next(lw, &i);
  }
  auto start = [&](size_t c) { return c < 5 ? head[c] : tail[c % 4]; };  // c >= n - 4 when c >= 5
  for (size_t k = 1; k <= 4; ++k) {
    size_t m = k < n ? k : n;
    out[k - 1] = Key(kPrefix + 100 * k, Fnv(lw.substr(0, m < n ? start(m) : lw.size())));
    out[3 + k] = Key(kSuffix + 100 * k, Fnv(lw.substr(n - m < n ? start(n - m) : lw.size())));
  }
}

struct TokInfo {
  std::string lower, shape;
  uint64_t w = 0, lw = 0, sh = 0;
  bool cap = false, caps = false;
};

// Document-level case evidence for a lower-case word: seen lower-case or
// capitalised in a position where case is informative (not sentence-initial,
// not in an all-caps sentence).
struct CaseEvidence {
  bool lower = false, cap = false;
  // Words seen just before / after this word anywhere in the document
  // (capitalised occurrences only; at most kMaxAgg each).
  std::vector<uint64_t> before, after;
};
constexpr size_t kMaxAgg = 12;

void AddUnique(uint64_t v, std::vector<uint64_t>* out) {
  if (out->size() >= kMaxAgg) return;
  for (uint64_t x : *out)
    if (x == v) return;
  out->push_back(v);
}

bool SentenceAllCaps(const std::vector<TokInfo>& s) {
  int letters = 0, caps = 0;
  for (const auto& t : s) {
    if (t.shape.find_first_of("Xx") == std::string::npos) continue;
    ++letters;
    if (t.caps) ++caps;
  }
  return letters >= 2 && caps * 10 >= letters * 8;
}


// Gazetteer features: for each token, a list of (type, position) matches.
// word_hash: Fnv of each token's lower-case form.
std::vector<std::vector<uint32_t>> RefGazMatches(const std::vector<uint64_t>& word_hash, const Gazetteer& gaz) {
  size_t n = word_hash.size();
  std::vector<std::vector<uint32_t>> out(n);
  for (size_t b = 0; b < n; ++b) {
    uint64_t h = 7;  // PhraseHash, extended one word at a time
    for (size_t e = b + 1; e <= n && static_cast<int>(e - b) <= gaz.max_len(); ++e) {
      h = Mix(h ^ word_hash[e - 1]);
      uint32_t mask = gaz.LookupHash(h);
      for (int t = 0; mask && t < kGazKinds; ++t) {
        if (!(mask & (1u << t))) continue;
        for (size_t k = b; k < e; ++k) {
          int pos = e - b == 1 ? kU : k == b ? kB : k + 1 == e ? kL : kI;
          out[k].push_back(static_cast<uint32_t>(t * 4 + pos));
        }
      }
    }
  }
  return out;
}

// Features of the run of capitalised words a token belongs to ("Kremlin
// spokesperson" -> no; "Dmitry Peskov", "Bank of England"): its first and last
// word, the words around it, its length and the token's place in it.
void RunFeatures(const std::vector<TokInfo>& s, bool all_caps, size_t i, std::vector<uint64_t>* f) {
  auto in_run = [&](size_t k) { return s[k].cap && !all_caps; };
  if (!in_run(i)) return;
  size_t b = i, e = i + 1;
  while (b > 0 && in_run(b - 1)) --b;
  while (e < s.size() && in_run(e)) ++e;
  // "of" / "for" / "and" between capitalised words joins them.
  while (e + 1 < s.size() && (s[e].lower == "of" || s[e].lower == "for" || s[e].lower == "and" ||
                              s[e].lower == "&") && in_run(e + 1)) {
    e += 2;
    while (e < s.size() && in_run(e)) ++e;
  }
  size_t len = e - b;
  if (len < 2) return;
  f->push_back(Key(kRunFirst, s[b].lw));
  f->push_back(Key(kRunLast, s[e - 1].lw));
  f->push_back(Key(kRunShape, std::min<size_t>(len, 5), i == b ? 0 : i + 1 == e ? 2 : 1));
  f->push_back(Key(kRunBefore, b > 0 ? s[b - 1].lw : 0xB0B));
  f->push_back(Key(kRunAfter, e < s.size() ? s[e].lw : 0xB0B));
}

void SentenceFeatures(const std::vector<TokInfo>& s, bool all_caps,
                      const std::unordered_map<uint64_t, CaseEvidence>& evidence,
                      const std::vector<std::vector<uint32_t>>& gaz, std::vector<std::vector<uint64_t>>* out) {
  static const TokInfo kPad = [] {
    TokInfo t;
    t.lw = t.w = t.sh = 0xB0B;
    return t;
  }();
  size_t n = s.size();
  out->assign(n, {});
  auto at = [&](long k) -> const TokInfo& { return k < 0 || k >= static_cast<long>(n) ? kPad : s[k]; };
  for (size_t i = 0; i < n; ++i) {
    auto& f = (*out)[i];
    f.reserve(48);
    const TokInfo& t = s[i];
    const TokInfo &m1 = at(long(i) - 1), &p1 = at(long(i) + 1), &m2 = at(long(i) - 2), &p2 = at(long(i) + 2);
    f.push_back(Key(kBias));
    f.push_back(Key(kWord, t.w));
    f.push_back(Key(kLower, t.lw));
    f.push_back(Key(kShape, t.sh));
    uint64_t aff[8];
    Affixes(t.lower, aff);
    f.insert(f.end(), aff, aff + 8);
    f.push_back(Key(kLowerM1, m1.lw));
    f.push_back(Key(kLowerP1, p1.lw));
    f.push_back(Key(kLowerM2, m2.lw));
    f.push_back(Key(kLowerP2, p2.lw));
    f.push_back(Key(kBigramM1, m1.lw, t.lw));
    f.push_back(Key(kBigramP1, t.lw, p1.lw));
    f.push_back(Key(kShapeM1, m1.sh));
    f.push_back(Key(kShapeP1, p1.sh));
    f.push_back(Key(kShapeM1_0, m1.sh, t.sh));
    f.push_back(Key(kShape0_P1, t.sh, p1.sh));
    f.push_back(Key(kLowerP1Shape, p1.lw, t.sh));
    f.push_back(Key(kLowerM1Shape, m1.lw, t.sh));
    if (i == 0) f.push_back(Key(kFirstShape, t.sh));
    if (all_caps) f.push_back(Key(kAllCapsWord, t.lw));
    if (t.lower.size() <= 3) f.push_back(Key(kShortWord, t.w));
    size_t dash = t.lower.rfind('-');
    if (dash != std::string::npos && dash + 1 < t.lower.size())
      f.push_back(Key(kHyphenPart, Fnv(std::string_view(t.lower).substr(dash + 1))));
    for (uint32_t g : gaz[i]) {
      f.push_back(Key(kGaz, g));
      f.push_back(Key(kGazShape, g, t.sh));
    }
    if (i + 1 < n)
      for (uint32_t g : gaz[i + 1]) f.push_back(Key(kGazNext, g));
    if (i > 0)
      for (uint32_t g : gaz[i - 1]) f.push_back(Key(kGazPrev, g));
    auto ev = evidence.find(t.lw);
    uint64_t form = ev == evidence.end() ? 0 : (ev->second.lower ? 1 : 0) | (ev->second.cap ? 2 : 0);
    bool informative = i == 0 || all_caps;
    f.push_back(Key(kDocForm, form, (informative ? 4 : 0) | (t.cap ? 1 : 0) | (t.caps ? 2 : 0)));
    if (all_caps) f.push_back(Key(kCapsSentCase, form, t.lw));
    RunFeatures(s, all_caps, i, &f);
    if (t.cap && ev != evidence.end()) {
      for (uint64_t b : ev->second.before)
        if (b != m1.lw) f.push_back(Key(kAggM1, b));
      for (uint64_t a : ev->second.after)
        if (a != p1.lw) f.push_back(Key(kAggP1, a));
    }
  }
}

RefFeatures ReferenceFeaturize(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gaz) {
  RefFeatures d;
  std::vector<std::vector<TokInfo>> info(sentences.size());
  std::vector<bool> caps_sent(sentences.size());
  std::unordered_map<uint64_t, CaseEvidence> evidence;
  for (size_t s = 0; s < sentences.size(); ++s) {
    auto& si = info[s];
    si.resize(sentences[s].size());
    for (size_t i = 0; i < si.size(); ++i) {
      const std::string& w = sentences[s][i];
      si[i].lower = Lower(w);
      si[i].shape = Shape(w);
      si[i].w = Fnv(w);
      si[i].lw = Fnv(si[i].lower);
      si[i].sh = Fnv(si[i].shape);
      si[i].cap = IsCapitalised(w);
      si[i].caps = IsAllCaps(si[i].shape);
    }
    caps_sent[s] = SentenceAllCaps(si);
    for (size_t i = 0; i < si.size(); ++i) {
      if (!si[i].cap) continue;
      auto& ev = evidence[si[i].lw];
      AddUnique(i > 0 ? si[i - 1].lw : 0xB0B, &ev.before);
      AddUnique(i + 1 < si.size() ? si[i + 1].lw : 0xB0B, &ev.after);
    }
    if (caps_sent[s]) continue;
    for (size_t i = 1; i < si.size(); ++i) {
      if (si[i].shape.find_first_of("Xx") == std::string::npos) continue;
      auto& ev = evidence[si[i].lw];
      (si[i].cap ? ev.cap : ev.lower) = true;
    }
  }
  d.feats.resize(sentences.size());
  d.word_key.resize(sentences.size());
  d.shape_key.resize(sentences.size());
  d.capitalised.resize(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    std::vector<uint64_t> lower_hash;
    for (const auto& t : info[s]) lower_hash.push_back(t.lw);
    SentenceFeatures(info[s], caps_sent[s], evidence, RefGazMatches(lower_hash, gaz), &d.feats[s]);
    for (const auto& t : info[s]) {
      d.word_key[s].push_back(t.lw);
      d.shape_key[s].push_back(t.sh);
      d.capitalised[s].push_back(t.cap);
    }
  }
  return d;
}
// Checks Featurize() against ReferenceFeaturize() on one document.
void ExpectSameFeatures(const std::vector<std::vector<std::string>>& doc, const Gazetteer& gaz) {
  RefFeatures want = ReferenceFeaturize(doc, gaz);
  DocFeatures got = Featurize(doc, gaz);
  ASSERT_EQ(got.num_sentences(), doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    ASSERT_EQ(got.sentence_begin[s + 1] - got.sentence_begin[s], doc[s].size());
    for (size_t i = 0; i < doc[s].size(); ++i) {
      size_t t = got.sentence_begin[s] + i;
      std::vector<uint64_t> keys(got.keys.begin() + got.key_begin[t], got.keys.begin() + got.key_begin[t + 1]);
      EXPECT_EQ(keys, want.feats[s][i]) << "sentence " << s << " token " << i << " '" << doc[s][i] << "'";
      EXPECT_EQ(got.word_key[t], want.word_key[s][i]);
      EXPECT_EQ(got.shape_key[t], want.shape_key[s][i]);
      EXPECT_EQ(got.capitalised[t] != 0, want.capitalised[s][i]);
      EXPECT_EQ(got.word_key[t] == got.word_key[0], got.word_id[t] == got.word_id[0]);
      EXPECT_LT(got.word_id[t], got.num_words);
    }
  }
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

Gazetteer SmallGazetteer() {
  Gazetteer g;
  g.Add("bank of england", 1);
  g.Add("new york", 2);
  g.Add("york", 2);
  g.Add("peter", kNamePart);
  g.Add("peter", 0);
  g.Add("łódź", 2);
  return g;
}

TEST(NerFeatures, MatchTheReferenceOnHandMadeCases) {
  std::vector<std::vector<std::string>> doc = {
      Words("Peter Blackburn of the Bank of England said the U.S. economy grew 2.5 % in 2025 ."),
      Words("THE BANK OF ENGLAND RAISED RATES IN NEW YORK"),
      {},
      Words("Zelenskyy met Łódź officials and naïve ÉCOLE students in Москва on Monday-Tuesday ."),
      Words("a b c D E F G H I J K L M N O P Q R S T Peter U V W X Y Z new york -"),
      Words("Peter said peter ' s \xff\xfe bytes é Ǆ ǅ x-ray co-operation A&B"),
      Words("Bank of England and Peter of York for New York & Co"),
  };
  // A capitalised word seen next to more than kMaxAgg different neighbours.
  for (int k = 0; k < 15; ++k) doc.push_back({"w" + std::to_string(k), "Smith", "v" + std::to_string(k)});
  ExpectSameFeatures(doc, SmallGazetteer());
  ExpectSameFeatures({}, SmallGazetteer());
  ExpectSameFeatures({{"Alone"}}, Gazetteer());
}

class NerModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = NerModel::Load(DataDir() + "/ner/model.bin");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new NerModel(std::move(m.value()));
    // The seed pages, as the entity layer sees them.
    for (const char* name : {"000_b033e49237c5a107.txt", "003_646501f04d5823af.txt"}) {
      std::ifstream in(DataDir() + "/../samples/" + name);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      std::vector<Token> tokens = Tokenize(text);
      std::vector<std::vector<std::string>> doc;
      size_t k = 0;
      for (const Span& s : SplitSentences(text, tokens)) {
        doc.emplace_back();
        while (k < tokens.size() && tokens[k].span.end <= s.end) doc.back().emplace_back(tokens[k++].text);
      }
      docs_.push_back(doc);
    }
  }
  static NerModel* model_;
  static std::vector<std::vector<std::vector<std::string>>> docs_;
};
NerModel* NerModelTest::model_ = nullptr;
std::vector<std::vector<std::vector<std::string>>> NerModelTest::docs_;

TEST_F(NerModelTest, FeaturesMatchTheReferenceOnSeedPages) {
  ASSERT_EQ(docs_.size(), 2u);
  for (const auto& doc : docs_) {
    ASSERT_GT(doc.size(), 3u);
    ExpectSameFeatures(doc, model_->gazetteer());
  }
}

TEST_F(NerModelTest, TagMatchesPlainGreedyDecoding) {
  for (const auto& doc : docs_) {
    DocFeatures d = Featurize(doc, model_->gazetteer());
    float scores[kNumTags];
    auto want = DecodeGreedy(d, [&](const std::vector<uint64_t>& f, int prev, bool last, size_t, size_t) {
      model_->Score(f, scores);
      return BestAllowed(scores, prev, last);
    });
    auto got = model_->Tag(d);
    EXPECT_EQ(got, want);
    size_t entities = 0;
    for (const auto& s : got)
      for (int t : s) entities += t != 0;
    EXPECT_GT(entities, 5u);  // the pages do name people and places
  }
}

TEST(NerGazetteer, FindsWhatWasAddedAndListsItSorted) {
  Gazetteer g = SmallGazetteer();
  EXPECT_EQ(g.size(), 5u);
  EXPECT_EQ(g.max_len(), 3);
  std::vector<std::string> w = {"the", "bank", "of", "england", "peter"};
  EXPECT_EQ(g.Lookup(w, 1, 4), 2u);
  EXPECT_EQ(g.Lookup(w, 4, 5), (1u << kNamePart) | 1u);
  EXPECT_EQ(g.Lookup(w, 0, 4), 0u);
  EXPECT_EQ(g.Lookup(w, 1, 3), 0u);
  g.AddHash(0, 8);
  EXPECT_EQ(g.LookupHash(0), 8u);
  for (int k = 0; k < 5000; ++k) g.AddHash(Mix(k + 1), 1 + k % 16);  // grows the table
  EXPECT_EQ(g.size(), 5006u);
  EXPECT_EQ(g.LookupHash(Mix(77)), 1u + 76 % 16);
  auto entries = g.Entries();
  ASSERT_EQ(entries.size(), g.size());
  EXPECT_TRUE(std::is_sorted(entries.begin(), entries.end()));
  EXPECT_EQ(entries.front(), std::make_pair(uint64_t{0}, 8u));
}

}  // namespace
}  // namespace dateline::ner
