// Human-readable and JSON views of stories and timelines.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace dateline::cli {

using nlohmann::json;

int PrintStories(const std::string& db, bool as_json) {
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.status().ToString() << "\n";
    return kExitError;
  }
  auto lines = (*store)->Storylines();
  auto stories = (*store)->Stories();
  if (!lines.ok() || !stories.ok()) return kExitError;
  json out = json::array();
  for (const auto& l : *lines) {
    json jl = {{"id", l.id}, {"title", l.title}, {"first_date", l.first_date ? json(*l.first_date) : json()},
               {"last_date", l.last_date ? json(*l.last_date) : json()}, {"outlets", l.outlets},
               {"documents", l.documents}, {"stories", json::array()}};
    if (!as_json)
      std::printf("storyline %s  %s .. %s  %lld documents, outlets: %s\n  %s\n", l.id.c_str(),
                  l.first_date.value_or("?").c_str(), l.last_date.value_or("?").c_str(), (long long)l.documents,
                  CLI::detail::join(l.outlets, ", ").c_str(), l.title.c_str());
    for (const auto& s : *stories) {
      if (s.storyline != l.id) continue;
      jl["stories"].push_back({{"id", s.id}, {"title", s.title},
                               {"first_date", s.first_date ? json(*s.first_date) : json()},
                               {"documents", s.documents}, {"outlets", s.outlets}});
      if (!as_json)
        std::printf("    story %s  %s  [%zu docs: %s]\n      %s\n", s.id.c_str(), s.first_date.value_or("?").c_str(),
                    s.documents.size(), CLI::detail::join(s.documents, ", ").c_str(), s.title.c_str());
    }
    out.push_back(jl);
  }
  if (as_json) std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  return kExitOk;
}

int PrintTimeline(const std::string& db, const std::string& storyline, bool as_json) {
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "dateline: " << store.status().ToString() << "\n";
    return kExitError;
  }
  auto entries = (*store)->Records("timeline");
  if (!entries.ok()) return kExitError;
  json out = json::array();
  for (const auto& e : *entries)
    if (storyline.empty() || e.value("storyline", "") == storyline) out.push_back(e);
  if (as_json) {
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  if (out.empty()) {
    std::printf("(no timeline entries%s)\n", storyline.empty() ? "" : (" for " + storyline).c_str());
    return kExitOk;
  }
  auto str = [](const json& j, const char* key) {  // null-safe string field
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  std::stable_sort(out.begin(), out.end(), [&](const json& a, const json& b) {
    return std::make_pair(str(a, "storyline"), str(a, "date")) < std::make_pair(str(b, "storyline"), str(b, "date"));
  });
  for (const auto& e : out) {
    std::string actors;
    for (const auto& a : e.value("actors", json::array())) actors += (actors.empty() ? "" : ", ") + a.get<std::string>();
    std::printf("%-12s %-9s %-8s %s%s%s\n", str(e, "date").c_str(), str(e, "type").c_str(), str(e, "status").c_str(),
                actors.empty() ? "" : ("[" + actors + "] ").c_str(), str(e, "description").c_str(),
                str(e, "precision") == "day" || str(e, "precision").empty() ? ""
                                                                          : ("  (" + str(e, "precision") + ")").c_str());
    for (const auto& s : e.value("sources", json::array())) {
      std::string outlet = str(s, "outlet");
      std::printf("             - %s (%s)\n", outlet.empty() ? "?" : outlet.c_str(), str(s, "document").c_str());
    }
    for (const auto& d : e.value("disagreements", json::array()))
      std::printf("             ! %s\n", d.get<std::string>().c_str());
  }
  return kExitOk;
}

}  // namespace dateline::cli
