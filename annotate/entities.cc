// EntityRecognizer: tagging, country-table mentions and roles (grouping into
// entities is in entity_grouping.cc).
#include "annotate/entities.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>

#include "annotate/entity_grouping.h"
#include "annotate/ner_conll.h"
#include "base/utf8.h"

namespace dateline {
namespace {

constexpr size_t kMaxSentenceTokens = 250;  // longer "sentences" (lists, menus) are cut

// Raw-text punctuation to the forms of the training data. The result views
// `t`, a literal, or a string kept in *owned.
std::string_view TaggerWord(std::string_view t, std::deque<std::string>* owned) {
  if (t == "’" || t == "‘") return "'";
  if (t == "“" || t == "”" || t == "«" || t == "»") return "\"";
  if (t == "—" || t == "–") return "-";
  if (t == "…") return "...";
  if (t.find("’") == std::string_view::npos) return t;
  std::string s(t);
  for (size_t p; (p = s.find("’")) != std::string::npos;) s.replace(p, 3, "'");
  return owned->emplace_back(std::move(s));
}

bool IsCapitalised(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  char32_t c = utf8::Next(w, &i);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE) || (c >= 0x391 && c <= 0x42F);
}

bool HasLetter(std::string_view w) {
  for (unsigned char c : w)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

std::string TypeName(int conll_type) {
  static const char* kNames[] = {"PERSON", "ORG", "PLACE", "MISC"};
  return conll_type >= 0 && conll_type < 4 ? kNames[conll_type] : "MISC";
}

std::string TextOf(const Document& doc, const std::vector<Token>& tokens, size_t b, size_t e) {
  return doc.text.substr(tokens[b].byte_begin, tokens[e - 1].byte_end - tokens[b].byte_begin);
}

}  // namespace

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Load(const std::string& data_dir) {
  auto r = std::make_unique<EntityRecognizer>();
  auto model = ner::NerModel::Load(data_dir + "/ner/model.bin");
  if (!model.ok()) return model.status();
  r->model_ = std::move(model.value());
  auto countries = CountryTable::Load(data_dir + "/ner/countries.tsv");
  if (!countries.ok()) return countries.status();
  r->countries_ = std::move(countries.value());
  std::ifstream in(data_dir + "/ner/roles.txt");
  if (!in) return Status::NotFound("cannot read " + data_dir + "/ner/roles.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') r->roles_.insert(line);
  return r;
}

bool EntityRecognizer::IsRoleWord(std::string_view w) const { return roles_.count(ner::Lower(w)) > 0; }

size_t EntityRecognizer::PersonAfterRole(const std::vector<Token>& tokens, size_t b, size_t e) const {
  // The name: two or three capitalised words after the last role word.
  size_t r = e;
  while (r > b && !IsRoleWord(tokens[r - 1].text)) --r;
  if (r == b || e - r < 2 || e - r > 3) return e;
  for (size_t k = r; k < e; ++k)
    if (!IsCapitalised(tokens[k].text) || !HasLetter(tokens[k].text) || tokens[k].newline_before) return e;
  // Its last word alone elsewhere: not after "the" nor inside a run of
  // capitalised words ("Peskov told", "said Peskov"); organisations are
  // named in full or with "the".
  const std::string_view surname = tokens[e - 1].text;
  auto part_of_name = [&](size_t k) { return IsCapitalised(tokens[k].text) && HasLetter(tokens[k].text); };
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k + 1 > b && k < e) continue;
    if (tokens[k].text != surname) continue;
    bool before = k > 0 && !tokens[k].newline_before &&
                  (part_of_name(k - 1) || tokens[k - 1].text == "the" || tokens[k - 1].text == "The");
    bool after = k + 1 < tokens.size() && !tokens[k + 1].newline_before && part_of_name(k + 1);
    if (!before && !after) return r;
  }
  return e;
}

