#include "annotate/quote_groups.h"

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "base/hash.h"
#include "base/utf8.h"

namespace dateline {
namespace {

constexpr size_t kMaxPosting = 24;  // bigrams in more quotes do not propose candidates
constexpr size_t kMaxDiffWords = 400;

// A quote while the groups are made: the hashes of its word bigrams, and of
// its lower-cased words only their number and one hash of them all (the
// words themselves are split again from the text for the groups that are
// made), so that a storyline with tens of thousands of quotes costs ~8 bytes
// a word.
struct Item {
  size_t doc = 0, quote = 0;          // doc: the document's place in the storyline
  const QuoteDoc* source = nullptr;   // that document
  const std::string* text = nullptr;  // the QuoteDoc's
  uint32_t words = 0;                 // how many
  uint64_t words_hash = 0;            // of the lower-cased words in order
  std::vector<uint64_t> bigrams;      // sorted, unique
  std::string surname;

  bool SameWords(const Item& o) const { return words == o.words && words_hash == o.words_hash; }
};

bool WordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F) && c != 0xD7 && c != 0xF7;
}

void SplitWords(std::string_view s, std::vector<std::string>* lower, std::vector<std::string>* shown) {
  std::string l, w;
  auto flush = [&] {
    if (!w.empty()) {
      lower->push_back(l);
      shown->push_back(w);
    }
    l.clear();
    w.clear();
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = utf8::Next(s, &i);
    if (c == '\'' || c == 0x2019) continue;  // "don’t" -> "dont"
    if (!WordChar(c)) {
      flush();
      continue;
    }
    w.append(s.substr(start, i - start));
    if (c < 0x80) {
      l.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      l.append(s.substr(start, i - start));
    }
  }
  flush();
}

std::string LastWord(const std::optional<std::string>& name) {
  if (!name) return "";
  std::vector<std::string> l, w;
  SplitWords(*name, &l, &w);
  return l.empty() ? "" : l.back();
}

Item MakeItem(const QuoteDoc& d, size_t di, size_t qi) {
  Item it;
  it.doc = di;
  it.source = &d;
  it.quote = qi;
  it.text = &d.texts[qi];
  std::vector<std::string> words, shown;
  SplitWords(*it.text, &words, &shown);
  it.words = static_cast<uint32_t>(words.size());
  uint64_t h = 0;
  for (const std::string& w : words) h = Hash64(w) ^ (h * 0x100000001B3ULL + 0x9E3779B97F4A7C15ULL);
  it.words_hash = h;
  for (size_t k = 0; k + 1 < words.size(); ++k) it.bigrams.push_back(Hash64(words[k] + " " + words[k + 1]));
  if (words.size() == 1) it.bigrams.push_back(Hash64(words[0]));
  std::sort(it.bigrams.begin(), it.bigrams.end());
  it.bigrams.erase(std::unique(it.bigrams.begin(), it.bigrams.end()), it.bigrams.end());
  it.surname = LastWord(d.quotes[qi].speaker_name);
  return it;
}

struct UnionFind {
  std::vector<size_t> parent, size;
  explicit UnionFind(size_t n) : parent(n), size(n, 1) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b, size_t cap) {
    a = Find(a);
    b = Find(b);
    if (a == b || size[a] + size[b] > cap) return;
    if (size[a] < size[b]) std::swap(a, b);
    parent[b] = a;
    size[a] += size[b];
  }
};

