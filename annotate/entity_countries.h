// CountryTable: the countries and the words that stand for them as actors
// ("Russian strikes", "Moscow said", "the Kremlin", "Kyiv rejects"), read from
// data/ner/countries.tsv. Built once by Load, then read-only and thread-safe.
#ifndef DATELINE_ANNOTATE_ENTITY_COUNTRIES_H_
#define DATELINE_ANNOTATE_ENTITY_COUNTRIES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dateline {

class CountryTable {
 public:
  enum class Kind { kCountry, kAlias, kDemonym, kCapital, kMetonym };
  struct Entry {
    std::string country;  // canonical country name ("Russia")
    Kind kind;
  };

  // Reads TSV lines: country, other names, demonyms, capitals, metonyms.
  static Result<CountryTable> Load(const std::string& path);
  // Entry for a surface form (exact, then with a leading "the " removed), or nullptr.
  const Entry* Find(std::string_view surface) const;
  // (phrase, CoNLL type) pairs for the NER gazetteer: countries, aliases,
  // capitals and metonyms as LOC (metonyms as ORG), demonyms as MISC.
  std::vector<std::pair<std::string, int>> GazetteerEntries() const;

 private:
  std::unordered_map<std::string, Entry> map_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITY_COUNTRIES_H_
