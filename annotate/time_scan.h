// TimeScanner: the time tagger's own light tokenisation of raw UTF-8 text —
// runs of ASCII letters, runs of digits, and single other characters — each
// looked up once in the TimeLexicon. Independent of annotate/tokenizer so the
// two can evolve separately; linear in the text, no allocation per token
// beyond the output vector.
#ifndef DATELINE_ANNOTATE_TIME_SCAN_H_
#define DATELINE_ANNOTATE_TIME_SCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/time_lexicon.h"

namespace dateline::timex {

struct TTok {
  uint32_t begin = 0, end = 0;  // byte offsets into the text
  std::string_view lower;       // lower-cased form (view into Scan::lower)
  const LexEntry* lex = nullptr;
  char kind = 0;                // 'a' letters, 'd' digits, 'p' other
  bool cap = false;             // first letter upper case
  bool space_before = false;    // whitespace between the previous token and this one
  bool newline_before = false;  // a line break between the previous token and this one
  int value = -1;               // digits: numeric value (if <= 9 digits)
};

struct Scan {
  std::string lower;  // ASCII lower-cased copy of the text
  std::vector<TTok> toks;
};

void ScanText(std::string_view text, const TimeLexicon& lex, Scan* out);

}  // namespace dateline::timex

#endif  // DATELINE_ANNOTATE_TIME_SCAN_H_
