#include "annotate/time.h"

#include "annotate/time_calendar.h"
#include "annotate/time_docdate.h"
#include "annotate/time_grammar.h"
#include "annotate/time_resolve.h"
#include "annotate/time_scan.h"
#include "base/utf8.h"

namespace dateline {

Result<std::unique_ptr<TimeTagger>> TimeTagger::Load(const std::string& data_dir) {
  auto lex = timex::TimeLexicon::Load(data_dir);
  if (!lex.ok()) return lex.status();
  return std::make_unique<TimeTagger>(std::move(lex.value()));
}

std::vector<ByteTimex> TimeTagger::TagText(std::string_view text, const std::string& dct) const {
  timex::Scan scan;
  timex::ScanText(text, lexicon_, &scan);
  std::vector<timex::Mention> mentions = timex::Recognize(scan);
  std::optional<timex::Date> anchor = timex::ParseIsoDay(dct);
  if (!anchor && dct.empty()) anchor = timex::InferDocumentDate(scan, mentions);
  timex::Resolver resolver(lexicon_, scan, anchor);
  std::vector<ByteTimex> out;
  out.reserve(mentions.size());
  for (const timex::Mention& m : mentions) {
    ByteTimex t;
    t.value = resolver.Resolve(m, &t.type);
    if (t.value.empty()) continue;
    t.begin = scan.toks[m.tok_begin].begin;
    t.end = scan.toks[m.tok_end - 1].end;
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<std::string> TimeTagger::InferDate(std::string_view text) const {
  timex::Scan scan;
  timex::ScanText(text, lexicon_, &scan);
  std::vector<timex::Mention> mentions = timex::Recognize(scan);
  std::optional<timex::Date> d = timex::InferDocumentDate(scan, mentions);
  if (!d) return std::nullopt;
  return timex::FormatDay(*d);
}

void TimeTagger::Annotate(const std::vector<Token>& tokens, Document* doc) const {
  std::string dct = doc->published.value_or("");
  if (dct.empty()) {
    if (auto inferred = InferDate(doc->text)) {
      doc->published = *inferred;
      doc->published_source = "text";
      dct = *inferred;
    }
  }
  std::vector<ByteTimex> found = TagText(doc->text, dct.empty() ? "-" : dct);
  utf8::OffsetMap map(doc->text);
  doc->timexes.clear();
  doc->timexes.reserve(found.size());
  for (ByteTimex& t : found) {
    Timex x;
    x.span = Span{map.ToCodepoint(t.begin), map.ToCodepoint(t.end)};
    x.type = std::move(t.type);
    x.value = std::move(t.value);
    doc->timexes.push_back(std::move(x));
  }
}

}  // namespace dateline
