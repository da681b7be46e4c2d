// QuoteExtractor: tables of {text, expected quotes}.
#include "annotate/quotes.h"

#include <gtest/gtest.h>

#include "annotate/quote_test_util.h"

namespace dateline {
namespace {

using quotes_test::Content;
using quotes_test::Cut;
using quotes_test::Run;
Document Annotated(const std::string& text, std::vector<Entity> e = {}) { return Run(text, std::move(e)); }

struct Want {
  std::string content;  // pieces joined by " | "
  std::string kind;
  std::string speaker_name;  // "" = none
  std::string channel;       // "" = none
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Want> want;  // every quote, in text order
};

// Compares every quote: content, kind, speaker's full name, channel.
void Check(const Case& c) {
  Document d = Annotated(c.text);
  ASSERT_EQ(d.quotes.size(), c.want.size()) << c.name;
  for (size_t i = 0; i < c.want.size(); ++i) {
    const Quote& q = d.quotes[i];
    const Want& w = c.want[i];
    EXPECT_EQ(Content(d, q), w.content) << c.name << " #" << i;
    EXPECT_EQ(q.kind, w.kind) << c.name << " #" << i;
    EXPECT_EQ(q.speaker_name.value_or(""), w.speaker_name) << c.name << " #" << i;
    EXPECT_EQ(q.channel.value_or(""), w.channel) << c.name << " #" << i;
  }
}

TEST(QuoteExtractorTest, DirectQuotes) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<Case> cases = {
      {"curly after",
       "Intro.\n\u201cWe hope so,\u201d Vladimir Putin said.",
       {{"\u201cWe hope so,\u201d", "direct", "Vladimir Putin", ""}}},
      {"straight before",
       "Intro.\nZelensky said, \"We are ready to talk.\"",
       {{"\"We are ready to talk.\"", "direct", "Zelensky", ""}}},
      {"inverted with title",
       "Intro.\n\"It is over,\" said Kremlin spokesperson Dmitry Peskov.",
       {{"\"It is over,\"", "direct", "Dmitry Peskov", ""}}},
      {"split around attribution, channel",
       "Intro.\n\u201cUkraine is ready,\u201d Zelenskyy wrote on X, \u201cto move forward.\u201d",
       {{"\u201cUkraine is ready,\u201d | \u201cto move forward.\u201d", "direct", "Zelenskyy", "X"}}},
      {"split around a sentence",
       "Intro.\n\"We had good meetings,\" Trump said. \"There is a very good chance.\"",
       {{"\"We had good meetings,\" | \"There is a very good chance.\"", "direct", "Trump", ""}}},
      {"follow-on paragraph continues the speaker",
       "Intro.\n\"So they both want peace,\" Donald Trump said.\n\"But they have to get to the table.\"",
       {{"\"So they both want peace,\" | \"But they have to get to the table.\"", "direct", "Donald Trump", ""}}},
      {"quote over two paragraphs",
       "Intro.\nPeskov said:\n\u201cFirst part.\n\u201cSecond part.\u201d",
       {{"\u201cFirst part. | \u201cSecond part.\u201d", "direct", "Peskov", ""}}},
      {"addressee as channel",
       "Intro.\n\"It is possible,\" Peskov told the Interfax news agency.",
       {{"\"It is possible,\"", "direct", "Peskov", "the Interfax news agency"}}},
      {"according to as channel",
       "Intro.\n\u201cWe are ready,\u201d Dmitry Peskov clarified, according to Interfax.",
       {{"\u201cWe are ready,\u201d", "direct", "Dmitry Peskov", "Interfax"}}},
      {"headline with single marks",
       "Trump: \u2018We Will Win\u2019\nBody text follows here.",
       {{"\u2018We Will Win\u2019", "direct", "Trump", ""}}},
      {"question mark before attribution",
       "Intro.\n\u201cWhy didn\u2019t they fight?\u201d U.S. President Donald Trump wrote.",
       {{"\u201cWhy didn\u2019t they fight?\u201d", "direct", "Donald Trump", ""}}},
      {"scare quotes are not quotes",
       "Moscow ended the short-lived \"Easter truce\" on Sunday.",
       {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(QuoteExtractorTest, IndirectSpeech) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<Case> cases = {
      {"said that, date skipped",
       "Zelensky said on April 21 that he was still waiting for an answer.",
       {{"that he was still waiting for an answer", "indirect", "Zelensky", ""}}},
      {"partial quote inside, addressee",
       "Trump told reporters that there is a \u201cvery good chance\u201d of a ceasefire.",
       {{"that there is a \u201cvery good chance\u201d of a ceasefire", "indirect", "Trump", "reporters"}}},
      {"content first, speaker after",
       "Russia is open to direct talks with Ukraine, Putin claims.",
       {{"Russia is open to direct talks with Ukraine", "indirect", "Putin", ""}}},
      {"according to",
       "Moscow remains open to peace initiatives, according to Reuters.",
       {{"Moscow remains open to peace initiatives", "indirect", "Reuters", ""}}},
      {"organisation speaker",
       "A new round of talks will take place in Istanbul, the Kremlin said on April 8.",
       {{"A new round of talks will take place in Istanbul", "indirect", "Kremlin", ""}}},
      {"wrote on Telegram",
       "Zelensky wrote on Telegram that the strikes must stop.",
       {{"that the strikes must stop", "indirect", "Zelensky", "Telegram"}}},
      {"no cue in a proper name",
       "Delegations from the United States, Britain and France met in London.",
       {}},
      {"no cue after a possessive",
       "These demands conflict with Ukraine's stated red lines and international law.",
       {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(QuoteExtractorTest, AttributionForms) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<Case> cases = {
      {"clause subject without a name",
       "Twenty-four percent said they were more likely to vote for him.",
       {{"they were more likely to vote for him", "indirect", "Twenty-four percent", ""}}},
      {"adverb between subject and cue",
       "Carter however said he would welcome China's participation.",
       {{"he would welcome China's participation", "indirect", "Carter", ""}}},
      {"content closed by a quote mark",
       "Intro.\nHis strategy may be \"strategic,\" said Jeffery Hemsley, a professor.",
       {{"His strategy may be \"strategic,\"", "indirect", "Jeffery Hemsley", ""}}},
      {"that after a prepositional phrase",
       "Sanders said on ABC's \"This Week\" that he would take a look.",
       {{"that he would take a look", "indirect", "Sanders", ""}}},
      {"second verb ends the content",
       "Clinton criticized the plan for weeks and promised to repeal it.",
       {{"the plan for weeks", "indirect", "Clinton", ""}, {"to repeal it", "indirect", "Clinton", ""}}},
      {"relative clause ends at its comma",
       "Voters who want a continuation of the policies, most of them young, back Clinton.",
       {{"a continuation of the policies", "indirect", "Voters", ""}}},
      {"noun cue with a possessive holder",
       "Intro.\nTrump's assertion that the migrants are criminals drew protests.",
       {{"that the migrants are criminals drew protests", "indirect", "Trump", ""}}},
      {"question put to no one named",
       "Asked whether the plan would work, most voters said no.",
       {{"whether the plan would work", "indirect", "", ""}, {"no", "indirect", "voters", ""}}},
      {"headline with a colon",
       "Graham: Trump Rhetoric Destroying GOP Chances\nText follows here.",
       {{"Trump Rhetoric Destroying GOP Chances", "indirect", "Graham", ""}}},
      {"dash byline",
       "Intro.\n\u201cWe can build a wall around him.\u201d \u2015 Steve Quinlan",
       {{"\u201cWe can build a wall around him.\u201d", "direct", "Steve Quinlan", ""}}},
      {"follow-on after an attribution sentence",
       "Intro.\n\u201cWhy not?\u201d Sanders replied. \u201cThe answer is yes.\u201d",
       {{"\u201cWhy not?\u201d | \u201cThe answer is yes.\u201d", "direct", "Sanders", ""}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(QuoteExtractorTest, ParticiplesPrepositionsAndApostropheMarks) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<Case> cases = {
      {"participle clause reports for the subject",
       "Sanders defended his plan, saying it would create jobs.",
       {{"his plan", "indirect", "Sanders", ""}, {"it would create jobs", "indirect", "Sanders", ""}}},
      {"participle after a direct quote takes its speaker",
       "Intro.\n\"It will take time,\" Bill Ackman said, referring to the stock.",
       {{"\"It will take time,\"", "direct", "Bill Ackman", ""}, {"the stock", "indirect", "Bill Ackman", ""}}},
      {"preposition belongs to the cue",
       "Sanders talked about health care.",
       {{"health care", "indirect", "Sanders", ""}}},
      {"a participle that is no cue continues the content",
       "Officials said the heat would last, reflecting a long drought.",
       {{"the heat would last, reflecting a long drought", "indirect", "Officials", ""}}},
      {"an attribution inside another's content is not a quote of its own",
       "Clinton said that Trump believes the wall will work.",
       {{"that Trump believes the wall will work", "indirect", "Clinton", ""}}},
      // data/quotes/marks.txt: '' is not a quotation mark unless turned on there.
      {"two apostrophes are not quotation marks by default",
       "Intro.\n''We are ready,'' Dmitry Peskov said.",
       {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(QuoteExtractorTest, SpeakersResolveToEarlierPeople) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<Case> cases = {
      {"pronoun",
       "Kremlin spokesperson Dmitry Peskov spoke on Monday.\n\"We are ready,\" he said.",
       {{"\"We are ready,\"", "direct", "Dmitry Peskov", ""}}},
      {"role noun",
       "U.S. Special Envoy Steve Witkoff arrived in Moscow.\n\"It went well,\" the envoy told reporters.",
       {{"\"It went well,\"", "direct", "Steve Witkoff", "reporters"}}},
      {"surname to full name",
       "Russian President Vladimir Putin spoke on TV.\n\"We hope so,\" Putin said.",
       {{"\"We hope so,\"", "direct", "Vladimir Putin", ""}}},
      {"title stripped",
       "Intro.\n\"No,\" Kremlin Spokesperson Dmitry Peskov said.",
       {{"\"No,\"", "direct", "Dmitry Peskov", ""}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST(QuoteExtractorTest, UsesEntitiesWhenPresent) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::string text = "Intro.\n\"We are ready,\" Peskov said.";
  Entity e;
  e.id = "e7";
  e.name = "Dmitry Sergeyevich Peskov";
  e.type = "PERSON";
  e.mentions = {quotes_test::Find(text, "Peskov")};
  Document d = Annotated(text, {e});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker.value_or(""), "e7");
  EXPECT_EQ(d.quotes[0].speaker_name.value_or(""), "Dmitry Sergeyevich Peskov");
  ASSERT_TRUE(d.quotes[0].speaker_span.has_value());
  EXPECT_EQ(Cut(text, *d.quotes[0].speaker_span), "Peskov");
  ASSERT_TRUE(d.quotes[0].cue_span.has_value());
  EXPECT_EQ(Cut(text, *d.quotes[0].cue_span), "said");
}

TEST(QuoteExtractorTest, EntityNamesLoseTitlesAndSurnamesFindEntities) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::string text = "Kremlin Spokesperson Dmitry Peskov spoke.\n\"We are ready,\" Peskov said.";
  Entity e;
  e.id = "e1";
  e.name = "Kremlin Spokesperson Dmitry Peskov";
  e.type = "PERSON";
  e.mentions = {quotes_test::Find(text, "Kremlin Spokesperson Dmitry Peskov")};
  Document d = Annotated(text, {e});
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker.value_or(""), "e1");
  EXPECT_EQ(d.quotes[0].speaker_name.value_or(""), "Dmitry Peskov");
}

// Subjects the indirect rules reach past (round 6): a verb group with
// auxiliaries after an appositive or "and", an aside before "that",
// "As X noted, …", an -s verb before "to" after its subject.
TEST(QuoteExtractorTest, SubjectsBeforeVerbGroupsAndAsides) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"Intro.\nBernie Sanders, celebrating a victory in his home state, is pledging to win many hundreds of "
       "delegates on Super Tuesday.",
       {"to win many hundreds of delegates on Super Tuesday", "Bernie Sanders"}},
      {"Intro.\nSanders often questions her ties to super PACs and has called for the former secretary of state to "
       "release the transcripts of her paid speeches.",
       {"the former secretary of state to release the transcripts of her paid speeches", "Sanders"}},
      {"Intro.\nClinton testified, for example, that she neither sent nor received emails marked classified.",
       {"that she neither sent nor received emails marked classified", "Clinton"}},
      {"Intro.\nAs the International Business Times noted, Clinton raised more than $1.1 million from the "
       "securities industry.",
       {"Clinton raised more than $1.1 million from the securities industry", "International Business Times"}},
      {"Intro.\nAnd Sanders, to his credit, refuses to attack Clinton on her character.",
       {"to attack Clinton on her character", "Sanders"}},
      // Round 8: apostrophes after a full stop end the sentence (and the content).
      {"Intro.\nMr. Bush tells voters that he ''wasn't brought up that way.'' He struggles with a basic task.",
       {"that he ''wasn't brought up that way.''", "Bush"}},
  };
  for (const auto& [text, want] : cases) {
    Document d = Annotated(text);
    bool found = false;
    for (const Quote& q : d.quotes)
      found = found || (Content(d, q) == want.first &&
                        q.speaker_name.value_or("").find(want.second) != std::string::npos);
    EXPECT_TRUE(found) << text;
  }
}

TEST(QuoteExtractorTest, EmptyAndOddInputs) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  EXPECT_TRUE(Annotated("").quotes.empty());
  EXPECT_TRUE(Annotated("\"").quotes.empty());
  EXPECT_TRUE(Annotated("\u201c\u201c\u201c said").quotes.empty());
  Document d = Annotated("Intro.\n\u201cNever closed, Trump said.");
  for (const Quote& q : d.quotes) EXPECT_FALSE(q.spans.empty());
}

TEST(QuoteExtractorTest, LoadFailsWithoutCueList) {
  auto r = QuoteExtractor::Load("/nonexistent-dateline-data");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace dateline
