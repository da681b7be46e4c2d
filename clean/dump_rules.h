// Rules applied to the classifier's body lines of a text dump: teasers of
// other articles (a headline and a paragraph cut off with an ellipsis), app
// adverts, sidebars after an end-of-article marker ("Author: ...", "Most
// popular", "News Feed"), and the article's last prose line when the model
// stopped one short. Pure function of its inputs; thread-safe.
#ifndef DATELINE_CLEAN_DUMP_RULES_H_
#define DATELINE_CLEAN_DUMP_RULES_H_

#include <vector>

#include "clean/dump_features.h"
#include "clean/dump_meta.h"

namespace dateline {

void RefineBody(const DumpMetaRules& rules, const PageLines& page, std::vector<bool>* body);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_RULES_H_
