// CoNLL reading and entity scoring (see ner_conll.h).
#include "annotate/ner_conll.h"

#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "annotate/ner_features.h"

namespace dateline::ner {

Result<std::vector<ConllDoc>> ReadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read CoNLL file " + path);
  std::vector<ConllDoc> docs(1);
  std::vector<std::string> words, tags, lines;
  auto flush = [&] {
    if (words.empty()) return;
    docs.back().words.push_back(words);
    docs.back().gold.push_back(ToBilou(tags));
    docs.back().lines.push_back(lines);
    words.clear();
    tags.clear();
    lines.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream ss(line);
    std::vector<std::string> cols;
    for (std::string c; ss >> c;) cols.push_back(c);
    if (cols.empty()) {
      flush();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush();
      if (!docs.back().words.empty()) docs.emplace_back();
      continue;
    }
    words.push_back(cols[0]);
    tags.push_back(cols.size() >= 2 ? cols.back() : "O");
    lines.push_back(line);
  }
  flush();
  if (docs.back().words.empty()) docs.pop_back();
  return docs;
}

std::vector<int> ToBilou(const std::vector<std::string>& iob) {
  size_t n = iob.size();
  std::vector<int> type(n, -1);
  std::vector<bool> begins(n, false);
  for (size_t i = 0; i < n; ++i) {
    const std::string& t = iob[i];
    if (t.size() < 3 || t[1] != '-') continue;
    type[i] = TypeIndex(std::string_view(t).substr(2));
    if (type[i] < 0) continue;
    begins[i] = t[0] == 'B' || i == 0 || type[i - 1] != type[i];
  }
  std::vector<int> out(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (type[i] < 0) continue;
    bool ends = i + 1 == n || type[i + 1] != type[i] || begins[i + 1];
    int pos = begins[i] ? (ends ? kU : kB) : (ends ? kL : kI);
    out[i] = MakeTag(type[i], pos);
  }
  return out;
}

bool StartsEntity(const std::vector<int>& tags, size_t i) {
  int t = tags[i], pos = TagPos(t);
  // A stray I/L without an open entity of the same type starts one.
  return pos == kB || pos == kU || i == 0 || TagType(tags[i - 1]) != TagType(t) || TagPos(tags[i - 1]) == kL ||
         TagPos(tags[i - 1]) == kU;
}

std::vector<std::string> ToIob2(const std::vector<int>& tags) {
  std::vector<std::string> out;
  out.reserve(tags.size());
  for (size_t i = 0; i < tags.size(); ++i) {
    int t = tags[i];
    if (t == 0) {
      out.push_back("O");
      continue;
    }
    out.push_back(std::string(StartsEntity(tags, i) ? "B-" : "I-") + kTypeNames[TagType(t)]);
  }
  return out;
}

namespace {
std::set<std::tuple<size_t, size_t, int>> Spans(const std::vector<int>& tags) {
  std::set<std::tuple<size_t, size_t, int>> out;
  std::vector<std::string> iob = ToIob2(tags);
  size_t start = 0;
  int type = -1;
  for (size_t i = 0; i <= iob.size(); ++i) {
    bool inside = i < iob.size() && iob[i][0] == 'I' && TagType(tags[i]) == type;
    if (type >= 0 && !inside) {
      out.insert({start, i, type});
      type = -1;
    }
    if (i < iob.size() && iob[i][0] == 'B') {
      start = i;
      type = TagType(tags[i]);
    }
  }
  return out;
}
}  // namespace

void ScoreSentence(const std::vector<int>& gold, const std::vector<int>& pred, EntityScore* score) {
  auto g = Spans(gold), p = Spans(pred);
  score->gold += static_cast<long>(g.size());
  score->predicted += static_cast<long>(p.size());
  for (const auto& s : p) score->correct += g.count(s);
}

}  // namespace dateline::ner
