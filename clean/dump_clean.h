// Internals of the text-dump cleaner shared by clean_dump.cc, the trainer
// (dump_train.cc) and tests: resources, site keys, line scoring.
#ifndef DATELINE_CLEAN_DUMP_CLEAN_H_
#define DATELINE_CLEAN_DUMP_CLEAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "clean/dump_features.h"
#include "clean/dump_meta.h"
#include "clean/dump_model.h"
#include "ingest/raw_page.h"

namespace dateline {

// Lexicon and line model, loaded once from DataDir()/clean/dump and frozen.
// When a file is missing `error` says so and rules stand in for the model.
struct DumpResources {
  DumpLexicon lex;
  DumpLineModel model;
  DumpMetaRules meta;
  std::string error;
};
const DumpResources& DefaultDumpResources();

// Keys under which a page's lines count as template evidence: the URL host or
// the outlet when known; otherwise band keys of a MinHash over the page's
// short lines, so that pages sharing most of their menus share a key. Empty
// when the page has too few short lines to say.
std::vector<std::string> DumpSiteKeys(const RawPage& page, const std::vector<DumpLine>& lines);
// The same, given the LineKey of each line.
std::vector<std::string> DumpSiteKeys(const RawPage& page, const std::vector<DumpLine>& lines,
                                      const std::vector<uint64_t>& keys);

// Lines and facts of a page, with each line's share of the other pages of
// its site that hold it (-1 when unknown). A page whose prose lines mostly
// recur elsewhere is a copy, not a template user: its shares are dropped.
PageLines PrepareDumpPage(const RawPage& page, const TemplateStats& templates, const DumpLexicon& lex);

// Body probability of each line (stage 2 of the model, or a rule when the
// model is empty).
std::vector<double> ScoreDumpLines(const PageLines& page, const DumpLineModel& model);
// The same scores the slow, plain way (feature strings, one map lookup per
// stage): what tests check ScoreDumpLines against. Needs a non-empty model.
std::vector<double> ScoreDumpLinesReference(const PageLines& page, const DumpLineModel& model);

}  // namespace dateline

#endif  // DATELINE_CLEAN_DUMP_CLEAN_H_
