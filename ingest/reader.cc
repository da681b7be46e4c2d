#include "ingest/reader.h"

#include <algorithm>
#include <filesystem>

#include "ingest/byte_source.h"
#include "ingest/formats.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string LowerName(const std::string& path) {
  std::string n = fs::path(path).filename().string();
  for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (EndsWith(n, ".gz")) n.resize(n.size() - 3);
  return n;
}

void ReadOne(const std::string& path, const ReadOptions& options, PageSink* sink, ReadStats* stats,
             uint64_t done_before, uint64_t total) {
  auto reject = [&](const std::string& reason) {
    ++stats->rejects;
    sink->OnReject({path, reason});
  };
  auto opened = ByteSource::Open(path);
  if (!opened.ok()) return reject(opened.status().message());
  ByteSource* src = opened->get();
  std::string head;
  auto peek = src->ReadExact(8192);
  if (!peek.ok()) return reject(peek.status().message());
  head = std::move(*peek);
  std::string format = options.format;
  if (format == "auto") {
    auto detected = DetectFormat(path, head);
    if (!detected.ok()) return reject(detected.status().message());
    format = *detected;
  }
  // Stream readers get the peeked bytes back in front of the rest.
  if (format == "jsonl" || format == "warc") {
    src->PushBack(head);
    if (format == "jsonl") ReadJsonl(path, src, options, sink, stats);
    else ReadWarc(path, src, options, sink, stats);
  } else {
    auto rest = src->ReadAll(options.max_page_bytes > head.size() ? options.max_page_bytes - head.size() : 0);
    if (!rest.ok()) return reject(rest.status().message());
    auto page = PageFromBytes(path, IdFromPath(path), format, head + *rest, options);
    if (!page.ok()) return reject(page.status().message());
    ++stats->pages;
    sink->OnPage(std::move(*page));
  }
  stats->bytes += src->raw_bytes_read();
  sink->OnProgress(done_before + src->raw_bytes_read(), total);
}

}  // namespace

std::string IdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  std::string n = fs::path(path).filename().string();
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view ext : {".gz", ".html", ".htm", ".txt", ".warc"}) {
      if (EndsWith(n, ext) && n.size() > ext.size()) {
        n.resize(n.size() - ext.size());
        changed = true;
      }
    }
  }
  return n;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<std::string>* missing) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in == "-") {
      out.push_back(in);
    } else if (fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else if (fs::exists(in, ec)) {
      out.push_back(in);
    } else {
      missing->push_back(in);
    }
  }
  return out;
}

Result<std::string> DetectFormat(const std::string& path, std::string_view head) {
  if (head.empty()) return Status::InvalidInput("empty input");
  std::string name = LowerName(path);
  if (head.substr(0, 5) == "WARC/") return std::string("warc");
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {  // UTF-16 with BOM
    std::string ascii;
    for (size_t i = 2; i < head.size() && ascii.size() < 1024; ++i)
      if (head[i] != '\0') ascii += static_cast<char>(std::tolower(static_cast<unsigned char>(head[i])));
    bool html = ascii.find("<html") != std::string::npos || ascii.find("<body") != std::string::npos ||
                ascii.find("<!doctype") != std::string::npos;
    return std::string(html ? "html" : "dump");
  }
  if (LooksBinary(head)) return Status::InvalidInput("binary content (not text, HTML, WARC or JSONL)");
  if (EndsWith(name, ".warc")) return Status::InvalidInput("not a WARC file (no WARC/ version line)");
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return std::string("jsonl");
  size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < head.size() && head[i] == '{' && !EndsWith(name, ".html") && !EndsWith(name, ".htm"))
    return std::string("jsonl");
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return std::string("html");
  std::string low(head.substr(0, 2048));
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (low.find("<!doctype html") != std::string::npos || low.find("<html") != std::string::npos ||
      low.find("<head") != std::string::npos || low.find("<body") != std::string::npos)
    return std::string("html");
  return std::string("dump");
}

ReadStats ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                     PageSink* sink) {
  ReadStats stats;
  std::vector<std::string> missing;
  std::vector<std::string> files = ExpandInputs(inputs, &missing);
  for (const auto& m : missing) {
    ++stats.rejects;
    sink->OnReject({m, "no such file or directory"});
  }
  uint64_t total = 0;
  std::vector<uint64_t> sizes;
  for (const auto& f : files) {
    std::error_code ec;
    uint64_t s = f == "-" ? 0 : fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : s);
    total += sizes.back();
  }
  uint64_t done = 0;
  for (size_t k = 0; k < files.size(); ++k) {
    ReadOne(files[k], options, sink, &stats, done, total);
    done += sizes[k];
  }
  return stats;
}

}  // namespace dateline
