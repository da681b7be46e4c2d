// StringPool: interned strings in one arena, each named by a dense uint32 id.
//
// Intern() returns the id of a string, adding it on first sight; equal strings
// get equal ids, so comparing ids compares strings. Get() views a string by
// id (valid until the pool is destroyed or cleared; the arena may move, so do
// not keep a view across Intern() calls). Memory is the characters plus about
// 16 bytes per distinct string (an offset and a hash slot at most half full),
// instead of a node, a std::string and an allocation each.
// Thread-compatible.
#ifndef DATELINE_BASE_STRING_POOL_H_
#define DATELINE_BASE_STRING_POOL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

class StringPool {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;  // "no string", never an id

  uint32_t Intern(std::string_view s);
  // The id of s, or kNone when it was never interned.
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const {
    return std::string_view(chars_.data() + starts_[id], starts_[id + 1] - starts_[id]);
  }
  std::string Str(uint32_t id) const { return std::string(Get(id)); }
  size_t size() const { return starts_.size() - 1; }
  // Bytes held (characters, offsets and the hash table), for reports.
  size_t MemoryBytes() const;
  void Clear();

 private:
  size_t Slot(std::string_view s, uint64_t h) const;  // where s is or would go
  void Grow();

  std::string chars_;
  std::vector<uint64_t> starts_ = {0};  // string id's characters: [starts_[id], starts_[id + 1])
  std::vector<uint32_t> slots_;         // open addressing: id + 1, 0 when empty
};

}  // namespace dateline

#endif  // DATELINE_BASE_STRING_POOL_H_