std::vector<EntityMention> EntityRecognizer::Mentions(const std::vector<Token>& tokens, const Document& doc) const {
  // Sentences of tagger words, with the token index of each word; buffers
  // are per thread and reused from document to document.
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint32_t> sentence_begin;
  thread_local std::vector<size_t> index;
  thread_local std::deque<std::string> owned;
  thread_local ner::DocFeatures features;
  words.clear();
  sentence_begin.assign(1, 0);
  index.clear();
  owned.clear();
  size_t k = 0;
  auto add_sentence = [&] { sentence_begin.push_back(static_cast<uint32_t>(words.size())); };
  auto tag_span = [&](const Span& s) {
    while (k < tokens.size() && tokens[k].span.begin < s.begin) ++k;
    size_t first = words.size();
    while (k < tokens.size() && tokens[k].span.end <= s.end) {
      if (words.size() - first >= kMaxSentenceTokens) {
        add_sentence();
        first = words.size();
      }
      words.push_back(TaggerWord(tokens[k].text, &owned));
      index.push_back(k);
      ++k;
    }
    add_sentence();
  };
  if (doc.sentences.empty() && !tokens.empty()) tag_span({tokens.front().span.begin, tokens.back().span.end});
  for (const Span& s : doc.sentences) tag_span(s);
  ner::Featurize(words, sentence_begin, model_.gazetteer(), &features);
  auto tags = model_.Tag(features);
  std::vector<EntityMention> out;
  for (size_t s = 0; s < tags.size(); ++s) {
    const std::vector<int>& st = tags[s];
    const size_t* idx = index.data() + sentence_begin[s];
    for (size_t i = 0; i < st.size(); ++i) {
      if (st[i] == 0 || !ner::StartsEntity(st, i)) continue;  // IOB2 "B-"
      size_t j = i + 1;
      while (j < st.size() && st[j] != 0 && !ner::StartsEntity(st, j)) ++j;  // IOB2 "I-"
      size_t b = idx[i], e = idx[j - 1] + 1;
      std::string type = TypeName(ner::TagType(st[i]));
      if (type != "PERSON" && e - b >= 3) {
        size_t name = PersonAfterRole(tokens, b, e);
        if (name < e) b = name, type = "PERSON";  // the role before it is the person's (RoleBefore)
      }
      // Leading "the" and, for people, leading titles are not part of the name.
      while (b + 1 < e && (tokens[b].text == "the" || tokens[b].text == "The" ||
                           (type == "PERSON" && IsRoleWord(tokens[b].text))))
        ++b;
      while (e - 1 > b && (tokens[e - 1].text == "'s" || tokens[e - 1].text == "’s")) --e;
      std::string text = TextOf(doc, tokens, b, e);
      if (!HasLetter(text)) continue;
      out.push_back({type, {tokens[b].span.begin, tokens[e - 1].span.end}, b, e, text});
    }
  }
  AddCountryMentions(tokens, doc, &out);
  return out;
}

void EntityRecognizer::AddCountryMentions(const std::vector<Token>& tokens, const Document& doc,
                                          std::vector<EntityMention>* mentions) const {
  std::vector<bool> covered(tokens.size(), false);
  for (const auto& m : *mentions)
    for (size_t k = m.first_token; k < m.end_token; ++k) covered[k] = true;
  std::vector<EntityMention> added;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (covered[k] || !IsCapitalised(tokens[k].text)) continue;
    for (size_t len = 3; len >= 1; --len) {
      size_t e = k + len;
      if (e > tokens.size()) continue;
      bool free = true;
      for (size_t j = k; j < e; ++j) free = free && !covered[j] && (j == k || !tokens[j].newline_before);
      if (!free) continue;
      std::string text = TextOf(doc, tokens, k, e);
      const CountryTable::Entry* entry = countries_.Find(text);
      if (!entry) continue;
      std::string type = entry->kind == CountryTable::Kind::kMetonym   ? "ORG"
                         : entry->kind == CountryTable::Kind::kDemonym ? "MISC"
                                                                       : "PLACE";
      added.push_back({type, {tokens[k].span.begin, tokens[e - 1].span.end}, k, e, text});
      k = e - 1;
      break;
    }
  }
  mentions->insert(mentions->end(), added.begin(), added.end());
  std::sort(mentions->begin(), mentions->end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span < b.span; });
}

