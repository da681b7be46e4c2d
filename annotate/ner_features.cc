// Feature templates of the NER tagger (see ner_features.h).
//
// Speed: one pass per token computes the lower-case form (into a per-document
// arena), its hash, the shape hash and the case flags, with no per-token
// string; documents reuse thread-local scratch buffers, and the keys go into
// one flat array (DocFeatures). The keys and their order are those of the
// original per-token-vector version; annotate/ner_features_test.cc checks
// that against a slow reference implementation.
#include "annotate/ner_features.h"

#include <algorithm>

#include <utf8proc.h>

#include "annotate/ner_hash.h"
#include "base/utf8.h"

namespace dateline::ner {

const char* const kTypeNames[kNumTypes] = {"PER", "ORG", "LOC", "MISC"};

namespace {

// Template ids: each feature key is Key(template, parts...).
enum Tmpl : uint64_t {
  kBias = 1, kWord, kLower, kShape, kPrefix, kSuffix, kLowerM1, kLowerP1, kLowerM2, kLowerP2,
  kBigramM1, kBigramP1, kShapeM1, kShapeP1, kShapeM1_0, kShape0_P1, kGaz, kGazShape, kCapsSentCase,
  kFirstShape, kDocForm, kPrev1, kPrev12, kPrev1Word, kPrev1Shape, kHistory, kHistoryShape, kShortWord,
  kLowerP1Shape, kLowerM1Shape, kGazNext, kGazPrev, kHyphenPart, kAllCapsWord, kAggM1, kAggP1, kRunFirst, kRunLast, kRunShape, kRunBefore, kRunAfter
};

constexpr uint64_t kPadKey = 0xB0B;  // word / shape hash of the positions outside a sentence

// Shape class of a code point: 'X' upper, 'x' other letter, 'd' digit, the
// character itself for other ASCII, '*' otherwise.
inline char ShapeChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) return 'X';
  if (cat >= UTF8PROC_CATEGORY_LL && cat <= UTF8PROC_CATEGORY_LO) return 'x';
  if (cat == UTF8PROC_CATEGORY_ND) return 'd';
  return '*';
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
    unsigned char b = static_cast<unsigned char>(lw[i]);
    if (b < 0x80) ++i;
    else utf8::Next(lw, &i);
  }
  auto start = [&](size_t c) { return c < 5 ? head[c] : tail[c % 4]; };  // c >= n - 4 when c >= 5
  for (size_t k = 1; k <= 4; ++k) {
    size_t m = k < n ? k : n;
    out[k - 1] = Key(kPrefix + 100 * k, Fnv(lw.substr(0, m < n ? start(m) : lw.size())));
    out[3 + k] = Key(kSuffix + 100 * k, Fnv(lw.substr(n - m < n ? start(n - m) : lw.size())));
  }
}

struct TokInfo {
  uint32_t lower_begin = 0, lower_size = 0;  // bytes of the lower-case form in the arena
  uint32_t id = 0;                           // index of lw among the document's words
  uint64_t w = 0, lw = 0, sh = 0;            // hashes of the word, lower-case form, shape
  bool cap = false;     // first character upper-case
  bool caps = false;    // has upper-case letters and no lower-case ones
  bool letter = false;  // has a letter
  bool joiner = false;  // "of", "for", "and", "&": joins runs of capitalised words
};

constexpr size_t kMaxAgg = 12;

// Words seen just before / after a capitalised word anywhere in the document
// (at most kMaxAgg each, first seen first).
struct Neighbours {
  uint8_t num_before = 0, num_after = 0;
  uint64_t before[kMaxAgg], after[kMaxAgg];
};

void AddUnique(uint64_t v, uint64_t* list, uint8_t* n) {
  if (*n >= kMaxAgg) return;
  for (uint8_t k = 0; k < *n; ++k)
    if (list[k] == v) return;
  list[(*n)++] = v;
}

// Per-thread buffers, reused from document to document.
struct Scratch {
  std::string arena;  // lower-case forms
  std::vector<TokInfo> info;
  std::vector<uint8_t> caps_sentence;
  // Open-addressing table lw -> word id + 1 (0 = empty).
  std::vector<std::pair<uint64_t, uint32_t>> ids;
  // Per word id: case evidence (bit 0: seen lower-case, bit 1: capitalised,
  // where case is informative) and index into `neighbours` (or -1).
  std::vector<uint8_t> form;
  std::vector<int32_t> neighbour_index;
  std::vector<Neighbours> neighbours;
  // Gazetteer matches of one sentence: (token, code) in match order, then
  // per token codes [gaz_begin[i], gaz_begin[i + 1]).
  std::vector<std::pair<uint32_t, uint32_t>> matches;
  std::vector<uint32_t> gaz_begin, gaz;
};

