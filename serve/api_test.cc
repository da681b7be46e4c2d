// The JSON API over HTTP: a server on an ephemeral loopback port, in process,
// over a small corpus written straight into the store.
#include <gtest/gtest.h>

#include "serve/server.h"
#include "serve/test_fixture.h"
#include "store/store.h"

namespace dateline::serve::testing {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string(TempDir("api") + "/t.db");
    WriteCorpus(*db_);
    ServeOptions o;
    o.db = *db_;
    o.port = 0;
    o.threads = 4;
    o.max_body_bytes = 64 << 10;
    auto s = Server::Create(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = s.value().release();
    ASSERT_TRUE(server_->Start().ok());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_;
  }
  static json GetJson(const std::string& target, int want = 200) {
    Reply r = Get(server_->port(), target);
    EXPECT_EQ(r.status, want) << target << " -> " << r.body;
    EXPECT_EQ(r.headers["content-type"].rfind("application/json", 0), 0u) << target;
    return r.Json();
  }
  static Server* server_;
  static std::string* db_;
};
Server* ApiTest::server_ = nullptr;
std::string* ApiTest::db_ = nullptr;

TEST_F(ApiTest, Health) {
  json j = GetJson("/api/health");
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["documents"], 4);
}

TEST_F(ApiTest, StorylinesMostDocumentsFirst) {
  json j = GetJson("/api/storylines");
  ASSERT_EQ(j["total"], 2);
  EXPECT_EQ(j["storylines"][0]["id"], "sl1");
  EXPECT_EQ(j["storylines"][0]["stories"], 1);
  EXPECT_EQ(j["storylines"][0]["outlets"].size(), 3u);
  EXPECT_EQ(GetJson("/api/storylines?limit=1&offset=1")["storylines"][0]["id"], "sl2");
  json one = GetJson("/api/storylines/sl1");
  EXPECT_EQ(one["storyline"]["title"], "Peace talks");
  EXPECT_EQ(one["stories"][0]["id"], "s1");
  EXPECT_TRUE(GetJson("/api/storylines/nope", 404).contains("error"));
}

TEST_F(ApiTest, TimelineWithFilters) {
  json t = GetJson("/api/storylines/sl1/timeline");
  ASSERT_EQ(t["entries"].size(), 2u);
  EXPECT_EQ(t["entries"][0]["index"], 0);
  EXPECT_EQ(t["entries"][0]["sources"].size(), 3u);
  EXPECT_EQ(t["types"], json({"CONSULT", "COOPERATE"}));
  EXPECT_EQ(GetJson("/api/storylines/sl1/timeline?type=COOPERATE")["entries"].size(), 1u);
  json by_actor = GetJson("/api/storylines/sl1/timeline?actor=vladimir%20putin");
  ASSERT_EQ(by_actor["entries"].size(), 1u);
  EXPECT_EQ(by_actor["entries"][0]["index"], 0);
  EXPECT_EQ(GetJson("/api/storylines/sl1/timeline?actor=ent-putin")["entries"].size(), 1u);
  // A storyline without timeline records: an empty timeline, not an error.
  EXPECT_EQ(GetJson("/api/storylines/sl2/timeline")["entries"].size(), 0u);
  GetJson("/api/storylines/nope/timeline", 404);
}

TEST_F(ApiTest, TimelineEntryWithSourceDocuments) {
  json e = GetJson("/api/storylines/sl1/timeline/0");
  EXPECT_EQ(e["entry"]["date"], "2025-04-21");
  ASSERT_EQ(e["documents"].size(), 3u);
  EXPECT_EQ(e["documents"][0]["meta"]["outlet"], "A-News");
  EXPECT_EQ(e["documents"][0]["highlight"], json({0}));
  EXPECT_GE(e["documents"][0]["sentences"].size(), 2u);
  EXPECT_EQ(e["documents"][0]["quotes"].size(), 1u);
  GetJson("/api/storylines/sl1/timeline/7", 404);
  GetJson("/api/storylines/sl1/other", 404);
}

TEST_F(ApiTest, Stories) {
  EXPECT_EQ(GetJson("/api/stories")["total"], 2);
  EXPECT_EQ(GetJson("/api/stories?storyline=sl2")["stories"][0]["id"], "s2");
  json s = GetJson("/api/stories/s1");
  EXPECT_EQ(s["documents"].size(), 3u);
  EXPECT_EQ(s["documents"][1]["outlet"], "B-Post");
  GetJson("/api/stories/none", 404);
}

TEST_F(ApiTest, Documents) {
  EXPECT_EQ(GetJson("/api/documents")["total"], 4);
  EXPECT_EQ(GetJson("/api/documents?outlet=A-News")["total"], 2);
  EXPECT_EQ(GetJson("/api/documents?from=2025-04-21&to=2025-04-21")["total"], 2);
  EXPECT_EQ(GetJson("/api/documents?storyline=sl1&limit=1")["documents"].size(), 1u);
  json d = GetJson("/api/documents/b1");
  EXPECT_EQ(d["outlet"], "B-Post");
  EXPECT_FALSE(d["text"].get<std::string>().empty());
  EXPECT_EQ(d["entities"][0]["name"], "Vladimir Putin");
  EXPECT_EQ(d["sentences"][0], json({0, 48}));
  GetJson("/api/documents/zzz", 404);
}

