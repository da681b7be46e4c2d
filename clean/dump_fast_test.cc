// The dump cleaner's fast paths against slow, plainly written references on
// the seed pages and mutations of them (invalid UTF-8, odd spaces): line
// keys, per-line facts, boilerplate matching, and the model's scores must be
// exactly the same.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <utf8proc.h>

#include "base/hash.h"
#include "base/utf8.h"
#include "clean/dump_clean.h"
#include "clean/dump_lines.h"
#include "clean/test_samples.h"

namespace dateline {
namespace {

std::vector<std::string> Pages() {
  std::vector<std::string> seeds = {"", "x", "\xc3\n\xe2\x80\xa6", "A\xc2\xa0 B 12\t\t3 \xe2\x80\xa2 \xff\xfe ..."};
  for (const auto& [path, bytes] : SamplePages()) seeds.push_back(bytes);
  std::vector<std::string> out = seeds;
  std::mt19937_64 rng(7);
  const char* tokens[] = {"\xff", "\xe2\x80", "\xc2\xa0", "\xe2\x80\xa6", "\xc3\x89", "\xc4\xb0", "\x80\x80",
                          "\xf0\x9f\x98\x80", " ...", "Photo by", "\t", "SUBSCRIBE", "\xe2\x80\x9d"};
  for (const std::string& s : seeds) {
    for (int m = 0; m < 4; ++m) {
      std::string t = s;
      for (int k = 0; k < 40; ++k) {
        size_t at = t.empty() ? 0 : rng() % (t.size() + 1);
        t.insert(at, tokens[rng() % std::size(tokens)]);
      }
      out.push_back(t);
    }
  }
  return out;
}

// NormalizeLine as first written: every code point through utf8proc.
std::string ReferenceNormalize(std::string_view s) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = utf8::Next(s, &i);
    if (cp == ' ' || cp == '\t' || cp == 0xA0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (cp < 0x80 && std::isdigit(static_cast<int>(cp))) cp = '0';
    else cp = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    utf8::Append(cp, &out);
  }
  return out;
}

std::string ReferenceLower(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size())
    utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(utf8::Next(s, &i)))), &out);
  return out;
}

// The last two code points decoding the whole line from its start.
std::pair<char32_t, char32_t> ReferenceLastTwo(std::string_view s) {
  char32_t a = 0, b = 0;
  size_t i = 0;
  while (i < s.size()) {
    b = a;
    a = utf8::Next(s, &i);
  }
  return {a, b};
}

std::string ReferenceEndClass(std::string_view s) {
  auto [c, prev] = ReferenceLastTwo(s);
  if (c == 0x2026 || (c == '.' && s.size() >= 3 && s.substr(s.size() - 3) == "...")) return "…";
  if (c == '.' || c == 0x3002) return ".";
  if (c == '!' || c == '?') return "!";
  if (c == ':') return ":";
  if (c == ',' || c == ';') return ",";
  if (c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')' || c == 0x300D)
    return (prev == '.' || prev == '!' || prev == '?' || prev == ',') ? "q." : "q";
  if (c < 0x80 && std::isdigit(static_cast<int>(c))) return "0";
  if (IsWordChar(c)) return "a";
  return "o";
}

TEST(DumpFast, LineKeysMatchReference) {
  std::string scratch;
  for (const std::string& page : Pages()) {
    for (const DumpLine& l : SplitDumpLines(page)) {
      std::string want = ReferenceNormalize(l.text);
      ASSERT_EQ(NormalizeLine(l.text), want) << l.text;
      uint64_t h = Hash64(want, 0x6c696e65);
      ASSERT_EQ(LineKey(l.text, &scratch), h ? h : 1);
      ASSERT_EQ(LineKey(l.text), h ? h : 1);
    }
  }
}

TEST(DumpFast, WordCountsMatchReference) {
  for (const std::string& page : Pages()) {
    int n = 0;
    for (auto w : WordTokens(page)) n += !w.empty();
    ASSERT_EQ(CountWords(page), n);
    for (int k : {0, 1, 29, 30, n, n + 1}) ASSERT_EQ(HasWords(page, k), n >= k) << k;
  }
}

TEST(DumpFast, FactsMatchReference) {
  const DumpResources& res = DefaultDumpResources();
  if (!res.error.empty()) GTEST_SKIP() << res.error;
  for (const std::string& content : Pages()) {
    PageLines page;
    page.lines = SplitDumpLines(content);
    ComputeFacts(res.lex, {}, &page);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const std::string& t = page.lines[i].text;
      const LineFacts& f = page.facts[i];
      std::string low = ReferenceLower(t);
      int words = 0, stop = 0, digits = 0, caps = 0;
      for (auto w : WordTokens(low)) {
        ++words;
        stop += res.lex.stop_words.count(std::string(w)) > 0;
        digits += std::isdigit(static_cast<unsigned char>(w[0])) != 0;
      }
      for (auto w : WordTokens(t)) {
        size_t k = 0;
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(utf8::Next(w, &k)));
        caps += cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
      }
      std::vector<std::string> kw;
      for (const auto& [cat, phrase] : res.lex.boiler)
        if (low.find(phrase) != std::string::npos && std::find(kw.begin(), kw.end(), cat) == kw.end())
          kw.push_back(cat);
      EXPECT_EQ(f.words, words) << t;
      EXPECT_EQ(f.stop, stop) << t;
      EXPECT_EQ(f.digits, digits) << t;
      EXPECT_EQ(f.caps, caps) << t;
      EXPECT_EQ(f.kw, kw) << t;
      EXPECT_EQ(page.keys[i], LineKey(t));
      EXPECT_EQ(f.end, ReferenceEndClass(t)) << t;
    }
  }
}

TEST(DumpFast, ScoresMatchReference) {
  const DumpResources& res = DefaultDumpResources();
  if (!res.error.empty()) GTEST_SKIP() << res.error;
  ASSERT_TRUE(res.model.indexed());
  TemplateStats none;
  for (const std::string& content : Pages()) {
    RawPage raw;
    raw.content = content;
    PageLines page = PrepareDumpPage(raw, none, res.lex);
    std::vector<double> fast = ScoreDumpLines(page, res.model);
    std::vector<double> slow = ScoreDumpLinesReference(page, res.model);
    ASSERT_EQ(fast.size(), slow.size());
    for (size_t i = 0; i < fast.size(); ++i) ASSERT_EQ(fast[i], slow[i]) << page.lines[i].text;
  }
}

}  // namespace
}  // namespace dateline
