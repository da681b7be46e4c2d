#include "ingest/reader.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

class Collect : public PageSink {
 public:
  void OnPage(RawPage p) override { pages.push_back(std::move(p)); }
  void OnReject(Reject r) override { rejects.push_back(std::move(r)); }
  std::vector<RawPage> pages;
  std::vector<Reject> rejects;
};

std::string Gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(s.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string WarcRecord(const std::string& type, const std::string& id, const std::string& uri,
                       const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <" + id + ">\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2025-04-22T10:00:00Z\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& ctype, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + ctype + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline_reader_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  Collect Read(const std::vector<std::string>& inputs, const std::string& format = "auto") {
    Collect c;
    ReadOptions o;
    o.format = format;
    ReadInputs(inputs, o, &c);
    return c;
  }
  fs::path dir_;
};

TEST(IdFromPathTest, StripsKnownEndings) {
  struct Case { const char* path; const char* id; } cases[] = {
      {"/a/b/000_b033.txt", "000_b033"}, {"x/page.html.gz", "page"}, {"crawl.warc.gz", "crawl"},
      {"doc.htm", "doc"}, {"name.json", "name.json"}, {"-", "stdin"}, {".txt", ".txt"}};
  for (const auto& c : cases) EXPECT_EQ(IdFromPath(c.path), c.id) << c.path;
}

TEST_F(ReaderTest, DumpWithCrawlHeader) {
  auto c = Read({Write("001.txt", " date 2025-04-21 Headline here\nBody line.\n")});
  ASSERT_EQ(c.pages.size(), 1u);
  EXPECT_EQ(c.pages[0].id, "001");
  EXPECT_EQ(c.pages[0].format, "dump");
  EXPECT_EQ(c.pages[0].crawl_date.value_or(""), "2025-04-21");
  EXPECT_EQ(c.pages[0].content, "Headline here\nBody line.\n");
}

TEST_F(ReaderTest, DumpWithoutHeaderKeepsText) {
  auto c = Read({Write("002.txt", "date of the talks is unknown\n")});
  ASSERT_EQ(c.pages.size(), 1u);
  EXPECT_FALSE(c.pages[0].crawl_date);
  EXPECT_EQ(c.pages[0].content, "date of the talks is unknown\n");
}

TEST_F(ReaderTest, HtmlCharsets) {
  // Declared Latin-1, bytes Latin-1.
  auto a = Read({Write("a.html", "<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xE9</body></html>")});
  // Declared UTF-8, bytes Windows-1252 (curly quotes): must not become garbage.
  auto b = Read({Write("b.html", "<html><head><meta charset=utf-8></head><body>\x93quoted\x94</body></html>")});
  // Declared Latin-1 but really UTF-8.
  auto c = Read({Write("c.html", "<html><head><meta charset=iso-8859-1></head><body>caf\xC3\xA9</body></html>")});
  // UTF-16LE with BOM.
  std::string u16 = "\xFF\xFE";
  for (char ch : std::string("<html><body>hi</body></html>")) u16 += ch, u16 += '\0';
  auto d = Read({Write("d.html", u16)});
  ASSERT_EQ(a.pages.size(), 1u);
  ASSERT_EQ(b.pages.size(), 1u);
  ASSERT_EQ(c.pages.size(), 1u);
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_NE(a.pages[0].content.find("caf\xC3\xA9"), std::string::npos);
  EXPECT_NE(b.pages[0].content.find("\xE2\x80\x9Cquoted\xE2\x80\x9D"), std::string::npos);
  EXPECT_TRUE(b.pages[0].encoding_repaired);
  EXPECT_NE(c.pages[0].content.find("caf\xC3\xA9"), std::string::npos);
  EXPECT_NE(d.pages[0].content.find("<body>hi"), std::string::npos);
  for (auto* r : {&a, &b, &c, &d}) EXPECT_TRUE(utf8::IsValid(r->pages[0].content));
}

TEST_F(ReaderTest, GzipTransparentAndTruncated) {
  std::string gz = Gzip("<html><body><p>Zipped page.</p></body></html>");
  auto ok = Read({Write("z.html.gz", gz)});
  ASSERT_EQ(ok.pages.size(), 1u);
  EXPECT_EQ(ok.pages[0].id, "z");
  EXPECT_EQ(ok.pages[0].format, "html");
  auto bad = Read({Write("t.html.gz", gz.substr(0, gz.size() / 2))});
  EXPECT_TRUE(bad.pages.empty());
  ASSERT_EQ(bad.rejects.size(), 1u);
  EXPECT_NE(bad.rejects[0].reason.find("gzip"), std::string::npos);
}

TEST_F(ReaderTest, EmptyAndBinaryRejected) {
  auto c = Read({Write("empty.txt", ""), Write("bin.dat", std::string("\x7f" "ELF\0\0\1\2\3", 9) + std::string(100, '\0'))});
  EXPECT_TRUE(c.pages.empty());
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_NE(c.rejects[0].reason.find("empty"), std::string::npos);
  EXPECT_NE(c.rejects[1].reason.find("binary"), std::string::npos);
}

TEST_F(ReaderTest, InvalidUtf8DumpIsRepairedNotLost) {
  auto c = Read({Write("bad.txt", "Caf\xE9 \xFF\xFE text\n")});
  ASSERT_EQ(c.pages.size(), 1u);
  EXPECT_TRUE(c.pages[0].encoding_repaired);
  EXPECT_TRUE(utf8::IsValid(c.pages[0].content));
}

TEST_F(ReaderTest, HugeLineRejected) {
  std::string big(50u << 20, 'a');
  auto c = Read({Write("huge.txt", big), Write("ok.txt", "fine\n")});
  ASSERT_EQ(c.pages.size(), 1u);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_NE(c.rejects[0].reason.find("limit"), std::string::npos);
}

TEST_F(ReaderTest, JsonlGoodBadAndMissingFields) {
  std::string jsonl =
      "{\"id\":\"a\",\"url\":\"http://x.org/a\",\"outlet\":\"X\",\"published\":\"2025-04-21\",\"text\":\"Clean text.\"}\n"
      "this is not json\n"
      "{\"id\":\"b\",\"html\":\"<p>Page</p>\",\"extra\":[1,2]}\n"
      "{\"id\":\"c\"}\n"
      "\n";
  auto c = Read({Write("docs.jsonl", jsonl)});
  ASSERT_EQ(c.pages.size(), 2u);
  EXPECT_EQ(c.pages[0].id, "a");
  EXPECT_EQ(c.pages[0].format, "text");
  EXPECT_EQ(c.pages[0].content, "Clean text.");
  EXPECT_EQ(c.pages[0].outlet.value_or(""), "X");
  EXPECT_EQ(c.pages[1].format, "html");
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_NE(c.rejects[0].input.find("docs.jsonl:2"), std::string::npos);
  EXPECT_NE(c.rejects[0].reason.find("JSON"), std::string::npos);
  EXPECT_NE(c.rejects[1].reason.find("text"), std::string::npos);
}

TEST_F(ReaderTest, WarcRecordsAndSkips) {
  std::string warc = WarcRecord("warcinfo", "urn:uuid:0", "", "software: test\r\n") +
                     WarcRecord("response", "urn:uuid:1", "https://news.example/a",
                                HttpResponse("text/html; charset=windows-1252", "<html><body>\x93Hi\x94</body></html>")) +
                     WarcRecord("response", "urn:uuid:2", "https://news.example/i.png",
                                HttpResponse("image/png", "\x89PNG....")) +
                     WarcRecord("request", "urn:uuid:3", "https://news.example/a", "GET / HTTP/1.1\r\n\r\n");
  Collect c;
  ReadOptions o;
  ReadStats s = ReadInputs({Write("crawl.warc", warc)}, o, &c);
  ASSERT_EQ(c.pages.size(), 1u);
  EXPECT_EQ(c.pages[0].id, "urn:uuid:1");
  EXPECT_EQ(c.pages[0].url.value_or(""), "https://news.example/a");
  EXPECT_NE(c.pages[0].content.find("\xE2\x80\x9CHi\xE2\x80\x9D"), std::string::npos);
  EXPECT_EQ(s.skipped_non_html, 1);
  EXPECT_TRUE(c.rejects.empty());

  // Per-record gzip members, as Common Crawl ships them.
  std::string gz;
  gz += Gzip(WarcRecord("response", "urn:uuid:4", "https://n.example/b", HttpResponse("text/html", "<p>B</p>")));
  gz += Gzip(WarcRecord("response", "urn:uuid:5", "https://n.example/c", HttpResponse("text/html", "<p>C</p>")));
  auto z = Read({Write("cc.warc.gz", gz)});
  ASSERT_EQ(z.pages.size(), 2u);
  EXPECT_EQ(z.pages[1].id, "urn:uuid:5");

  // Truncated: the first record survives, the cut one is rejected.
  auto t = Read({Write("cut.warc", warc.substr(0, warc.size() - 60))});
  EXPECT_EQ(t.pages.size(), 1u);
  ASSERT_FALSE(t.rejects.empty());
  EXPECT_NE(t.rejects.back().reason.find("truncated"), std::string::npos);
}

TEST_F(ReaderTest, DirectoriesSortedAndMissingReported) {
  fs::create_directories(dir_ / "d" / "sub");
  Write("d/b.txt", "B\n");
  Write("d/a.txt", "A\n");
  Write("d/sub/c.txt", "C\n");
  auto c = Read({(dir_ / "d").string(), (dir_ / "nope").string()});
  ASSERT_EQ(c.pages.size(), 3u);
  EXPECT_EQ(c.pages[0].id, "a");
  EXPECT_EQ(c.pages[1].id, "b");
  EXPECT_EQ(c.pages[2].id, "c");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_NE(c.rejects[0].reason.find("no such file"), std::string::npos);
}

TEST_F(ReaderTest, PlainFormatKeepsTextExactly) {
  auto c = Read({Write("p.txt", " date 2025-01-01 not a header here\n")}, "plain");
  ASSERT_EQ(c.pages.size(), 1u);
  EXPECT_EQ(c.pages[0].format, "text");
  EXPECT_EQ(c.pages[0].content, " date 2025-01-01 not a header here\n");
}

}  // namespace
}  // namespace dateline
