#include "annotate/quote_marks.h"

namespace dateline::quotes {
namespace {

constexpr size_t kHeadlineMaxTokens = 30;

bool IsPunct(const QTok& t) { return !t.word && !IsDoubleMark(t.text) && !IsSingleMark(t.text); }

// Paragraph [b, e) looks like a headline: short, no closing full stop.
bool HeadlineLike(const QuoteText& q, size_t b, size_t e) {
  if (e - b > kHeadlineMaxTokens || e == b) return false;
  std::string_view last = q.tok[e - 1].text;
  return last != "." && last != "!" && last != "?" && last != ":";
}

bool NextAttached(const QuoteText& q, size_t i, size_t e) { return i + 1 < e && !q.tok[i + 1].space_before; }

bool OpensDouble(const QuoteText& q, size_t i, size_t b, size_t e) {
  std::string_view t = q.tok[i].text;
  if (t == "\u201C" || t == "\u00AB" || t == "\u201E") return i + 1 < e;
  if (t != "\"" && t != "''") return false;
  bool left_free = i == b || q.tok[i].space_before || q.tok[i - 1].text == "(" || q.tok[i - 1].text == "\u2014";
  return left_free && NextAttached(q, i, e);
}

bool ClosesDouble(const QuoteText& q, size_t i, size_t e) {
  std::string_view t = q.tok[i].text;
  if (t == "\u201D" || t == "\u00BB") return true;
  if (t != "\"" && t != "''") return false;
  if (!q.tok[i].space_before) return true;
  return i + 1 >= e || q.tok[i + 1].space_before || IsPunct(q.tok[i + 1]);
}

bool OpensSingle(const QuoteText& q, size_t i, size_t b, size_t e) {
  std::string_view t = q.tok[i].text;
  if (t != "\u2018" && t != "'" && t != "\u2039") return false;
  return (i == b || q.tok[i].space_before) && NextAttached(q, i, e) && q.tok[i + 1].word;
}

bool ClosesSingle(const QuoteText& q, size_t i, size_t e) {
  std::string_view t = q.tok[i].text;
  if (t != "\u2019" && t != "'" && t != "\u203A") return false;
  if (q.tok[i].space_before) return false;
  return i + 1 >= e || q.tok[i + 1].space_before || IsPunct(q.tok[i + 1]);
}

void AddSpan(const QuoteText& q, size_t from, size_t to, QuoteSegment* s) {
  s->spans.push_back({q.tok[from].span.begin, q.tok[to].span.end});
}

// Scans paragraph p from token i; appends finished segments. When a double
// quote is left open at the paragraph end and the next paragraph opens with a
// mark, returns true with *open_seg holding the segment to continue.
bool ScanParagraph(const QuoteText& q, size_t p, QuoteSegment* carry, bool carrying,
                   std::vector<QuoteSegment>* out) {
  auto [b, e] = q.paras[p];
  bool headline = HeadlineLike(q, b, e);
  bool inside = carrying;
  QuoteSegment cur = carrying ? *carry : QuoteSegment{};
  size_t piece_begin = b;
  for (size_t i = carrying ? b + 1 : b; i < e; ++i) {
    if (!inside) {
      bool dbl = OpensDouble(q, i, b, e);
      if (dbl || (headline && OpensSingle(q, i, b, e))) {
        cur = QuoteSegment{};
        cur.open = i;
        cur.single = !dbl;
        piece_begin = i;
        inside = true;
      }
      continue;
    }
    bool close = cur.single ? ClosesSingle(q, i, e) : ClosesDouble(q, i, e);
    if (close) {
      cur.last = i;
      cur.closed = true;
      AddSpan(q, piece_begin, i, &cur);
      out->push_back(std::move(cur));
      inside = false;
      continue;
    }
    // A fresh opening curly mark inside a curly quote: the previous one was
    // never closed; end it before this mark and start again.
    if (!cur.single && q.tok[i].text == "\u201C" && i > piece_begin + 1) {
      cur.last = i - 1;
      AddSpan(q, piece_begin, i - 1, &cur);
      out->push_back(std::move(cur));
      cur = QuoteSegment{};
      cur.open = i;
      piece_begin = i;
    }
  }
  if (!inside) return false;
  if (e - 1 > piece_begin) AddSpan(q, piece_begin, e - 1, &cur);
  cur.last = e - 1;
  bool continues = !cur.single && p + 1 < q.paras.size() && OpensDouble(q, q.paras[p + 1].first,
                                                                          q.paras[p + 1].first, q.paras[p + 1].second);
  if (continues) {
    *carry = std::move(cur);
    return true;
  }
  if (!cur.spans.empty()) out->push_back(std::move(cur));
  return false;
}

}  // namespace

std::vector<QuoteSegment> FindQuoteSegments(const QuoteText& q) {
  std::vector<QuoteSegment> out;
  QuoteSegment carry;
  bool carrying = false;
  for (size_t p = 0; p < q.paras.size(); ++p) carrying = ScanParagraph(q, p, &carry, carrying, &out);
  return out;
}

}  // namespace dateline::quotes
