// Test helpers for the serve tests: a small corpus written straight into a
// Store (no pipeline), a server on an ephemeral loopback port, and a raw
// HTTP/1.1 client that sends request lines exactly as given.
#ifndef DATELINE_SERVE_TEST_FIXTURE_H_
#define DATELINE_SERVE_TEST_FIXTURE_H_

#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "serve/server.h"

namespace dateline::serve::testing {

// A fresh temporary directory path (created) for one test's database.
std::string TempDir(const std::string& name);

// Writes three documents (outlets A-News, B-Post, C-Times; one storyline
// "sl1" with story "s1"; a second storyline "sl2" with no timeline),
// timeline / entities / quotes records.
void WriteCorpus(const std::string& db);

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

// Sends `request` (a full request, CRLFs included) to 127.0.0.1:port.
Reply RawRequest(int port, const std::string& request);
Reply Get(int port, const std::string& target);
Reply Post(int port, const std::string& target, const std::string& body, const std::string& auth = "");

}  // namespace dateline::serve::testing

#endif  // DATELINE_SERVE_TEST_FIXTURE_H_
