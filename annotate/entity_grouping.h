// Grouping a document's mentions into entities (see entities.h for the
// rules). Pure function; thread-safe.
#ifndef DATELINE_ANNOTATE_ENTITY_GROUPING_H_
#define DATELINE_ANNOTATE_ENTITY_GROUPING_H_

#include <string>
#include <vector>

#include "annotate/entities.h"
#include "annotate/entity_countries.h"
#include "base/document.h"

namespace dateline {

// mentions in text order; roles[i] is the role phrase found for mentions[i]
// (may be empty). Returns entities with ids "e0", "e1"... in order of first mention.
std::vector<Entity> GroupMentions(const std::vector<EntityMention>& mentions, const std::vector<std::string>& roles,
                                  const CountryTable& countries);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITY_GROUPING_H_