// Lower-case form (Unicode simple case mapping, appended to the arena), shape
// and case flags of one word, in one pass.
TokInfo Describe(std::string_view w, std::string* arena) {
  TokInfo t;
  t.lower_begin = static_cast<uint32_t>(arena->size());
  uint64_t lh = kFnvBasis, sh = kFnvBasis;
  bool upper = false, lower = false, first = true;
  char last = 0;
  size_t i = 0;
  while (i < w.size()) {
    unsigned char b = static_cast<unsigned char>(w[i]);
    char k;
    if (b < 0x80) {
      char lc = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
      arena->push_back(lc);
      lh = FnvStep(lh, static_cast<unsigned char>(lc));
      k = ShapeChar(b);
      ++i;
    } else {
      char32_t c = utf8::Next(w, &i);
      size_t from = arena->size();
      utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))), arena);
      for (size_t j = from; j < arena->size(); ++j) lh = FnvStep(lh, static_cast<unsigned char>((*arena)[j]));
      k = ShapeChar(c);
    }
    if (first) t.cap = k == 'X';  // the first character's category is Lu or Lt
    first = false;
    if (k != last || (k != 'x' && k != 'X' && k != 'd')) sh = FnvStep(sh, static_cast<unsigned char>(k));
    upper |= k == 'X';
    lower |= k == 'x';
    last = k;
  }
  t.lower_size = static_cast<uint32_t>(arena->size() - t.lower_begin);
  t.w = Fnv(w);
  t.lw = lh;
  t.sh = sh;
  t.caps = upper && !lower;
  t.letter = upper || lower;
  std::string_view lw(arena->data() + t.lower_begin, t.lower_size);
  t.joiner = lw == "of" || lw == "for" || lw == "and" || lw == "&";
  return t;
}

bool SentenceAllCaps(const TokInfo* s, size_t n) {
  int letters = 0, caps = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!s[i].letter) continue;
    ++letters;
    if (s[i].caps) ++caps;
  }
  return letters >= 2 && caps * 10 >= letters * 8;
}

// Gives every distinct lower-case word of the document an id (TokInfo::id).
uint32_t AssignIds(Scratch* x) {
  size_t cap = 16;
  while (cap < x->info.size() * 2) cap <<= 1;
  x->ids.assign(cap, {0, 0});
  uint32_t next = 0;
  for (TokInfo& t : x->info) {
    size_t h = static_cast<size_t>(Mix(t.lw)) & (cap - 1);
    while (x->ids[h].second != 0 && x->ids[h].first != t.lw) h = (h + 1) & (cap - 1);
    if (x->ids[h].second == 0) x->ids[h] = {t.lw, ++next};
    t.id = x->ids[h].second - 1;
  }
  return next;
}

// Document-level case evidence: for each word, whether it was seen lower-case
// or capitalised where case is informative (not sentence-initial, not in an
// all-caps sentence), and the words seen around its capitalised occurrences.
void CollectEvidence(const std::vector<uint32_t>& sentence_begin, uint32_t num_words, Scratch* x) {
  x->form.assign(num_words, 0);
  x->neighbour_index.assign(num_words, -1);
  x->neighbours.clear();
  for (size_t s = 0; s + 1 < sentence_begin.size(); ++s) {
    const TokInfo* si = x->info.data() + sentence_begin[s];
    size_t n = sentence_begin[s + 1] - sentence_begin[s];
    for (size_t i = 0; i < n; ++i) {
      if (!si[i].cap) continue;
      int32_t& k = x->neighbour_index[si[i].id];
      if (k < 0) {
        k = static_cast<int32_t>(x->neighbours.size());
        x->neighbours.emplace_back();
      }
      Neighbours& nb = x->neighbours[k];
      AddUnique(i > 0 ? si[i - 1].lw : kPadKey, nb.before, &nb.num_before);
      AddUnique(i + 1 < n ? si[i + 1].lw : kPadKey, nb.after, &nb.num_after);
    }
    if (x->caps_sentence[s]) continue;
    for (size_t i = 1; i < n; ++i)
      if (si[i].letter) x->form[si[i].id] |= si[i].cap ? 2 : 1;
  }
}

