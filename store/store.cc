#include "store/store.h"

#include <sqlite3.h>

#include "base/document_json.h"
#include "store/migrations.h"

namespace dateline {
namespace {

using nlohmann::json;

// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string Text(int col) {
    auto* p = sqlite3_column_text(s_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, col)) : "";
  }
  int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
  bool Null(int col) { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

Status Err(sqlite3* db, const std::string& what) {
  return Status::IoError(what + ": " + sqlite3_errmsg(db));
}

json StoryJson(const StorySummary& s) {
  return {{"id", s.id}, {"storyline", s.storyline}, {"title", s.title},
          {"first_date", s.first_date ? json(*s.first_date) : json(nullptr)},
          {"last_date", s.last_date ? json(*s.last_date) : json(nullptr)},
          {"documents", s.documents}, {"outlets", s.outlets}, {"copies", s.copies}};
}
json StorylineJson(const StorylineSummary& s) {
  return {{"id", s.id}, {"title", s.title},
          {"first_date", s.first_date ? json(*s.first_date) : json(nullptr)},
          {"last_date", s.last_date ? json(*s.last_date) : json(nullptr)},
          {"stories", s.stories}, {"outlets", s.outlets}, {"documents", s.documents}};
}
std::optional<std::string> OptStr(const json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? std::optional<std::string>(it->get<std::string>()) : std::nullopt;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  std::unique_ptr<Store> s(new Store());
  if (sqlite3_open_v2(path.c_str(), &s->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    return Status::IoError(path + ": cannot open database: " + sqlite3_errmsg(s->db_));
  sqlite3_busy_timeout(s->db_, 10000);
  Status st = s->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!st.ok()) return Status::IoError(path + ": " + st.message());
  st = s->Migrate();
  if (!st.ok()) return Status::IoError(path + ": " + st.message());
  return s;
}

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

Status Store::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "sqlite error";
    sqlite3_free(err);
    return Status::IoError(m);
  }
  return Status::Ok();
}

Status Store::Migrate() {
  Stmt v(db_, "PRAGMA user_version");
  version_ = v.Step() == SQLITE_ROW ? static_cast<int>(v.Int(0)) : 0;
  const auto& migrations = Migrations();
  if (version_ > static_cast<int>(migrations.size()))
    return Status::Unsupported("database schema v" + std::to_string(version_) +
                               " is newer than this dateline (v" + std::to_string(migrations.size()) + ")");
  for (size_t i = version_; i < migrations.size(); ++i) {
    std::string sql = std::string("BEGIN IMMEDIATE;") + migrations[i] +
                      "; PRAGMA user_version=" + std::to_string(i + 1) + "; COMMIT;";
    Status st = Exec(sql);
    if (!st.ok()) {
      Exec("ROLLBACK");
      return Status::IoError("migration to v" + std::to_string(i + 1) + ": " + st.message());
    }
    version_ = static_cast<int>(i + 1);
  }
  return Status::Ok();
}

bool Store::HasContentHash(const std::string& hash) {
  Stmt q(db_, "SELECT 1 FROM documents WHERE content_hash=?");
  q.Bind(1, hash);
  return q.Step() == SQLITE_ROW;
}

namespace {

// The full-text index's entity column: every entity's name and variants.
std::string FtsEntities(const Document& d) {
  std::string out;
  for (const Entity& e : d.entities) {
    if (!out.empty()) out += ' ';
    out += e.name;
    for (const std::string& v : e.variants) (out += ' ') += v;
  }
  return out;
}

// The full-text index's event column: the event types.
std::string FtsTypes(const Document& d) {
  std::string out;
  for (const Event& e : d.events) {
    if (!out.empty()) out += ' ';
    out += e.type;
  }
  return out;
}

}  // namespace

