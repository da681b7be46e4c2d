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
}

}  // namespace
}  // namespace dateline::e2e
