// Golden end-to-end checks on samples/: the five seed pages go through
// `dateline extract` and `dateline ingest`/`export`; every document validates
// against docs/document.schema.json and every span points into its text.
#include <gtest/gtest.h>

#include "base/utf8.h"
#include "tests/e2e_util.h"
#include "tests/json_schema.h"

namespace dateline::e2e {
namespace {

using nlohmann::json;

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

void ExpectSpanIn(const json& span, int64_t len, const std::string& what) {
  ASSERT_TRUE(span.is_array()) << what;
  int64_t b = span[0], e = span[1];
  EXPECT_LE(0, b) << what;
  EXPECT_LE(b, e) << what;
  EXPECT_LE(e, len) << what;
}

void CheckDocument(const json& d, const SchemaValidator& schema) {
  std::vector<std::string> errors;
  EXPECT_TRUE(schema.Validate(d, &errors)) << d["id"] << ": " << (errors.empty() ? "" : errors[0]);
  std::string text = d["text"];
  int64_t len = utf8::Length(text);
  for (const auto& s : d["sentences"]) ExpectSpanIn(s, len, "sentence");
  std::set<std::string> entity_ids;
  for (const auto& e : d["entities"]) {
    entity_ids.insert(e["id"].get<std::string>());
    for (const auto& m : e["mentions"]) ExpectSpanIn(m, len, "mention");
  }
  for (const auto& t : d["timexes"]) ExpectSpanIn(t["span"], len, "timex");
  for (const auto& q : d["quotes"]) {
    for (const auto& s : q["spans"]) ExpectSpanIn(s, len, "quote");
    if (!q["speaker"].is_null()) EXPECT_TRUE(entity_ids.count(q["speaker"])) << "quote speaker not an entity";
  }
  for (const auto& ev : d["events"]) ExpectSpanIn(ev["span"], len, "event");
}

TEST(SamplesTest, ExtractValidatesAgainstSchema) {
  TempDir t("dateline_samples");
  SchemaValidator schema(json::parse(Slurp(std::string(DATELINE_SOURCE_DIR) + "/docs/document.schema.json")));
  ASSERT_EQ(Sh(Bin() + " extract " + DATELINE_SOURCE_DIR + "/samples > " + t / "out.jsonl"), 0);
  auto docs = Lines(Slurp(t / "out.jsonl"));
  ASSERT_EQ(docs.size(), 5u);
  std::vector<std::string> ids;
  for (const auto& d : docs) {
    ids.push_back(d["id"]);
    EXPECT_FALSE(d["text"].get<std::string>().empty());
    EXPECT_FALSE(d["sentences"].empty());
    CheckDocument(d, schema);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"000_b033e49237c5a107", "001_a2b3e08d42126023", "002_d3393c5b4bbd686f",
                                           "003_646501f04d5823af", "004_53c6bf09d89474f2"}));
  // The crawl header is the publication date of the pages that have one.
  EXPECT_EQ(docs[4]["published"].get<std::string>().substr(0, 10), "2025-04-25");
  EXPECT_EQ(docs[3]["published"].get<std::string>().substr(0, 10), "2025-04-08");
}

// The characters [b, e) of s, counted in code points.
std::string Slice(const std::string& s, int64_t b, int64_t e) {
  size_t i = 0, from = s.size(), to = s.size();
  for (int64_t cp = 0; i < s.size(); ++cp) {
    if (cp == b) from = i;
    if (cp == e) to = i;
    utf8::Next(s, &i);
  }
  if (utf8::Length(s) == e) to = s.size();
  return from <= to ? s.substr(from, to - from) : "";
}

