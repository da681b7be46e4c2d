#include "clean/dump_features.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <unordered_map>

#include <cctype>

#include <utf8proc.h>

#include "base/utf8.h"

namespace dateline {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size())
    utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(utf8::Next(s, &i)))),
                 &out);
  return out;
}

// Last code point of s (0 for empty) and the one before it.
std::pair<char32_t, char32_t> LastTwo(std::string_view s) {
  char32_t a = 0, b = 0;
  size_t i = 0;
  while (i < s.size()) {
    b = a;
    a = utf8::Next(s, &i);
  }
  return {a, b};
}

bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')' || c == 0x300D;
}

std::string EndClass(std::string_view s) {
  auto [c, prev] = LastTwo(s);
  if (c == 0x2026 || (c == '.' && s.size() >= 3 && s.substr(s.size() - 3) == "...")) return "…";
  if (c == '.' || c == 0x3002) return ".";
  if (c == '!' || c == '?') return "!";
  if (c == ':') return ":";
  if (c == ',' || c == ';') return ",";
  if (IsQuote(c)) return (prev == '.' || prev == '!' || prev == '?' || prev == ',') ? "q." : "q";
  if (c < 0x80 && std::isdigit(static_cast<int>(c))) return "0";
  if (IsWordChar(c)) return "a";
  return "o";
}

int CountSentences(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (i + 1 == s.size()) ++n;
    else if (s[i + 1] == ' ' && i + 2 < s.size() && std::isupper(static_cast<unsigned char>(s[i + 2]))) ++n;
  }
  return n;
}

const char* Bucket(int v, std::initializer_list<int> edges, std::initializer_list<const char*> names) {
  auto n = names.begin();
  for (int e : edges) {
    if (v < e) return *n;
    ++n;
  }
  return *n;
}

const char* WordBucket(int w) {
  return Bucket(w, {1, 2, 3, 4, 6, 10, 15, 20, 30, 45, 80},
                {"0", "1", "2", "3", "4-5", "6-9", "10-14", "15-19", "20-29", "30-44", "45-79", "80+"});
}

const char* RatioBucket(double r) {
  if (r <= 0) return "0";
  if (r < 0.1) return "<.1";
  if (r < 0.2) return "<.2";
  if (r < 0.3) return "<.3";
  if (r < 0.45) return "<.45";
  if (r < 0.7) return "<.7";
  return "hi";
}

bool Prose(const PageLines& p, size_t i) {
  const LineFacts& f = p.facts[i];
  bool ends = f.end == "." || f.end == "!" || f.end == "q." || f.end == "q";
  bool stop_ok = p.page_stop_ratio < 0.05 || f.stop * 6 >= f.words;
  return f.words >= 8 && ends && stop_ok && !f.teaser;
}

void AddRunFeatures(const LineRun& r, size_t i, const std::string& tag, std::vector<std::string>* out) {
  if (!r.found) {
    out->push_back(tag + "=none");
    return;
  }
  size_t a = r.a, b = r.b;
  if (i >= a && i <= b) {
    out->push_back(tag + "=in");
    return;
  }
  size_t d = i < a ? a - i : i - b;
  out->push_back(tag + (i < a ? "=before" : "=after") + Bucket(static_cast<int>(d), {2, 4, 8, 16}, {"1", "2-3", "4-7", "8-15", "16+"}));
}

}  // namespace

bool IsProse(const PageLines& page, size_t i) { return Prose(page, i); }

LineRun BestRun(const std::vector<double>& v) {
  LineRun r;
  double best = 0, cur = 0;
  size_t start = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (cur <= 0) {
      cur = 0;
      start = i;
    }
    cur += v[i];
    if (cur > best) {
      best = cur;
      r = {true, start, i};
    }
  }
  return r;
}

Stage1 MakeStage1(const PageLines& page, std::vector<double> p) {
  Stage1 s;
  std::vector<double> v(p.size());
  for (size_t j = 0; j < p.size(); ++j) v[j] = (p[j] - 0.5) * (2 + page.facts[j].words);
  s.run = BestRun(v);
  s.p = std::move(p);
  return s;
}

