// NerModel: weights table, decoding, binary file (see ner_model.h).
#include "annotate/ner_model.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dateline::ner {

namespace {

// kAllowedTable[prev + 1][last][tag] = Allowed(prev, tag, last).
struct AllowedTable {
  bool at[kNumTags + 1][2][kNumTags];
  AllowedTable() {
    for (int p = -1; p < kNumTags; ++p)
      for (int l = 0; l < 2; ++l)
        for (int t = 0; t < kNumTags; ++t) at[p + 1][l][t] = Allowed(p, t, l != 0);
  }
};
const AllowedTable kAllowedTable;

}  // namespace

int BestAllowed(const float* scores, int prev, bool last) {
  const bool* allowed = kAllowedTable.at[prev + 1][last ? 1 : 0];
  int best = -1;
  for (int t = 0; t < kNumTags; ++t) {
    if (!allowed[t]) continue;
    if (best < 0 || scores[t] > scores[best]) best = t;
  }
  return best < 0 ? 0 : best;
}

void NerModel::Add(uint32_t key, const float* row) {
  auto& r = building_[key];
  if (r.empty()) r.assign(kNumTags, 0.f);
  for (int t = 0; t < kNumTags; ++t) r[t] += row[t];
}

void NerModel::Finish() {
  keys_.clear();
  for (const auto& [k, row] : building_) keys_.push_back(k);
  std::sort(keys_.begin(), keys_.end());
  start_.assign(1, 0);
  entries_.clear();
  for (uint32_t k : keys_) {
    const auto& row = building_[k];
    for (int t = 0; t < kNumTags; ++t)
      if (row[t] != 0.f) entries_.push_back({static_cast<uint8_t>(t), row[t]});
    start_.push_back(static_cast<uint32_t>(entries_.size()));
  }
  building_.clear();
  BuildTable();
}

void NerModel::BuildTable() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = static_cast<uint32_t>(cap - 1);
  slots_.assign(cap, Slot());
  static_assert(kNumTags < 32, "a row's entry count must fit in 5 bits");
  size_t words = 1;
  while (words * 8 < keys_.size()) words <<= 1;  // >= 8 bits a key
  filter_mask_ = static_cast<uint32_t>(words - 1);
  filter_.assign(words, 0);
  for (uint32_t k : keys_) filter_[(k >> 6) & filter_mask_] |= uint64_t{1} << (k & 63);
  for (uint32_t r = 0; r < keys_.size(); ++r) {
    uint32_t h = Home(keys_[r]);
    while (slots_[h].key != 0) h = (h + 1) & mask_;
    slots_[h].key = keys_[r];
    slots_[h].entries = start_[r] << 5 | (start_[r + 1] - start_[r]);
  }
}

void NerModel::Score(const std::vector<uint64_t>& feats, float* out) const {
  std::fill(out, out + kNumTags, 0.f);
  if (keys_.empty()) return;
  // Hash every feature and prefetch its slot first, then find the rows and
  // prefetch them: the lookups are random reads, and they overlap this way.
  constexpr size_t kBatch = 64;
  uint32_t keys[kBatch], rows[kBatch];
  for (size_t b = 0; b < feats.size(); b += kBatch) {
    size_t n = std::min(kBatch, feats.size() - b);
    for (size_t i = 0; i < n; ++i) {
      keys[i] = Key32(feats[b + i]);
      __builtin_prefetch(slots_.data() + Home(keys[i]));
    }
    for (size_t i = 0; i < n; ++i) {
      rows[i] = Find(keys[i]);
      __builtin_prefetch(entries_.data() + (rows[i] >> 5));
    }
    for (size_t i = 0; i < n; ++i) AddRow(rows[i], out);
  }
}

void NerModel::StaticScores(const DocFeatures& d, std::vector<float>* out) const {
  out->assign(d.num_tokens() * kNumTags, 0.f);
  if (keys_.empty()) return;
  // A four-stage software pipeline over all the document's static keys, each
  // stage kAhead keys behind the one before: hash the key and prefetch its
  // filter word; test the filter and prefetch the slot; find the row and
  // prefetch it; add the row to its token's sums. Each token's rows are added
  // in key order, as Score() does.
  constexpr size_t kAhead = 16;
  const size_t n = d.keys.size();
  thread_local std::vector<uint32_t> keys, rows;
  keys.resize(n);
  rows.resize(n);
  size_t token = 0;
  for (size_t j = 0; j < n + 3 * kAhead; ++j) {
    if (j < n) {
      keys[j] = Key32(d.keys[j]);
      __builtin_prefetch(filter_.data() + ((keys[j] >> 6) & filter_mask_));
    }
    if (j >= kAhead && j - kAhead < n) {
      size_t k = j - kAhead;
      if (MayHave(keys[k])) __builtin_prefetch(slots_.data() + Home(keys[k]));
      else keys[k] = 0;
    }
    if (j >= 2 * kAhead && j - 2 * kAhead < n) {
      size_t k = j - 2 * kAhead;
      rows[k] = keys[k] ? Find(keys[k]) : 0;
      if (rows[k]) __builtin_prefetch(entries_.data() + (rows[k] >> 5));
    }
    if (j >= 3 * kAhead) {
      size_t k = j - 3 * kAhead;
      while (d.key_begin[token + 1] <= k) ++token;
      if (rows[k]) AddRow(rows[k], out->data() + token * kNumTags);
    }
  }
}