// Through the whole pipeline (cleaning, entities, quotes): every direct
// quotation of the seed articles is found with its speaker's full name.
TEST(SamplesTest, DirectQuotesCarrySpeakersFullNames) {
  TempDir t("dateline_samples_quotes");
  ASSERT_EQ(Sh(Bin() + " extract " + DATELINE_SOURCE_DIR + "/samples > " + t / "out.jsonl"), 0);
  auto docs = Lines(Slurp(t / "out.jsonl"));
  ASSERT_EQ(docs.size(), 5u);
  struct Want {
    size_t doc;
    std::string words, speaker;
  };
  const std::vector<Want> wants = {
      {0, "We have always talked about this", "Vladimir Putin"},
      {0, "the president had in mind negotiations", "Dmitry Peskov"},
      {0, "I will be giving you full details", "Donald Trump"},
      {0, "There is a very good chance (to reach a ceasefire)", "Donald Trump"},
      {1, "Ceasefire will be met with ceasefire", "Volodymyr Zelenskyy"},
      {2, "he had in mind negotiations", "Dmitry Peskov"},
      {2, "we are ready to move forward constructively", "Volodymyr Zelenskiy"},
      {4, "So we are thinking very strongly", "Donald Trump"},
      {4, "But they have to get to the table", "Donald Trump"},
  };
  for (const Want& w : wants) {
    const json& d = docs[w.doc];
    const std::string text = d["text"];
    bool found = false;
    for (const auto& q : d["quotes"]) {
      if (q["kind"] != "direct") continue;
      for (const auto& s : q["spans"]) {
        int64_t b = s[0], e = s[1];
        if (Slice(text, b, e).find(w.words) == std::string::npos) continue;
        found = true;
        EXPECT_EQ(q["speaker_name"], w.speaker) << w.words;
      }
    }
    EXPECT_TRUE(found) << d["id"] << ": " << w.words;
  }
  // No other direct quotation: each one found is among those above.
  size_t direct = 0;
  for (const auto& d : docs)
    for (const auto& q : d["quotes"]) direct += q["kind"] == "direct" ? q["spans"].size() : 0;
  EXPECT_EQ(direct, wants.size());
}

TEST(SamplesTest, IngestExportCarriesStories) {
  TempDir t("dateline_samples_db");
  SchemaValidator schema(json::parse(Slurp(std::string(DATELINE_SOURCE_DIR) + "/docs/document.schema.json")));
  std::string db = t / "s.db";
  ASSERT_EQ(Sh(Bin() + " ingest --db " + db + " " + DATELINE_SOURCE_DIR + "/samples 2>/dev/null"), 0);
  ASSERT_EQ(Sh(Bin() + " export --db " + db + " > " + t / "docs.jsonl"), 0);
  auto docs = Lines(Slurp(t / "docs.jsonl"));
  ASSERT_EQ(docs.size(), 5u);
  for (const auto& d : docs) {
    CheckDocument(d, schema);
    EXPECT_TRUE(d["story"].is_string());
    EXPECT_TRUE(d["storyline"].is_string());
  }
  ASSERT_EQ(Sh(Bin() + " export --db " + db + " --format csv > " + t / "docs.csv"), 0);
  EXPECT_NE(Slurp(t / "docs.csv").find("000_b033e49237c5a107"), std::string::npos);
  ASSERT_EQ(Sh(Bin() + " stories --db " + db + " --json > " + t / "stories.json"), 0);
  EXPECT_FALSE(json::parse(Slurp(t / "stories.json")).empty());
  // Rebuilt from the store alone: the same stories.
  EXPECT_NE(Sh(Bin() + " ingest --db " + db + " 2>/dev/null"), 0) << "no input and no --refresh";
  ASSERT_EQ(Sh(Bin() + " ingest --refresh --db " + db + " 2>/dev/null"), 0);
  ASSERT_EQ(Sh(Bin() + " stories --db " + db + " --json > " + t / "stories2.json"), 0);
  EXPECT_EQ(json::parse(Slurp(t / "stories2.json")), json::parse(Slurp(t / "stories.json")));
}

}  // namespace
}  // namespace dateline::e2e
