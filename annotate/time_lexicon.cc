#include "annotate/time_lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace dateline::timex {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Applies one "word category value" row to its entry.
Status AddWord(const std::vector<std::string>& f, LexEntry* e) {
  const std::string& cat = f[1];
  const std::string& v = f[2];
  auto num = [&v]() { return std::atoi(v.c_str()); };
  if (cat == "month") { e->cats |= kMonth; e->month = num(); }
  else if (cat == "weekday") { e->cats |= kWeekday; e->weekday = num(); }
  else if (cat == "season") { e->cats |= kSeason; e->season = v; }
  else if (cat == "unit") { e->cats |= kUnit; e->unit = v; }
  else if (cat == "number") { e->cats |= kNumber; e->number = v == "X" ? -1 : std::atof(v.c_str()); }
  else if (cat == "ordinal") { e->cats |= kOrdinal; e->ordinal = num(); }
  else if (cat == "pod") { e->cats |= kPod; e->pod = v; }
  else if (cat == "mod") { e->cats |= kMod; e->mod = v; }
  else if (cat == "rel") { e->cats |= kRel; e->rel = num(); }
  else if (cat == "ref") { if (v != "-") { e->cats |= kRef; e->ref = v; } }
  else if (cat == "set") { if (v != "-") { e->cats |= kSet; e->set = v; } }
  else if (cat == "deictic") { e->cats |= kDeictic; e->deictic = num(); }
  else if (cat == "dir") { e->cats |= kDir; e->dir = num(); }
  else if (cat == "fn") { e->cats |= kFunc; }
  else if (cat == "generic") { e->cats |= kGeneric; }
  else return Status::InvalidInput("unknown category " + cat);
  return Status::Ok();
}

template <typename Fn>
Status ForEachRow(std::string_view text, const char* name, Fn fn) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Status s = fn(SplitTabs(line));
    if (!s.ok()) {
      return Status::InvalidInput(std::string(name) + ":" + std::to_string(line_no) + ": " +
                                  s.message());
    }
  }
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<TimeLexicon> TimeLexicon::Parse(std::string_view lexicon, std::string_view anchoring,
                                       std::string_view holidays) {
  TimeLexicon lex;
  Status s = ForEachRow(lexicon, "lexicon.tsv", [&lex](const std::vector<std::string>& f) {
    if (f.size() < 3) return Status::InvalidInput("expected word, category, value");
    return AddWord(f, &lex.words_[f[0]]);
  });
  if (!s.ok()) return s;
  s = ForEachRow(holidays, "holidays.tsv", [&lex](const std::vector<std::string>& f) {
    if (f.size() < 2) return Status::InvalidInput("expected name, rule");
    auto rule = ParseHoliday(f[0], f[1]);
    if (!rule.ok()) return rule.status();
    LexEntry& e = lex.words_[rule.value().words[0]];
    e.cats |= kHoliday;
    e.holidays.push_back(std::move(rule.value()));
    std::stable_sort(e.holidays.begin(), e.holidays.end(),
                     [](const HolidayRule& a, const HolidayRule& b) {
                       return a.words.size() > b.words.size();
                     });
    return Status::Ok();
  });
  if (!s.ok()) return s;
  for (const auto& [word, entry] : lex.words_) {
    unsigned c = static_cast<unsigned char>(word[0]) - 'a';
    if (c < 26 && word.size() <= 31) lex.shape_[c] |= 1u << word.size();
    unsigned c2 = word.size() > 1 ? static_cast<unsigned char>(word[1]) - 'a' : 26;
    if (c < 26 && c2 < 26) lex.pair_[c] |= 1u << c2;
  }
  s = ForEachRow(anchoring, "anchoring.tsv", [&lex](const std::vector<std::string>& f) {
    if (f[0] == "rule" && f.size() >= 4) {
      lex.rules_[f[1]] = AnchorRule{f[2], f[3], f.size() >= 5 ? f[4] : "nearest"};
    } else if (f[0] == "window" && f.size() >= 2) {
      lex.window_ = std::atoi(f[1].c_str());
    } else if (f[0] == "horizon" && f.size() >= 3) {
      lex.ahead_ = std::atoi(f[1].c_str());
      lex.behind_ = std::atoi(f[2].c_str());
      if (f.size() >= 4) lex.near_ = std::atoi(f[3].c_str());
    } else if (f[0] == "quarter_reach" && f.size() >= 2) {
      lex.quarter_reach_ = static_cast<uint32_t>(std::atoi(f[1].c_str()));
    } else if ((f[0] == "future" || f[0] == "past") && f.size() >= 2 &&
               f[1].find(' ') != std::string::npos) {
      CuePhrase c;
      c.dir = f[0] == "future" ? 1 : -1;
      for (size_t b = 0, e; b <= f[1].size(); b = e + 1) {
        e = f[1].find(' ', b);
        if (e == std::string::npos) e = f[1].size();
        if (e > b) c.words.push_back(f[1].substr(b, e - b));
      }
      lex.phrases_.push_back(std::move(c));
    } else if (f[0] == "future" && f.size() >= 2) {
      lex.future_.insert(f[1]);
    } else if (f[0] == "past" && f.size() >= 2) {
      lex.past_.insert(f[1]);
    } else {
      return Status::InvalidInput("unknown row " + f[0]);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return lex;
}

Result<TimeLexicon> TimeLexicon::Load(const std::string& data_dir) {
  auto lex = ReadFile(data_dir + "/time/lexicon.tsv");
  if (!lex.ok()) return lex.status();
  auto anchoring = ReadFile(data_dir + "/time/anchoring.tsv");
  if (!anchoring.ok()) return anchoring.status();
  auto holidays = ReadFile(data_dir + "/time/holidays.tsv");
  if (!holidays.ok()) return holidays.status();
  return Parse(lex.value(), anchoring.value(), holidays.value());
}

const LexEntry* TimeLexicon::FindSlow(std::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

AnchorRule TimeLexicon::Rule(std::string_view expression_class) const {
  auto it = rules_.find(std::string(expression_class));
  return it == rules_.end() ? AnchorRule{} : it->second;
}

}  // namespace dateline::timex
