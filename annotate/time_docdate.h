// Infers a document's publication date from its text when no header or
// metadata gives one:
//  - a weekday written with a month and day ("Monday, April 21") fixes the
//    year: the first year, counting from the latest year written in the text,
//    in which that day falls on that weekday;
//  - among the dates found this way (and fully written dates), the latest
//    one is taken as the publication date — news reports events on or before
//    the day it is published.
// Pure function of the scan and the recognised mentions.
#ifndef DATELINE_ANNOTATE_TIME_DOCDATE_H_
#define DATELINE_ANNOTATE_TIME_DOCDATE_H_

#include <optional>
#include <vector>

#include "annotate/time_calendar.h"
#include "annotate/time_grammar.h"
#include "annotate/time_scan.h"

namespace dateline::timex {

std::optional<Date> InferDocumentDate(const Scan& scan, const std::vector<Mention>& mentions);

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_DOCDATE_H_
