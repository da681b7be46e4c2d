#include "dedupe/temp_file.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace dateline::dedupe {

int MakeTempFile(const char* prefix) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/" + prefix + "-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd >= 0) unlink(path.c_str());
  return fd;
}

bool WriteAll(int fd, const void* p, size_t n, off_t at) {
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    ssize_t w = pwrite(fd, c, n, at);
    if (w <= 0) return false;
    c += w, n -= static_cast<size_t>(w), at += w;
  }
  return true;
}

bool ReadAll(int fd, void* p, size_t n, off_t at) {
  char* c = static_cast<char*>(p);
  while (n > 0) {
    ssize_t r = pread(fd, c, n, at);
    if (r <= 0) return false;
    c += r, n -= static_cast<size_t>(r), at += r;
  }
  return true;
}

}  // namespace dateline::dedupe
