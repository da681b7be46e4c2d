// The malformed-input corpus: every bad input is named with its reason, the
// run exits 2, and everything valid is still stored.
#include <unistd.h>
#include <zlib.h>

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e_util.h"

namespace dateline::e2e {
namespace {

void Write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string Gzip(const std::string& s) {
  std::string out(compressBound(s.size()) + 64, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(MalformedCorpusTest, RejectsAreNamedAndValidInputsStored) {
  TempDir t("dateline_malformed");
  std::string in = t / "in";
  std::filesystem::create_directories(in);
  std::string page = "<html><head><title>Good page</title></head><body><p>A valid article body.</p></body></html>";
  Write(in + "/good.html", page);
  Write(in + "/good2.html.gz", Gzip("<html><body><p>Another valid page, compressed.</p></body></html>"));
  std::string gz = Gzip(std::string(20000, 'x') + page);
  Write(in + "/truncated.html.gz", gz.substr(0, gz.size() / 2));
  std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:9>\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n";
  Write(in + "/truncated.warc", rec);
  Write(in + "/binary.bin", std::string("\x7f" "ELF", 4) + std::string(512, '\0'));
  Write(in + "/huge.txt", std::string(50u << 20, 'a'));
  Write(in + "/latin1.txt", "Caf\xE9 in Z\xFCrich, \x93quoted\x94.\n");
  Write(in + "/empty.txt", "");
  Write(in + "/docs.jsonl", "{\"id\":\"j1\",\"text\":\"Fine text.\"}\n{not json\n{\"id\":\"j2\",\"text\":\"More.\"}\n");
  std::string db = t / "x.db";
  int rc = Sh(Bin() + " ingest --db " + db + " " + in + " > " + t / "out" + " 2> " + t / "err");
  EXPECT_EQ(rc, 2);
  std::string err = Slurp(t / "err");
  for (const char* name : {"truncated.html.gz", "truncated.warc", "binary.bin", "huge.txt", "empty.txt", "docs.jsonl:2"})
    EXPECT_NE(err.find(name), std::string::npos) << "no error names " << name << "\n" << err;
  EXPECT_NE(err.find("gzip"), std::string::npos);
  EXPECT_NE(err.find("binary"), std::string::npos);

  ASSERT_EQ(Sh(Bin() + " export --db " + db + " > " + t / "docs.jsonl"), 0);
  std::istringstream docs(Slurp(t / "docs.jsonl"));
  std::set<std::string> ids;
  for (std::string line; std::getline(docs, line);) {
    auto j = nlohmann::json::parse(line);
    ids.insert(j["id"].get<std::string>());
  }
  EXPECT_EQ(ids, (std::set<std::string>{"good", "good2", "latin1", "j1", "j2"}));

  ASSERT_EQ(Sh(Bin() + " export --db " + db + " --what rejects > " + t / "rejects.jsonl"), 0);
  std::string rejects = Slurp(t / "rejects.jsonl");
  for (const char* name : {"truncated.html.gz", "truncated.warc", "binary.bin", "huge.txt", "empty.txt", "docs.jsonl:2"})
    EXPECT_NE(rejects.find(name), std::string::npos) << name;
}

}  // namespace
}  // namespace dateline::e2e
