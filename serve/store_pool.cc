#include "serve/store_pool.h"

#include <sqlite3.h>

namespace dateline::serve {
namespace {

int64_t DataVersion(Store* store) {
  sqlite3_stmt* s = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(store->handle(), "PRAGMA data_version", -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

}  // namespace

StorePool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path) {
  std::unique_ptr<StorePool> pool(new StorePool(path));
  auto first = Store::Open(path);
  if (!first.ok()) return first.status();
  auto conn = std::make_unique<Conn>();
  conn->store = std::move(first.value());
  conn->data_version = DataVersion(conn->store.get());
  pool->idle_.push_back(std::move(conn));
  return pool;
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_ptr<Conn> conn;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      conn = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!conn) {
    auto s = Store::Open(path_);
    if (!s.ok()) return s.status();
    conn = std::make_unique<Conn>();
    conn->store = std::move(s.value());
    conn->data_version = DataVersion(conn->store.get());
    Bump();  // a change before this connection opened is invisible to its data_version
    return Lease(this, std::move(conn));
  }
  int64_t v = DataVersion(conn->store.get());
  if (v != conn->data_version) {
    conn->data_version = v;
    Bump();
  }
  return Lease(this, std::move(conn));
}

void StorePool::Release(std::unique_ptr<Conn> conn) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(conn));
}

}  // namespace dateline::serve
