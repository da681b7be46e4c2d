// What the process holds in memory, for the DATELINE_TIMINGS reports
// (docs/memory.md): its resident set from /proc/self/status and what malloc
// has handed out. Linux and glibc; -1 where unknown.
#ifndef DATELINE_BASE_PROCESS_MEMORY_H_
#define DATELINE_BASE_PROCESS_MEMORY_H_

namespace dateline {

// The peak (field "VmHWM") or current ("VmRSS") resident set, in MB.
long ResidentMb(const char* field);
// Bytes malloc has handed out and not had back, in MB (the rest of the
// resident set is free memory it keeps, or not malloc's).
long HeapInUseMb();

}  // namespace dateline

#endif  // DATELINE_BASE_PROCESS_MEMORY_H_
