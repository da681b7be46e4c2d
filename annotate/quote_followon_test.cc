// DropNested / DropDuplicates (quote_rules.h): tables of quotes in
// extraction order and the contents that must remain.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

Quote Q(const std::string& kind, std::vector<Span> spans, Span cue) {
  Quote q;
  q.kind = kind;
  q.spans = std::move(spans);
  q.cue_span = cue;
  return q;
}

// The first span's begin of every quote left, in order.
std::vector<int64_t> Begins(const std::vector<Quote>& qs) {
  std::vector<int64_t> out;
  for (const Quote& q : qs) out.push_back(q.spans.front().begin);
  return out;
}

TEST(QuoteDropDuplicates, Table) {
  struct Case {
    const char* name;
    std::vector<Quote> in;
    std::vector<int64_t> want;  // Begins() after the call
  };
  const std::vector<Case> cases = {
      {"same content from a second cue: the later one goes",
       {Q("indirect", {{50, 120}}, {30, 34}), Q("indirect", {{50, 120}}, {44, 51})},
       {50}},
      {"half of the union overlapping still counts",
       {Q("indirect", {{50, 120}}, {30, 34}), Q("indirect", {{60, 120}}, {55, 59})},
       {50}},
      {"less than half of the union: both stay",
       {Q("indirect", {{50, 120}}, {30, 34}), Q("indirect", {{100, 200}}, {90, 94})},
       {50, 100}},
      {"direct quotes are never dropped",
       {Q("direct", {{50, 120}}, {30, 34}), Q("indirect", {{50, 120}}, {44, 51})},
       {50, 50}},
      {"a dropped quote does not drop a third one",
       {Q("indirect", {{0, 100}}, {1, 2}), Q("indirect", {{20, 120}}, {3, 4}), Q("indirect", {{40, 140}}, {5, 6})},
       {0, 40}},
      {"split content counts all its pieces (one piece alone is under half)",
       {Q("indirect", {{0, 40}, {60, 100}}, {45, 50}), Q("indirect", {{0, 30}}, {41, 44})},
       {0, 0}},
  };
  for (const Case& c : cases) {
    std::vector<Quote> qs = c.in;
    DropDuplicates(&qs);
    EXPECT_EQ(Begins(qs), c.want) << c.name;
  }
}

TEST(QuoteDropNested, CueInsideAnotherContent) {
  std::vector<Quote> qs = {Q("indirect", {{20, 200}}, {10, 14}), Q("indirect", {{90, 150}}, {80, 87}),
                           Q("direct", {{300, 400}}, {290, 294})};
  DropNested(&qs);
  EXPECT_EQ(Begins(qs), (std::vector<int64_t>{20, 300}));
}

TEST(QuoteDropNested, FilterScoresKeepASurerInnerQuote) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<Quote> in = {Q("indirect", {{20, 200}}, {10, 14}), Q("indirect", {{90, 150}}, {80, 87}),
                                 Q("direct", {{300, 400}}, {290, 294})};
  struct Case {
    const char* name;
    std::vector<double> scores;
    std::vector<int64_t> want;
  };
  const std::vector<Case> cases = {
      {"the filter is surer of the outer quote: the inner goes", {1.5, 0.2, nan}, {20, 300}},
      {"the filter is surer of the inner quote: both stay", {0.2, 1.5, nan}, {20, 90, 300}},
      {"equal scores: both stay", {0.5, 0.5, nan}, {20, 90, 300}},
      {"an unknown score drops the inner as without scores", {nan, 1.5, nan}, {20, 300}},
      {"scores shorter than the quotes count as unknown", {0.2}, {20, 300}},
  };
  for (const Case& c : cases) {
    std::vector<Quote> qs = in;
    DropNested(&qs, &c.scores);
    EXPECT_EQ(Begins(qs), c.want) << c.name;
  }
}

TEST(QuoteDropNested, MutualNestingKeepsTheSurerQuote) {
  // Each content holds the other's cue ("A, B said, C" read both ways).
  const std::vector<Quote> in = {Q("indirect", {{0, 100}}, {60, 64}), Q("indirect", {{50, 150}}, {10, 14})};
  std::vector<Quote> qs = in;
  DropNested(&qs);
  EXPECT_TRUE(qs.empty());
  qs = in;
  const std::vector<double> scores = {0.1, 0.9};
  DropNested(&qs, &scores);
  EXPECT_EQ(Begins(qs), (std::vector<int64_t>{50}));
}

}  // namespace
}  // namespace dateline::quotes
