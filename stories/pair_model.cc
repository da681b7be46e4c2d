#include "stories/pair_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace dateline::stories {
namespace {

const char* const kNames[kPairFeatures] = {"bias",
                                           "word_cos",
                                           "name_cos",
                                           "number_cos",
                                           "lead_cos",
                                           "member_word_cos",
                                           "member_name_cos",
                                           "member_number_cos",
                                           "member_lead_cos",
                                           "max_member_word_cos",
                                           "max_member_name_cos",
                                           "year_cos",
                                           "years_both",
                                           "year_conflict",
                                           "person_cos",
                                           "persons_both",
                                           "person_conflict",
                                           "place_cos",
                                           "places_both",
                                           "place_conflict",
                                           "org_cos",
                                           "orgs_both",
                                           "org_conflict",
                                           "log_story_size"};

uint64_t MainKey(const std::vector<Feature>& v) {
  const Feature* best = &v[0];
  for (const Feature& f : v)
    if (f.weight > best->weight) best = &f;
  return best->key;
}

bool Contains(const std::vector<Feature>& v, uint64_t key) {
  auto it = std::lower_bound(v.begin(), v.end(), Feature{key, 0});
  return it != v.end() && it->key == key;
}

// 1 when neither's main key is among the other's keys (both non-empty).
double Conflict(const std::vector<Feature>& a, const std::vector<Feature>& b) {
  return !Contains(b, MainKey(a)) && !Contains(a, MainKey(b)) ? 1.0 : 0.0;
}

}  // namespace

const char* PairFeatureName(int f) { return f >= 0 && f < kPairFeatures ? kNames[f] : "?"; }


double Cosine(const std::vector<Feature>& a, const std::vector<Feature>& b) {
  if (a.empty() || b.empty()) return 0;
  double dot = 0, na = 0, nb = 0;
  for (const Feature& f : a) na += double(f.weight) * f.weight;
  for (const Feature& f : b) nb += double(f.weight) * f.weight;
  ForEachShared(a, b, [&](const Feature& x, const Feature& y) { dot += double(x.weight) * y.weight; });
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

void AddFactFeatures(const std::vector<Feature> (&doc)[kFacts], const std::vector<Feature> (&other)[kFacts],
                     double scale, PairVector* x) {
  PairVector& v = *x;
  const int first[kFacts] = {kYearCos, kPersonCos, kPlaceCos, kOrgCos};
  for (int k = 0; k < kFacts; ++k) {
    bool both = !doc[k].empty() && !other[k].empty();
    v[first[k]] += scale * Cosine(doc[k], other[k]);
    v[first[k] + 1] += scale * both;
    if (both) v[first[k] + 2] += scale * Conflict(doc[k], other[k]);
  }
}

void ChannelCosines(const std::vector<Feature>& a, const std::vector<Feature>& b, double cos[kChannels]) {
  for (int c = 0; c < kChannels; ++c) cos[c] = 0;
  ForEachShared(a, b, [&](const Feature& x, const Feature& y) {
    cos[ChannelOf(x.key)] += double(x.weight) * y.weight;
  });
}

Result<PairModel> PairModel::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  PairModel m;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream fields(line);
    std::string name;
    double w;
    if (!(fields >> name)) continue;
    if (!(fields >> w)) return Status::InvalidInput(path + ":" + std::to_string(n) + ": no weight");
    int f = 0;
    while (f < kPairFeatures && name != kNames[f]) ++f;
    if (f == kPairFeatures) return Status::InvalidInput(path + ":" + std::to_string(n) + ": unknown " + name);
    m.w_[f] = w;
  }
  return m;
}

double PairModel::Score(const PairVector& x) const {
  double s = 0;
  for (int f = 0; f < kPairFeatures; ++f) s += w_[f] * x[f];
  return s;
}

}  // namespace dateline::stories
