// Unlinked temporary files for the duplicate index's spilled data (signatures,
// band runs): made in $TMPDIR (or /tmp), removed from the directory at once,
// so they vanish with the process; read and written with pread()/pwrite().
#ifndef DATELINE_DEDUPE_TEMP_FILE_H_
#define DATELINE_DEDUPE_TEMP_FILE_H_

#include <sys/types.h>

#include <cstddef>

namespace dateline::dedupe {

// An unlinked temporary file; -1 when none can be made.
int MakeTempFile(const char* prefix);
// Writes or reads all n bytes at offset; false on error or a short count.
bool WriteAll(int fd, const void* p, size_t n, off_t at);
bool ReadAll(int fd, void* p, size_t n, off_t at);

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_TEMP_FILE_H_
