#include "dedupe/minhash.h"

#include <algorithm>

#include "base/hash.h"

namespace dateline::dedupe {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Curly quotes, dashes and other general punctuation (U+2000..U+206F, encoded
// E2 80..81 xx) separate words like ASCII punctuation does.
bool IsPunctuationSequence(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         (static_cast<unsigned char>(s[i + 1]) == 0x80 || static_cast<unsigned char>(s[i + 1]) == 0x81);
}

// Mixes a 64-bit value (splitmix64 finaliser).
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace

std::vector<uint64_t> Shingles(std::string_view text, int shingle_words) {
  std::vector<uint64_t> out;
  std::vector<uint64_t> words;
  std::string word;
  auto flush_paragraph = [&] {
    if (words.empty()) return;
    size_t n = static_cast<size_t>(shingle_words);
    if (words.size() < n) n = words.size();
    for (size_t i = 0; i + n <= words.size(); ++i) {
      uint64_t h = 0x9e3779b97f4a7c15ULL;
      for (size_t k = 0; k < n; ++k) h = Mix(h ^ words[i + k]) + k;
      out.push_back(h);
    }
    words.clear();
  };
  size_t i = 0;
  while (i <= text.size()) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : '\n';
    bool word_byte = IsWordByte(c) && !IsPunctuationSequence(text, i);
    if (word_byte) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      ++i;
      continue;
    }
    if (!word.empty()) {
      words.push_back(Hash64(word));
      word.clear();
    }
    if (c == '\n') flush_paragraph();
    i += IsPunctuationSequence(text, i) ? 3 : 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Signature MinHash(const std::vector<uint64_t>& shingles) {
  Signature s;
  s.mins.fill(UINT32_MAX);
  s.shingles = static_cast<uint32_t>(shingles.size());
  for (uint64_t h : shingles) {
    // Hash k is the high half of Mix(h + k * odd constant): independent enough
    // for estimation, and one multiply-xor chain per position.
    for (int k = 0; k < kMinHashes; ++k) {
      uint32_t v = static_cast<uint32_t>(Mix(h + (k + 1) * 0x9e3779b97f4a7c15ULL) >> 32);
      if (v < s.mins[k]) s.mins[k] = v;
    }
  }
  return s;
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  if (a.shingles == 0 || b.shingles == 0) return 0;
  int same = 0;
  for (int k = 0; k < kMinHashes; ++k) same += a.mins[k] == b.mins[k];
  return static_cast<double>(same) / kMinHashes;
}

double EstimatedContainment(const Signature& a, const Signature& b) {
  double j = EstimatedJaccard(a, b);
  if (j <= 0) return 0;
  double inter = j * (a.shingles + b.shingles) / (1.0 + j);
  return std::min(1.0, inter / std::min(a.shingles, b.shingles));
}

}  // namespace dateline::dedupe