TEST_F(ApiTest, EntitiesAndQuotes) {
  json l = GetJson("/api/entities?q=put");
  ASSERT_EQ(l["total"], 1);
  EXPECT_FALSE(l["entities"][0].contains("mentions"));
  EXPECT_EQ(GetJson("/api/entities?type=PERSON")["total"], 2);
  json e = GetJson("/api/entities/ent-putin");
  EXPECT_EQ(e["entity"]["roles"][0], "Russian President");
  EXPECT_EQ(e["quotes"].size(), 1u);
  ASSERT_EQ(e["events"].size(), 1u);
  EXPECT_EQ(e["events"][0]["storyline"], "sl1");
  EXPECT_EQ(e["documents"].size(), 3u);
  GetJson("/api/entities/ent-nobody", 404);
  EXPECT_EQ(GetJson("/api/quotes?speaker=Vladimir%20Putin")["total"], 1);
  EXPECT_EQ(GetJson("/api/quotes?document=b1")["total"], 0);
  EXPECT_EQ(GetJson("/api/quotes/q1")["text"], "we are ready");
  GetJson("/api/quotes/q9", 404);
}

TEST_F(ApiTest, Outlets) {
  json o = GetJson("/api/outlets");
  ASSERT_EQ(o["outlets"].size(), 3u);
  EXPECT_EQ(o["outlets"][0]["outlet"], "A-News");
  EXPECT_EQ(o["outlets"][0]["documents"], 2);
}

TEST_F(ApiTest, SearchWithFilters) {
  json r = GetJson("/api/search?q=witkoff");
  ASSERT_EQ(r["total"], 1);
  EXPECT_EQ(r["results"][0]["id"], "c1");
  bool hit = false;
  for (const auto& part : r["results"][0]["snippet"]) hit = hit || (part["hit"] == true && part["text"] == "Witkoff");
  EXPECT_TRUE(hit) << r.dump();
  EXPECT_EQ(GetJson("/api/search?q=talks")["total"], 3);  // "talks" stems with "talks"
  EXPECT_EQ(GetJson("/api/search?q=talks&outlet=B-Post")["total"], 1);
  EXPECT_EQ(GetJson("/api/search?q=talks&from=2025-04-22")["total"], 1);
  EXPECT_EQ(GetJson("/api/search?q=talks&to=2025-04-21")["total"], 2);
  EXPECT_EQ(GetJson("/api/search?entity=ent-putin")["total"], 3);
  EXPECT_EQ(GetJson("/api/search?entity=Putin&q=flooding")["total"], 0);
  EXPECT_EQ(GetJson("/api/search?type=CONSULT")["total"], 3);
  EXPECT_EQ(GetJson("/api/search?q=%22direct%20talks%22")["total"], 1);
  EXPECT_EQ(GetJson("/api/search?q=flood*")["total"], 1);
}

TEST_F(ApiTest, SearchNeverInterpretsTheQuery) {
  // FTS5 operators and SQL fragments are searched as words, never run.
  for (const char* q : {"%22unbalanced", "NEAR(a%20b)", "talks%20OR%20floods", "'%20OR%201=1%20--",
                        "x%22);DROP%20TABLE%20documents;--", "title:talks", "*", "a%20AND%20-"}) {
    Reply r = Get(server_->port(), std::string("/api/search?q=") + q);
    EXPECT_TRUE(r.status == 200 || r.status == 400) << q << " -> " << r.status << " " << r.body;
  }
  EXPECT_EQ(GetJson("/api/search?q=talks%20OR%20floods")["total"], 0);  // OR is a word here
  EXPECT_EQ(GetJson("/api/health")["documents"], 4);
}

TEST_F(ApiTest, BadParametersAre400) {
  for (const char* t : {"/api/search", "/api/search?q=%21%21%21", "/api/search?q=x&limit=0",
                        "/api/search?q=x&limit=abc", "/api/search?q=x&from=21-04-2025", "/api/search?q=x&to=2025-4",
                        "/api/documents?limit=-1", "/api/documents?offset=1e9", "/api/storylines?limit=99999",
                        "/api/entities?q=%01", "/api/search?q=%ff%fe"}) {
    json j = GetJson(t, 400);
    EXPECT_TRUE(j.contains("error")) << t;
  }
  std::string long_q(300, 'a');
  GetJson("/api/search?q=" + long_q, 400);
}

TEST_F(ApiTest, UnknownRoutesAndMethods) {
  GetJson("/api/nothing", 404);
  GetJson("/api/health/extra", 404);
  GetJson("/api", 404);
  Reply r = RawRequest(server_->port(), "DELETE /api/documents/a1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(r.status, 405);
}

TEST_F(ApiTest, SeesWritesFromAnotherConnection) {
  EXPECT_EQ(GetJson("/api/documents")["total"], 4);  // cached now
  {
    auto store = Store::Open(*db_);
    ASSERT_TRUE(store.ok());
    Document d;
    d.id = "late";
    d.content_hash = "hash-late";
    d.text = "A late page about ceasefire monitors.";
    int inserted = 0;
    ASSERT_TRUE((*store)->CommitBatch({d}, {}, {}, &inserted).ok());
  }
  EXPECT_EQ(GetJson("/api/documents")["total"], 5);
  EXPECT_EQ(GetJson("/api/search?q=ceasefire")["total"], 1);
}

}  // namespace
}  // namespace dateline::serve::testing