// Gazetteer matches of a sentence as (type * 4 + BILOU position) codes per
// token, in the order of the original nested loops (start, end, kind, token).
void GazMatches(const TokInfo* s, size_t n, const Gazetteer& gaz, Scratch* x) {
  x->matches.clear();
  for (size_t b = 0; b < n; ++b) {
    uint64_t h = kPhraseSeed;
    for (size_t e = b + 1; e <= n && static_cast<int>(e - b) <= gaz.max_len(); ++e) {
      h = PhraseStep(h, s[e - 1].lw);
      uint32_t mask = gaz.LookupHash(h);
      for (int t = 0; mask && t < kGazKinds; ++t) {
        if (!(mask & (1u << t))) continue;
        for (size_t k = b; k < e; ++k) {
          int pos = e - b == 1 ? kU : k == b ? kB : k + 1 == e ? kL : kI;
          x->matches.push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(t * 4 + pos)});
        }
      }
    }
  }
  x->gaz_begin.assign(n + 1, 0);
  for (const auto& m : x->matches) ++x->gaz_begin[m.first + 1];
  for (size_t i = 0; i < n; ++i) x->gaz_begin[i + 1] += x->gaz_begin[i];
  x->gaz.resize(x->matches.size());
  std::vector<uint32_t>& fill = x->gaz_begin;  // bumped while filling, then restored
  for (const auto& m : x->matches) x->gaz[fill[m.first]++] = m.second;
  for (size_t i = n; i > 0; --i) fill[i] = fill[i - 1];
  fill[0] = 0;
}

// Features of the run of capitalised words a token belongs to ("Kremlin
// spokesperson" -> no; "Dmitry Peskov", "Bank of England"): its first and last
// word, the words around it, its length and the token's place in it.
void RunFeatures(const TokInfo* s, size_t n, bool all_caps, size_t i, std::vector<uint64_t>* f) {
  auto in_run = [&](size_t k) { return s[k].cap && !all_caps; };
  if (!in_run(i)) return;
  size_t b = i, e = i + 1;
  while (b > 0 && in_run(b - 1)) --b;
  while (e < n && in_run(e)) ++e;
  // "of" / "for" / "and" between capitalised words joins them.
  while (e + 1 < n && s[e].joiner && in_run(e + 1)) {
    e += 2;
    while (e < n && in_run(e)) ++e;
  }
  size_t len = e - b;
  if (len < 2) return;
  f->push_back(Key(kRunFirst, s[b].lw));
  f->push_back(Key(kRunLast, s[e - 1].lw));
  f->push_back(Key(kRunShape, std::min<size_t>(len, 5), i == b ? 0 : i + 1 == e ? 2 : 1));
  f->push_back(Key(kRunBefore, b > 0 ? s[b - 1].lw : kPadKey));
  f->push_back(Key(kRunAfter, e < n ? s[e].lw : kPadKey));
}

// Appends the static features of the sentence's tokens to d (keys, key_begin).
void SentenceFeatures(const TokInfo* s, size_t n, bool all_caps, const Scratch& x, DocFeatures* d) {
  static const TokInfo kPad = [] {
    TokInfo t;
    t.lw = t.w = t.sh = kPadKey;
    return t;
  }();
  auto at = [&](long k) -> const TokInfo& { return k < 0 || k >= static_cast<long>(n) ? kPad : s[k]; };
  std::vector<uint64_t>& f = d->keys;
  for (size_t i = 0; i < n; ++i) {
    const TokInfo& t = s[i];
    const TokInfo &m1 = at(long(i) - 1), &p1 = at(long(i) + 1), &m2 = at(long(i) - 2), &p2 = at(long(i) + 2);
    std::string_view lower(x.arena.data() + t.lower_begin, t.lower_size);
    f.push_back(Key(kBias));
    f.push_back(Key(kWord, t.w));
    f.push_back(Key(kLower, t.lw));
    f.push_back(Key(kShape, t.sh));
    uint64_t aff[8];
    Affixes(lower, aff);
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
    if (lower.size() <= 3) f.push_back(Key(kShortWord, t.w));
    size_t dash = lower.rfind('-');
    if (dash != std::string_view::npos && dash + 1 < lower.size())
      f.push_back(Key(kHyphenPart, Fnv(lower.substr(dash + 1))));
    for (uint32_t g = x.gaz_begin[i]; g < x.gaz_begin[i + 1]; ++g) {
      f.push_back(Key(kGaz, x.gaz[g]));
      f.push_back(Key(kGazShape, x.gaz[g], t.sh));
    }
    if (i + 1 < n)
      for (uint32_t g = x.gaz_begin[i + 1]; g < x.gaz_begin[i + 2]; ++g) f.push_back(Key(kGazNext, x.gaz[g]));
    if (i > 0)
      for (uint32_t g = x.gaz_begin[i - 1]; g < x.gaz_begin[i]; ++g) f.push_back(Key(kGazPrev, x.gaz[g]));
    uint64_t form = x.form[t.id];
    bool informative = i == 0 || all_caps;
    f.push_back(Key(kDocForm, form, (informative ? 4 : 0) | (t.cap ? 1 : 0) | (t.caps ? 2 : 0)));
    if (all_caps) f.push_back(Key(kCapsSentCase, form, t.lw));
    RunFeatures(s, n, all_caps, i, &f);
    if (t.cap) {  // a capitalised word always has its neighbours collected
      const Neighbours& nb = x.neighbours[x.neighbour_index[t.id]];
      for (uint8_t k = 0; k < nb.num_before; ++k)
        if (nb.before[k] != m1.lw) f.push_back(Key(kAggM1, nb.before[k]));
      for (uint8_t k = 0; k < nb.num_after; ++k)
        if (nb.after[k] != p1.lw) f.push_back(Key(kAggP1, nb.after[k]));
    }
    d->key_begin.push_back(static_cast<uint32_t>(f.size()));
  }
}

}  // namespace

