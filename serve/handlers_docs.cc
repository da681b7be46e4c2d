// Documents, entities and quotes.
#include <algorithm>
#include <cctype>

#include "base/document_json.h"
#include "serve/handlers.h"
#include "serve/sql.h"

namespace dateline::serve {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool Contains(const std::string& hay, const std::string& lower_needle) {
  return Lower(hay).find(lower_needle) != std::string::npos;
}

// Whether an entity record's name or a variant contains q (lower case).
bool EntityMatches(const json& e, const std::string& q) {
  if (Contains(Str(e, "name"), q)) return true;
  for (const auto& v : e.value("variants", json::array()))
    if (v.is_string() && Contains(v.get<std::string>(), q)) return true;
  return false;
}

Result<json> ListDocuments(Store* store, const Params& p) {
  auto outlet = p.Text("outlet");
  auto story = p.Text("story");
  auto line = p.Text("storyline");
  auto from = p.Date("from");
  auto to = p.Date("to");
  auto limit = p.Int("limit", 50, 1, 1000);
  auto offset = p.Int("offset", 0, 0, 100000000);
  for (const Status* s : {&outlet.status(), &story.status(), &line.status(), &from.status(), &to.status(),
                          &limit.status(), &offset.status()})
    if (!s->ok()) return *s;
  // Fixed SQL; absent filters are bound as NULL-equivalent '' and skipped by the WHERE clause.
  const std::string where =
      " WHERE (?1 = '' OR outlet = ?1) AND (?2 = '' OR story = ?2) AND (?3 = '' OR storyline = ?3)"
      " AND (?4 = '' OR substr(published,1,length(?4)) >= ?4) AND (?5 = '' OR substr(published,1,length(?5)) <= ?5)";
  auto bind = [&](Sql& q) {
    q.Bind(1, outlet->value_or("")).Bind(2, story->value_or("")).Bind(3, line->value_or(""));
    q.Bind(4, from->value_or("")).Bind(5, to->value_or(""));
  };
  Sql count(store->handle(), "SELECT COUNT(*) FROM documents" + where);
  if (!count.status().ok()) return count.status();
  bind(count);
  int64_t total = count.Step() == SQLITE_ROW ? count.Int(0) : 0;
  Sql q(store->handle(),
        "SELECT id, title, outlet, published, url, story, storyline, duplicate_of FROM documents" + where +
            " ORDER BY published DESC, seq LIMIT ?6 OFFSET ?7");
  if (!q.status().ok()) return q.status();
  bind(q);
  q.Bind(6, *limit).Bind(7, *offset);
  json docs = json::array();
  while (q.Step() == SQLITE_ROW)
    docs.push_back({{"id", q.Text(0)}, {"title", q.Json(1)}, {"outlet", q.Json(2)}, {"published", q.Json(3)},
                    {"url", q.Json(4)}, {"story", q.Json(5)}, {"storyline", q.Json(6)},
                    {"duplicate_of", q.Json(7)}});
  return json{{"total", total}, {"offset", *offset}, {"documents", docs}};
}

// Timeline entries (with storyline and index) whose actors include the entity.
json EntityEvents(Store* store, const json& entity) {
  json out = json::array();
  auto rows = store->Records("timeline");
  if (!rows.ok()) return out;
  std::map<std::string, int64_t> next_index;
  for (auto& e : *rows) {
    if (!e.is_object()) continue;
    e["index"] = next_index[Str(e, "storyline")]++;
    const json& actors = e.value("actors", json::array());
    if (Mentions(actors, Str(entity, "id")) || Mentions(actors, Str(entity, "name"))) out.push_back(std::move(e));
  }
  return out;
}

json EntityQuotes(Store* store, const json& entity) {
  json out = json::array();
  auto rows = store->Records("quotes");
  if (!rows.ok()) return out;
  std::string id = Str(entity, "id"), name = Lower(Str(entity, "name"));
  for (auto& q : *rows)
    if ((!id.empty() && Str(q, "speaker") == id) || (!name.empty() && Lower(Str(q, "speaker_name")) == name))
      out.push_back(std::move(q));
  return out;
}

}  // namespace

