// Static assets, security headers, path traversal, 413, and POST /api/ingest.
#include <gtest/gtest.h>

#include "serve/server.h"
#include "serve/test_fixture.h"

namespace dateline::serve::testing {
namespace {

using nlohmann::json;

std::unique_ptr<Server> StartServer(const std::string& name, const std::string& token) {
  std::string db = TempDir(name) + "/t.db";
  WriteCorpus(db);
  ServeOptions o;
  o.db = db;
  o.port = 0;
  o.threads = 4;
  o.max_body_bytes = 64 << 10;
  o.ingest_token = token;
  auto s = Server::Create(o);
  if (!s.ok() || !(*s)->Start().ok()) return nullptr;
  return std::move(s.value());
}

TEST(ServeStatic, IndexAndAssetsWithSecurityHeaders) {
  auto s = StartServer("static", "");
  ASSERT_TRUE(s);
  Reply r = Get(s->port(), "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<script src=\"/app.js\""), std::string::npos);
  const std::string csp = r.headers["content-security-policy"];
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  for (const char* asset : {"/app.js", "/dom.js", "/views.js", "/compare.js", "/style.css", "/openapi.yaml"}) {
    Reply a = Get(s->port(), asset);
    EXPECT_EQ(a.status, 200) << asset;
    EXPECT_FALSE(a.body.empty()) << asset;
  }
  EXPECT_EQ(Get(s->port(), "/app.js").headers["content-type"], "text/javascript; charset=utf-8");
  // API responses carry the same headers.
  EXPECT_NE(Get(s->port(), "/api/health").headers["content-security-policy"].find("default-src 'none'"),
            std::string::npos);
}

TEST(ServeStatic, NoFileOutsideTheAssetSet) {
  auto s = StartServer("traversal", "");
  ASSERT_TRUE(s);
  for (const char* target :
       {"/../CMakeLists.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
        "/web/app.js", "/serve/web/app.js", "/./app.js/../../server.cc", "//etc/passwd", "/%2fetc%2fpasswd",
        "/app.js%00.png", "/index.html/..", "/server.cc", "/etc/passwd", "/CMakeLists.txt", "/....//....//etc/passwd"}) {
    Reply r = Get(s->port(), target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("#include"), std::string::npos) << target;
  }
}

TEST(ServeLimits, OversizedBodyIs413) {
  auto s = StartServer("limits", "secret");
  ASSERT_TRUE(s);
  // The length is refused from the header, before the body is read; so send
  // the header alone (a body left unread would make the reply race a TCP reset).
  Reply r = RawRequest(s->port(),
                       "POST /api/ingest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer secret\r\n"
                       "Content-Type: application/json\r\nContent-Length: 102400\r\n\r\n");
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(r.Json().contains("error")) << r.body;
}

TEST(ServeIngest, DisabledWithoutToken) {
  auto s = StartServer("noingest", "");
  ASSERT_TRUE(s);
  Reply r = Post(s->port(), "/api/ingest", R"([{"text": "hello"}])", "Bearer anything");
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(r.Json().contains("error"));
  EXPECT_EQ(Get(s->port(), "/api/ingest").status, 405);
}

TEST(ServeIngest, NeedsTheBearerToken) {
  auto s = StartServer("auth", "s3cret-token");
  ASSERT_TRUE(s);
  const std::string page = R"([{"text": "hello world"}])";
  EXPECT_EQ(Post(s->port(), "/api/ingest", page).status, 401);
  EXPECT_EQ(Post(s->port(), "/api/ingest", page, "Bearer wrong").status, 401);
  EXPECT_EQ(Post(s->port(), "/api/ingest", page, "Bearer s3cret-tokeX").status, 401);
  EXPECT_EQ(Post(s->port(), "/api/ingest", page, "Basic s3cret-token").status, 401);
  EXPECT_EQ(Post(s->port(), "/api/ingest", page, "Bearer s3cret-token-longer").status, 401);
}

TEST(ServeIngest, BadBodiesAre400) {
  auto s = StartServer("badbody", "t");
  ASSERT_TRUE(s);
  for (const char* body : {"not json", "{}", "[]", "[1]", R"([{"id": "x"}])", R"([{"text": 5}])",
                           R"([{"text": "a", "html": "b"}])", R"([{"text": "a", "id": "../x"}])",
                           R"([{"text": "a", "outlet": 3}])"}) {
    Reply r = Post(s->port(), "/api/ingest", body, "Bearer t");
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
  }
}

TEST(ServeIngest, StoresPagesAndServesThemEscapedAsJson) {
  auto s = StartServer("ingest", "t");
  ASSERT_TRUE(s);
  json page = {{"id", "evil"}, {"outlet", "Evil <b>Outlet</b>"}, {"url", "javascript:alert(1)"},
               {"title", "<img src=x onerror=alert(1)>"}, {"published", "2025-04-23"},
               {"html", "<html><head><title>x</title></head><body><article><h1>Ceasefire <script>alert(1)</script></h1>"
                        "<p>Negotiators met in London on Wednesday to discuss a ceasefire between the two countries, "
                        "officials said. <img src=x onerror=\"alert(2)\"> The talks lasted six hours and ended "
                        "without agreement, according to two diplomats.</p><p><a href=\"javascript:alert(3)\">"
                        "Read more</a> about the negotiations and what comes next for the region.</p>"
                        "</article></body></html>"}};
  Reply r = Post(s->port(), "/api/ingest", json::array({page}).dump(), "Bearer t");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["stored"], 1) << r.body;
  Reply d = Get(s->port(), "/api/documents/evil");
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.Json()["id"], "evil");
  // The JSON carries text; nothing in it is treated as markup by the server.
  EXPECT_EQ(d.headers["content-type"], "application/json; charset=utf-8");
  // The new page is searchable at once (the response cache was dropped).
  EXPECT_EQ(Get(s->port(), "/api/search?q=negotiators").Json()["total"], 1);
  // Ingesting the same page again stores nothing new.
  Reply again = Post(s->port(), "/api/ingest", json{{"pages", json::array({page})}}.dump(), "Bearer t");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["stored"], 0);
}

}  // namespace
}  // namespace dateline::serve::testing
