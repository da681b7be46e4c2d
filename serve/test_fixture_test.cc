// Helpers shared by the serve tests (named *_test.cc so that it is built into
// serve_test, not into the library).
#include "serve/test_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>

#include "store/store.h"

namespace dateline::serve::testing {
namespace {

using nlohmann::json;

Document Doc(const std::string& id, const std::string& outlet, const std::string& published,
             const std::string& text) {
  Document d;
  d.id = id;
  d.outlet = outlet;
  d.title = "Title of " + id;
  d.published = published;
  d.url = "https://example.com/" + id;
  d.text = text;
  d.content_hash = "hash-" + id;
  d.format = "text";
  d.story = "s1";
  d.storyline = "sl1";
  // Sentences split at ". " (code point offsets equal byte offsets: ASCII text).
  int64_t b = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      d.sentences.push_back({b, static_cast<int64_t>(i + 1)});
      b = static_cast<int64_t>(i + 2);
    }
  }
  Entity putin;
  putin.id = "ent-putin";
  putin.name = "Vladimir Putin";
  putin.type = "PERSON";
  putin.variants = {"Putin"};
  size_t at = text.find("Putin");
  if (at != std::string::npos) putin.mentions.push_back({int64_t(at), int64_t(at + 5)});
  d.entities.push_back(putin);
  Event ev;
  ev.type = "CONSULT";
  ev.sentence = 0;
  d.events.push_back(ev);
  size_t q = text.find('"');
  if (q != std::string::npos) {
    Quote quote;
    quote.kind = "direct";
    quote.spans.push_back({int64_t(q + 1), int64_t(text.find('"', q + 1))});
    d.quotes.push_back(quote);
  }
  return d;
}

}  // namespace

std::string TempDir(const std::string& name) {
  static std::atomic<int> n{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("dateline-serve-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteCorpus(const std::string& db) {
  auto store = Store::Open(db);
  if (!store.ok()) abort();
  std::vector<Document> docs = {
      Doc("a1", "A-News", "2025-04-21", "Putin said Russia is open to direct talks. He said \"we are ready\" for 3 rounds."),
      Doc("b1", "B-Post", "2025-04-21T18:00:00Z",
          "Russian President Putin offered talks with Kyiv. Peskov said \"we are prepared\" for 4 rounds."),
      Doc("c1", "C-Times", "2025-04-22", "The Kremlin said Putin is open to talks on Monday. Envoy Witkoff flew in."),
  };
  Document other = Doc("d1", "A-News", "2025-03-01", "Flooding closed roads across the valley.");
  other.story = "s2";
  other.storyline = "sl2";
  other.entities.clear();
  other.events.clear();
  docs.push_back(other);
  int inserted = 0;
  if (!(*store)->CommitBatch(docs, {}, {}, &inserted).ok() || inserted != 4) abort();
  StorySummary s1{"s1", "sl1", "Putin open to talks", "2025-04-21", "2025-04-22", {"a1", "b1", "c1"},
                  {"A-News", "B-Post", "C-Times"}};
  StorySummary s2{"s2", "sl2", "Floods", "2025-03-01", "2025-03-01", {"d1"}, {"A-News"}};
  StorylineSummary l1{"sl1", "Peace talks", "2025-04-21", "2025-04-22", {"s1"}, {"A-News", "B-Post", "C-Times"}, 3};
  StorylineSummary l2{"sl2", "Floods", "2025-03-01", "2025-03-01", {"s2"}, {"A-News"}, 1};
  (*store)->ReplaceStories({s1, s2}, {l1, l2});
  json talks = {{"storyline", "sl1"}, {"date", "2025-04-21"}, {"precision", "day"}, {"type", "CONSULT"},
                {"description", "Putin says Russia is open to direct talks"},
                {"actors", {{{"id", "ent-putin"}, {"name", "Vladimir Putin"}}}},
                {"sources", {{{"outlet", "A-News"}, {"document", "a1"}, {"sentence", 0}},
                             {{"outlet", "B-Post"}, {"document", "b1"}, {"sentence", 0}},
                             {{"outlet", "C-Times"}, {"document", "c1"}, {"sentence", 0}}}},
                {"disagreements", {{{"kind", "count"}, {"values", {"3", "4"}}}}}};
  json trip = {{"storyline", "sl1"}, {"date", "2025-04"}, {"precision", "month"}, {"type", "COOPERATE"},
               {"description", "Witkoff travels"}, {"actors", {"Witkoff"}},
               {"sources", {{{"outlet", "C-Times"}, {"document", "c1"}, {"sentence", 1}}}},
               {"disagreements", json::array()}};
  (*store)->ReplaceRecords("timeline", {{"t0", talks}, {"t1", trip}});
  json ent = {{"id", "ent-putin"}, {"name", "Vladimir Putin"}, {"type", "PERSON"},
              {"variants", {"Putin", "Vladimir Putin"}}, {"roles", {"Russian President"}},
              {"documents", {"a1", "b1", "c1"}}, {"document_count", 3}, {"mentions", json::array()}};
  json ent2 = {{"id", "ent-witkoff"}, {"name", "Steve Witkoff"}, {"type", "PERSON"}, {"variants", {"Witkoff"}},
               {"roles", json::array()}, {"documents", {"c1"}}, {"document_count", 1}};
  (*store)->ReplaceRecords("entities", {{"ent-putin", ent}, {"ent-witkoff", ent2}});
  json quote = {{"id", "q1"}, {"speaker", "ent-putin"}, {"speaker_name", "Vladimir Putin"}, {"text", "we are ready"},
                {"kind", "direct"}, {"sources", {{{"document", "a1"}, {"outlet", "A-News"}}}},
                {"wording_differences", json::array()}};
  (*store)->ReplaceRecords("quotes", {{"q1", quote}});
}

Reply RawRequest(int port, const std::string& request) {
  Reply r;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return r;
  }
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer (413) and close before reading it all
    sent += static_cast<size_t>(n);
  }
  // No shutdown(SHUT_WR): httplib drops a connection whose peer half-closed; "Connection: close" ends it.
  std::string raw;
  char buf[65536];
  for (ssize_t n; (n = recv(fd, buf, sizeof(buf), 0)) > 0;) raw.append(buf, static_cast<size_t>(n));
  close(fd);
  size_t head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    size_t eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = line.find_first_not_of(' ', colon + 1);
      r.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = eol + 2;
  }
  r.body = raw.substr(head_end + 4);
  return r;
}

Reply Get(int port, const std::string& target) {
  return RawRequest(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

Reply Post(int port, const std::string& target, const std::string& body, const std::string& auth) {
  std::string req = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                    "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  if (!auth.empty()) req += "Authorization: " + auth + "\r\n";
  return RawRequest(port, req + "\r\n" + body);
}

}  // namespace dateline::serve::testing
