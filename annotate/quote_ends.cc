// Content-end choice (quote_ends.h).
#include "annotate/quote_ends.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>
#include <unordered_set>

#include "annotate/quote_cue_model.h"
#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

constexpr size_t kMaxReach = 60;  // tokens from the content start

bool JointWord(const std::string& l) {
  static const auto* s = new std::unordered_set<std::string>{
      "and", "but", "as", "when", "while", "because", "after", "before", "in", "at", "on", "during", "who",
      "which", "where", "if", "since", "though", "although", "with", "including", "than", "so", "for",
      "by", "from", "despite", "until", "unless", "whether", "amid", "over", "about", "saying", "adding",
      "according", "even", "or", "then", "whose", "to", "that", "not", "he", "she", "they", "it", "we"};
  return s->count(l) > 0;
}

bool JointMark(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == "(" || t == "\u2014" || t == "\u2013" || t == "-" ||
         t == "--" || t == "." || t == "?" || t == "!";
}

bool Trailing(std::string_view t) {
  return t == "," || t == "." || t == "!" || t == "?" || t == ";" || t == ":";
}

std::string_view Shape(const QTok& t) {
  if (t.cap) return "C";
  if (t.word) return (t.text[0] >= '0' && t.text[0] <= '9') ? "d" : "l";
  return t.text;
}

// A coarse class of the first content word: "that", "to", a determiner, a
// pronoun, a capitalised word, a quotation mark or another word.
std::string_view FirstClass(const QuoteText& q, size_t b) {
  static const auto* det = new std::unordered_set<std::string>{
      "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your"};
  static const auto* pron = new std::unordered_set<std::string>{
      "he", "she", "they", "it", "we", "i", "you", "him", "them", "us", "me", "himself", "herself"};
  const std::string& w = q.lower[b];
  if (w == "that" || w == "to" || w == "whether" || w == "how" || w == "what") return w;
  if (det->count(w)) return "det";
  if (pron->count(w)) return "pron";
  if (IsDoubleMark(q.tok[b].text) || IsSingleMark(q.tok[b].text)) return "mark";
  if (q.tok[b].cap) return "cap";
  return "w";
}

// Whether tokens [b, j) hold a finite-verb-like word (an auxiliary or an
// -ed form): clause content ("that he had won") as against a noun phrase
// object ("Clinton", "his message"), which tends to end at the first joint.
bool HasVerb(const QuoteText& q, size_t b, size_t j) {
  static const auto* aux = new std::unordered_set<std::string>{
      "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
      "could", "should", "may", "might", "must", "do", "does", "did", "'s", "\u2019s"};
  for (size_t k = b; k < j; ++k) {
    const std::string& w = q.lower[k];
    if (aux->count(w) || (w.size() > 4 && !q.tok[k].cap && w.compare(w.size() - 2, 2, "ed") == 0)) return true;
  }
  return false;
}

// One past the last token of [b, j) once trailing punctuation is dropped.
size_t Trim(const QuoteText& q, size_t b, size_t j) {
  while (j > b + 1 && Trailing(q.tok[j - 1].text)) --j;
  return j;
}

}  // namespace

bool ContentHasVerb(const QuoteContext& c, size_t b, size_t j) { return HasVerb(c.q, b, std::min(j, c.q.tok.size())); }