Result<DumpLexicon> DumpLexicon::Load(const std::string& dir) {
  DumpLexicon lex;
  std::ifstream sw(dir + "/stopwords.txt");
  if (!sw) return Status::NotFound("cannot open " + dir + "/stopwords.txt");
  std::string line;
  while (std::getline(sw, line)) {
    if (line.empty() || line[0] == '#') continue;
    for (auto w : WordTokens(line)) lex.stop_words.insert(std::string(w));
  }
  std::ifstream bp(dir + "/boilerplate.txt");
  if (!bp) return Status::NotFound("cannot open " + dir + "/boilerplate.txt");
  while (std::getline(bp, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    lex.boiler.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return lex;
}

void ComputeFacts(const DumpLexicon& lex, const std::vector<double>& template_share, PageLines* page) {
  std::unordered_map<uint64_t, int> keys;
  std::vector<uint64_t> key_of(page->lines.size());
  int64_t all_words = 0, all_stop = 0;
  page->facts.assign(page->lines.size(), {});
  for (size_t i = 0; i < page->lines.size(); ++i) {
    const std::string& t = page->lines[i].text;
    LineFacts& f = page->facts[i];
    std::string low = Lower(t);
    for (auto w : WordTokens(low)) {
      ++f.words;
      if (lex.stop_words.count(std::string(w))) ++f.stop;
      if (std::isdigit(static_cast<unsigned char>(w[0]))) ++f.digits;
    }
    for (auto w : WordTokens(t)) {
      size_t k = 0;
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(utf8::Next(w, &k)));
      if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) ++f.caps;
    }
    f.chars = static_cast<int>(utf8::Length(t));
    f.end = EndClass(t);
    f.teaser = f.end == "…";
    f.sentences = CountSentences(t);
    for (const auto& [cat, phrase] : lex.boiler)
      if (low.find(phrase) != std::string::npos &&
          std::find(f.kw.begin(), f.kw.end(), cat) == f.kw.end())
        f.kw.push_back(cat);
    f.template_share = i < template_share.size() ? template_share[i] : -1;
    key_of[i] = LineKey(t);
    ++keys[key_of[i]];
    all_words += f.words;
    all_stop += f.stop;
  }
  for (size_t i = 0; i < page->lines.size(); ++i) page->facts[i].dup = keys[key_of[i]];
  page->page_stop_ratio = all_words ? static_cast<double>(all_stop) / all_words : 0;
  std::vector<double> v(page->lines.size());
  for (size_t j = 0; j < v.size(); ++j)
    v[j] = Prose(*page, j) ? page->facts[j].words : -std::max(3.0, page->facts[j].words / 2.0);
  page->prose_run = BestRun(v);
}