Status Store::CommitBatch(const std::vector<Document>& docs, const std::vector<StoredReject>& rejects,
                          const std::vector<TemplateCount>& deltas, int* inserted,
                          const std::vector<std::string>& json_lines) {
  *inserted = 0;
  if (!json_lines.empty() && json_lines.size() != docs.size())
    return Status::InvalidInput("CommitBatch: one JSON line per document expected");
  Status st = Begin();
  if (!st.ok()) return st;
  {
    Stmt ins(db_,
             "INSERT OR IGNORE INTO documents(id, content_hash, url, outlet, title, published, language,"
             " duplicate_of, story, storyline, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    Stmt fts(db_, "INSERT INTO documents_fts(rowid, title, text, outlet, entities, types) VALUES (?,?,?,?,?,?)");
    for (const Document& d : docs) {
      ins.Bind(1, d.id).Bind(2, d.content_hash).Bind(3, d.url).Bind(4, d.outlet).Bind(5, d.title);
      ins.Bind(6, d.published).Bind(7, d.language).Bind(8, d.duplicate_of).Bind(9, d.story);
      size_t k = &d - docs.data();
      ins.Bind(10, d.storyline).Bind(11, json_lines.empty() ? ToJsonLine(d) : json_lines[k]);
      if (ins.Step() != SQLITE_DONE) {
        Status e = Err(db_, "storing document " + d.id);
        Rollback();
        return e;
      }
      ins.Reset();
      if (sqlite3_changes(db_) == 0) continue;  // content already stored
      ++*inserted;
      // The full-text row is written here rather than by a trigger, which
      // would parse the stored JSON again.
      fts.Bind(1, sqlite3_last_insert_rowid(db_)).Bind(2, d.title).Bind(3, d.text).Bind(4, d.outlet);
      fts.Bind(5, FtsEntities(d)).Bind(6, FtsTypes(d));
      if (fts.Step() != SQLITE_DONE) {
        Status e = Err(db_, "indexing document " + d.id);
        Rollback();
        return e;
      }
      fts.Reset();
    }
    Stmt rej(db_, "INSERT OR REPLACE INTO rejects(input, reason) VALUES (?,?)");
    for (const auto& r : rejects) {
      rej.Bind(1, r.input).Bind(2, r.reason);
      rej.Step();
      rej.Reset();
    }
    Stmt tpl(db_,
             "INSERT INTO template_lines(site, line_hash, pages) VALUES (?,?,?)"
             " ON CONFLICT(site, line_hash) DO UPDATE SET pages = pages + excluded.pages");
    for (const auto& t : deltas) {
      tpl.Bind(1, t.site).Bind(2, static_cast<int64_t>(t.line_hash)).Bind(3, t.pages);
      tpl.Step();
      tpl.Reset();
    }
  }
  return Commit();
}

Status Store::ForEachDocument(const std::function<bool(Document&&)>& fn) {
  return ScanDocuments("ORDER BY seq", fn);
}

Status Store::ScanDocuments(const std::string& order, const std::function<bool(Document&&)>& fn) {
  Status bad = Status::Ok();
  Status st = ScanRows(order, [&](DocumentRow&& row) {
    auto d = FromRow(row);
    if (!d.ok()) {
      bad = d.status();
      return false;
    }
    return fn(std::move(d.value()));
  });
  return st.ok() ? bad : st;
}

Status Store::ScanRows(const std::string& order, const std::function<bool(DocumentRow&&)>& fn) {
  std::string sql = "SELECT json, story, storyline, duplicate_of FROM documents " + order;
  Stmt q(db_, sql.c_str());
  while (q.Step() == SQLITE_ROW) {
    DocumentRow row{q.Text(0), q.Text(1), q.Text(2), q.Text(3)};
    if (!fn(std::move(row))) break;
  }
  return Status::Ok();
}

Status Store::ForEachDocumentRowByStoryline(const std::function<bool(DocumentRow&&)>& fn) {
  return ScanRows("ORDER BY storyline, seq", fn);
}

Result<Document> Store::FromRow(const DocumentRow& row) {
  auto d = DocumentFromJsonLine(row.json);
  if (!d.ok()) return d.status();
  // Assignment columns are authoritative (they are set after the JSON is made).
  d->story = row.story.empty() ? std::nullopt : std::optional<std::string>(row.story);
  d->storyline = row.storyline.empty() ? std::nullopt : std::optional<std::string>(row.storyline);
  d->duplicate_of = row.duplicate_of.empty() ? std::nullopt : std::optional<std::string>(row.duplicate_of);
  return d;
}

Result<Document> Store::GetDocument(const std::string& id) {
  Stmt q(db_, "SELECT json, story, storyline, duplicate_of FROM documents WHERE id=? ORDER BY seq LIMIT 1");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return Status::NotFound("document " + id);
  return FromRow({q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
}

int64_t Store::CountDocuments() {
  Stmt q(db_, "SELECT COUNT(*) FROM documents");
  return q.Step() == SQLITE_ROW ? q.Int(0) : 0;
}

Status Store::UpdateAssignments(const std::vector<Document>& docs) {
  Status st = Begin();
  if (!st.ok()) return st;
  {
    Stmt u(db_, "UPDATE documents SET story=?, storyline=?, duplicate_of=? WHERE id=?");
    for (const Document& d : docs) {
      u.Bind(1, d.story).Bind(2, d.storyline).Bind(3, d.duplicate_of).Bind(4, d.id);
      u.Step();
      u.Reset();
    }
  }
  return Commit();
}

Result<std::vector<StoredReject>> Store::Rejects() {
  std::vector<StoredReject> out;
  Stmt q(db_, "SELECT input, reason, at FROM rejects ORDER BY at, input");
  while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), q.Text(1), q.Text(2)});
  return out;
}

