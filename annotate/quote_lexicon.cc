#include "annotate/quote_lexicon.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/utf8.h"

namespace dateline::quotes {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

int WordCount(const std::string& s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), ' ')); }

// Joins lower[i..i+n) with spaces; false when past the end.
bool Join(const std::vector<std::string>& lower, size_t i, int n, std::string* out) {
  if (i + n > lower.size()) return false;
  out->clear();
  for (int k = 0; k < n; ++k) {
    if (k) out->push_back(' ');
    out->append(lower[i + k]);
  }
  return true;
}

CueClass ParseClass(std::string_view c) {
  if (c == "belief") return CueClass::kBelief;
  if (c == "prep") return CueClass::kPrep;
  if (c == "noun") return CueClass::kNoun;
  if (c == "raise") return CueClass::kRaise;
  return CueClass::kSpeech;
}

bool IsUpperStart(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = t[0];
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t i = 0;
  char32_t cp = utf8::Next(t, &i);
  // Latin-1 / Latin Extended / Cyrillic capitals (good enough for names).
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F) ||
         (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
}

bool IsWordStart(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = t[0];
  if (c < 0x80) return std::isalnum(c) != 0;
  size_t i = 0;
  char32_t cp = utf8::Next(t, &i);
  return cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) && cp != 0xAB && cp != 0xBB;
}

}  // namespace

QuoteLexicon QuoteLexicon::FromLines(const std::vector<std::string>& cues, const std::vector<std::string>& roles,
                                     const std::vector<std::string>& stopwords,
                                     const std::vector<std::string>& pronouns,
                                     const std::vector<std::string>& channels) {
  QuoteLexicon lx;
  for (const std::string& line : cues) {
    size_t tab = line.find('\t');
    std::string cue = Lower(line.substr(0, tab));
    lx.cues_[cue] = ParseClass(tab == std::string::npos ? "speech" : std::string_view(line).substr(tab + 1));
    lx.max_cue_words_ = std::max(lx.max_cue_words_, WordCount(cue));
    lx.cue_first_.insert(cue.substr(0, cue.find(' ')));
  }
  for (const std::string& r : roles) lx.roles_.insert(Lower(r));
  for (const std::string& s : stopwords) lx.stop_.insert(Lower(s));
  for (const std::string& line : pronouns) {
    size_t tab = line.find('\t');
    if (tab != std::string::npos) lx.pronouns_[Lower(line.substr(0, tab))] = line.substr(tab + 1);
  }
  for (const std::string& c : channels) {
    std::string l = Lower(c);
    lx.channels_.insert(l);
    lx.max_channel_words_ = std::max(lx.max_channel_words_, WordCount(l));
    lx.channel_first_.insert(l.substr(0, l.find(' ')));
  }
  return lx;
}

Result<QuoteLexicon> QuoteLexicon::Load(const std::string& data_dir) {
  std::string dir = data_dir + "/quotes/";
  std::vector<std::string> cues = ReadLines(dir + "cues.txt");
  if (cues.empty()) return Status::NotFound("quotes: no cue list at " + dir + "cues.txt");
  QuoteLexicon lx = FromLines(cues, ReadLines(dir + "roles.txt"), ReadLines(dir + "stopwords.txt"),
                              ReadLines(dir + "pronouns.txt"), ReadLines(dir + "channels.txt"));
  for (const std::string& m : ReadLines(dir + "marks.txt")) {
    size_t tab = m.find('\t');
    if (m.substr(0, tab) != "''") continue;
    lx.double_apostrophe_ = true;
    if (tab != std::string::npos && m.substr(tab + 1) == "indirect") lx.double_apostrophe_kind_ = "indirect";
  }
  lx.cue_model_ = CueModel::Load(dir + "cue_model.tsv");
  lx.end_model_ = CueModel::Load(dir + "end_model.tsv");
  lx.end_dump_ = std::getenv("DATELINE_QUOTE_END_DUMP") != nullptr;
  lx.filter_model_ = CueModel::Load(dir + "filter_model.tsv");
  lx.filter_dump_ = std::getenv("DATELINE_QUOTE_FILTER_DUMP") != nullptr;
  return lx;
}

