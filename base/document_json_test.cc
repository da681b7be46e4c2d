#include "base/document_json.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(DocumentJsonTest, RoundTripKeepsEveryLayer) {
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
  auto back = DocumentFromJson(ToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(ToJson(*back), ToJson(d));
  EXPECT_EQ(back->events[0].counts.at("injured"), 87);
}

TEST(DocumentJsonTest, RejectsNonObjects) { EXPECT_FALSE(DocumentFromJson(nlohmann::json::array()).ok()); }

}  // namespace
}  // namespace dateline
