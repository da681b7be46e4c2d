// Name normalisation for entity merging. Pure functions; thread-safe.
//
// NameKey folds the spellings one name gets across outlets and
// transliterations to one key: lower case, accents stripped, punctuation
// dropped, and Slavic ending variants folded per word ("Zelenskyy",
// "Zelenskiy", "Zelensky" -> "zelensky"; "Dmitri", "Dmitriy" -> "dmitry").
#ifndef DATELINE_ANNOTATE_ENTITY_NAMES_H_
#define DATELINE_ANNOTATE_ENTITY_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Words of a name, normalised as above ("Volodymyr Zelenskyy" -> {"volodymyr", "zelensky"}).
std::vector<std::string> NameKeyWords(std::string_view name);
// NameKeyWords joined by ' '.
std::string NameKey(std::string_view name);
// Initials of the capitalised words, skipping "of", "the", "and", "for"
// ("North Atlantic Treaty Organization" -> "NATO"); empty for one word.
std::string Initials(std::string_view name);
// True when the name is an acronym: 2-6 upper-case letters, dots allowed ("NATO", "U.N.").
bool IsAcronym(std::string_view name);
// The acronym without dots ("U.N." -> "UN").
std::string AcronymKey(std::string_view name);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITY_NAMES_H_