std::vector<std::vector<int>> NerModel::Tag(const DocFeatures& d) const {
  thread_local std::vector<float> static_scores;
  StaticScores(d, &static_scores);
  float scores[kNumTags];
  return DecodeGreedyDynamic(
      d, [&](size_t t, const std::vector<uint64_t>& dynamic, int prev, bool last, size_t, size_t) {
        std::copy_n(static_scores.data() + t * kNumTags, kNumTags, scores);
        constexpr size_t kBatch = 8;  // DynamicFeatures gives 6
        uint32_t rows[kBatch];
        for (size_t b = 0; !keys_.empty() && b < dynamic.size(); b += kBatch) {
          size_t n = std::min(kBatch, dynamic.size() - b);
          for (size_t i = 0; i < n; ++i) {
            rows[i] = Find(Key32(dynamic[b + i]));
            __builtin_prefetch(entries_.data() + (rows[i] >> 5));
          }
          for (size_t i = 0; i < n; ++i) AddRow(rows[i], scores);
        }
        return BestAllowed(scores, prev, last);
      });
}

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
template <typename T>
void Put(T v, std::string* out) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

struct Reader {
  std::string_view s;
  size_t i = 0;
  bool ok = true;
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (i >= s.size()) { ok = false; return 0; }
      uint8_t b = static_cast<uint8_t>(s[i++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return v;
  }
  template <typename T>
  T Get() {
    T v{};
    if (i + sizeof(T) > s.size()) { ok = false; return v; }
    std::memcpy(&v, s.data() + i, sizeof(T));
    i += sizeof(T);
    return v;
  }
};

constexpr char kMagic[] = "DLNER002";

}  // namespace

Status NerModel::Save(const std::string& path) const {
  std::string out(kMagic, 8);
  float maxw = 0;
  for (const auto& e : entries_) maxw = std::max(maxw, std::fabs(e.second));
  float scale = maxw > 0 ? maxw / 32767.f : 1.f;
  Put<uint32_t>(kNumTags, &out);
  Put<uint32_t>(static_cast<uint32_t>(keys_.size()), &out);
  Put<float>(scale, &out);
  uint32_t last = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    PutVarint(keys_[r] - last, &out);
    last = keys_[r];
    out.push_back(static_cast<char>(start_[r + 1] - start_[r]));
    for (uint32_t e = start_[r]; e < start_[r + 1]; ++e) {
      out.push_back(static_cast<char>(entries_[e].first));
      Put<int16_t>(static_cast<int16_t>(std::lround(entries_[e].second / scale)), &out);
    }
  }
  Put<uint32_t>(static_cast<uint32_t>(gaz_.size()), &out);
  Put<uint32_t>(static_cast<uint32_t>(gaz_.max_len()), &out);
  for (const auto& [h, m] : gaz_.Entries()) {
    Put<uint64_t>(h, &out);
    out.push_back(static_cast<char>(m));
  }
  gzFile f = gzopen(path.c_str(), "wb9");
  if (!f) return Status::IoError("cannot write " + path);
  int n = gzwrite(f, out.data(), static_cast<unsigned>(out.size()));
  gzclose(f);
  if (n != static_cast<int>(out.size())) return Status::IoError("short write to " + path);
  return Status::Ok();
}

Result<NerModel> NerModel::Load(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::NotFound("NER model not found: " + path);
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) data.append(buf, n);
  gzclose(f);
  if (data.size() < 8 || data.compare(0, 8, kMagic) != 0) return Status::InvalidInput("not a NER model: " + path);
  Reader r{std::string_view(data).substr(8)};
  if (r.Get<uint32_t>() != kNumTags) return Status::InvalidInput("NER model has another tag set: " + path);
  uint32_t nfeat = r.Get<uint32_t>();
  float scale = r.Get<float>();
  NerModel m;
  m.keys_.reserve(nfeat);
  m.start_.assign(1, 0);
  uint32_t key = 0;
  for (uint32_t k = 0; k < nfeat && r.ok; ++k) {
    key += static_cast<uint32_t>(r.Varint());
    m.keys_.push_back(key);
    uint8_t nnz = r.Get<uint8_t>();
    for (uint8_t e = 0; e < nnz && r.ok; ++e) {
      uint8_t tag = r.Get<uint8_t>();
      int16_t q = r.Get<int16_t>();
      if (tag >= kNumTags) return Status::InvalidInput("corrupt NER model: " + path);
      m.entries_.push_back({tag, q * scale});
    }
    m.start_.push_back(static_cast<uint32_t>(m.entries_.size()));
  }
  uint32_t ngaz = r.Get<uint32_t>();
  m.gaz_.set_max_len(static_cast<int>(r.Get<uint32_t>()));
  for (uint32_t k = 0; k < ngaz && r.ok; ++k) {
    uint64_t h = r.Get<uint64_t>();
    m.gaz_.AddHash(h, r.Get<uint8_t>());
  }
  if (!r.ok) return Status::InvalidInput("truncated NER model: " + path);
  m.BuildTable();
  return m;
}

}  // namespace dateline::ner
