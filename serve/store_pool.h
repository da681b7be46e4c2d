// StorePool: SQLite connections (one Store each) shared by the server's
// worker threads, plus a generation counter that changes whenever the
// database changes, from this process or another (`dateline ingest` running
// beside the server), so that cached responses can be dropped.
// Thread-safe. A Lease returns its connection to the pool when destroyed.
#ifndef DATELINE_SERVE_STORE_POOL_H_
#define DATELINE_SERVE_STORE_POOL_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace dateline::serve {

class StorePool {
 public:
  struct Conn {
    std::unique_ptr<Store> store;
    int64_t data_version = -1;  // last PRAGMA data_version seen on this connection
  };

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Store* operator->() { return conn_->store.get(); }
    Store* get() { return conn_->store.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  // Opens (and migrates) the database once to check it; more connections are opened on demand.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path);

  // A connection, after checking whether the database changed since it was last used.
  Result<Lease> Acquire();
  // Changes whenever the stored data may have changed.
  uint64_t generation() const { return generation_.load(); }
  // Called after this process wrote through a connection (SQLite does not
  // report a connection's own writes in data_version).
  void Bump() { ++generation_; }

 private:
  explicit StorePool(std::string path) : path_(std::move(path)) {}
  void Release(std::unique_ptr<Conn> conn);

  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::atomic<uint64_t> generation_{1};
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_STORE_POOL_H_
