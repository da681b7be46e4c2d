// BlockVector: an append-only array kept in fixed blocks of kBlock items, for
// tables that grow with the corpus (the entity linker's groups). Unlike
// std::vector it never holds up to twice what it needs (capacity doubling) and
// never copies itself to grow: memory is the items plus at most one partly
// filled block and a pointer per block. Items stay where they are once added
// (references remain valid). Indexing is two loads. Not thread-safe for writes.
#ifndef DATELINE_BASE_BLOCK_VECTOR_H_
#define DATELINE_BASE_BLOCK_VECTOR_H_

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace dateline {

template <typename T, size_t kBlock = 4096>
class BlockVector {
  static_assert(kBlock > 0 && (kBlock & (kBlock - 1)) == 0, "kBlock must be a power of two");

 public:
  void push_back(T v) {
    if (size_ % kBlock == 0) blocks_.emplace_back(new T[kBlock]);
    blocks_.back()[size_ % kBlock] = std::move(v);
    ++size_;
  }
  T& operator[](size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  T& back() { return (*this)[size_ - 1]; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    blocks_.clear();
    blocks_.shrink_to_fit();
    size_ = 0;
  }
  // Bytes held: the blocks and their pointers.
  size_t MemoryBytes() const {
    return blocks_.size() * kBlock * sizeof(T) + blocks_.capacity() * sizeof(std::unique_ptr<T[]>);
  }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  size_t size_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_BASE_BLOCK_VECTOR_H_