size_t Shared(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

bool Related(const Item& a, const Item& b, size_t shared, const QuoteGroupOptions& o) {
  bool known = !a.surname.empty() && !b.surname.empty();
  if (known && a.surname != b.surname) return false;
  if (a.words < o.min_words || b.words < o.min_words) return a.SameWords(b);
  double containment = static_cast<double>(shared) / std::min(a.bigrams.size(), b.bigrams.size());
  return containment >= (known ? o.min_overlap : o.min_overlap_unknown);
}

// Links items of different documents that share enough bigrams. Pairs are
// proposed by rare bigrams (in at most kMaxPosting quotes) and must share
// two of them (or be one-bigram quotes) before the full overlap is counted.
// Only items from `from` on take part, and a pair needs one from first_new
// on (the pairs of older ones were linked before).
void LinkItems(const std::vector<Item>& items, size_t from, size_t first_new, const QuoteGroupOptions& o,
               UnionFind* uf) {
  // Every (bigram, item), sorted: the largest allocation of the corpus step
  // (tens of thousands of quotes in two segments of a large storyline), so
  // sized exactly and packed in 12 bytes.
#pragma pack(push, 4)
  struct Occ {
    uint64_t first;   // bigram
    uint32_t second;  // item
    bool operator<(const Occ& o) const { return first != o.first ? first < o.first : second < o.second; }
  };
#pragma pack(pop)
  size_t total = 0;
  for (size_t i = from; i < items.size(); ++i) total += items[i].bigrams.size();
  std::vector<Occ> occ;
  occ.reserve(total);
  for (size_t i = from; i < items.size(); ++i)
    for (uint64_t g : items[i].bigrams) occ.push_back({g, static_cast<uint32_t>(i)});
  std::sort(occ.begin(), occ.end());
  // For each newer item, the older items that share its rare bigrams and how
  // many (a pair is counted from the newer side only, so no list of every
  // (pair, bigram) is made); the pairs that join, in (older, newer) order.
  std::vector<uint32_t> shared(items.size(), 0), touched;
  std::vector<std::pair<uint32_t, uint32_t>> joins;
  for (size_t y = std::max(from, first_new); y < items.size(); ++y) {
    const Item& b = items[y];
    for (uint64_t g : b.bigrams) {
      auto lo = std::lower_bound(occ.begin(), occ.end(), Occ{g, 0});
      auto hi = lo;
      while (hi != occ.end() && hi->first == g) ++hi;
      if (static_cast<size_t>(hi - lo) > kMaxPosting) continue;
      for (auto it = lo; it != hi && it->second < y; ++it)
        if (items[it->second].doc != b.doc && shared[it->second]++ == 0) touched.push_back(it->second);
    }
    for (uint32_t x : touched) {
      const Item& a = items[x];
      bool tiny = a.bigrams.size() < 2 || b.bigrams.size() < 2;
      if ((shared[x] >= 2 || tiny) && Related(a, b, Shared(a.bigrams, b.bigrams), o))
        joins.push_back({x, static_cast<uint32_t>(y)});
      shared[x] = 0;
    }
    touched.clear();
  }
  std::sort(joins.begin(), joins.end());
  for (const auto& [x, y] : joins) uf->Join(x, y, o.max_group_size);
}

std::string Join(const std::vector<std::string>& w, size_t b, size_t e) {
  std::string s;
  for (size_t k = b; k < e; ++k) {
    if (k > b) s += " ";
    s += w[k];
  }
  return s;
}

// Word-level differences of `other` against `base` (longest common
// subsequence of the lower-cased words), printed with the words as written
// (base_shown, other_shown).
void Differences(const std::vector<std::string>& a, const std::vector<std::string>& b,
                 const std::vector<std::string>& base_shown, const std::vector<std::string>& other_shown,
                 const std::string& doc, std::vector<WordingDifference>* out) {
  if (a.size() > kMaxDiffWords || b.size() > kMaxDiffWords || a == b) return;
  std::vector<std::vector<uint16_t>> L(a.size() + 1, std::vector<uint16_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      L[i][j] = a[i] == b[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i;
      ++j;
      continue;
    }
    size_t i0 = i, j0 = j;
    while ((i < a.size() || j < b.size()) && !(i < a.size() && j < b.size() && a[i] == b[j])) {
      if (j >= b.size() || (i < a.size() && L[i + 1][j] >= L[i][j + 1])) {
        ++i;
      } else {
        ++j;
      }
    }
    out->push_back({doc, Join(base_shown, i0, i), Join(other_shown, j0, j)});
  }
}

QuoteGroup BuildGroup(const std::vector<Item>& items, std::vector<size_t> members) {
  // One source per document: its longest quote in the group.
  std::sort(members.begin(), members.end(), [&](size_t x, size_t y) {
    if (items[x].doc != items[y].doc) return items[x].doc < items[y].doc;
    return items[x].words > items[y].words;
  });
  members.erase(std::unique(members.begin(), members.end(),
                            [&](size_t x, size_t y) { return items[x].doc == items[y].doc; }),
                members.end());
  size_t rep = members[0];
  for (size_t m : members)
    if (items[m].words > items[rep].words) rep = m;
  QuoteGroup g;
  g.text = *items[rep].text;
  std::vector<std::string> rep_words, rep_shown;
  SplitWords(g.text, &rep_words, &rep_shown);
  char id[24];
  std::snprintf(id, sizeof(id), "q%016llx", static_cast<unsigned long long>(Hash64(Join(rep_words, 0, rep_words.size()))));
  g.id = id;
  g.kind = "indirect";
  for (size_t m : members) {
    const QuoteDoc& d = *items[m].source;
    const Quote& q = d.quotes[items[m].quote];
    g.sources.push_back({d.id, d.outlet, q.spans, *items[m].text, q.kind});
    if (q.kind == "direct") g.kind = "direct";
    if (!g.speaker_name && q.speaker_name) {
      g.speaker_name = q.speaker_name;
      if (q.speaker) g.speaker = d.id + ":" + *q.speaker;
    }
    if (m != rep && !items[m].SameWords(items[rep])) {
      std::vector<std::string> words, shown;
      SplitWords(*items[m].text, &words, &shown);
      Differences(rep_words, words, rep_shown, shown, d.id, &g.wording_differences);
    }
  }
  return g;
}

}  // namespace

