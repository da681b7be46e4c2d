// Metadata of a text dump from its lines: title (the headline line), byline
// (authors and date), outlet (masthead, copyright or app-advert lines),
// captions (photo credits kept out of the body). Rules only; thread-safe.
#ifndef DATELINE_CLEAN_DUMP_META_H_
#define DATELINE_CLEAN_DUMP_META_H_

#include <vector>

#include "base/document.h"
#include "clean/dump_features.h"

namespace dateline {

// Fills d->title/authors/outlet/published/captions where the page states them
// and they are not already set. Lines found to be bylines, titles or captions
// are cleared from *body.
void ExtractDumpMeta(const PageLines& page, std::vector<bool>* body, Document* d);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_META_H_
