// Per-format cleaners called by Cleaner (internal to clean/).
#ifndef DATELINE_CLEAN_FORMATS_H_
#define DATELINE_CLEAN_FORMATS_H_

#include "base/document.h"
#include "clean/cleaner.h"
#include "ingest/raw_page.h"

namespace dateline {

// HTML page -> doc->text and metadata (title, authors, outlet, published...).
void CleanHtml(const RawPage& page, Document* doc);

// The page's site keys and distinct line keys, evidence of its site's template.
Cleaner::Observation ObserveDump(const RawPage& page);
// Text dump -> doc->text and metadata, using learned template lines.
void CleanDump(const RawPage& page, const TemplateStats& templates, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_FORMATS_H_
