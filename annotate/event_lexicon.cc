#include "annotate/event_lexicon.h"

#include <libstemmer.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

namespace dateline {
namespace {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::vector<std::string> Words(const std::string& phrase) {
  std::vector<std::string> out;
  for (auto& w : SplitOn(phrase, ' '))
    if (!w.empty()) out.push_back(w);
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class Stemmer {
 public:
  Stemmer() : s_(sb_stemmer_new("english", nullptr)) {}
  ~Stemmer() {
    if (s_) sb_stemmer_delete(s_);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string Stem(const std::string& lower) {
    if (!s_) return lower;
    const sb_symbol* out =
        sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
    if (!out) return lower;
    return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s_));
  }

 private:
  sb_stemmer* s_;
};

bool IsApostrophe(std::string_view t) { return t == "'" || t == "\xE2\x80\x99"; }

// Reads tab-separated lines, skipping comments and blanks.
Status ForEachLine(std::string_view text, const std::string& name,
                   const std::function<Status(const std::vector<std::string>&)>& fn) {
  int line_no = 0;
  for (const auto& line : SplitOn(text, '\n')) {
    ++line_no;
    std::string l = line;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.empty() || l[0] == '#') continue;
    Status st = fn(SplitOn(l, '\t'));
    if (!st.ok()) return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + st.message());
  }
  return Status::Ok();
}

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

EventWords MakeEventWords(const std::vector<Token>& tokens, size_t begin, size_t end) {
  thread_local Stemmer stemmer;  // one per thread: Snowball stemmers are not thread-safe
  EventWords w;
  for (size_t i = begin; i < end; ++i) {
    std::string lower = Lower(tokens[i].text);
    if (i > begin && IsApostrophe(tokens[i - 1].text)) {
      if (lower == "t" && i >= begin + 2 && !tokens[i - 2].text.empty() &&
          (tokens[i - 2].text.back() == 'n' || tokens[i - 2].text.back() == 'N'))
        lower = "n't";
      else if (lower == "ll")
        lower = "'ll";
    }
    w.stem.push_back(stemmer.Stem(lower));
    w.lower.push_back(std::move(lower));
  }
  return w;
}

Result<EventLexicon> EventLexicon::Load(const std::string& dir) {
  auto triggers = Slurp(dir + "/triggers.tsv");
  if (!triggers.ok()) return triggers.status();
  auto cues = Slurp(dir + "/cues.tsv");
  if (!cues.ok()) return cues.status();
  return Parse(*triggers, *cues);
}

Result<EventLexicon> EventLexicon::Parse(std::string_view triggers, std::string_view cues) {
  EventLexicon lex;
  Status st = ForEachLine(triggers, "triggers.tsv", [&](const std::vector<std::string>& f) {
    if (f.size() != 2 || f[0].empty() || f[1].empty()) return Status::InvalidInput("expected TYPE<TAB>trigger");
    return lex.AddTrigger(f[0], f[1]);
  });
  if (!st.ok()) return st;
  st = ForEachLine(cues, "cues.tsv", [&](const std::vector<std::string>& f) { return lex.AddCue(f); });
  if (!st.ok()) return st;
  for (auto& [key, patterns] : lex.triggers_)
    std::stable_sort(patterns.begin(), patterns.end(),
                     [](const Pattern& a, const Pattern& b) { return a.words.size() > b.words.size(); });
  return lex;
}

Status EventLexicon::AddTrigger(const std::string& type, const std::string& phrase) {
  Stemmer stemmer;
  Pattern p;
  p.type = type;
  for (const auto& word : Words(phrase))
    p.words.push_back(word[0] == '=' ? word : stemmer.Stem(Lower(word)));
  if (p.words.empty()) return Status::InvalidInput("empty trigger");
  triggers_[p.words[0]].push_back(p);
  ++trigger_count_;
  return Status::Ok();
}

Status EventLexicon::AddCue(const std::vector<std::string>& f) {
  if (f.size() < 2 || f[1].empty()) return Status::InvalidInput("expected KIND<TAB>words");
  const std::string& kind = f[0];
  if (kind == "denied" || kind == "hypothetical" || kind == "proposed" || kind == "planned") {
    if (f.size() != 3) return Status::InvalidInput("status cue needs a window");
    StatusCue cue{kind, Words(Lower(f[1])), std::atoi(f[2].c_str())};
    if (cue.window == 0) return Status::InvalidInput("window must not be 0");
    status_cues_.push_back(std::move(cue));
  } else if (kind == "bound") {
    bounds_.push_back(Words(Lower(f[1])));
  } else if (kind == "count_verb") {
    if (f.size() != 3) return Status::InvalidInput("count_verb needs a key");
    count_verbs_[Lower(f[1])] = f[2];
  } else if (kind == "number") {
    if (f.size() != 3) return Status::InvalidInput("number needs a value");
    numbers_[Lower(f[1])] = std::atoll(f[2].c_str());
  } else if (kind == "count_skip") {
    count_skip_.insert(Lower(f[1]));
  } else if (kind == "count_person") {
    count_person_.insert(Lower(f[1]));
  } else if (kind == "title") {
    titles_.insert(f[1]);
  } else if (kind == "not_name") {
    not_name_.insert(f[1]);
  } else {
    return Status::InvalidInput("unknown cue kind '" + kind + "'");
  }
  return Status::Ok();
}

bool EventLexicon::MatchesAt(const EventWords& w, size_t i, const std::vector<std::string>& words) {
  if (i + words.size() > w.size()) return false;
  for (size_t k = 0; k < words.size(); ++k)
    if (w.lower[i + k] != words[k]) return false;
  return true;
}

std::optional<TriggerMatch> EventLexicon::MatchTrigger(const EventWords& w, size_t i) const {
  std::optional<TriggerMatch> best;
  for (const std::string& key : {"=" + w.lower[i], w.stem[i]}) {  // exact forms win ties
    auto it = triggers_.find(key);
    if (it == triggers_.end()) continue;
    for (const Pattern& p : it->second) {
      if (i + p.words.size() > w.size() || (best && best->length >= p.words.size())) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k) {
        const std::string& pw = p.words[k];
        ok = pw[0] == '=' ? pw.compare(1, std::string::npos, w.lower[i + k]) == 0 : pw == w.stem[i + k];
      }
      if (ok) best = TriggerMatch{p.type, p.words.size()};
    }
  }
  return best;
}

std::optional<std::string> EventLexicon::CountVerbKey(const std::string& lower) const {
  auto it = count_verbs_.find(lower);
  if (it == count_verbs_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> EventLexicon::NumberWord(const std::string& lower) const {
  auto it = numbers_.find(lower);
  if (it == numbers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dateline
