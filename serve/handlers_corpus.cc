// Storylines, stories, timelines, outlets and health.
#include <algorithm>
#include <cctype>
#include <set>

#include "serve/handlers.h"
#include "serve/sql.h"

namespace dateline::serve {
namespace {

json OptJson(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json StorylineJson(const StorylineSummary& l) {
  return {{"id", l.id}, {"title", l.title}, {"first_date", OptJson(l.first_date)},
          {"last_date", OptJson(l.last_date)}, {"stories", l.stories.size()}, {"story_ids", l.stories},
          {"outlets", l.outlets}, {"documents", l.documents}};
}

json StoryJson(const StorySummary& s) {
  return {{"id", s.id}, {"storyline", s.storyline}, {"title", s.title},
          {"first_date", OptJson(s.first_date)}, {"last_date", OptJson(s.last_date)},
          {"documents", s.documents}, {"outlets", s.outlets}};
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The name of an actor given as a string or an {id, name} object.
std::string ActorName(const json& a) {
  if (a.is_string()) return a.get<std::string>();
  if (a.is_object()) return Str(a, "name").empty() ? Str(a, "id") : Str(a, "name");
  return "";
}

// The storyline's timeline entries, each with its "index" in the storyline.
Result<json> Entries(Store* store, const std::string& storyline) {
  auto rows = store->Records("timeline");
  if (!rows.ok()) return rows.status();
  json out = json::array();
  for (auto& e : *rows) {
    if (!e.is_object() || Str(e, "storyline") != storyline) continue;
    e["index"] = out.size();
    out.push_back(std::move(e));
  }
  return out;
}

// One entry with the documents its sources cite, each with the sentences to highlight.
Result<json> EntryView(Store* store, const json& entry) {
  json docs = json::array();
  std::vector<std::string> order;
  std::map<std::string, std::set<int64_t>> highlight;
  for (const auto& s : entry.value("sources", json::array())) {
    std::string id = s.is_object() ? Str(s, "document") : "";
    if (id.empty()) continue;
    if (!highlight.count(id)) order.push_back(id);
    auto& h = highlight[id];
    // The cited sentence's index: "sentence_index", or "sentence" when it is a number.
    for (const char* k : {"sentence_index", "sentence"}) {
      auto it = s.find(k);
      if (it != s.end() && it->is_number_integer()) {
        h.insert(it->get<int64_t>());
        break;
      }
    }
  }
  for (const std::string& id : order) {
    auto d = store->GetDocument(id);
    if (!d.ok()) continue;  // a source whose document is gone: keep the entry
    json meta = DocumentMeta(store, id);
    json j = {{"id", id}, {"meta", meta}, {"text", d->text}, {"highlight", highlight[id]}};
    json sents = json::array();
    for (const auto& sp : d->sentences) sents.push_back({sp.begin, sp.end});
    j["sentences"] = sents;
    json quotes = json::array();
    for (const auto& q : d->quotes)
      for (const auto& sp : q.spans) quotes.push_back({sp.begin, sp.end});
    j["quotes"] = quotes;
    docs.push_back(std::move(j));
  }
  return json{{"entry", entry}, {"documents", docs}};
}

Result<json> Timeline(Store* store, const Params& p, const std::string& id, const Args& args) {
  auto entries = Entries(store, id);
  if (!entries.ok()) return entries.status();
  if (args.size() == 3) {
    for (const auto& e : *entries)
      if (std::to_string(e["index"].get<int64_t>()) == args[2] || Str(e, "id") == args[2])
        return EntryView(store, e);
    return Status::NotFound("no timeline entry " + args[2] + " in storyline " + id);
  }
  auto type = p.Text("type");
  auto actor = p.Text("actor");
  if (!type.ok()) return type.status();
  if (!actor.ok()) return actor.status();
  std::set<std::string> types, actors;
  json kept = json::array();
  for (auto& e : *entries) {
    types.insert(Str(e, "type"));
    for (const auto& a : e.value("actors", json::array())) actors.insert(ActorName(a));
    if (*type && Str(e, "type") != **type) continue;
    if (*actor && !Mentions(e.value("actors", json::array()), **actor)) continue;
    kept.push_back(std::move(e));
  }
  types.erase("");
  actors.erase("");
  return json{{"storyline", id}, {"entries", kept}, {"types", types}, {"actors", actors}};
}

}  // namespace

std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool Mentions(const json& field, const std::string& who) {
  if (field.is_array()) {
    for (const auto& x : field)
      if (Mentions(x, who)) return true;
    return false;
  }
  std::string w = Lower(who);
  if (field.is_string()) return Lower(field.get<std::string>()) == w;
  if (field.is_object()) return Str(field, "id") == who || Lower(Str(field, "name")) == w;
  return false;
}

Result<json> Page(const Params& p, const char* key, json items) {
  auto limit = p.Int("limit", 100, 1, 1000);
  if (!limit.ok()) return limit.status();
  auto offset = p.Int("offset", 0, 0, 100000000);
  if (!offset.ok()) return offset.status();
  json page = json::array();
  int64_t n = static_cast<int64_t>(items.size());
  for (int64_t i = *offset; i < n && i < *offset + *limit; ++i) page.push_back(std::move(items[i]));
  return json{{"total", n}, {"offset", *offset}, {key, page}};
}

Result<json> GetHealth(Store* store, const Params& p, const Args& args) {
  if (!args.empty()) return Status::NotFound("no such route");
  return json{{"ok", true}, {"documents", store->CountDocuments()}, {"schema_version", store->schema_version()}};
}

Result<json> GetStorylines(Store* store, const Params& p, const Args& args) {
  if (args.size() > 3 || (args.size() >= 2 && args[1] != "timeline")) return Status::NotFound("no such route");
  auto lines = store->Storylines();
  if (!lines.ok()) return lines.status();
  if (args.empty()) {
    std::stable_sort(lines->begin(), lines->end(),
                     [](const StorylineSummary& a, const StorylineSummary& b) { return a.documents > b.documents; });
    json items = json::array();
    for (const auto& l : *lines) items.push_back(StorylineJson(l));
    return Page(p, "storylines", std::move(items));
  }
  const std::string& id = args[0];
  auto it = std::find_if(lines->begin(), lines->end(), [&](const StorylineSummary& l) { return l.id == id; });
  if (args.size() >= 2) {
    if (it == lines->end()) {
      auto entries = Entries(store, id);
      if (!entries.ok()) return entries.status();
      if (entries->empty()) return Status::NotFound("no storyline " + id);
    }
    return Timeline(store, p, id, args);
  }
  if (it == lines->end()) return Status::NotFound("no storyline " + id);
  auto stories = store->Stories();
  if (!stories.ok()) return stories.status();
  json js = json::array();
  for (const auto& s : *stories)
    if (s.storyline == id) js.push_back(StoryJson(s));
  return json{{"storyline", StorylineJson(*it)}, {"stories", js}};
}

Result<json> GetStories(Store* store, const Params& p, const Args& args) {
  if (args.size() > 1) return Status::NotFound("no such route");
  auto stories = store->Stories();
  if (!stories.ok()) return stories.status();
  if (args.empty()) {
    auto line = p.Text("storyline");
    if (!line.ok()) return line.status();
    json items = json::array();
    for (const auto& s : *stories)
      if (!*line || s.storyline == **line) items.push_back(StoryJson(s));
    return Page(p, "stories", std::move(items));
  }
  for (const auto& s : *stories) {
    if (s.id != args[0]) continue;
    json docs = json::array();
    for (const auto& d : s.documents) {
      json m = DocumentMeta(store, d);
      if (!m.is_null()) docs.push_back(std::move(m));
    }
    return json{{"story", StoryJson(s)}, {"documents", docs}};
  }
  return Status::NotFound("no story " + args[0]);
}

Result<json> GetOutlets(Store* store, const Params& p, const Args& args) {
  if (!args.empty()) return Status::NotFound("no such route");
  Sql q(store->handle(),
        "SELECT outlet, COUNT(*), MIN(substr(published,1,10)), MAX(substr(published,1,10)) FROM documents"
        " WHERE outlet IS NOT NULL AND outlet != '' GROUP BY outlet ORDER BY COUNT(*) DESC, outlet");
  if (!q.status().ok()) return q.status();
  json out = json::array();
  while (q.Step() == SQLITE_ROW)
    out.push_back({{"outlet", q.Text(0)}, {"documents", q.Int(1)}, {"first_date", q.Json(2)},
                   {"last_date", q.Json(3)}});
  return json{{"outlets", out}};
}

}  // namespace dateline::serve
