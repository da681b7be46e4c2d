#include "base/document_json.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Document Rich() {
  Document d;
  d.id = "x";
  d.url = "https://example.org/a";
  d.text = "Putin said talks would resume.";
  d.published = "2025-04-21";
  d.published_source = "header";
  d.sentences = {{0, 30}};
  d.entities.push_back({"e0", "Vladimir Putin", "PERSON", {{0, 5}}, {"Putin"}, {"president"}, std::nullopt});
  d.timexes.push_back({{6, 10}, "DATE", "2025-04-21"});
  Quote q;
  q.spans = {{11, 29}};
  q.kind = "indirect";
  q.speaker = "e0";
  q.speaker_name = "Vladimir Putin";
  q.speaker_span = Span{0, 5};
  d.quotes.push_back(q);
  Event e;
  e.type = "CONSULT";
  e.span = {11, 16};
  e.sentence = 0;
  e.counts = {{"killed", 12}, {"injured", 87}};
  e.status = "planned";
  d.events.push_back(e);
  d.authors = {"A. Writer"};
  d.captions = {"A caption \"quoted\"\n"};
  d.flags = {"short"};
  d.title = "T\xC3\xA9st \x80";  // invalid UTF-8 is replaced in both writers
  d.entities.push_back({"e1", "Kremlin", "ORG", {}, {}, {}, std::string("e9")});
  Quote q2;
  q2.kind = "direct";
  q2.cue_span = Span{3, 4};
  q2.channel = "Telegram";
  d.quotes.push_back(q2);
  d.events.push_back(Event{});
  return d;
}

TEST(DocumentJsonTest, LineIsWhatNlohmannPrints) {
  Document d = Rich();
  EXPECT_EQ(ToJsonLine(d), ToJson(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  EXPECT_EQ(ToJsonLine(Document{}), ToJson(Document{}).dump());
}

TEST(DocumentJsonTest, LineRoundTrip) {
  Document d = Rich();
  d.title = "Test";
  auto back = DocumentFromJsonLine(ToJsonLine(d));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ToJsonLine(*back), ToJsonLine(d));
  EXPECT_EQ(back->quotes[1].cue_span->begin, 3);
  EXPECT_EQ(back->entities[1].link, std::optional<std::string>("e9"));
}

TEST(DocumentJsonTest, LineRejectsBrokenInput) {
  std::string line = ToJsonLine(Rich());
  for (std::string bad : {std::string(""), line.substr(0, line.size() / 2), std::string("[1,2]"),
                          std::string("\x00\xff binary", 9), std::string("{\"id\": \"a\"")}) {
    auto d = DocumentFromJsonLine(bad);
    EXPECT_FALSE(d.ok()) << bad;
  }
  // Wrong member types are skipped, not fatal.
  auto d = DocumentFromJsonLine(R"({"id":"x","sentences":"no","entities":[{"mentions":[[1]]}],"events":[{"counts":{"a":"b"}}]})");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->id, "x");
  EXPECT_TRUE(d->sentences.empty());
  EXPECT_EQ(d->entities.size(), 1u);
  EXPECT_TRUE(d->events[0].counts.empty());
}

TEST(DocumentJsonTest, RoundTripKeepsEveryLayer) {
  Document d = Rich();
  d.title = "Test";
  auto back = DocumentFromJson(ToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(ToJson(*back), ToJson(d));
  EXPECT_EQ(back->events[0].counts.at("injured"), 87);
}

TEST(DocumentJsonTest, RejectsNonObjects) { EXPECT_FALSE(DocumentFromJson(nlohmann::json::array()).ok()); }

}  // namespace
}  // namespace dateline