QuoteDoc ReduceForQuotes(const Document& d) {
  QuoteDoc r;
  r.id = d.id;
  r.outlet = d.outlet;
  if (d.duplicate_of || d.quotes.empty()) return r;
  r.quotes = d.quotes;
  utf8::OffsetMap map(d.text);
  for (const Quote& q : d.quotes) {
    std::string text;
    for (const Span& s : q.spans) {
      size_t b = map.ToByte(s.begin), e = map.ToByte(s.end);
      if (b >= e || e > d.text.size()) continue;
      if (!text.empty()) text += " ";
      text.append(d.text, b, e - b);
    }
    r.texts.push_back(std::move(text));
  }
  return r;
}

std::vector<QuoteGroup> GroupQuotes(const std::vector<Document>& docs, const QuoteGroupOptions& options) {
  std::vector<QuoteDoc> reduced;
  reduced.reserve(docs.size());
  for (const Document& d : docs) reduced.push_back(ReduceForQuotes(d));
  QuoteGrouper grouper(options);
  grouper.Add(std::move(reduced));
  return grouper.Finish();
}

// The quotes of the last two segments and of the groups still open, in
// document order, and the documents they are from.
struct QuoteGrouper::State {
  QuoteGroupOptions o;
  size_t docs_seen = 0, last_segment = 0;  // documents added, in the last Add()
  std::unordered_map<size_t, QuoteDoc> docs;  // by place in the storyline
  std::vector<Item> items;
  std::vector<size_t> group_of;  // per item: its group's first item, for the next Add
  std::vector<std::pair<std::pair<size_t, size_t>, QuoteGroup>> done;  // by (document, quote) of the first source item
};

QuoteGrouper::QuoteGrouper(const QuoteGroupOptions& options) : s_(std::make_unique<State>()) { s_->o = options; }
QuoteGrouper::~QuoteGrouper() = default;
QuoteGrouper::QuoteGrouper(QuoteGrouper&&) noexcept = default;
QuoteGrouper& QuoteGrouper::operator=(QuoteGrouper&&) noexcept = default;

void QuoteGrouper::Add(std::vector<QuoteDoc> docs) {
  if (!docs.empty()) Step(std::move(docs), false);
}
size_t QuoteGrouper::HeldDocuments() const { return s_->docs.size(); }

