// Sql: a prepared statement over a Store's connection, finalized on scope
// exit. Values only ever reach SQL through Bind(). Not thread-safe (one per
// connection, like the Store).
#ifndef DATELINE_SERVE_SQL_H_
#define DATELINE_SERVE_SQL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace dateline::serve {

class Sql {
 public:
  Sql(sqlite3* db, const std::string& sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr);
  }
  ~Sql() { sqlite3_finalize(s_); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;

  Status status() const {
    return rc_ == SQLITE_OK ? Status::Ok() : Status::IoError(std::string("sql: ") + sqlite3_errmsg(db_));
  }
  Sql& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Sql& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return rc_ == SQLITE_OK ? sqlite3_step(s_) : rc_; }
  bool Null(int col) { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string Text(int col) {
    auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, col)) : "";
  }
  // The column as a JSON string, or null.
  nlohmann::json Json(int col) { return Null(col) ? nlohmann::json(nullptr) : nlohmann::json(Text(col)); }
  int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
  std::string Error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_SQL_H_
