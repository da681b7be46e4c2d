// GET /api/search: FTS5 over title, text, outlet, entity names and event types.
#include "serve/search.h"

#include <cctype>

#include "serve/handlers.h"
#include "serve/sql.h"

namespace dateline::serve {
namespace {

bool HasWordChar(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

// Splits a snippet marked with \x02 ... \x03 into [{text, hit}].
json SnippetParts(const std::string& s) {
  json parts = json::array();
  std::string cur;
  bool hit = false;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back({{"text", cur}, {"hit", hit}});
    cur.clear();
  };
  for (char c : s) {
    if (c == '\x02' || c == '\x03') {
      flush();
      hit = c == '\x02';
    } else {
      cur += c;
    }
  }
  flush();
  return parts;
}

// The names an entity filter stands for: the entity record's name and
// variants when `who` is an entity id or name, else `who` itself.
std::vector<std::string> EntityNames(Store* store, const std::string& who) {
  auto rows = store->Records("entities");
  if (rows.ok()) {
    for (const auto& e : *rows) {
      if (Str(e, "id") != who && Str(e, "name") != who) continue;
      std::vector<std::string> names{Str(e, "name")};
      for (const auto& v : e.value("variants", json::array()))
        if (v.is_string() && HasWordChar(v.get<std::string>())) names.push_back(v.get<std::string>());
      if (HasWordChar(names[0])) return names;
    }
  }
  return {who};
}

}  // namespace

std::string FtsQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string FtsColumnAny(const std::string& column, const std::vector<std::string>& alternatives) {
  std::string out = column + " : (";
  for (size_t i = 0; i < alternatives.size(); ++i) out += (i ? " OR " : "") + FtsQuote(alternatives[i]);
  return out + ")";
}

std::string FtsQuery(const std::string& q) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < q.size()) {
    if (std::isspace(static_cast<unsigned char>(q[i]))) {
      ++i;
    } else if (q[i] == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string::npos) end = q.size();
      std::string phrase = q.substr(i + 1, end - i - 1);
      if (HasWordChar(phrase)) terms.push_back(FtsQuote(phrase));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != '"') ++end;
      std::string word = q.substr(i, end - i);
      bool prefix = word.size() > 1 && word.back() == '*';
      if (prefix) word.pop_back();
      if (HasWordChar(word)) terms.push_back(FtsQuote(word) + (prefix ? " *" : ""));
      i = end;
    }
  }
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + t;
  return out;
}

Result<json> GetSearch(Store* store, const Params& p, const Args& args) {
  if (!args.empty()) return Status::NotFound("no such route");
  auto q = p.Text("q");
  auto outlet = p.Text("outlet");
  auto entity = p.Text("entity");
  auto type = p.Text("type", 40);
  auto from = p.Date("from");
  auto to = p.Date("to");
  auto limit = p.Int("limit", 20, 1, 100);
  auto offset = p.Int("offset", 0, 0, 10000);
  for (const Status* s : {&q.status(), &outlet.status(), &entity.status(), &type.status(), &from.status(),
                          &to.status(), &limit.status(), &offset.status()})
    if (!s->ok()) return *s;
  std::vector<std::string> parts;
  if (*q) {
    std::string fq = FtsQuery(**q);
    if (fq.empty()) return Status::InvalidInput("parameter 'q' has no word to search for");
    parts.push_back("(" + fq + ")");
  }
  if (*entity) parts.push_back(FtsColumnAny("entities", EntityNames(store, **entity)));
  if (*type) parts.push_back(FtsColumnAny("types", {**type}));
  if (parts.empty()) return Status::InvalidInput("give at least one of 'q', 'entity' or 'type'");
  std::string match;
  for (const auto& x : parts) match += (match.empty() ? "" : " AND ") + x;

  const std::string where =
      " FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ?1"
      " AND (?2 = '' OR d.outlet = ?2) AND (?3 = '' OR substr(d.published,1,length(?3)) >= ?3)"
      " AND (?4 = '' OR substr(d.published,1,length(?4)) <= ?4)";
  auto bind = [&](Sql& s) {
    s.Bind(1, match).Bind(2, outlet->value_or("")).Bind(3, from->value_or("")).Bind(4, to->value_or(""));
  };
  Sql count(store->handle(), "SELECT COUNT(*)" + where);
  if (!count.status().ok()) return count.status();
  bind(count);
  int rc = count.Step();
  if (rc != SQLITE_ROW) return Status::InvalidInput("search failed: " + count.Error());
  int64_t total = count.Int(0);
  Sql s(store->handle(),
        "SELECT d.id, d.title, d.outlet, d.published, d.url, d.story, d.storyline,"
        " snippet(documents_fts, 1, char(2), char(3), '…', 24)" + where +
            " ORDER BY rank LIMIT ?5 OFFSET ?6");
  if (!s.status().ok()) return s.status();
  bind(s);
  s.Bind(5, *limit).Bind(6, *offset);
  json results = json::array();
  while (s.Step() == SQLITE_ROW)
    results.push_back({{"id", s.Text(0)}, {"title", s.Json(1)}, {"outlet", s.Json(2)}, {"published", s.Json(3)},
                       {"url", s.Json(4)}, {"story", s.Json(5)}, {"storyline", s.Json(6)},
                       {"snippet", SnippetParts(s.Text(7))}});
  return json{{"total", total}, {"offset", *offset}, {"query", match}, {"results", results}};
}

}  // namespace dateline::serve
