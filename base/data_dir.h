// Where frozen models and rule files are found: $DATELINE_DATA if set, else
// the source tree's data/ (a build in place), else the installed share dir.
#ifndef DATELINE_BASE_DATA_DIR_H_
#define DATELINE_BASE_DATA_DIR_H_

#include <string>

namespace dateline {

std::string DataDir();
// True when ../shared (the development data sets) is beside the source tree;
// sets *path to it. Tests that need it skip when false.
bool SharedDir(std::string* path);

}  // namespace dateline

#endif  // DATELINE_BASE_DATA_DIR_H_