Result<std::vector<TemplateCount>> Store::Templates() {
  std::vector<TemplateCount> out;
  Stmt q(db_, "SELECT site, line_hash, pages FROM template_lines");
  while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), static_cast<uint64_t>(q.Int(1)), q.Int(2)});
  return out;
}

Status Store::ReplaceStories(const std::vector<StorySummary>& stories,
                             const std::vector<StorylineSummary>& storylines) {
  Status st = Begin();
  if (!st.ok()) return st;
  st = Exec("DELETE FROM stories; DELETE FROM storylines;");
  if (!st.ok()) {
    Rollback();
    return st;
  }
  {
    Stmt s(db_, "INSERT INTO stories(id, storyline, title, first_date, last_date, json) VALUES (?,?,?,?,?,?)");
    for (const auto& x : stories) {
      s.Bind(1, x.id).Bind(2, x.storyline).Bind(3, x.title).Bind(4, x.first_date).Bind(5, x.last_date);
      s.Bind(6, StoryJson(x).dump());
      s.Step();
      s.Reset();
    }
    Stmt l(db_, "INSERT INTO storylines(id, title, first_date, last_date, json) VALUES (?,?,?,?,?)");
    for (const auto& x : storylines) {
      l.Bind(1, x.id).Bind(2, x.title).Bind(3, x.first_date).Bind(4, x.last_date);
      l.Bind(5, StorylineJson(x).dump());
      l.Step();
      l.Reset();
    }
  }
  return Commit();
}

Status Store::DeleteStories() { return Exec("DELETE FROM stories; DELETE FROM storylines;"); }

Status Store::AppendStories(const std::vector<StorySummary>& stories,
                            const std::vector<StorylineSummary>& storylines) {
  Stmt s(db_, "INSERT INTO stories(id, storyline, title, first_date, last_date, json) VALUES (?,?,?,?,?,?)");
  for (const auto& x : stories) {
    s.Bind(1, x.id).Bind(2, x.storyline).Bind(3, x.title).Bind(4, x.first_date).Bind(5, x.last_date);
    s.Bind(6, StoryJson(x).dump());
    if (s.Step() != SQLITE_DONE) return Err(db_, "storing story " + x.id);
    s.Reset();
  }
  Stmt l(db_, "INSERT INTO storylines(id, title, first_date, last_date, json) VALUES (?,?,?,?,?)");
  for (const auto& x : storylines) {
    l.Bind(1, x.id).Bind(2, x.title).Bind(3, x.first_date).Bind(4, x.last_date);
    l.Bind(5, StorylineJson(x).dump());
    if (l.Step() != SQLITE_DONE) return Err(db_, "storing storyline " + x.id);
    l.Reset();
  }
  return Status::Ok();
}

Status Store::ScanSummaryGroups(const std::string& order, int group_col,
                                const std::function<bool(std::vector<SummaryRow>&&)>& fn) {
  const std::string sql =
      "SELECT id, story, storyline, outlet, title, published, duplicate_of FROM documents"
      " WHERE story <> '' AND storyline <> '' " + order;
  Stmt q(db_, sql.c_str());
  if (!q.ok()) return Err(db_, "reading summary rows");
  std::vector<SummaryRow> group;
  auto opt = [&](int col) {
    return q.Null(col) ? std::nullopt : std::optional<std::string>(q.Text(col));
  };
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    SummaryRow r{q.Text(0), q.Text(1), q.Text(2), opt(3), opt(4), opt(5), std::nullopt};
    if (!q.Null(6) && !q.Text(6).empty()) r.duplicate_of = q.Text(6);  // as FromRow reads it
    const std::string& key = group_col == 1 ? r.story : r.storyline;
    if (!group.empty() && key != (group_col == 1 ? group.front().story : group.front().storyline)) {
      if (!fn(std::move(group))) return Status::Ok();
      group.clear();
    }
    group.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Err(db_, "reading summary rows");
  if (!group.empty()) fn(std::move(group));
  return Status::Ok();
}

