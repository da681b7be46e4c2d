#include "annotate/annotator.h"

#include "annotate/sentences.h"
#include "annotate/tokenizer.h"

namespace dateline {

Result<std::unique_ptr<Annotator>> Annotator::Create(const std::string& data_dir) {
  auto a = std::make_unique<Annotator>();
  auto e = EntityRecognizer::Load(data_dir);
  if (!e.ok()) return e.status();
  auto t = TimeTagger::Load(data_dir);
  if (!t.ok()) return t.status();
  auto q = QuoteExtractor::Load(data_dir);
  if (!q.ok()) return q.status();
  auto v = EventExtractor::Load(data_dir);
  if (!v.ok()) return v.status();
  a->entities_ = std::move(e.value());
  a->time_ = std::move(t.value());
  a->quotes_ = std::move(q.value());
  a->events_ = std::move(v.value());
  return a;
}

void Annotator::Annotate(Document* doc) const {
  std::vector<Token> tokens = Tokenize(doc->text);
  doc->sentences = SplitSentences(doc->text, tokens);
  entities_->Annotate(tokens, doc);
  time_->Annotate(tokens, doc);
  quotes_->Annotate(tokens, doc);
  events_->Annotate(tokens, doc);
}

}  // namespace dateline
