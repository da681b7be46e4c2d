#include "ingest/formats.h"

#include <cctype>
#include <cstring>
#include <map>

#include <simdjson.h>

#include "base/hash.h"
#include "base/utf8.h"
#include "ingest/charset.h"

namespace dateline {
namespace {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10) return false;
  for (int i = 0; i < 10; ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(s[i]));
    if ((i == 4 || i == 7) ? s[i] != '-' : !digit) return false;
  }
  return true;
}

void ApplyDefaults(const ReadOptions& o, RawPage* p) {
  if (!p->url && !o.default_url.empty()) p->url = o.default_url;
  if (!p->outlet && !o.default_outlet.empty()) p->outlet = o.default_outlet;
  if (!p->published && !p->crawl_date && !o.default_date.empty()) p->published = o.default_date;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string LowerCopy(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

// Parses "Name: value" header lines up to the first empty line; returns the
// offset just past the blank line, or npos when there is none.
size_t ParseHeaders(std::string_view block, std::map<std::string, std::string>* headers,
                    std::string* first_line) {
  size_t pos = 0;
  bool first = true;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    std::string_view line = block.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) return pos;
    if (first) {
      *first_line = std::string(line);
      first = false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    (*headers)[LowerCopy(Trim(line.substr(0, colon)))] = Trim(line.substr(colon + 1));
  }
  return std::string_view::npos;
}

std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) break;
    unsigned long n = std::strtoul(std::string(body.substr(pos, nl - pos)).c_str(), nullptr, 16);
    pos = nl + 1;
    if (n == 0) break;
    out.append(body.substr(pos, std::min<size_t>(n, body.size() - pos)));
    pos += n;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;
}

}  // namespace

bool LooksBinary(std::string_view head) {
  size_t sample = std::min<size_t>(head.size(), 8192);
  if (sample == 0) return false;
  size_t control = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = head[i];
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 10 > sample;  // more than 10% control characters
}

Result<RawPage> PageFromBytes(const std::string& input, const std::string& id,
                              const std::string& format, std::string bytes,
                              const ReadOptions& options) {
  if (bytes.empty()) return Status::InvalidInput("empty input");
  RawPage p;
  p.id = id;
  p.input = input;
  p.content_hash = ContentHash(bytes);
  bool utf16 = bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0);
  if (utf16) bytes = DecodeToUtf8(bytes, "", &p.encoding_repaired);
  if (LooksBinary(bytes)) return Status::InvalidInput("binary content (not text)");
  if (format == "html") {
    p.format = "html";
    p.content = DecodeToUtf8(bytes, "", &p.encoding_repaired);
  } else {
    p.format = format == "plain" ? "text" : "dump";
    if (utf8::IsValid(bytes)) {
      p.content = std::move(bytes);
    } else {
      p.encoding_repaired = true;
      p.content = utf8::Repair(bytes);
    }
    // Crawl header: " date YYYY-MM-DD " at the very start of the first line.
    if (p.format == "dump") {
      std::string_view c = p.content;
      size_t i = 0;
      while (i < c.size() && c[i] == ' ') ++i;
      if (c.substr(i, 5) == "date " && IsIsoDate(c.substr(i + 5, 10))) {
        p.crawl_date = std::string(c.substr(i + 5, 10));
        size_t rest = i + 15;
        while (rest < c.size() && c[rest] == ' ') ++rest;
        p.content.erase(0, rest);
      }
    }
  }
  if (Trim(p.content).empty()) return Status::InvalidInput("no text after decoding");
  ApplyDefaults(options, &p);
  return p;
}

void ReadJsonl(const std::string& input, ByteSource* src, const ReadOptions& options,
               PageSink* sink, ReadStats* stats) {
  std::string line;
  int64_t lineno = 0;
  simdjson::dom::parser parser;
  auto reject = [&](const std::string& where, const std::string& reason) {
    ++stats->rejects;
    sink->OnReject({where, reason});
  };
  for (;;) {
    bool too_long = false;
    auto r = src->ReadLine(&line, options.max_page_bytes, &too_long);
    if (!r.ok()) return reject(input, r.status().message() + " (lines before it were read)");
    if (!*r) break;
    ++lineno;
    std::string where = input + ":" + std::to_string(lineno);
    if (too_long) {
      reject(where, "line longer than the " + std::to_string(options.max_page_bytes >> 20) + " MB limit");
      continue;
    }
    if (Trim(line).empty()) continue;
    simdjson::dom::element root;
    if (auto error = parser.parse(line).get(root)) {
      reject(where, std::string("not valid JSON (") + simdjson::error_message(error) + ")");
      continue;
    }
    simdjson::dom::object j;
    if (root.get_object().get(j)) {
      reject(where, "not a JSON object");
      continue;
    }
    // A string member, or a number written as it stands in the line.
    auto str = [&](const char* k) -> std::optional<std::string> {
      simdjson::dom::element v;
      if (j.at_key(k).get(v)) return std::nullopt;
      std::string_view s;
      if (!v.get_string().get(s)) return std::string(s);
      if (v.is_number()) return simdjson::minify(v);
      return std::nullopt;
    };
    RawPage p;
    p.input = where;
    p.id = str("id").value_or(IdFromPath(input) + ":" + std::to_string(lineno));
    p.url = str("url");
    p.title = str("title");
    p.outlet = str("outlet");
    p.published = str("published");
    if (auto t = str("text")) {
      p.format = "text";
      p.content = std::move(*t);
    } else if (auto h = str("html")) {
      p.format = "html";
      p.content = utf8::IsValid(*h) ? std::move(*h) : utf8::Repair(*h);
    } else if (auto d = str("dump")) {
      p.format = "dump";
      p.content = utf8::IsValid(*d) ? std::move(*d) : utf8::Repair(*d);
    } else {
      reject(where, "no \"text\", \"html\" or \"dump\" field");
      continue;
    }
    if (Trim(p.content).empty()) {
      reject(where, "empty text");
      continue;
    }
    p.content_hash = ContentHash(p.content);
    ApplyDefaults(options, &p);
    ++stats->pages;
    sink->OnPage(std::move(p));
  }
}