bool Allowed(int prev, int tag, bool last) {
  int pp = TagPos(prev), tp = TagPos(tag);
  bool open = prev > 0 && (pp == kB || pp == kI);
  if (last && (tp == kB || tp == kI)) return false;
  if (open) return TagType(tag) == TagType(prev) && (tp == kI || tp == kL);
  return tag == 0 || tp == kB || tp == kU;
}

int TypeIndex(std::string_view n) {
  if (n == "PER" || n == "PERSON") return 0;
  if (n == "ORG") return 1;
  if (n == "LOC" || n == "PLACE") return 2;
  if (n == "MISC") return 3;
  return -1;
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t c = utf8::Next(s, &i);
    utf8::Append(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))), &out);
  }
  return out;
}

void Featurize(const std::vector<std::string_view>& words, const std::vector<uint32_t>& sentence_begin,
               const Gazetteer& gaz, DocFeatures* d) {
  thread_local Scratch x;
  size_t num_sentences = sentence_begin.empty() ? 0 : sentence_begin.size() - 1;
  x.arena.clear();
  x.info.clear();
  for (std::string_view w : words) x.info.push_back(Describe(w, &x.arena));
  x.caps_sentence.assign(num_sentences, 0);
  for (size_t s = 0; s < num_sentences; ++s)
    x.caps_sentence[s] = SentenceAllCaps(x.info.data() + sentence_begin[s], sentence_begin[s + 1] - sentence_begin[s]);
  d->num_words = AssignIds(&x);
  CollectEvidence(sentence_begin, d->num_words, &x);
  d->sentence_begin = sentence_begin;
  d->keys.clear();
  d->key_begin.assign(1, 0);
  d->word_key.clear();
  d->word_id.clear();
  d->shape_key.clear();
  d->capitalised.clear();
  for (size_t s = 0; s < num_sentences; ++s) {
    const TokInfo* si = x.info.data() + sentence_begin[s];
    size_t n = sentence_begin[s + 1] - sentence_begin[s];
    GazMatches(si, n, gaz, &x);
    SentenceFeatures(si, n, x.caps_sentence[s], x, d);
  }
  for (const TokInfo& t : x.info) {
    d->word_key.push_back(t.lw);
    d->word_id.push_back(t.id);
    d->shape_key.push_back(t.sh);
    d->capitalised.push_back(t.cap);
  }
}

DocFeatures Featurize(const std::vector<std::vector<std::string>>& sentences, const Gazetteer& gaz) {
  std::vector<std::string_view> words;
  std::vector<uint32_t> begin(1, 0);
  for (const auto& s : sentences) {
    words.insert(words.end(), s.begin(), s.end());
    begin.push_back(static_cast<uint32_t>(words.size()));
  }
  DocFeatures d;
  Featurize(words, begin, gaz, &d);
  return d;
}

void DynamicFeatures(uint64_t word_key, uint64_t shape_key, int prev1, int prev2, int history_type,
                     std::vector<uint64_t>* out) {
  out->push_back(Key(kPrev1, prev1 + 2));
  out->push_back(Key(kPrev12, prev1 + 2, prev2 + 2));
  out->push_back(Key(kPrev1Word, prev1 + 2, word_key));
  out->push_back(Key(kPrev1Shape, prev1 + 2, shape_key));
  out->push_back(Key(kHistory, history_type + 2));
  out->push_back(Key(kHistoryShape, history_type + 2, shape_key));
}

}  // namespace dateline::ner
