// Scratch tables (see scratch.h).
#include "store/scratch.h"

#include <sqlite3.h>

namespace dateline {
namespace {

Status Err(sqlite3* db, const std::string& what) { return Status::IoError(what + ": " + sqlite3_errmsg(db)); }

Status Prepare(sqlite3* db, const std::string& sql, sqlite3_stmt** out) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, out, nullptr) != SQLITE_OK) return Err(db, "scratch: " + sql);
  return Status::Ok();
}

void BindText(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string_view Column(sqlite3_stmt* s, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
  return p ? std::string_view(p, sqlite3_column_bytes(s, col)) : std::string_view();
}

}  // namespace

Result<std::unique_ptr<ScratchRows>> ScratchRows::Create(Store* store, const std::string& name) {
  std::unique_ptr<ScratchRows> t(new ScratchRows(store, name));
  Status st = store->Exec("DROP TABLE IF EXISTS temp." + name + "; CREATE TEMP TABLE " + name +
                          " (grp INTEGER NOT NULL, num INTEGER NOT NULL, a TEXT, b TEXT)");
  if (!st.ok()) return st;
  st = Prepare(store->handle(), "INSERT INTO temp." + name + " (grp, num, a, b) VALUES (?,?,?,?)", &t->insert_);
  if (!st.ok()) return st;
  return t;
}

ScratchRows::~ScratchRows() {
  sqlite3_finalize(insert_);
  store_->Exec("DROP TABLE IF EXISTS temp." + name_);
}

Status ScratchRows::Append(int64_t group, int64_t number, std::string_view a, std::string_view b) {
  sqlite3_bind_int64(insert_, 1, group);
  sqlite3_bind_int64(insert_, 2, number);
  BindText(insert_, 3, a);
  BindText(insert_, 4, b);
  int rc = sqlite3_step(insert_);
  sqlite3_reset(insert_);
  if (rc != SQLITE_DONE) return Err(store_->handle(), "scratch: appending to " + name_);
  ++rows_;
  return Status::Ok();
}

Status ScratchRows::ForGroups(const std::vector<int64_t>& groups,
                              const std::function<void(size_t, int64_t, std::string_view, std::string_view)>& fn) {
  sqlite3* db = store_->handle();
  const std::string order = name_ + "_order";
  Status st = store_->Exec("DROP TABLE IF EXISTS temp." + order + "; CREATE TEMP TABLE " + order +
                           " (grp INTEGER PRIMARY KEY, at INTEGER NOT NULL)");
  if (!st.ok()) return st;
  sqlite3_stmt* q = nullptr;
  st = Prepare(db, "INSERT INTO temp." + order + " (grp, at) VALUES (?,?)", &q);
  for (size_t at = 0; st.ok() && at < groups.size(); ++at) {
    sqlite3_bind_int64(q, 1, groups[at]);
    sqlite3_bind_int64(q, 2, static_cast<int64_t>(at));
    if (sqlite3_step(q) != SQLITE_DONE) st = Err(db, "scratch: ordering " + name_);
    sqlite3_reset(q);
  }
  sqlite3_finalize(q);
  q = nullptr;
  // The rows table is scanned in append order (CROSS JOIN keeps it outer), so
  // that its pages are read once, in order; the sort does the rest.
  if (st.ok())
    st = Prepare(db,
                 "SELECT o.at, t.num, t.a, t.b FROM temp." + name_ + " AS t CROSS JOIN temp." + order +
                     " AS o ON o.grp = t.grp ORDER BY o.at, t.rowid",
                 &q);
  if (st.ok()) {
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
      fn(static_cast<size_t>(sqlite3_column_int64(q, 0)), sqlite3_column_int64(q, 1), Column(q, 2), Column(q, 3));
    if (rc != SQLITE_DONE) st = Err(db, "scratch: reading " + name_);
  }
  sqlite3_finalize(q);
  Status dropped = store_->Exec("DROP TABLE IF EXISTS temp." + order);
  return st.ok() ? dropped : st;
}

Status ScratchRows::ForEachByA(const std::function<void(int64_t, int64_t, std::string_view, std::string_view)>& fn) {
  sqlite3* db = store_->handle();
  sqlite3_stmt* q = nullptr;
  Status st = Prepare(db, "SELECT grp, num, a, b FROM temp." + name_ + " ORDER BY a, rowid", &q);
  if (st.ok()) {
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
      fn(sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), Column(q, 2), Column(q, 3));
    if (rc != SQLITE_DONE) st = Err(db, "scratch: reading " + name_);
  }
  sqlite3_finalize(q);
  return st;
}

Result<std::unique_ptr<ScratchCounter>> ScratchCounter::Create(Store* store, const std::string& name) {
  std::unique_ptr<ScratchCounter> t(new ScratchCounter(store, name));
  Status st = store->Exec("DROP TABLE IF EXISTS temp." + name + "; CREATE TEMP TABLE " + name +
                          " (k INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
  if (st.ok())
    st = Prepare(store->handle(),
                 "INSERT INTO temp." + name + " (k, n) VALUES (?, 1) ON CONFLICT(k) DO UPDATE SET n = n + 1 RETURNING n",
                 &t->upsert_);
  if (!st.ok()) return st;
  return t;
}

ScratchCounter::~ScratchCounter() {
  sqlite3_finalize(upsert_);
  store_->Exec("DROP TABLE IF EXISTS temp." + name_);
}

Result<int64_t> ScratchCounter::Next(uint64_t key) {
  sqlite3_bind_int64(upsert_, 1, static_cast<int64_t>(key));  // the same 64 bits
  int rc = sqlite3_step(upsert_);
  const int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(upsert_, 0) : 0;
  if (rc == SQLITE_ROW) rc = sqlite3_step(upsert_);
  sqlite3_reset(upsert_);
  if (rc != SQLITE_DONE || n < 1) return Err(store_->handle(), "scratch: counting in " + name_);
  return n - 1;
}

}  // namespace dateline
