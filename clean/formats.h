// Per-format cleaners called by Cleaner (internal to clean/).
#ifndef DATELINE_CLEAN_FORMATS_H_
#define DATELINE_CLEAN_FORMATS_H_

#include "base/document.h"
#include "clean/cleaner.h"
#include "ingest/raw_page.h"

namespace dateline {

// HTML page -> doc->text and metadata (title, authors, outlet, published...).
void CleanHtml(const RawPage& page, Document* doc);

// Records the page's lines as evidence of its site's template.
void ObserveDump(const RawPage& page, TemplateStats* stats, TemplateStats* delta);
// Text dump -> doc->text and metadata, using learned template lines.
void CleanDump(const RawPage& page, const TemplateStats& templates, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_FORMATS_H_