std::string EntityRecognizer::RoleBefore(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                                         size_t m) const {
  const EntityMention& me = mentions[m];
  size_t b = me.first_token;
  size_t k = b;
  bool role_word = false;
  while (k > 0 && !tokens[k].newline_before && b - k < 8) {
    const Token& t = tokens[k - 1];
    bool role = IsRoleWord(t.text);
    bool ok = role || (IsCapitalised(t.text) && HasLetter(t.text)) || t.text == "of";
    if (!ok) break;
    role_word |= role;
    --k;
  }
  // Trim leading words that are neither roles nor names and could be sentence
  // openers ("Later President Trump").
  auto in_mention = [&](size_t t) {
    for (const auto& x : mentions)
      if (x.first_token <= t && t < x.end_token) return true;
    return false;
  };
  while (k < b && (tokens[k].text == "of" ||
                   (!IsRoleWord(tokens[k].text) && !in_mention(k) &&
                    (k == 0 || tokens[k].newline_before || tokens[k - 1].text == "." || tokens[k - 1].text == ","))))
    ++k;
  if (k == b || !role_word || !IsRoleWord(tokens[b - 1].text)) return "";
  std::string first = ner::Lower(tokens[k].text);
  if (b - k == 1 && (first == "mr." || first == "mrs." || first == "ms." || first == "dr." || first == "former"))
    return "";
  size_t start = tokens[k].byte_begin, end = tokens[b - 1].byte_end;
  return std::string(tokens[k].text.data(), end - start);
}

std::string EntityRecognizer::RoleAfter(const std::vector<Token>& tokens, size_t end, size_t sentence_end) const {
  if (end >= sentence_end || tokens[end].text != ",") return "";
  size_t k = end + 1;
  if (k < sentence_end && (tokens[k].text == "the" || tokens[k].text == "a" || tokens[k].text == "an")) ++k;
  size_t b = k;
  bool role_word = false;
  while (k < sentence_end && k - b < 8) {
    const Token& t = tokens[k];
    if (t.text == "," || t.text == "." || t.text == ";") break;
    bool role = IsRoleWord(t.text);
    bool ok = role || IsCapitalised(t.text) || t.text == "of" || t.text == "'s" || t.text == "’s";
    if (!ok) return "";
    role_word |= role;
    ++k;
  }
  if (k == b || !role_word || k >= sentence_end || tokens[k].text == "'s") return "";
  if (tokens[k].text != "," && tokens[k].text != "." && tokens[k].text != ";") return "";
  size_t start = tokens[b].byte_begin, stop = tokens[k - 1].byte_end;
  return std::string(tokens[b].text.data(), stop - start);
}

void EntityRecognizer::Annotate(const std::vector<Token>& tokens, Document* doc) const {
  std::vector<EntityMention> mentions = Mentions(tokens, *doc);
  // Sentence end (token index) of each token, for appositions.
  std::vector<size_t> sentence_end(tokens.size(), tokens.size());
  size_t k = 0;
  for (const Span& s : doc->sentences) {
    size_t b = k;
    while (k < tokens.size() && tokens[k].span.end <= s.end) ++k;
    for (size_t j = b; j < k; ++j) sentence_end[j] = k;
  }
  std::vector<std::string> roles(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].type != "PERSON") continue;
    roles[m] = RoleBefore(tokens, mentions, m);
    if (roles[m].empty()) roles[m] = RoleAfter(tokens, mentions[m].end_token, sentence_end[mentions[m].first_token]);
  }
  doc->entities = GroupMentions(mentions, roles, countries_);
}

}  // namespace dateline
