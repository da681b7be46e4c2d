#include "stories/features.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <unordered_map>

#include "base/hash.h"
#include "base/utf8.h"

namespace dateline::stories {
namespace {

enum Kind : uint64_t { kWord = 1, kName = 2, kNumber = 3, kEntity = 4, kLead = 5 };

struct RawToken {
  std::string lower;
  bool capitalised = false;
  bool sentence_start = false;
  bool number = false;
};

bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE6F) return false;
  return c != 0xFEFF && c != 0xFFFD;
}

// Characters after which the next word starts a sentence (or a quotation).
bool IsBoundary(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == 0x201C ||
         c == 0x2018 || c == '(' || c == '|' || c == 0x2022;
}

void ScanTokens(std::string_view text, std::vector<RawToken>* out) {
  bool boundary = true;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    if (!IsWordCodePoint(c)) {
      if (IsBoundary(c)) boundary = true;
      continue;
    }
    bool digit_run = c >= '0' && c <= '9';
    while (i < text.size()) {
      size_t j = i;
      char32_t d = utf8::Next(text, &j);
      if (IsWordCodePoint(d)) {
        i = j;
        continue;
      }
      // Keep "7.3" and "1,000" whole.
      if (digit_run && (d == '.' || d == ',') && j < text.size() && text[j] >= '0' && text[j] <= '9') {
        i = j;
        continue;
      }
      break;
    }
    RawToken t;
    t.lower.assign(text.substr(start, i - start));
    t.capitalised = c >= 'A' && c <= 'Z';
    t.number = digit_run;
    t.sentence_start = boundary;
    for (char& ch : t.lower)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    boundary = false;
    out->push_back(std::move(t));
  }
}

// Sums equal keys of a list of (key, weight) and sorts it by key.
void SortAndSum(std::vector<Feature>* v) {
  std::sort(v->begin(), v->end());
  size_t out = 0;
  for (size_t i = 0; i < v->size(); ++i) {
    if (out > 0 && (*v)[out - 1].key == (*v)[i].key) (*v)[out - 1].weight += (*v)[i].weight;
    else (*v)[out++] = (*v)[i];
  }
  v->resize(out);
}

// The year of a TIMEX3 value or ISO date ("2008-12-14", "2008-W50", "2008"), or 0.
int YearOf(std::string_view value) {
  if (value.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (value[i] < '0' || value[i] > '9') return 0;
    y = y * 10 + (value[i] - '0');
  }
  return y;
}

}  // namespace

void FeatureExtractor::ExtractFacts(const Document& doc, DocFeatures* out) const {
  std::vector<Feature>& years = out->facts[kYearFact];
  for (const Timex& t : doc.timexes) {
    if (t.type != "DATE" && t.type != "TIME") continue;
    if (int y = YearOf(t.value)) years.push_back({static_cast<uint64_t>(y), 1.0f});
  }
  if (doc.published && doc.published_source != "text")
    if (int y = YearOf(*doc.published)) years.push_back({static_cast<uint64_t>(y), 1.0f});
  for (const Entity& e : doc.entities) {
    int fact = e.type == "PERSON" ? kPersonFact
               : e.type == "PLACE" ? kPlaceFact
               : e.type == "ORG"   ? kOrgFact
                                   : -1;
    if (fact < 0) continue;
    std::vector<RawToken> tokens;
    ScanTokens(e.name, &tokens);
    float mentions = static_cast<float>(std::max<size_t>(1, e.mentions.size()));
    for (const RawToken& t : tokens) {
      if (t.lower.size() < 3 || t.number || stopwords_.count(t.lower)) continue;
      out->facts[fact].push_back({Hash64(t.lower, kEntity), mentions});
    }
  }
  for (std::vector<Feature>& f : out->facts) SortAndSum(&f);
}

std::optional<int32_t> ParseDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int pos[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < pos[k][1]; ++i) {
      char c = iso[pos[k][0] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  int y = v[0], m = v[1], d = v[2];
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (proleptic Gregorian).
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Result<std::unique_ptr<FeatureExtractor>> FeatureExtractor::Load(const std::string& data_dir,
                                                                  const FeatureOptions& options) {
  std::string path = data_dir + "/stories/stopwords.txt";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::unique_ptr<FeatureExtractor> fx(new FeatureExtractor());
  fx->options_ = options;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    fx->stopwords_.insert(line);
  }
  fx->stemmer_ = sb_stemmer_new("english", nullptr);
  if (!fx->stemmer_) return Status::Internal("Snowball English stemmer unavailable");
  return fx;
}

FeatureExtractor::~FeatureExtractor() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string FeatureExtractor::Stem(const std::string& lower) {
  const sb_symbol* s =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
  if (!s) return lower;
  return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_));
}

DocFeatures FeatureExtractor::Extract(const Document& doc) {
  std::vector<RawToken> tokens;
  std::string_view text(doc.text);
  if (text.size() > options_.max_text_bytes) text = text.substr(0, options_.max_text_bytes);
  if (doc.title) ScanTokens(*doc.title, &tokens);
  ScanTokens(text, &tokens);

  std::unordered_set<std::string> capitalised_mid, lower_seen;
  for (const RawToken& t : tokens) {
    if (t.number) continue;
    if (t.capitalised && !t.sentence_start) capitalised_mid.insert(t.lower);
    if (!t.capitalised && !(t.lower[0] >= '0' && t.lower[0] <= '9')) lower_seen.insert(t.lower);
  }
  // Counts per (kind, text); the kind is folded into the hash seed.
  std::unordered_map<uint64_t, std::pair<uint32_t, Kind>> counts;
  auto count = [&](Kind kind, std::string_view s) {
    uint64_t channel = kind == kWord     ? kWordChannel
                       : kind == kNumber ? kNumberChannel
                       : kind == kLead   ? kLeadChannel
                                         : kNameChannel;
    auto& c = counts[(Hash64(s, kind) & ~uint64_t{3}) | channel];
    ++c.first;
    c.second = kind;
  };
  size_t lead = 0;
  for (const RawToken& t : tokens) {
    if (t.number) {
      count(kNumber, t.lower);
      continue;
    }
    if (t.lower.size() < 2 || stopwords_.count(t.lower)) continue;
    bool name = t.capitalised && capitalised_mid.count(t.lower) && !lower_seen.count(t.lower);
    std::string text = name ? t.lower : Stem(t.lower);
    count(name ? kName : kWord, text);
    if (lead < options_.lead_tokens) count(kLead, text), ++lead;
  }
  for (const Entity& e : doc.entities) {
    std::vector<RawToken> name_tokens;
    ScanTokens(e.name, &name_tokens);
    for (const RawToken& t : name_tokens) {
      if (t.lower.size() < 2 || stopwords_.count(t.lower)) continue;
      for (size_t m = 0; m < std::max<size_t>(1, e.mentions.size()); ++m) count(kEntity, t.lower);
    }
  }

  DocFeatures out;
  ExtractFacts(doc, &out);
  out.features.reserve(counts.size());
  for (const auto& [key, c] : counts) {
    double w = c.second == kEntity ? options_.entity_weight : 1.0;
    if (w <= 0) continue;
    out.features.push_back({key, static_cast<float>(w * (1.0 + std::log(c.first)))});
  }
  std::sort(out.features.begin(), out.features.end());
  // A date inferred from the text (published_source "text") is only a bound:
  // it does not place the document in time for clustering.
  if (doc.published && doc.published_source != "text") out.day = ParseDay(*doc.published);
  return out;
}

}  // namespace dateline::stories
