// CountryTable (see entity_countries.h).
#include "annotate/entity_countries.h"

#include <algorithm>
#include <fstream>

#include "annotate/ner_features.h"

namespace dateline {
namespace {

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string::npos) j = s.size();
    std::string part = s.substr(i, j - i);
    if (!part.empty() && part != "-") out.push_back(part);
    i = j + 1;
  }
  return out;
}

}  // namespace

Result<CountryTable> CountryTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read country table " + path);
  CountryTable t;
  std::string line;
  const Kind kinds[] = {Kind::kCountry, Kind::kAlias, Kind::kDemonym, Kind::kCapital, Kind::kMetonym};
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> raw;
    size_t i = 0;
    while (i <= line.size()) {
      size_t j = line.find('\t', i);
      if (j == std::string::npos) j = line.size();
      raw.push_back(line.substr(i, j - i));
      i = j + 1;
    }
    if (raw.empty() || raw[0].empty()) continue;
    const std::string& country = raw[0];
    for (size_t c = 0; c < raw.size() && c < 5; ++c)
      for (const auto& name : SplitOn(raw[c], ','))
        if (!t.map_.count(name) || kinds[c] == Kind::kCountry) t.map_[name] = {country, kinds[c]};
  }
  return t;
}

const CountryTable::Entry* CountryTable::Find(std::string_view surface) const {
  auto it = map_.find(std::string(surface));
  if (it != map_.end()) return &it->second;
  for (std::string_view the : {"the ", "The "}) {
    if (surface.substr(0, the.size()) == the) {
      it = map_.find(std::string(surface.substr(the.size())));
      if (it != map_.end()) return &it->second;
    }
  }
  return nullptr;
}

std::vector<std::pair<std::string, int>> CountryTable::GazetteerEntries() const {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [name, e] : map_) {
    if (name.rfind("the ", 0) == 0) continue;
    int type = e.kind == Kind::kDemonym ? ner::TypeIndex("MISC")
               : e.kind == Kind::kMetonym ? ner::TypeIndex("ORG")
                                          : ner::TypeIndex("LOC");
    out.push_back({ner::Lower(name), type});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dateline