std::vector<size_t> EndCandidates(const QuoteContext& c, size_t b, size_t rule_e, size_t se) {
  const QuoteText& q = c.q;
  std::vector<size_t> out;
  bool rule_added = false;
  for (size_t j = b + 2; j <= se && j <= b + kMaxReach; ++j) {
    bool joint = j == se || (c.segment_of[j] < 0 && (JointMark(q.tok[j].text) || JointWord(q.lower[j])));
    if (j == rule_e) {
      joint = true;
      rule_added = true;
    }
    if (joint && (out.empty() || out.back() != j)) out.push_back(j);
  }
  if (!rule_added) {
    out.push_back(rule_e);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

std::vector<uint64_t> EndFeatures(const QuoteContext& c, EndPattern p, size_t cue, size_t b, size_t j,
                                  size_t rule_e, size_t se) {
  const QuoteText& q = c.q;
  const std::string pat(1, static_cast<char>(p));
  const std::string_view w = j < se ? std::string_view(q.lower[j]) : "</s>";
  const std::string_view n1 = j + 1 < se ? std::string_view(q.lower[j + 1]) : "</s>";
  const std::string_view n1s = j + 1 < se ? Shape(q.tok[j + 1]) : "</s>";
  const std::string_view p1 = q.lower[j - 1];
  const std::string_view rel = j < rule_e ? "<" : j == rule_e ? "=" : ">";
  size_t commas = 0;
  for (size_t k = b; k < j; ++k) commas += q.tok[k].text == "," && c.segment_of[k] < 0;
  const char* len = LengthBucket(j - b);
  const char* tail = LengthBucket(se - j);
  const std::string_view cw = q.lower[cue];
  const std::string_view that = q.lower[b] == "that" ? "that" : "-";
  const std::string_view fc = FirstClass(q, b);
  const std::string_view verb = HasVerb(q, b, j) ? "v" : "-";
  const std::string n12 = std::string(n1) + "|" + (j + 2 < se ? q.lower[j + 2] : std::string("</s>"));
  // A cue within the three tokens after the end: a trailing attribution
  // ("…, he said") or the next clause's own cue.
  std::string_view cue_after = "-";
  for (size_t k = j; k < se && k < j + 4; ++k) {
    CueClass cls;
    if (c.segment_of[k] < 0 && c.lx.MatchCue(q.lower, k, &cls) > 0) {
      cue_after = "cue";
      break;
    }
  }
  return {FeatureHash("j=", w),
          FeatureHash("jn=", w, "|", n1),
          FeatureHash("pj=", p1, "|", w),
          FeatureHash("js=", w, "|", n1s),
          FeatureHash("rel=", rel),
          FeatureHash("relj=", rel, "|", w),
          FeatureHash("len=", len),
          FeatureHash("lenj=", len, "|", w),
          FeatureHash("tail=", tail),
          FeatureHash("commas=", LengthBucket(commas + 1)),
          FeatureHash("cuej=", cw, "|", w),
          FeatureHash("patj=", pat, "|", w),
          FeatureHash("patrel=", pat, "|", rel),
          FeatureHash("thatj=", that, "|", w),
          FeatureHash("pn=", p1, "|", n1),
          FeatureHash("fcj=", fc, "|", w),
          FeatureHash("fclen=", fc, "|", len),
          FeatureHash("jn2=", w, "|", n12),
          FeatureHash("cueafter=", cue_after, "|", w),
          FeatureHash("cuelen=", cw, "|", len),
          FeatureHash("verbj=", verb, "|", w),
          FeatureHash("verbfc=", verb, "|", fc)};
}

size_t ChooseEnd(const QuoteContext& c, EndPattern p, size_t cue, size_t b, size_t rule_e, size_t se,
                 int* confidence) {
  if (confidence) *confidence = -1;
  const CueModel& m = c.lx.end_model();
  const bool dump = c.lx.end_dump();
  if ((m.empty() && !dump) || rule_e <= b + 1 || rule_e > se) return rule_e;
  const QuoteText& q = c.q;
  size_t best = rule_e;
  double best_score = -1e300, rule_score = 0;
  std::vector<double> scores;
  static std::mutex* mu = new std::mutex;
  for (size_t j : EndCandidates(c, b, rule_e, se)) {
    auto f = EndFeatures(c, p, cue, b, j, rule_e, se);
    if (dump) {
      std::string line = std::string(c.doc_id) + "\t" + static_cast<char>(p) + "\t" +
                         std::to_string(q.tok[cue].span.begin) + "\t" + std::to_string(q.tok[b].span.begin) +
                         "\t" + std::to_string(q.tok[Trim(q, b, j) - 1].span.end) + "\t" +
                         (j == rule_e ? "1" : "0") + "\t";
      char buf[24];
      for (size_t i = 0; i < f.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%016llx", i ? " " : "", static_cast<unsigned long long>(f[i]));
        line += buf;
      }
      std::lock_guard<std::mutex> lock(*mu);
      std::fprintf(stderr, "%s\n", line.c_str());
    }
    if (m.empty()) continue;
    double s = m.Score(f);
    scores.push_back(s);
    if (j == rule_e) rule_score = s;
    if (s > best_score) {
      best_score = s;
      best = j;
    }
  }
  // The rules' end stays unless another scores better by the margin.
  const bool moved = best_score - rule_score > m.threshold();
  if (confidence && !scores.empty()) {
    const double chosen = moved ? best_score : rule_score;
    double z = 0;
    for (double s : scores) z += std::exp(s - best_score);
    const double pr = std::exp(chosen - best_score) / z;
    *confidence = pr < 0.3 ? 0 : pr < 0.5 ? 1 : pr < 0.7 ? 2 : pr < 0.9 ? 3 : 4;
  }
  return moved ? best : rule_e;
}

}  // namespace dateline::quotes
