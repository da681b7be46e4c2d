#include "base/document_json.h"

namespace dateline {
namespace {

using nlohmann::json;

json Opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }
json OptSpan(const std::optional<Span>& s) { return s ? SpanJson(*s) : json(nullptr); }

std::optional<std::string> GetOpt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}
std::string GetStr(const json& j, const char* key) { return GetOpt(j, key).value_or(""); }
// The member `key` of j without copying it (json::value() copies whole
// arrays); null when absent, so that iterating it visits nothing.
const json& Member(const json& j, const char* key) {
  static const json kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}
Span GetSpan(const json& j) {
  if (!j.is_array() || j.size() != 2) return {};
  return {j[0].get<int64_t>(), j[1].get<int64_t>()};
}
std::optional<Span> GetOptSpan(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return std::nullopt;
  return GetSpan(*it);
}
std::vector<std::string> GetStrings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

json EntityJson(const Entity& e) {
  json m = json::array();
  for (const auto& s : e.mentions) m.push_back(SpanJson(s));
  return {{"id", e.id}, {"name", e.name}, {"type", e.type}, {"mentions", m},
          {"variants", e.variants}, {"roles", e.roles}, {"link", Opt(e.link)}};
}

json QuoteJson(const Quote& q) {
  json spans = json::array();
  for (const auto& s : q.spans) spans.push_back(SpanJson(s));
  return {{"spans", spans}, {"kind", q.kind}, {"speaker", Opt(q.speaker)},
          {"speaker_name", Opt(q.speaker_name)}, {"speaker_span", OptSpan(q.speaker_span)},
          {"cue_span", OptSpan(q.cue_span)}, {"channel", Opt(q.channel)}};
}

json EventJson(const Event& e) {
  json counts = json::object();
  for (const auto& [k, v] : e.counts) counts[k] = v;
  return {{"type", e.type}, {"span", SpanJson(e.span)}, {"sentence", e.sentence},
          {"actor", Opt(e.actor)}, {"actor_name", Opt(e.actor_name)},
          {"target", Opt(e.target)}, {"target_name", Opt(e.target_name)},
          {"date", Opt(e.date)}, {"place", Opt(e.place)}, {"place_name", Opt(e.place_name)},
          {"counts", counts}, {"status", e.status}};
}

}  // namespace

json ToJson(const Document& d) {
  json j;
  j["id"] = d.id;
  j["url"] = Opt(d.url);
  j["outlet"] = Opt(d.outlet);
  j["title"] = Opt(d.title);
  j["authors"] = d.authors;
  j["published"] = Opt(d.published);
  j["published_source"] = Opt(d.published_source);
  j["updated"] = Opt(d.updated);
  j["language"] = Opt(d.language);
  j["text"] = d.text;
  j["duplicate_of"] = Opt(d.duplicate_of);
  j["story"] = Opt(d.story);
  j["storyline"] = Opt(d.storyline);
  j["captions"] = d.captions;
  j["flags"] = d.flags;
  j["format"] = d.format;
  j["content_hash"] = d.content_hash;
  json sents = json::array();
  for (const auto& s : d.sentences) sents.push_back(SpanJson(s));
  j["sentences"] = sents;
  json ents = json::array();
  for (const auto& e : d.entities) ents.push_back(EntityJson(e));
  j["entities"] = ents;
  json tx = json::array();
  for (const auto& t : d.timexes)
    tx.push_back({{"span", SpanJson(t.span)}, {"type", t.type}, {"value", t.value}});
  j["timexes"] = tx;
  json qs = json::array();
  for (const auto& q : d.quotes) qs.push_back(QuoteJson(q));
  j["quotes"] = qs;
  json evs = json::array();
  for (const auto& e : d.events) evs.push_back(EventJson(e));
  j["events"] = evs;
  return j;
}

std::string ToJsonLine(const Document& doc) {
  return ToJson(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Document> DocumentFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidInput("document JSON is not an object");
  try {
    Document d;
    d.id = GetStr(j, "id");
    d.url = GetOpt(j, "url");
    d.outlet = GetOpt(j, "outlet");
    d.title = GetOpt(j, "title");
    d.authors = GetStrings(j, "authors");
    d.published = GetOpt(j, "published");
    d.published_source = GetOpt(j, "published_source");
    d.updated = GetOpt(j, "updated");
    d.language = GetOpt(j, "language");
    d.text = GetStr(j, "text");
    d.duplicate_of = GetOpt(j, "duplicate_of");
    d.story = GetOpt(j, "story");
    d.storyline = GetOpt(j, "storyline");
    d.captions = GetStrings(j, "captions");
    d.flags = GetStrings(j, "flags");
    d.format = GetStr(j, "format");
    d.content_hash = GetStr(j, "content_hash");
    for (const auto& s : Member(j, "sentences")) d.sentences.push_back(GetSpan(s));
    for (const auto& e : Member(j, "entities")) {
      Entity en{GetStr(e, "id"), GetStr(e, "name"), GetStr(e, "type"), {}, GetStrings(e, "variants"),
                GetStrings(e, "roles"), GetOpt(e, "link")};
      for (const auto& m : Member(e, "mentions")) en.mentions.push_back(GetSpan(m));
      d.entities.push_back(std::move(en));
    }
    for (const auto& t : Member(j, "timexes"))
      d.timexes.push_back({GetSpan(Member(t, "span")), GetStr(t, "type"), GetStr(t, "value")});
    for (const auto& q : Member(j, "quotes")) {
      Quote qu;
      for (const auto& s : Member(q, "spans")) qu.spans.push_back(GetSpan(s));
      qu.kind = GetStr(q, "kind");
      qu.speaker = GetOpt(q, "speaker");
      qu.speaker_name = GetOpt(q, "speaker_name");
      qu.speaker_span = GetOptSpan(q, "speaker_span");
      qu.cue_span = GetOptSpan(q, "cue_span");
      qu.channel = GetOpt(q, "channel");
      d.quotes.push_back(std::move(qu));
    }
    for (const auto& e : Member(j, "events")) {
      Event ev;
      ev.type = GetStr(e, "type");
      ev.span = GetSpan(Member(e, "span"));
      ev.sentence = e.value("sentence", int64_t{-1});
      ev.actor = GetOpt(e, "actor");
      ev.actor_name = GetOpt(e, "actor_name");
      ev.target = GetOpt(e, "target");
      ev.target_name = GetOpt(e, "target_name");
      ev.date = GetOpt(e, "date");
      ev.place = GetOpt(e, "place");
      ev.place_name = GetOpt(e, "place_name");
      const json& counts = Member(e, "counts");
      if (counts.is_object())
        for (const auto& [k, v] : counts.items())
          if (v.is_number_integer()) ev.counts[k] = v.get<int64_t>();
      ev.status = e.value("status", std::string("happened"));
      d.events.push_back(std::move(ev));
    }
    return d;
  } catch (const json::exception& e) {
    return Status::InvalidInput(std::string("document JSON: ") + e.what());
  }
}

}  // namespace dateline
