// Extraction filter (quote_filter.h).
#include "annotate/quote_filter.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <mutex>
#include <string>

#include "annotate/quote_cue_model.h"
#include "annotate/quote_ends.h"
#include "annotate/quote_rules.h"

namespace dateline::quotes {
namespace {

// The token whose span starts at or after code point cp.
size_t TokenAt(const QuoteText& q, int64_t cp) {
  auto it = std::lower_bound(q.tok.begin(), q.tok.end(), cp,
                             [](const QTok& t, int64_t v) { return t.span.begin < v; });
  return static_cast<size_t>(it - q.tok.begin());
}

// One past the token whose span ends at or before code point cp.
size_t TokenEnd(const QuoteText& q, int64_t cp) {
  auto it = std::upper_bound(q.tok.begin(), q.tok.end(), cp,
                             [](int64_t v, const QTok& t) { return v < t.span.end; });
  return static_cast<size_t>(it - q.tok.begin());
}

std::string_view SpeakerKind(const Attribution& a) {
  if (!a.has_speaker) return "none";
  if (a.speaker.pronoun) return "pron";
  if (a.speaker.role_only) return "role";
  if (a.speaker.e <= a.speaker.b) return "empty";
  return "name";
}

// The form of a cue word: "ed", "ing", "s" (its ending) or "-".
std::string_view CueForm(std::string_view w) {
  auto ends = [&](std::string_view x) { return w.size() > x.size() + 2 && w.substr(w.size() - x.size()) == x; };
  if (ends("ed")) return "ed";
  if (ends("ing")) return "ing";
  if (ends("s") && !ends("ss")) return "s";
  return "-";
}

// A coarse class of the token after the cue: what frames the cue's content.
std::string_view NextClass(const QuoteText& q, size_t k) {
  if (k >= q.tok.size()) return "</s>";
  const std::string& w = q.lower[k];
  if (w == "that" || w == "to" || w == "about" || w == "of" || w == "for" || w == "on" || w == ":" ||
      w == "," || w == "whether" || w == "the" || w == "a" || w == "an")
    return w;
  if (IsDoubleMark(q.tok[k].text)) return "mark";
  if (q.tok[k].cap) return "cap";
  return q.tok[k].word ? "w" : "p";
}

}  // namespace

std::vector<uint64_t> ExtractionFeatures(const QuoteContext& c, char pattern, const std::vector<Span>& spans,
                                         const Attribution& a) {
  const QuoteText& q = c.q;
  const std::string pat(1, pattern);
  const size_t n = q.tok.size();
  std::string cue;
  for (size_t k = a.cue_b; k < a.cue_e && k < n; ++k) {
    if (!cue.empty()) cue += ' ';
    cue += q.lower[k];
  }
  CueClass cls;
  const bool listed = c.lx.MatchCue(q.lower, a.cue_b, &cls) > 0;
  const std::string_view src = listed ? "list" : "model";
  size_t b = TokenAt(q, spans.front().begin), e = TokenEnd(q, spans.back().end);
  if (b >= n) b = n - 1;
  if (e <= b) e = b + 1;
  size_t words = 0;
  bool mark = false;
  for (const Span& s : spans)
    for (size_t k = TokenAt(q, s.begin); k < n && q.tok[k].span.end <= s.end; ++k) {
      words += q.tok[k].word;
      mark = mark || IsDoubleMark(q.tok[k].text);
    }
  const std::string_view c0 = q.lower[b];
  const std::string_view c1 = b + 1 < n ? std::string_view(q.lower[b + 1]) : "</s>";
  const std::string_view cz = q.lower[e - 1];
  const std::string_view after = e < n ? std::string_view(q.lower[e]) : "</s>";
  const std::string_view pc = a.cue_b > 0 ? std::string_view(q.lower[a.cue_b - 1]) : "<s>";
  const std::string_view nc = a.cue_e < n ? std::string_view(q.lower[a.cue_e]) : "</s>";
  const std::string_view first = q.lower[a.cue_b];
  const std::string_view order = a.cue_b < b ? "cue<" : "cue>";
  const char* len = LengthBucket(words);
  const auto [pb, pe] = q.paras[q.tok[std::min(a.cue_b, n - 1)].para];
  const char* para = LengthBucket((pe - pb) / 5);
  std::string_view score = "-";
  const CueModel& m = c.lx.cue_model();
  if (!m.empty() && a.cue_b < n && CueModel::Candidate(q, a.cue_b)) {
    double s = m.Score(q, a.cue_b);
    score = s < -3 ? "<-3" : s < -1.5 ? "<-1.5" : s < -0.5 ? "<-.5" : s < 0.5 ? "<.5" : s < 2 ? "<2" : ">2";
  }
  const std::string_view verb = ContentHasVerb(c, b, e) ? "v" : "-";
  const std::string_view form = a.cue_e > a.cue_b ? CueForm(q.lower[std::min(a.cue_e, n) - 1]) : "-";
  const std::string_view next = NextClass(q, a.cue_e);
  const std::string src_pat = std::string(src) + "|" + pat;
  return {FeatureHash("bias"),
          FeatureHash("pat=", pat),
          FeatureHash("cue=", cue),
          FeatureHash("cuep=", cue, "|", pat),
          FeatureHash("cue1=", first, "|", src),
          FeatureHash("src=", src, "|", pat),
          FeatureHash("spk=", SpeakerKind(a), "|", pat),
          FeatureHash("len=", len, "|", pat),
          FeatureHash("c0=", c0),
          FeatureHash("c01=", c0, "|", c1),
          FeatureHash("cz=", cz),
          FeatureHash("after=", after),
          FeatureHash("pc=", pc, "|", first),
          FeatureHash("nc=", first, "|", nc),
          FeatureHash("order=", order, "|", pat),
          FeatureHash("spans=", spans.size() > 1 ? "2" : "1", "|", pat),
          FeatureHash("mark=", mark ? "1" : "0"),
          FeatureHash("chan=", a.channel ? "1" : "0"),
          FeatureHash("para=", para),
          FeatureHash("cm=", score, "|", src),
          FeatureHash("verb=", verb, "|", src_pat),
          FeatureHash("verblen=", verb, "|", len),
          FeatureHash("frame=", std::string(form) + "|" + std::string(next), "|", src),
          FeatureHash("framev=", std::string(next) + "|" + std::string(verb), "|", pat),
          FeatureHash("endconf=", std::to_string(a.end_confidence), "|", pat)};
}

bool KeepExtraction(const QuoteContext& c, char pattern, const std::vector<Span>& spans, const Attribution& a,
                    double* score) {
  if (score) *score = std::numeric_limits<double>::quiet_NaN();
  const CueModel& m = c.lx.filter_model();
  const bool dump = c.lx.filter_dump();
  if ((m.empty() && !dump) || spans.empty() || c.q.tok.empty()) return true;
  auto f = ExtractionFeatures(c, pattern, spans, a);
  if (dump) {
    std::string line = std::string(c.doc_id) + "\t" + pattern + "\t";
    for (size_t i = 0; i < spans.size(); ++i)
      line += (i ? ";" : "") + std::to_string(spans[i].begin) + " " + std::to_string(spans[i].end);
    line += "\t";
    char buf[24];
    for (size_t i = 0; i < f.size(); ++i) {
      std::snprintf(buf, sizeof buf, "%s%016llx", i ? " " : "", static_cast<unsigned long long>(f[i]));
      line += buf;
    }
    static std::mutex* mu = new std::mutex;
    std::lock_guard<std::mutex> lock(*mu);
    std::fprintf(stderr, "F\t%s\n", line.c_str());
  }
  if (m.empty()) return true;
  const double s = m.Score(f);
  if (score) *score = s;
  return s > m.threshold();
}

}  // namespace dateline::quotes