std::vector<QuoteGroup> QuoteGrouper::Finish() {
  Step({}, true);
  std::stable_sort(s_->done.begin(), s_->done.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<QuoteGroup> out;
  out.reserve(s_->done.size());
  for (auto& [at, g] : s_->done) out.push_back(std::move(g));
  const QuoteGroupOptions o = s_->o;
  s_ = std::make_unique<State>();
  s_->o = o;
  return out;
}

// Adds a segment's quotes to those held, links them with the held ones of
// the previous segment and with each other, and makes the groups that can no
// longer grow (none of their quotes is in this segment; all at the end).
void QuoteGrouper::Step(std::vector<QuoteDoc> segment, bool end) {
  State& s = *s_;
  // The previous segment's items start where the items of documents seen
  // before it end; they and this segment's take part in linking.
  size_t from = 0;
  while (from < s.items.size() && s.items[from].doc < s.docs_seen - std::min(s.docs_seen, s.last_segment)) ++from;
  const size_t first_new = s.items.size();
  const size_t segment_start = s.docs_seen;
  size_t quotes = 0;
  for (const QuoteDoc& d : segment) quotes += d.quotes.size();
  s.items.reserve(s.items.size() + quotes);  // exactly: no doubling of a large storyline's items
  for (QuoteDoc& d : segment) {
    const size_t di = s.docs_seen++;
    if (d.quotes.empty()) continue;
    QuoteDoc& kept = s.docs.emplace(di, std::move(d)).first->second;
    for (size_t qi = 0; qi < kept.quotes.size(); ++qi) {
      Item it = MakeItem(kept, di, qi);
      if (it.words) s.items.push_back(std::move(it));
    }
  }
  s.last_segment = s.docs_seen - segment_start;
  UnionFind uf(s.items.size());
  for (size_t i = 0; i < s.group_of.size(); ++i)
    if (s.group_of[i] != i) uf.Join(s.group_of[i], i, SIZE_MAX);  // groups held from before
  LinkItems(s.items, from, first_new, s.o, &uf);
  std::unordered_map<size_t, std::vector<size_t>> comps;
  std::vector<size_t> order;
  for (size_t i = 0; i < s.items.size(); ++i) {
    auto [it, fresh] = comps.try_emplace(uf.Find(i));
    if (fresh) order.push_back(uf.Find(i));
    it->second.push_back(i);
  }
  // A group with a quote of this segment may still grow; the others are made.
  std::vector<char> open(s.items.size(), 0);
  for (size_t root : order) {
    const std::vector<size_t>& members = comps[root];
    bool grows = !end && s.items[members.back()].doc >= segment_start;
    if (grows) {
      for (size_t m : members) open[m] = 1;
      continue;
    }
    const Item& first = s.items[members.front()];
    std::pair<size_t, size_t> at{first.doc, first.quote};
    QuoteGroup g = BuildGroup(s.items, members);
    if (g.sources.size() >= 2 || s.o.singletons) s.done.emplace_back(at, std::move(g));
  }
  // What is held for the next segment: the open groups' items, in order.
  std::vector<Item> kept;
  std::vector<size_t> renumber(s.items.size(), SIZE_MAX), group_of;
  for (size_t i = 0; i < s.items.size(); ++i)
    if (open[i]) renumber[i] = kept.size(), kept.push_back(std::move(s.items[i]));
  for (size_t i = 0; i < renumber.size(); ++i)
    if (renumber[i] != SIZE_MAX) group_of.push_back(renumber[comps[uf.Find(i)].front()]);
  s.items = std::move(kept);
  s.group_of = std::move(group_of);
  std::unordered_set<size_t> held;
  for (const Item& it : s.items) held.insert(it.doc);
  for (auto it = s.docs.begin(); it != s.docs.end();) it = held.count(it->first) ? std::next(it) : s.docs.erase(it);
}

std::vector<QuoteGroup> GroupQuotes(const std::vector<QuoteDoc>& docs, const QuoteGroupOptions& options) {
  QuoteGrouper grouper(options);
  grouper.Add(docs);
  return grouper.Finish();
}

nlohmann::json QuoteGroupToJson(const QuoteGroup& g) {
  using nlohmann::json;
  auto opt = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };
  json sources = json::array();
  for (const QuoteSource& s : g.sources) {
    json spans = json::array();
    for (const Span& sp : s.spans) spans.push_back(json::array({sp.begin, sp.end}));
    sources.push_back({{"document", s.document}, {"outlet", opt(s.outlet)}, {"spans", spans}, {"text", s.text},
                       {"kind", s.kind}});
  }
  json diffs = json::array();
  for (const WordingDifference& w : g.wording_differences)
    diffs.push_back({{"document", w.document}, {"from", w.from}, {"to", w.to}});
  return {{"id", g.id},         {"speaker", opt(g.speaker)}, {"speaker_name", opt(g.speaker_name)},
          {"text", g.text},     {"kind", g.kind},            {"sources", sources},
          {"wording_differences", diffs}};
}

}  // namespace dateline
