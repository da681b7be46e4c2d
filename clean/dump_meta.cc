#include "clean/dump_meta.h"

namespace dateline {

void ExtractDumpMeta(const PageLines& page, std::vector<bool>* body, Document* d) {}

}  // namespace dateline
