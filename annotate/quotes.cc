#include "annotate/quotes.h"

#include <algorithm>
#include <limits>

#include "annotate/quote_rules.h"

namespace dateline {

Result<std::unique_ptr<QuoteExtractor>> QuoteExtractor::Load(const std::string& data_dir) {
  auto lx = quotes::QuoteLexicon::Load(data_dir);
  if (!lx.ok()) return lx.status();
  return std::make_unique<QuoteExtractor>(std::move(lx.value()));
}

void QuoteExtractor::Annotate(const std::vector<Token>& tokens, Document* doc) const {
  doc->quotes.clear();
  if (tokens.empty()) return;
  quotes::QuoteText text = quotes::MakeQuoteText(doc->text, tokens, doc->sentences, lexicon_.DoubleApostrophe());
  quotes::QuoteContext ctx(text, lexicon_, *doc);
  quotes::PrepareContext(&ctx);
  std::vector<Quote> out;
  quotes::ExtractDirect(&ctx, &out);
  quotes::ExtractIndirect(&ctx, &out);
  ctx.filter_scores.resize(out.size(), std::numeric_limits<double>::quiet_NaN());
  quotes::DropNested(&out, &ctx.filter_scores);
  quotes::DropDuplicates(&out);
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.spans[0] < b.spans[0]; });
  quotes::AttachFollowOns(text, &out);
  doc->quotes = std::move(out);
}

}  // namespace dateline