int QuoteLexicon::MatchCue(const std::vector<std::string>& lower, size_t i, CueClass* cls) const {
  *cls = CueClass::kNone;
  if (i >= lower.size() || !cue_first_.count(lower[i])) return 0;
  std::string key;
  for (int n = max_cue_words_; n >= 1; --n) {
    if (!Join(lower, i, n, &key)) continue;
    auto it = cues_.find(key);
    if (it != cues_.end()) {
      *cls = it->second;
      return n;
    }
  }
  *cls = CueClass::kNone;
  return 0;
}

int QuoteLexicon::MatchChannel(const std::vector<std::string>& lower, size_t i) const {
  if (i >= lower.size() || !channel_first_.count(lower[i])) return 0;
  std::string key;
  for (int n = max_channel_words_; n >= 1; --n)
    if (Join(lower, i, n, &key) && channels_.count(key)) return n;
  return 0;
}

std::string QuoteLexicon::PronounKind(const std::string& lower) const {
  auto it = pronouns_.find(lower);
  return it == pronouns_.end() ? "" : it->second;
}

bool IsDoubleMark(std::string_view t) {
  return t == "\"" || t == "''" || t == "\u201C" || t == "\u201D" || t == "\u00AB" || t == "\u00BB" ||
         t == "\u201E";
}

bool IsSingleMark(std::string_view t) {
  return t == "'" || t == "\u2018" || t == "\u2019" || t == "\u2039" || t == "\u203A";
}

QuoteText MakeQuoteText(std::string_view text, const std::vector<Token>& tokens, const std::vector<Span>& sentences,
                        bool double_apostrophe) {
  QuoteText q;
  q.text = text;
  // Two adjacent apostrophes are one straight double mark ('' in some feeds).
  std::vector<Token> merged;
  const std::vector<Token>* src = &tokens;
  for (size_t i = 0; double_apostrophe && i + 1 < tokens.size(); ++i) {
    if (tokens[i].text == "'" && tokens[i + 1].text == "'" && tokens[i].byte_end == tokens[i + 1].byte_begin) {
      merged.reserve(tokens.size());
      for (size_t k = 0; k < tokens.size(); ++k) {
        if (k + 1 < tokens.size() && tokens[k].text == "'" && tokens[k + 1].text == "'" &&
            tokens[k].byte_end == tokens[k + 1].byte_begin) {
          Token t = tokens[k];
          t.span.end = tokens[k + 1].span.end;
          t.byte_end = tokens[k + 1].byte_end;
          t.text = text.substr(t.byte_begin, t.byte_end - t.byte_begin);
          merged.push_back(t);
          ++k;
        } else {
          merged.push_back(tokens[k]);
        }
      }
      src = &merged;
      break;
    }
  }
  const std::vector<Token>& toks = *src;
  q.tok.resize(toks.size());
  q.lower.resize(toks.size());
  q.sent.assign(toks.size(), -1);
  size_t para_begin = 0, s = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    QTok& o = q.tok[i];
    o.span = t.span;
    o.text = t.text;
    o.cap = IsUpperStart(t.text);
    o.word = IsWordStart(t.text);
    size_t prev_end = i ? toks[i - 1].byte_end : 0;
    std::string_view gap = text.substr(prev_end, t.byte_begin - prev_end);
    o.space_before = i == 0 || !gap.empty();
    o.para_start = i == 0 || gap.find('\n') != std::string_view::npos;
    if (o.para_start && i > 0) {
      q.paras.push_back({para_begin, i});
      para_begin = i;
    }
    o.para = static_cast<int>(q.paras.size());
    q.lower[i] = Lower(t.text);
    while (s < sentences.size() && sentences[s].end <= t.span.begin) ++s;
    if (s < sentences.size() && sentences[s].begin <= t.span.begin) q.sent[i] = static_cast<int>(s);
  }
  if (!toks.empty()) q.paras.push_back({para_begin, toks.size()});
  return q;
}

}  // namespace dateline::quotes
