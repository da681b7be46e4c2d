// Scratch tables: temporary SQLite tables on a Store's connection for corpus
// steps that would otherwise hold in memory what grows with the corpus. They
// live in SQLite's temp database (a file past its page cache, ~2 MB), are
// private to the connection and are dropped when the object is destroyed.
// Use them inside the Store's transaction, from the thread that owns it; not
// thread-safe. The Store must outlive them.
#ifndef DATELINE_STORE_SCRATCH_H_
#define DATELINE_STORE_SCRATCH_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

struct sqlite3_stmt;

namespace dateline {

// Rows (group, number, a, b) appended in any order and read back group by
// group, each group's rows in the order they were appended. Appending is a
// plain table insert (no index); appending after a read is allowed.
class ScratchRows {
 public:
  // name must be a plain identifier, unique among the connection's scratch tables.
  static Result<std::unique_ptr<ScratchRows>> Create(Store* store, const std::string& name);
  ~ScratchRows();
  ScratchRows(const ScratchRows&) = delete;
  ScratchRows& operator=(const ScratchRows&) = delete;

  Status Append(int64_t group, int64_t number, std::string_view a, std::string_view b);
  // Calls fn with the rows of each of groups (distinct), group after group in
  // that order, each group's in append order; fn gets the group's position in
  // groups. One pass over the table and one sort (on disk past SQLite's cache),
  // rather than one look-up per group.
  Status ForGroups(const std::vector<int64_t>& groups,
                   const std::function<void(size_t at, int64_t number, std::string_view a, std::string_view b)>& fn);
  // Calls fn with every row, in the byte order of a (ties in append order):
  // one sort, on disk past SQLite's cache.
  Status ForEachByA(const std::function<void(int64_t group, int64_t number, std::string_view a, std::string_view b)>& fn);
  int64_t size() const { return rows_; }

 private:
  ScratchRows(Store* store, std::string name) : store_(store), name_(std::move(name)) {}
  Store* store_;
  std::string name_;
  sqlite3_stmt* insert_ = nullptr;
  int64_t rows_ = 0;
};

// How often each 64-bit key was counted: Next(key) returns the count before
// this call (0 the first time), without holding the keys in memory.
class ScratchCounter {
 public:
  static Result<std::unique_ptr<ScratchCounter>> Create(Store* store, const std::string& name);
  ~ScratchCounter();
  ScratchCounter(const ScratchCounter&) = delete;
  ScratchCounter& operator=(const ScratchCounter&) = delete;

  Result<int64_t> Next(uint64_t key);

 private:
  ScratchCounter(Store* store, std::string name) : store_(store), name_(std::move(name)) {}
  Store* store_;
  std::string name_;
  sqlite3_stmt* upsert_ = nullptr;
};

}  // namespace dateline

#endif  // DATELINE_STORE_SCRATCH_H_
