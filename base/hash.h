// Content hashing (xxHash XXH3-128), hex encoded. Thread-safe.
#ifndef DATELINE_BASE_HASH_H_
#define DATELINE_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

std::string ContentHash(std::string_view bytes);  // 32 hex chars
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

}  // namespace dateline

#endif  // DATELINE_BASE_HASH_H_
