// CueModel (quote_cue_model.h). The feature strings mirror features() in
// eval/train_quote_cues.py one for one; keep the two in step.
#include "annotate/quote_cue_model.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "annotate/quote_lexicon.h"

namespace dateline::quotes {
namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

uint64_t Hash(std::string_view a, std::string_view b = {}, std::string_view c = {}, std::string_view d = {},
              std::string_view e = {}) {
  return Fnv(Fnv(Fnv(Fnv(Fnv(kFnvBasis, a), b), c), d), e);
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

// Code points in a UTF-8 string.
size_t Chars(std::string_view w) {
  size_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

// A crude stem as a base and a suffix to append (no allocation): the
// feature hashes the two parts in a row, the same as their concatenation.
struct Stem {
  std::string_view base, add;
};

Stem StemOf(std::string_view w) {
  size_t n = Chars(w);
  if (n > 5 && EndsWith(w, "ing")) return {w.substr(0, w.size() - 3), {}};
  if (n > 4 && EndsWith(w, "ied")) return {w.substr(0, w.size() - 3), "y"};
  if (n > 4 && (EndsWith(w, "ed") || EndsWith(w, "es"))) return {w.substr(0, w.size() - 2), {}};
  if (n > 3 && EndsWith(w, "s") && !EndsWith(w, "ss")) return {w.substr(0, w.size() - 1), {}};
  return {w, {}};
}

// The last three code points.
std::string_view Suffix3(std::string_view w) {
  size_t i = w.size();
  for (int n = 0; n < 3 && i > 0;) {
    --i;
    if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80) ++n;
  }
  return w.substr(i);
}

std::string_view Shape(const QTok& t) {
  if (t.text.empty()) return "_";
  if (t.cap) return "C";
  unsigned char c = t.text[0];
  if (c >= '0' && c <= '9') return "d";
  if (t.word) return "l";
  return t.text;
}

bool IsPronoun(std::string_view l) {
  return l == "he" || l == "she" || l == "they" || l == "we" || l == "i" || l == "you" || l == "it" || l == "who";
}

// Spreads a feature hash over the table (FNV-1a's low bits are weak).
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

bool IsStop(std::string_view l) { return l == "." || l == "?" || l == "!" || l == ";"; }

}  // namespace

size_t CueFeatures(const QuoteText& q, size_t k, uint64_t* f) {
  const auto [pb, pe] = q.paras[q.tok[k].para];
  auto at = [&](long j) -> std::string_view {
    return j >= static_cast<long>(pb) && j < static_cast<long>(pe) ? std::string_view(q.lower[j]) : "<p>";
  };
  const long i = static_cast<long>(k);
  const std::string_view w = q.lower[k];
  const Stem stem = StemOf(w);
  size_t n = 0;
  f[n++] = Hash("b");
  f[n++] = Hash("w=", w);
  f[n++] = Hash("s=", stem.base, stem.add);
  f[n++] = Hash("x3=", Suffix3(w));
  f[n++] = Hash("p1=", at(i - 1));
  f[n++] = Hash("p2=", at(i - 2));
  f[n++] = Hash("n1=", at(i + 1));
  f[n++] = Hash("n2=", at(i + 2));
  f[n++] = Hash("p1w=", at(i - 1), "|", w);
  f[n++] = Hash("wn1=", w, "|", at(i + 1));
  f[n++] = Hash("sn1=", stem.base, stem.add, "|", at(i + 1));
  f[n++] = Hash("ps=", i - 1 >= static_cast<long>(pb) ? Shape(q.tok[k - 1]) : "<p>");
  f[n++] = Hash("ns=", k + 1 < pe ? Shape(q.tok[k + 1]) : "<p>");
  for (size_t j = k + 1; j < pe && j < k + 6; ++j) {
    if (IsStop(q.lower[j])) break;
    if (q.lower[j] == "that") {
      f[n++] = Hash("that5");
      break;
    }
  }
  for (size_t j = k + 1; j < pe && j < k + 4; ++j) {
    if (IsDoubleMark(q.tok[j].text)) {
      f[n++] = Hash("q3");
      break;
    }
  }
  std::string_view sub = "0";
  for (long j = i - 1; j >= static_cast<long>(pb) && j >= i - 4; --j) {
    if (IsStop(q.lower[j]) || q.lower[j] == ",") break;
    if (IsPronoun(q.lower[j])) {
      sub = "P";
      break;
    }
    if (q.tok[j].cap) {
      sub = "N";
      break;
    }
  }
  f[n++] = Hash("sub=", sub);
  return n;
}

std::vector<uint64_t> CueFeatures(const QuoteText& q, size_t k) {
  uint64_t f[kMaxCueFeatures];
  return std::vector<uint64_t>(f, f + CueFeatures(q, k, f));
}

uint64_t FeatureHash(std::string_view a, std::string_view b, std::string_view c, std::string_view d) {
  return Hash(a, b, c, d);
}

bool CueModel::Candidate(const QuoteText& q, size_t k) {
  const QTok& t = q.tok[k];
  if (!t.word || t.cap || t.text.size() < 2) return false;
  unsigned char c = t.text[0];
  return !(c >= '0' && c <= '9');
}

double CueModel::Score(const QuoteText& q, size_t k) const {
  uint64_t f[kMaxCueFeatures];
  return Score(f, CueFeatures(q, k, f));
}

double CueModel::Score(const std::vector<uint64_t>& features) const {
  return Score(features.data(), features.size());
}

double CueModel::Score(const uint64_t* features, size_t n) const {
  if (slots_.empty()) return 0;
  const size_t mask = slots_.size() - 1;
  // The features' first slots are fetched together, then probed.
  for (size_t f = 0; f < n; ++f) __builtin_prefetch(&slots_[Mix(features[f]) & mask]);
  double z = 0;
  for (size_t f = 0; f < n; ++f) {
    const uint64_t h = features[f];
    if (h == 0) {
      z += zero_weight_;
      continue;
    }
    for (size_t i = Mix(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == h) {
        z += s.weight;
        break;
      }
      if (s.key == 0) break;
    }
  }
  return z;
}

void CueModel::Put(uint64_t key, float weight) {
  if (key == 0) {
    zero_weight_ = weight;
    ++size_;
    return;
  }
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.key == key) {
      s.weight = weight;
      return;
    }
    if (s.key == 0) {
      s = {key, weight};
      ++size_;
      return;
    }
  }
}

void CueModel::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = Mix(s.key) & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

CueModel CueModel::FromLines(const std::vector<std::string>& lines) {
  CueModel m;
  for (const std::string& line : lines) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string key = line.substr(0, tab);
    const double v = std::strtod(line.c_str() + tab + 1, nullptr);
    if (key == "threshold") {
      m.threshold_ = v;
    } else if (key == "filter") {
      m.filter_ = v;
    } else {
      m.Put(std::strtoull(key.c_str(), nullptr, 16), static_cast<float>(v));
    }
  }
  return m;
}

CueModel CueModel::Load(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return FromLines(lines);
}

const char* LengthBucket(size_t n) {
  if (n <= 1) return "1";
  if (n <= 2) return "2";
  if (n <= 3) return "3";
  if (n <= 5) return "4-5";
  if (n <= 8) return "6-8";
  if (n <= 12) return "9-12";
  if (n <= 20) return "13-20";
  if (n <= 30) return "21-30";
  return "31+";
}

}  // namespace dateline::quotes