// Documents count toward summaries when both their story and storyline are
// set (an empty column reads as unset, as in FromRow).
Status Store::ForEachStoryRows(const std::function<bool(std::vector<SummaryRow>&&)>& fn) {
  return ScanSummaryGroups("ORDER BY story, storyline, seq", 1, fn);
}

Status Store::ForEachStorylineRows(const std::function<bool(std::vector<SummaryRow>&&)>& fn) {
  return ScanSummaryGroups("ORDER BY storyline, seq", 2, fn);
}

Result<std::vector<StorySummary>> Store::Stories() {
  std::vector<StorySummary> out;
  Stmt q(db_, "SELECT json FROM stories ORDER BY first_date, id");
  while (q.Step() == SQLITE_ROW) {
    json j = json::parse(q.Text(0), nullptr, false);
    StorySummary s;
    s.id = j.value("id", "");
    s.storyline = j.value("storyline", "");
    s.title = j.value("title", "");
    s.first_date = OptStr(j, "first_date");
    s.last_date = OptStr(j, "last_date");
    s.documents = j.value("documents", std::vector<std::string>{});
    s.outlets = j.value("outlets", std::vector<std::string>{});
    s.copies = j.value("copies", std::map<std::string, std::vector<std::string>>{});
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<StorylineSummary>> Store::Storylines() {
  std::vector<StorylineSummary> out;
  Stmt q(db_, "SELECT json FROM storylines ORDER BY first_date, id");
  while (q.Step() == SQLITE_ROW) {
    json j = json::parse(q.Text(0), nullptr, false);
    StorylineSummary s;
    s.id = j.value("id", "");
    s.title = j.value("title", "");
    s.first_date = OptStr(j, "first_date");
    s.last_date = OptStr(j, "last_date");
    s.stories = j.value("stories", std::vector<std::string>{});
    s.outlets = j.value("outlets", std::vector<std::string>{});
    s.documents = j.value("documents", int64_t{0});
    out.push_back(std::move(s));
  }
  return out;
}

Status Store::ReplaceRecords(const std::string& kind,
                             const std::vector<std::pair<std::string, json>>& rows) {
  std::vector<std::pair<std::string, std::string>> lines;
  lines.reserve(rows.size());
  for (const auto& [id, j] : rows) lines.emplace_back(id, j.dump(-1, ' ', false, json::error_handler_t::replace));
  return ReplaceRecordLines(kind, lines);
}

Status Store::ReplaceRecordLines(const std::string& kind,
                                 const std::vector<std::pair<std::string, std::string>>& rows) {
  Status st = Begin();
  if (st.ok()) st = DeleteRecords(kind);
  if (st.ok()) st = AppendRecordLines(kind, rows);
  if (!st.ok()) {
    Rollback();
    return st;
  }
  return Commit();
}

Status Store::DeleteRecords(const std::string& kind) {
  Stmt del(db_, "DELETE FROM records WHERE kind=?");
  del.Bind(1, kind);
  if (del.Step() != SQLITE_DONE) return Err(db_, "deleting " + kind + " records");
  return Status::Ok();
}

Status Store::AppendRecordLines(const std::string& kind, const std::vector<std::pair<std::string, std::string>>& rows) {
  Status st = Begin();
  if (!st.ok()) return st;
  {
    Stmt ins(db_, "INSERT OR REPLACE INTO records(kind, id, json) VALUES (?,?,?)");
    for (const auto& [id, text] : rows) {
      ins.Bind(1, kind).Bind(2, id).Bind(3, text);
      if (ins.Step() != SQLITE_DONE) {
        Status e = Err(db_, "storing " + kind + " record " + id);
        Rollback();
        return e;
      }
      ins.Reset();
    }
  }
  return Commit();
}

Status Store::Begin() {
  if (depth_++ > 0) return Status::Ok();
  Status st = Exec("BEGIN IMMEDIATE");
  if (!st.ok()) depth_ = 0;
  return st;
}

Status Store::Commit() {
  if (depth_ == 0) return Status::Ok();
  if (--depth_ > 0) return Status::Ok();
  return Exec("COMMIT");
}

void Store::Rollback() {
  if (depth_ == 0) return;
  depth_ = 0;
  Exec("ROLLBACK");
}

Result<std::vector<json>> Store::Records(const std::string& kind) {
  std::vector<json> out;
  Stmt q(db_, "SELECT json FROM records WHERE kind=? ORDER BY rowid");
  q.Bind(1, kind);
  while (q.Step() == SQLITE_ROW) out.push_back(json::parse(q.Text(0), nullptr, false));
  return out;
}

}  // namespace dateline
