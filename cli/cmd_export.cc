#include <iostream>

#include "base/document_json.h"
#include "cli/commands.h"

namespace dateline::cli {
namespace {

using nlohmann::json;

std::string CsvCell(const json& v) {
  std::string s;
  if (v.is_null()) return "";
  if (v.is_string()) s = v.get<std::string>();
  else if (v.is_array()) {
    for (const auto& x : v) {
      if (!s.empty()) s += "; ";
      s += x.is_string() ? x.get<std::string>() : x.dump();
    }
  } else s = v.dump();
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// Writes rows as JSONL, or CSV with the union of the first row's keys.
void Emit(const std::vector<json>& rows, bool csv) {
  if (!csv) {
    for (const auto& r : rows) std::cout << r.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    return;
  }
  if (rows.empty()) return;
  std::vector<std::string> cols;
  for (const auto& [k, v] : rows[0].items()) cols.push_back(k);
  for (size_t i = 0; i < cols.size(); ++i) std::cout << (i ? "," : "") << cols[i];
  std::cout << '\n';
  for (const auto& r : rows) {
    for (size_t i = 0; i < cols.size(); ++i) std::cout << (i ? "," : "") << CsvCell(r.value(cols[i], json()));
    std::cout << '\n';
  }
}

Result<std::vector<json>> Collect(Store* store, const std::string& what) {
  std::vector<json> rows;
  if (what == "documents" || what == "events") {
    Status st = store->ForEachDocument([&](Document&& d) {
      if (what == "documents") {
        rows.push_back(ToJson(d));
      } else {
        json j = ToJson(d);
        for (auto& e : j["events"]) {
          e["document"] = d.id;
          e["outlet"] = j["outlet"];
          rows.push_back(std::move(e));
        }
      }
      return true;
    });
    if (!st.ok()) return st;
  } else if (what == "stories" || what == "storylines") {
    json all = json::array();
    if (what == "stories") {
      auto s = store->Stories();
      if (!s.ok()) return s.status();
      for (const auto& x : *s)
        rows.push_back({{"id", x.id}, {"storyline", x.storyline}, {"title", x.title},
                        {"first_date", x.first_date ? json(*x.first_date) : json()},
                        {"last_date", x.last_date ? json(*x.last_date) : json()},
                        {"documents", x.documents}, {"outlets", x.outlets}, {"copies", x.copies}});
    } else {
      auto s = store->Storylines();
      if (!s.ok()) return s.status();
      for (const auto& x : *s)
        rows.push_back({{"id", x.id}, {"title", x.title},
                        {"first_date", x.first_date ? json(*x.first_date) : json()},
                        {"last_date", x.last_date ? json(*x.last_date) : json()},
                        {"stories", x.stories}, {"outlets", x.outlets}, {"documents", x.documents}});
    }
  } else if (what == "rejects") {
    auto r = store->Rejects();
    if (!r.ok()) return r.status();
    for (const auto& x : *r) rows.push_back({{"input", x.input}, {"reason", x.reason}, {"at", x.at}});
  } else {
    return store->Records(what);
  }
  return rows;
}

}  // namespace

void AddExport(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("export", "Write stored results as JSONL or CSV");
  auto db = std::make_shared<std::string>("dateline.db");
  auto what = std::make_shared<std::string>("documents");
  auto format = std::make_shared<std::string>("jsonl");
  cmd->add_option("--db", *db, "SQLite database path");
  cmd->add_option("--what", *what, "what to export")
      ->check(CLI::IsMember({"documents", "stories", "storylines", "entities", "quotes", "events", "timeline",
                             "rejects"}));
  cmd->add_option("--format", *format, "jsonl|csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->callback([=] {
    auto store = Store::Open(*db);
    if (!store.ok()) {
      std::cerr << "dateline: " << store.status().ToString() << "\n";
      *exit_code = kExitError;
      return;
    }
    auto rows = Collect(store->get(), *what);
    if (!rows.ok()) {
      std::cerr << "dateline: " << rows.status().ToString() << "\n";
      *exit_code = kExitError;
      return;
    }
    Emit(*rows, *format == "csv");
  });
}

}  // namespace dateline::cli
