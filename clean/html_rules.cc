#include "clean/html_rules.h"

#include <fstream>

#include "base/data_dir.h"

namespace dateline::html {
namespace {

Status ReadList(const std::string& path, std::vector<std::string>* out) {
  std::ifstream f(path);
  if (!f) return Status::NotFound("cannot read " + path);
  std::string line;
  while (std::getline(f, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->push_back(line);
  }
  return Status::Ok();
}

bool IsTokenChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? true : false; }

bool HasToken(std::string_view s, const std::vector<std::string>& tokens) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(s[i] >= 'a' && s[i] <= 'z')) ++i;
    size_t b = i;
    while (i < s.size() && IsTokenChar(s[i]) && !(s[i] >= '0' && s[i] <= '9')) ++i;
    std::string_view tok = s.substr(b, i - b);
    if (tok.empty()) continue;
    for (const auto& t : tokens)
      if (tok == t) return true;
  }
  return false;
}

bool HasSubstring(std::string_view s, const std::vector<std::string>& subs) {
  for (const auto& t : subs)
    if (s.find(t) != std::string_view::npos) return true;
  return false;
}

// Class tokens that describe a state of the page or block rather than what it
// is ("has-comments", "no-sidebar", "with-related") do not name boilerplate.
std::string WithoutStateFlags(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    std::string_view tok = s.substr(i, e - i);
    bool flag = false;
    for (std::string_view pre : {"has-", "has_", "no-", "no_", "with-", "enable-", "disable-"})
      flag = flag || tok.substr(0, pre.size()) == pre;
    if (!flag && !tok.empty()) {
      if (!out.empty()) out.push_back(' ');
      out.append(tok);
    }
    i = e + 1;
  }
  return out;
}

}  // namespace

Result<HtmlRules> HtmlRules::Load(const std::string& data_dir) {
  HtmlRules r;
  std::string dir = data_dir + "/clean/";
  for (auto [file, list] : {std::pair{"html_negative.txt", &r.negative_substrings},
                            std::pair{"html_negative_tokens.txt", &r.negative_tokens},
                            std::pair{"html_positive.txt", &r.positive_substrings},
                            std::pair{"html_negative_strong.txt", &r.strong_negative_substrings},
                            std::pair{"html_boilerplate_lines.txt", &r.boilerplate_lines}}) {
    Status s = ReadList(dir + file, list);
    if (!s.ok()) return s;
  }
  return r;
}

const HtmlRules& HtmlRules::Default() {
  static const HtmlRules* rules = [] {
    auto r = Load(DataDir());
    return r.ok() ? new HtmlRules(std::move(r.value())) : new HtmlRules();
  }();
  return *rules;
}

bool HtmlRules::IsNegative(std::string_view s) const {
  std::string c = WithoutStateFlags(s);
  return !c.empty() && (HasSubstring(c, negative_substrings) || HasToken(c, negative_tokens));
}

bool HtmlRules::IsPositive(std::string_view s) const {
  return !s.empty() && HasSubstring(s, positive_substrings);
}

bool HtmlRules::IsStrongNegative(std::string_view s) const {
  std::string c = WithoutStateFlags(s);
  return !c.empty() && HasSubstring(c, strong_negative_substrings);
}

int HtmlRules::ClassWeight(std::string_view s) const {
  return (IsPositive(s) ? 1 : 0) - (IsNegative(s) ? 1 : 0);
}

bool HtmlRules::IsBoilerplateLine(std::string_view p) const {
  if (p.size() >= 100) return false;
  std::string low;
  for (char c : p) low.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  while (!low.empty() && (low.back() == ' ' || low.back() == '.' || low.back() == '!')) low.pop_back();
  for (const auto& b : boilerplate_lines)
    if (low == b || (low.compare(0, b.size(), b) == 0 && low.size() < 80)) return true;
  return false;
}

}  // namespace dateline::html