std::vector<std::string> LineFeatures(const PageLines& page, size_t i) {
  const LineFacts& f = page.facts[i];
  const DumpLine& l = page.lines[i];
  const size_t n = page.lines.size();
  std::vector<std::string> x;
  x.reserve(48);
  x.push_back("bias");
  std::string len = WordBucket(f.words);
  x.push_back("len=" + len);
  x.push_back("end=" + f.end);
  x.push_back("len|end=" + len + f.end);
  x.push_back(std::string("chars=") + Bucket(f.chars, {10, 30, 60, 120, 250, 500}, {"a", "b", "c", "d", "e", "f", "g"}));
  const char* pg = page.page_stop_ratio < 0.05 ? "lo" : "ok";
  if (f.words >= 3) {
    x.push_back(std::string("stop=") + RatioBucket(static_cast<double>(f.stop) / f.words) + "|pg=" + pg);
    x.push_back(std::string("caps=") + RatioBucket(static_cast<double>(f.caps) / f.words));
    x.push_back(std::string("dig=") + RatioBucket(static_cast<double>(f.digits) / f.words));
  }
  x.push_back(std::string("sent=") + Bucket(f.sentences, {1, 2, 3, 5}, {"0", "1", "2", "3-4", "5+"}));
  if (f.teaser) x.push_back(std::string("teaser|len=") + (f.words >= 10 ? "long" : "short"));
  for (const auto& k : f.kw) x.push_back("kw=" + k + (f.words > 25 ? "|long" : "|short"));
  x.push_back(std::string("blank=") + Bucket(l.blank_before, {1, 2}, {"0", "1", "2+"}));
  if (l.indent > 0) x.push_back("indent");
  x.push_back(std::string("dup=") + Bucket(f.dup, {2, 3, 5}, {"1", "2", "3-4", "5+"}));
  if (f.template_share < 0) x.push_back("tpl=unknown");
  else x.push_back(std::string("tpl=") + (f.template_share >= 0.75 ? "hi" : f.template_share >= 0.4 ? "mid" : f.template_share > 0 ? "lo" : "0") + (f.words >= 10 ? "|long" : "|short"));
  if (l.text.find('|') != std::string::npos || l.text.find(" / ") != std::string::npos) x.push_back("sep");
  if (l.text.find("http") != std::string::npos || l.text.find("www.") != std::string::npos || l.text.find('@') != std::string::npos) x.push_back("url");
  if (l.text.rfind("By ", 0) == 0 || l.text.rfind("by ", 0) == 0 || l.text.rfind("BY ", 0) == 0) x.push_back("by");
  int pos = n > 1 ? static_cast<int>(10 * i / n) : 0;
  x.push_back("pos=" + std::to_string(pos));
  if (i < 5) x.push_back("first5");
  if (n - i <= 5) x.push_back("last5");
  // Neighbours.
  for (int d : {-2, -1, 1, 2}) {
    std::string tag = d == -1 ? "p:" : d == 1 ? "n:" : d == -2 ? "pp:" : "nn:";
    if ((d < 0 && i < static_cast<size_t>(-d)) || (d > 0 && i + d >= n)) {
      x.push_back(tag + "none");
      continue;
    }
    const LineFacts& g = page.facts[i + d];
    x.push_back(tag + "len=" + WordBucket(g.words));
    if (d == -1 || d == 1) {
      x.push_back(tag + "end=" + g.end);
      x.push_back(tag + "prose=" + (Prose(page, i + d) ? "y" : "n") + (Prose(page, i) ? "y" : "n"));
    }
  }
  // Prose density around the line.
  int dense = 0;
  for (size_t j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; ++j)
    if (j != i && Prose(page, j)) dense += page.facts[j].words;
  x.push_back(std::string("dense=") + Bucket(dense, {1, 20, 50, 100, 200}, {"0", "<20", "<50", "<100", "<200", "hi"}));
  AddRunFeatures(page.prose_run, i, "run", &x);
  return x;
}

std::vector<std::string> ContextFeatures(const PageLines& page, const Stage1& s1, size_t i) {
  const std::vector<double>& p1 = s1.p;
  std::vector<std::string> x = LineFeatures(page, i);
  const size_t n = page.lines.size();
  auto bin = [](double p) { return std::to_string(std::min(4, static_cast<int>(p * 5))); };
  x.push_back("s1=" + bin(p1[i]));
  x.push_back("s1|len=" + bin(p1[i]) + WordBucket(page.facts[i].words));
  for (int d : {-2, -1, 1, 2}) {
    std::string tag = d == -1 ? "s1p=" : d == 1 ? "s1n=" : d == -2 ? "s1pp=" : "s1nn=";
    if ((d < 0 && i < static_cast<size_t>(-d)) || (d > 0 && i + d >= n)) x.push_back(tag + "none");
    else x.push_back(tag + bin(p1[i + d]));
  }
  // Word-weighted mean score of the lines within 5 either side.
  double num = 0, den = 0;
  for (size_t j = i >= 5 ? i - 5 : 0; j < n && j <= i + 5; ++j) {
    if (j == i) continue;
    double w = 1 + page.facts[j].words;
    num += w * p1[j];
    den += w;
  }
  x.push_back("s1win=" + bin(den ? num / den : 0));
  AddRunFeatures(s1.run, i, "s1run", &x);
  return x;
}

}  // namespace dateline
