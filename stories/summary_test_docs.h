// Test corpus for the summary and corpus-step tests: documents that exercise
// every rule a summary or the entity linker applies (copies, stories that
// change storyline, unassigned documents, absent and empty outlets, titles
// and dates, names that merge by surname or acronym). Deterministic.
#ifndef DATELINE_STORIES_SUMMARY_TEST_DOCS_H_
#define DATELINE_STORIES_SUMMARY_TEST_DOCS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/document.h"

namespace dateline {
namespace testing_docs {

inline std::vector<Document> SummaryTestDocs(int n) {
  uint64_t state = 12345;
  auto next = [&](uint32_t mod) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((state >> 33) % mod);
  };
  struct Name {
    const char *name, *type, *link;
  };
  static const Name kNames[] = {
      {"Vladimir Putin", "PERSON", nullptr}, {"Putin", "PERSON", nullptr},
      {"Volodymyr Zelensky", "PERSON", nullptr}, {"Volodymyr Zelenskyy", "PERSON", nullptr},
      {"Zelensky", "PERSON", nullptr}, {"Steve Witkoff", "PERSON", nullptr},
      {"North Atlantic Treaty Organization", "ORG", nullptr}, {"NATO", "ORG", nullptr},
      {"Kremlin", "ORG", "Russia"}, {"Kyiv", "PLACE", "Ukraine"}, {"Istanbul", "PLACE", nullptr},
      {"Istanbul", "ORG", nullptr}};
  const std::optional<std::string> kOutlets[] = {std::nullopt, "", "b.example", "a.example", "c.example"};
  const std::optional<std::string> kTitles[] = {std::nullopt, "", "Talks set", "Putin open to talks", "Envoy meets"};
  const std::optional<std::string> kDates[] = {std::nullopt, "", "2025-04-08", "2025-04-21T09:30:00Z", "2025-04-25",
                                               "2025-03-30T23:00:00+02:00"};
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    Document d;
    d.id = "d" + std::to_string(1000 + i);
    d.content_hash = "hash-" + d.id;
    d.text = "Text of " + d.id + ".";
    d.outlet = kOutlets[next(5)];
    d.title = kTitles[next(5)];
    d.published = kDates[next(6)];
    const uint32_t s = next(9);
    if (s == 8) {
      if (next(2)) d.story = "";  // unassigned (or assigned to nothing)
    } else {
      d.story = "story-" + std::to_string(s);
      // Story k lives in storyline k % 3, and some of story 4's documents
      // in another one.
      d.storyline = "line-" + std::to_string(s == 4 && next(3) == 0 ? 2 : s % 3);
    }
    if (i > 3 && next(4) == 0) d.duplicate_of = docs[next(static_cast<uint32_t>(i))].id;
    const uint32_t entities = next(5);
    for (uint32_t k = 0; k < entities; ++k) {
      const Name& nm = kNames[next(sizeof(kNames) / sizeof(kNames[0]))];
      Entity e;
      e.id = "e" + std::to_string(k);
      e.name = nm.name;
      e.type = nm.type;
      for (uint32_t m = 0, mentions = 1 + next(3); m < mentions; ++m) e.mentions.push_back({0, 1});
      e.variants = {nm.name};
      if (next(3) == 0) e.variants.push_back(std::string(nm.name) + "'s");
      if (next(4) == 0) e.roles = {next(2) ? "president" : "spokesperson"};
      if (nm.link) e.link = nm.link;
      d.entities.push_back(std::move(e));
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace testing_docs
}  // namespace dateline

#endif  // DATELINE_STORIES_SUMMARY_TEST_DOCS_H_
