#include "clean/dump_features.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <unordered_map>

#include <cctype>

#include <utf8proc.h>

#include "base/utf8.h"

namespace dateline {
namespace {

// s lowercased code point by code point (utf8proc) into *out.
void LowerInto(std::string_view s, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    if (j > i) {  // a run of ASCII bytes, lowered in place
      size_t n = out->size();
      out->append(s.data() + i, j - i);
      for (char* p = out->data() + n; p != out->data() + out->size(); ++p)
        if (*p >= 'A' && *p <= 'Z') *p = static_cast<char>(*p + ('a' - 'A'));
      i = j;
    }
    if (i < s.size())
      utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(utf8::Next(s, &i)))), out);
  }
}

// Last code point of s (0 for empty) and the one before it, as decoding s
// from its start gives them. Decoding starts 16 bytes from the end, moved
// back to a byte that is not a continuation byte: no valid sequence holds
// such a byte inside it, so decoding from the start passes through it too.
std::pair<char32_t, char32_t> LastTwo(std::string_view s) {
  char32_t a = 0, b = 0;
  size_t i = s.size() > 16 ? s.size() - 16 : 0;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  while (i < s.size()) {
    b = a;
    a = NextCodePoint(s, &i);
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

// Builds each feature name in one reused buffer from its parts and hands it
// to the emitter.
class Namer {
 public:
  explicit Namer(const FeatureEmitter& emit) : emit_(emit) {}
  void operator()(std::initializer_list<std::string_view> parts) {
    buf_.clear();
    for (std::string_view p : parts) buf_ += p;
    emit_(buf_);
  }

 private:
  const FeatureEmitter& emit_;
  std::string buf_;
};

void AddRunFeatures(const LineRun& r, size_t i, std::string_view tag, Namer& put) {
  if (!r.found) return put({tag, "=none"});
  size_t a = r.a, b = r.b;
  if (i >= a && i <= b) return put({tag, "=in"});
  size_t d = i < a ? a - i : i - b;
  put({tag, i < a ? "=before" : "=after", Bucket(static_cast<int>(d), {2, 4, 8, 16}, {"1", "2-3", "4-7", "8-15", "16+"})});
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
  lex.boiler_pair.assign(1 << 16, 0);
  for (size_t k = 0; k < lex.boiler.size(); ++k) {
    const std::string& ph = lex.boiler[k].second;
    if (ph.size() < 2) {
      lex.boiler_short.push_back(static_cast<uint16_t>(k));
      continue;
    }
    uint16_t& slot = lex.boiler_pair[static_cast<unsigned char>(ph[0]) << 8 | static_cast<unsigned char>(ph[1])];
    if (slot == 0) {
      lex.boiler_lists.emplace_back();
      slot = static_cast<uint16_t>(lex.boiler_lists.size());
    }
    lex.boiler_lists[slot - 1].push_back(static_cast<uint16_t>(k));
  }
  return lex;
}

void DumpLexicon::FindBoiler(std::string_view low, std::vector<uint16_t>* hits) const {
  hits->clear();
  for (uint16_t k : boiler_short) {
    const std::string& ph = boiler[k].second;
    if (ph.empty() || low.find(ph[0]) != std::string_view::npos) hits->push_back(k);
  }
  if (boiler_pair.empty()) return;
  for (size_t p = 0; p + 1 < low.size(); ++p) {
    uint16_t slot = boiler_pair[static_cast<unsigned char>(low[p]) << 8 | static_cast<unsigned char>(low[p + 1])];
    if (slot == 0) continue;
    for (uint16_t k : boiler_lists[slot - 1]) {
      const std::string& ph = boiler[k].second;
      if (low.compare(p, ph.size(), ph) == 0 && std::find(hits->begin(), hits->end(), k) == hits->end())
        hits->push_back(k);
    }
  }
  std::sort(hits->begin(), hits->end());
}

namespace {

// Word counts of one line: words, stop words and digit-initial words of the
// lowercased line `low`, capitalised words of the line `t`.
void CountLineWords(const DumpLexicon& lex, std::string_view t, std::string_view low, LineFacts* f) {
  size_t i = 0, start = std::string_view::npos;
  auto word = [&](std::string_view w) {
    ++f->words;
    if (lex.stop_words.find(w) != lex.stop_words.end()) ++f->stop;
    if (w[0] >= '0' && w[0] <= '9') ++f->digits;
  };
  while (i < low.size()) {
    size_t at = i;
    bool w = IsWordCodePoint(NextCodePoint(low, &i));
    if (w && start == std::string_view::npos) start = at;
    if (!w && start != std::string_view::npos) {
      word(low.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) word(low.substr(start));
  bool in = false;
  i = 0;
  while (i < t.size()) {
    char32_t cp = NextCodePoint(t, &i);
    bool w = IsWordCodePoint(cp);
    if (w && !in) {
      if (cp < 0x80) {
        f->caps += cp >= 'A' && cp <= 'Z';
      } else {
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        f->caps += cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
      }
    }
    in = w;
  }
}

}  // namespace

void ComputeFacts(const DumpLexicon& lex, const std::vector<double>& template_share, PageLines* page) {
  const size_t n = page->lines.size();
  if (page->keys.size() != n) {
    std::string scratch;
    page->keys.resize(n);
    for (size_t i = 0; i < n; ++i) page->keys[i] = LineKey(page->lines[i].text, &scratch);
  }
  std::unordered_map<uint64_t, int> keys;
  int64_t all_words = 0, all_stop = 0;
  page->facts.assign(n, {});
  std::string low;
  std::vector<uint16_t> hits;
  for (size_t i = 0; i < n; ++i) {
    const std::string& t = page->lines[i].text;
    LineFacts& f = page->facts[i];
    LowerInto(t, &low);
    CountLineWords(lex, t, low, &f);
    f.chars = static_cast<int>(utf8::Length(t));
    f.end = EndClass(t);
    f.teaser = f.end == "…";
    f.sentences = CountSentences(t);
    lex.FindBoiler(low, &hits);
    for (uint16_t k : hits) {
      const std::string& cat = lex.boiler[k].first;
      if (std::find(f.kw.begin(), f.kw.end(), cat) == f.kw.end()) f.kw.push_back(cat);
    }
    f.template_share = i < template_share.size() ? template_share[i] : -1;
    ++keys[page->keys[i]];
    all_words += f.words;
    all_stop += f.stop;
  }
  for (size_t i = 0; i < n; ++i) page->facts[i].dup = keys[page->keys[i]];
  page->page_stop_ratio = all_words ? static_cast<double>(all_stop) / all_words : 0;
  std::vector<double> v(n);
  for (size_t j = 0; j < v.size(); ++j)
    v[j] = Prose(*page, j) ? page->facts[j].words : -std::max(3.0, page->facts[j].words / 2.0);
  page->prose_run = BestRun(v);
}

void EmitLineFeatures(const PageLines& page, size_t i, const FeatureEmitter& emit) {
  const LineFacts& f = page.facts[i];
  const DumpLine& l = page.lines[i];
  const size_t n = page.lines.size();
  Namer put(emit);
  put({"bias"});
  std::string_view len = WordBucket(f.words);
  put({"len=", len});
  put({"end=", f.end});
  put({"len|end=", len, f.end});
  put({"chars=", Bucket(f.chars, {10, 30, 60, 120, 250, 500}, {"a", "b", "c", "d", "e", "f", "g"})});
  const char* pg = page.page_stop_ratio < 0.05 ? "lo" : "ok";
  if (f.words >= 3) {
    put({"stop=", RatioBucket(static_cast<double>(f.stop) / f.words), "|pg=", pg});
    put({"caps=", RatioBucket(static_cast<double>(f.caps) / f.words)});
    put({"dig=", RatioBucket(static_cast<double>(f.digits) / f.words)});
  }
  put({"sent=", Bucket(f.sentences, {1, 2, 3, 5}, {"0", "1", "2", "3-4", "5+"})});
  if (f.teaser) put({"teaser|len=", f.words >= 10 ? "long" : "short"});
  for (const auto& k : f.kw) put({"kw=", k, f.words > 25 ? "|long" : "|short"});
  put({"blank=", Bucket(l.blank_before, {1, 2}, {"0", "1", "2+"})});
  if (l.indent > 0) put({"indent"});
  put({"dup=", Bucket(f.dup, {2, 3, 5}, {"1", "2", "3-4", "5+"})});
  if (f.template_share < 0) {
    put({"tpl=unknown"});
  } else {
    const char* share = f.template_share >= 0.75 ? "hi" : f.template_share >= 0.4 ? "mid" : f.template_share > 0 ? "lo" : "0";
    put({"tpl=", share, f.words >= 10 ? "|long" : "|short"});
  }
  if (l.text.find('|') != std::string::npos || l.text.find(" / ") != std::string::npos) put({"sep"});
  if (l.text.find("http") != std::string::npos || l.text.find("www.") != std::string::npos || l.text.find('@') != std::string::npos) put({"url"});
  if (l.text.rfind("By ", 0) == 0 || l.text.rfind("by ", 0) == 0 || l.text.rfind("BY ", 0) == 0) put({"by"});
  int pos = n > 1 ? static_cast<int>(10 * i / n) : 0;
  put({"pos=", std::to_string(pos)});
  if (i < 5) put({"first5"});
  if (n - i <= 5) put({"last5"});
  // Neighbours.
  const bool prose = Prose(page, i);
  for (int d : {-2, -1, 1, 2}) {
    std::string_view tag = d == -1 ? "p:" : d == 1 ? "n:" : d == -2 ? "pp:" : "nn:";
    if ((d < 0 && i < static_cast<size_t>(-d)) || (d > 0 && i + d >= n)) {
      put({tag, "none"});
      continue;
    }
    const LineFacts& g = page.facts[i + d];
    put({tag, "len=", WordBucket(g.words)});
    if (d == -1 || d == 1) {
      put({tag, "end=", g.end});
      put({tag, "prose=", Prose(page, i + d) ? "y" : "n", prose ? "y" : "n"});
    }
  }
  // Prose density around the line.
  int dense = 0;
  for (size_t j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; ++j)
    if (j != i && Prose(page, j)) dense += page.facts[j].words;
  put({"dense=", Bucket(dense, {1, 20, 50, 100, 200}, {"0", "<20", "<50", "<100", "<200", "hi"})});
  AddRunFeatures(page.prose_run, i, "run", put);
}

void EmitContextOnlyFeatures(const PageLines& page, const Stage1& s1, size_t i, const FeatureEmitter& emit) {
  const std::vector<double>& p1 = s1.p;
  const size_t n = page.lines.size();
  Namer put(emit);
  static constexpr std::string_view kDigits[] = {"0", "1", "2", "3", "4"};
  auto bin = [](double p) { return kDigits[std::min(4, static_cast<int>(p * 5))]; };
  put({"s1=", bin(p1[i])});
  put({"s1|len=", bin(p1[i]), WordBucket(page.facts[i].words)});
  for (int d : {-2, -1, 1, 2}) {
    std::string_view tag = d == -1 ? "s1p=" : d == 1 ? "s1n=" : d == -2 ? "s1pp=" : "s1nn=";
    if ((d < 0 && i < static_cast<size_t>(-d)) || (d > 0 && i + d >= n)) put({tag, "none"});
    else put({tag, bin(p1[i + d])});
  }
  // Word-weighted mean score of the lines within 5 either side.
  double num = 0, den = 0;
  for (size_t j = i >= 5 ? i - 5 : 0; j < n && j <= i + 5; ++j) {
    if (j == i) continue;
    double w = 1 + page.facts[j].words;
    num += w * p1[j];
    den += w;
  }
  put({"s1win=", bin(den ? num / den : 0)});
  AddRunFeatures(s1.run, i, "s1run", put);
}

std::vector<std::string> LineFeatures(const PageLines& page, size_t i) {
  std::vector<std::string> x;
  x.reserve(48);
  EmitLineFeatures(page, i, [&](std::string_view f) { x.emplace_back(f); });
  return x;
}

std::vector<std::string> ContextFeatures(const PageLines& page, const Stage1& s1, size_t i) {
  std::vector<std::string> x = LineFeatures(page, i);
  EmitContextOnlyFeatures(page, s1, i, [&](std::string_view f) { x.emplace_back(f); });
  return x;
}

}  // namespace dateline
