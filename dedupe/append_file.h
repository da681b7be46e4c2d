// AppendFile: bytes appended at the end and read back anywhere, whose full
// blocks go to an unlinked temporary file in $TMPDIR (or /tmp) and are read
// back with pread(): memory holds the last, partly filled block only (the
// duplicate index's signatures, document records and ids). When no file can
// be made or written, blocks stay in memory from then on. A read of the file
// that fails (the disk went away) reads as zeros. Not thread-safe.
#ifndef DATELINE_DEDUPE_APPEND_FILE_H_
#define DATELINE_DEDUPE_APPEND_FILE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace dateline::dedupe {

class AppendFile {
 public:
  // prefix names the temporary file; spill = false keeps every block in memory.
  AppendFile(const char* prefix, size_t block_bytes, bool spill = true);
  ~AppendFile();
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;

  // Appends n bytes; returns where they start.
  uint64_t Append(const void* p, size_t n);
  // Reads n bytes from `at` (at + n <= size()); false (and zeros) when the
  // file could not be read.
  bool Read(uint64_t at, void* p, size_t n) const;
  uint64_t size() const { return size_; }
  bool spilled() const { return fd_ >= 0; }  // full blocks are in the file
  size_t MemoryBytes() const;

 private:
  void Spill(size_t k);  // writes full block k to the file and frees it

  const char* prefix_;
  size_t block_bytes_;
  bool spill_;
  int fd_ = -1;
  uint64_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> blocks_;  // null once in the file
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_APPEND_FILE_H_