json DocumentMeta(Store* store, const std::string& id) {
  Sql q(store->handle(),
        "SELECT id, title, outlet, published, url, story, storyline, duplicate_of FROM documents WHERE id = ?1"
        " ORDER BY seq LIMIT 1");
  q.Bind(1, id);
  if (q.Step() != SQLITE_ROW) return nullptr;
  return {{"id", q.Text(0)}, {"title", q.Json(1)}, {"outlet", q.Json(2)}, {"published", q.Json(3)},
          {"url", q.Json(4)}, {"story", q.Json(5)}, {"storyline", q.Json(6)}, {"duplicate_of", q.Json(7)}};
}

Result<json> GetDocuments(Store* store, const Params& p, const Args& args) {
  if (args.empty()) return ListDocuments(store, p);
  if (args.size() > 1) return Status::NotFound("no such route");
  auto d = store->GetDocument(args[0]);
  if (!d.ok()) return d.status().code() == Status::Code::kNotFound ? Status::NotFound("no document " + args[0])
                                                                    : d.status();
  return ToJson(*d);
}

Result<json> GetEntities(Store* store, const Params& p, const Args& args) {
  if (args.size() > 1) return Status::NotFound("no such route");
  auto rows = store->Records("entities");
  if (!rows.ok()) return rows.status();
  if (args.empty()) {
    auto q = p.Text("q");
    auto type = p.Text("type");
    if (!q.ok()) return q.status();
    if (!type.ok()) return type.status();
    std::string needle = q->has_value() ? Lower(**q) : "";
    json items = json::array();
    for (auto& e : *rows) {
      if (!e.is_object()) continue;
      if (!needle.empty() && !EntityMatches(e, needle)) continue;
      if (*type && Str(e, "type") != **type) continue;
      e.erase("mentions");  // per-document spans: only on the entity's own page
      items.push_back(std::move(e));
    }
    std::stable_sort(items.begin(), items.end(), [](const json& a, const json& b) {
      return a.value("document_count", 0) > b.value("document_count", 0);
    });
    return Page(p, "entities", std::move(items));
  }
  for (auto& e : *rows) {
    if (Str(e, "id") != args[0]) continue;
    json docs = json::array();
    for (const auto& d : e.value("documents", json::array())) {
      if (!d.is_string() || docs.size() >= 100) continue;
      json m = DocumentMeta(store, d.get<std::string>());
      if (!m.is_null()) docs.push_back(std::move(m));
    }
    json quotes = EntityQuotes(store, e);
    json events = EntityEvents(store, e);
    return json{{"entity", e}, {"quotes", quotes}, {"events", events}, {"documents", docs}};
  }
  return Status::NotFound("no entity " + args[0]);
}

Result<json> GetQuotes(Store* store, const Params& p, const Args& args) {
  if (args.size() > 1) return Status::NotFound("no such route");
  auto rows = store->Records("quotes");
  if (!rows.ok()) return rows.status();
  if (args.size() == 1) {
    for (auto& q : *rows)
      if (Str(q, "id") == args[0]) return q;
    return Status::NotFound("no quote " + args[0]);
  }
  auto speaker = p.Text("speaker");
  auto document = p.Text("document");
  if (!speaker.ok()) return speaker.status();
  if (!document.ok()) return document.status();
  json items = json::array();
  for (auto& q : *rows) {
    if (!q.is_object()) continue;
    if (*speaker && Str(q, "speaker") != **speaker && Lower(Str(q, "speaker_name")) != Lower(**speaker)) continue;
    if (*document) {
      bool found = false;
      for (const auto& s : q.value("sources", json::array())) found = found || Str(s, "document") == **document;
      if (!found) continue;
    }
    items.push_back(std::move(q));
  }
  return Page(p, "quotes", std::move(items));
}

}  // namespace dateline::serve
