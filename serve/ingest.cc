// POST /api/ingest: pages in the JSONL page format (docs/formats.md) as a
// JSON array or {"pages": [...]}, run through the same Pipeline::Ingest as
// `dateline ingest` (via a temporary JSONL file), then UpdateCorpus.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/hash.h"
#include "pipeline/pipeline.h"
#include "serve/api.h"
#include "serve/handlers.h"

namespace dateline::serve {
namespace {

constexpr size_t kMaxPages = 1000;

// Compares in time independent of where the strings differ.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.size() ? b.size() : 1)]);
  return diff == 0 && !b.empty();
}

// Validates one page and returns the JSONL line written for it (with an id).
Result<json> CheckPage(const json& page, size_t i) {
  std::string where = "page " + std::to_string(i);
  if (!page.is_object()) return Status::InvalidInput(where + " is not an object");
  bool has_text = page.contains("text") && page["text"].is_string();
  bool has_html = page.contains("html") && page["html"].is_string();
  if (has_text == has_html) return Status::InvalidInput(where + " needs exactly one of \"text\" or \"html\" (strings)");
  json out = json::object();
  for (const char* k : {"id", "url", "outlet", "title", "published"}) {
    if (!page.contains(k) || page[k].is_null()) continue;
    if (!page[k].is_string()) return Status::InvalidInput(where + ": \"" + k + "\" must be a string");
    out[k] = page[k];
  }
  out[has_text ? "text" : "html"] = page[has_text ? "text" : "html"];
  const std::string& content = out[has_text ? "text" : "html"].get_ref<const std::string&>();
  if (!out.contains("id")) out["id"] = "web-" + ContentHash(content).substr(0, 16);
  const std::string& id = out["id"].get_ref<const std::string&>();
  if (id.empty() || id.size() > 200) return Status::InvalidInput(where + ": \"id\" must have 1 to 200 bytes");
  for (unsigned char c : id)
    if (c < 0x20 || c == '/' || c == '\\' || c == '?' || c == '#')
      return Status::InvalidInput(where + ": \"id\" may not contain / \\ ? # or control characters");
  return out;
}

Result<std::vector<json>> ParsePages(const std::string& body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return Status::InvalidInput("body is not valid JSON");
  if (j.is_object() && j.contains("pages")) j = j["pages"];
  if (!j.is_array()) return Status::InvalidInput("body must be a JSON array of pages or {\"pages\": [...]}");
  if (j.empty()) return Status::InvalidInput("no pages given");
  if (j.size() > kMaxPages) return Status::InvalidInput("at most " + std::to_string(kMaxPages) + " pages per request");
  std::vector<json> pages;
  for (size_t i = 0; i < j.size(); ++i) {
    auto p = CheckPage(j[i], i);
    if (!p.ok()) return p.status();
    pages.push_back(std::move(p.value()));
  }
  return pages;
}

// Writes the pages as a temporary JSONL file; returns its path.
Result<std::string> WriteTemp(const std::vector<json>& pages) {
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string path = dir + "/dateline-ingest-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError("cannot create a temporary file in " + dir);
  close(fd);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& p : pages) out << p.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  out.close();
  if (!out) {
    std::remove(path.c_str());
    return Status::IoError("cannot write " + path);
  }
  return path;
}

}  // namespace

ApiResponse Api::Ingest(const ApiRequest& r) {
  if (options_.ingest_token.empty())
    return {403, ErrorBody("ingest is disabled: start the server with --ingest-token or DATELINE_INGEST_TOKEN")};
  const std::string prefix = "Bearer ";
  if (r.authorization.rfind(prefix, 0) != 0 ||
      !SameSecret(r.authorization.substr(prefix.size()), options_.ingest_token))
    return {401, ErrorBody("missing or wrong 'Authorization: Bearer <token>'")};
  auto pages = ParsePages(r.body);
  if (!pages.ok()) return {400, ErrorBody(pages.status().message())};

  std::lock_guard<std::mutex> lock(ingest_mu_);
  if (!pipeline_) {
    PipelineOptions po;
    po.read.format = "jsonl";
    po.threads = 2;
    po.data_dir = options_.data_dir;
    auto p = Pipeline::Create(po);
    if (!p.ok()) return {500, ErrorBody("cannot start the pipeline: " + p.status().message())};
    pipeline_ = std::move(p.value());
  }
  auto path = WriteTemp(*pages);
  if (!path.ok()) return {500, ErrorBody(path.status().message())};
  auto lease = pool_->Acquire();
  if (!lease.ok()) {
    std::remove(path->c_str());
    return {500, ErrorBody(lease.status().message())};
  }
  json rejects = json::array();
  RunStats s = pipeline_->Ingest({*path}, lease->get(), [&](const Reject& rj) {
    rejects.push_back({{"input", rj.input}, {"reason", rj.reason}});
  });
  Status st = pipeline_->CorpusUpToDate(lease->get()) ? Status::Ok() : pipeline_->UpdateCorpus(lease->get());
  std::remove(path->c_str());
  pool_->Bump();
  if (!st.ok()) return {500, ErrorBody("stored, but updating the corpus failed: " + st.message())};
  json ids = json::array();
  for (const auto& p : *pages) ids.push_back(p["id"]);
  json body = {{"pages", s.pages},           {"stored", s.stored},   {"already_stored", s.already_stored},
               {"duplicates", s.duplicates}, {"rejects", rejects}, {"documents", ids}};
  return {200, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace dateline::serve