void ReadWarc(const std::string& input, ByteSource* src, const ReadOptions& options,
              PageSink* sink, ReadStats* stats) {
  std::string line;
  auto reject = [&](const std::string& where, const std::string& reason) {
    ++stats->rejects;
    sink->OnReject({where, reason});
  };
  int64_t record = 0;
  for (;;) {
    // Skip blank lines between records, then expect the version line.
    bool too_long = false;
    auto r = src->ReadLine(&line, 1 << 16, &too_long);
    if (!r.ok()) return reject(input, r.status().message() + " (records before it were read)");
    if (!*r) return;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    ++record;
    std::string where = input + "@record" + std::to_string(record);
    if (line.rfind("WARC/", 0) != 0) return reject(where, "expected a WARC/ version line, found other data; rest of file skipped");
    std::map<std::string, std::string> h;
    for (;;) {
      auto hr = src->ReadLine(&line, 1 << 16, &too_long);
      if (!hr.ok()) return reject(where, hr.status().message());
      if (!*hr) return reject(where, "truncated WARC record (headers end early)");
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      size_t colon = line.find(':');
      if (colon != std::string::npos) h[LowerCopy(Trim(line.substr(0, colon)))] = Trim(line.substr(colon + 1));
    }
    long long len = std::atoll(h["content-length"].c_str());
    if (len < 0 || h.find("content-length") == h.end()) return reject(where, "WARC record without Content-Length; rest of file skipped");
    if (static_cast<size_t>(len) > options.max_page_bytes) {
      reject(where, "record larger than the page limit");
      auto skip = src->ReadExact(len);
      if (!skip.ok() || skip->size() < static_cast<size_t>(len)) return reject(where, "truncated WARC record");
      continue;
    }
    auto block = src->ReadExact(len);
    if (!block.ok()) return reject(where, block.status().message() + " (records before it were read)");
    if (block->size() < static_cast<size_t>(len)) return reject(where, "truncated WARC record (payload ends early)");
    std::string type = LowerCopy(h["warc-type"]);
    if (type != "response" && type != "resource") {
      ++stats->skipped_other;
      continue;
    }
    std::string id = h["warc-record-id"];
    if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    std::string_view payload = *block;
    std::string content_type = h["content-type"];
    std::map<std::string, std::string> http;
    std::string body;
    if (type == "response" && payload.substr(0, 5) == "HTTP/") {
      std::string status;
      size_t off = ParseHeaders(payload, &http, &status);
      if (off == std::string_view::npos) {
        reject(where, "HTTP headers without an end");
        continue;
      }
      content_type = http["content-type"];
      body = std::string(payload.substr(off));
      if (LowerCopy(http["transfer-encoding"]).find("chunked") != std::string::npos) body = Dechunk(body);
      std::string ce = LowerCopy(http["content-encoding"]);
      if (ce == "gzip" || ce == "x-gzip") {
        auto gz = ByteSource::FromString(std::move(body));
        auto dec = gz->ReadAll(options.max_page_bytes);
        if (!dec.ok()) {
          reject(where, "HTTP body: " + dec.status().message());
          continue;
        }
        body = std::move(*dec);
      }
    } else {
      body = std::string(payload);
    }
    std::string ct = LowerCopy(content_type);
    bool html = ct.find("html") != std::string::npos ||
                (ct.empty() && LowerCopy(body.substr(0, 1024)).find("<html") != std::string::npos);
    if (!html) {
      ++stats->skipped_non_html;
      continue;
    }
    if (body.empty()) {
      reject(where, "empty HTML payload");
      continue;
    }
    RawPage p;
    p.id = id.empty() ? IdFromPath(input) + "@" + std::to_string(record) : id;
    p.input = where;
    p.format = "html";
    p.content_hash = ContentHash(body);
    p.content = DecodeToUtf8(body, CharsetFromContentType(content_type), &p.encoding_repaired);
    if (!h["warc-target-uri"].empty()) p.url = h["warc-target-uri"];
    if (h["warc-date"].size() >= 10) p.crawl_date = h["warc-date"];
    ApplyDefaults(options, &p);
    ++stats->pages;
    sink->OnPage(std::move(p));
  }
}

}  // namespace dateline
