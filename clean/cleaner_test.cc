// Golden test on the seed pages in samples/: where each article's body starts
// and ends, its title, authors, outlet and date, and that none of the page
// furniture survives. The expectations are this table; the rules that meet
// them are general (nothing in clean/ knows these pages).
#include "clean/cleaner.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "clean/test_samples.h"
#include "ingest/formats.h"
#include "ingest/reader.h"

namespace dateline {
namespace {

struct Golden {
  const char* id;
  const char* first;  // body starts with
  const char* last;   // body's last line
  const char* title;  // "" = none stated
  std::vector<std::string> authors;
  const char* outlet;     // "" = none stated
  const char* published;  // "" = none stated
  bool captions;
};

const Golden kSeeds[] = {
    {"000_b033e49237c5a107", "Russian President Vladimir Putin is open to holding bilateral talks",
     "Zelensky has previously said that he is willing to meet directly with Putin if it helps bring an end to "
     "Russia's full-scale war against Ukraine.",
     "Russia open to direct talks with Ukraine, Putin claims", {"Abbey Fenbert"}, "The Kyiv Independent",
     "2025-04-22T00:52", true},
    {"001_a2b3e08d42126023", "Russian President Vladimir Putin publicly expressed willingness",
     "Despite ongoing hostilities, both sides appear increasingly motivated to demonstrate openness to "
     "negotiations, driven in part by diplomatic pressure from the United States.",
     "", {}, "SAN", "", false},
    {"002_d3393c5b4bbd686f", "In a significant shift amid growing global pressure",
     "As the world watches closely, the upcoming talks in London may mark a pivotal moment in the over "
     "three-year-old war.",
     "Putin Says He’s Open to Direct Peace Talks With Ukraine for First Time in Years", {}, "", "", false},
    {"003_646501f04d5823af", "A new round of talks between the U.S. and Russia will take place in Istanbul",
     "Kyiv has said for weeks that it is ready to begin a complete 30-day ceasefire, in line with a proposal "
     "from Washington, as long as Russia accepts the same terms. Russia has so far refused, only agreeing to "
     "partial ceasefires on energy infrastructure and in the Black Sea — in exchange for restored access to "
     "international markets.",
     "New round of US-Russia talks set for April 10 in Istanbul, Kremlin says",
     {"Kateryna Denisova", "The Kyiv Independent news desk"}, "The Kyiv Independent", "2025-04-08T17:16", true},
    {"004_53c6bf09d89474f2", "U.S. Special Envoy Steve Witkoff is in Moscow where he met with Russian President",
     "The envoy has drawn criticism from both U.S. and Ukrainian officials for promoting Kremlin-aligned "
     "positions, including the idea of trading Ukrainian territory for peace.",
     "Witkoff meets with Putin in Moscow, Kremlin says", {"Yuliia Taradiuk"}, "The Kyiv Independent",
     "2025-04-25T11:53", true},
};

// Furniture that must not survive in any body.
const char* kNeverInBody[] = {"Subscribe", "Download the", "Point phone camera", "…", "News Feed",
                              "Advertisement", "Getty Images", "This audio is created", "Author:",
                              "Most popular", "min read", "Skip to content"};

std::map<std::string, Document> CleanSeeds() {
  std::vector<RawPage> pages;
  for (const auto& [f, bytes] : SamplePages()) {
    auto p = PageFromBytes(f, IdFromPath(f), "dump", bytes, ReadOptions{});
    if (p.ok()) pages.push_back(std::move(p.value()));
  }
  Cleaner cleaner;
  for (const auto& p : pages) cleaner.Observe(p);
  std::map<std::string, Document> out;
  for (const auto& p : pages) out[p.id] = cleaner.Clean(p);
  return out;
}

TEST(CleanerSeeds, BodyTitleAuthorsOutletDate) {
  auto docs = CleanSeeds();
  ASSERT_EQ(docs.size(), std::size(kSeeds));
  for (const Golden& g : kSeeds) {
    SCOPED_TRACE(g.id);
    ASSERT_TRUE(docs.count(g.id));
    const Document& d = docs[g.id];
    EXPECT_EQ(d.text.rfind(g.first, 0), 0u) << d.text.substr(0, 200);
    std::string last = d.text.substr(d.text.rfind('\n') == std::string::npos ? 0 : d.text.rfind('\n') + 1);
    EXPECT_EQ(last, g.last);
    EXPECT_EQ(d.title.value_or(""), g.title);
    EXPECT_EQ(d.authors, g.authors);
    EXPECT_EQ(d.outlet.value_or(""), g.outlet);
    if (*g.published) {
      EXPECT_EQ(d.published.value_or(""), g.published);
      EXPECT_EQ(d.published_source.value_or(""), "byline");
    }
    EXPECT_EQ(!d.captions.empty(), g.captions);
    EXPECT_EQ(d.language.value_or(""), "en");
    EXPECT_TRUE(d.flags.empty()) << d.flags.front();
    for (const char* junk : kNeverInBody) EXPECT_EQ(d.text.find(junk), std::string::npos) << junk;
  }
}

TEST(CleanerSeeds, CrawlHeaderDateWhenPageStatesNone) {
  RawPage p;
  p.id = "x";
  p.format = "dump";
  p.crawl_date = "2025-04-21";
  p.content = "Menu\nA short headline here\nThe minister said on Monday that the talks would continue next week in the capital.\n";
  Document d = Cleaner().Clean(p);
  EXPECT_EQ(d.published.value_or(""), "2025-04-21");
  EXPECT_EQ(d.published_source.value_or(""), "header");
}

TEST(CleanerFlags, EmptyAndOtherLanguage) {
  RawPage empty;
  empty.id = "e";
  empty.format = "dump";
  empty.content = "Home\nLogin\nSearch\n";
  Document d = Cleaner().Clean(empty);
  EXPECT_NE(std::find(d.flags.begin(), d.flags.end(), "empty_body"), d.flags.end());

  RawPage pt;
  pt.id = "pt";
  pt.format = "text";
  pt.content =
      "A equipe do Serviço de Atendimento Domiciliar registrou nesta manhã o arrombamento de dois dos cinco "
      "automóveis da unidade. Os veículos estavam sem as respectivas baterias e com marcas de depredação. Foi "
      "feito boletim de ocorrência e a polícia foi até o local para verificar os danos nos veículos.";
  Document e = Cleaner().Clean(pt);
  EXPECT_EQ(e.language.value_or(""), "pt");
  EXPECT_NE(std::find(e.flags.begin(), e.flags.end(), "other_language"), e.flags.end());
}

}  // namespace
}  // namespace dateline
