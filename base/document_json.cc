#include "base/document_json.h"

#include <simdjson.h>

#include "base/json_text.h"

namespace dateline {
namespace {

using nlohmann::json;

json Opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }
json OptSpan(const std::optional<Span>& s) { return s ? SpanJson(*s) : json(nullptr); }

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

// The writer below prints what ToJson(doc).dump() prints, byte for byte
// (nlohmann::json objects keep their keys sorted, so the keys here are
// written in that order), without building the tree.
namespace {

using json_text::AppendInt;
using json_text::AppendString;

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  // Starts the member `key` of the open object (a comma before all but the first).
  Writer& Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendString(key, out_);
    out_->push_back(':');
    return *this;
  }
  void Open(char c) { out_->push_back(c), first_ = true; }
  void Close(char c) { out_->push_back(c), first_ = false; }
  void Str(std::string_view s) { AppendString(s, out_); }
  void Int(int64_t v) { AppendInt(v, out_); }
  void Opt(const std::optional<std::string>& s) {
    if (s) Str(*s);
    else out_->append("null");
  }
  void SpanValue(const Span& s) {
    out_->push_back('[');
    Int(s.begin);
    out_->push_back(',');
    Int(s.end);
    out_->push_back(']');
  }
  void OptSpan(const std::optional<Span>& s) {
    if (s) SpanValue(*s);
    else out_->append("null");
  }
  void Strings(const std::vector<std::string>& v) {
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->push_back(',');
      Str(v[i]);
    }
    out_->push_back(']');
  }
  void Spans(const std::vector<Span>& v) {
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->push_back(',');
      SpanValue(v[i]);
    }
    out_->push_back(']');
  }
  // An array of objects, each written by fn(element).
  template <typename T, typename Fn>
  void Objects(const std::vector<T>& v, Fn fn) {
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->push_back(',');
      Open('{');
      fn(v[i]);
      Close('}');
    }
    out_->push_back(']');
  }

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace

std::string ToJsonLine(const Document& d) {
  std::string out;
  out.reserve(d.text.size() * 2 + 1024);
  Writer w(&out);
  w.Open('{');
  w.Key("authors").Strings(d.authors);
  w.Key("captions").Strings(d.captions);
  w.Key("content_hash").Str(d.content_hash);
  w.Key("duplicate_of").Opt(d.duplicate_of);
  w.Key("entities").Objects(d.entities, [&](const Entity& e) {
    w.Key("id").Str(e.id);
    w.Key("link").Opt(e.link);
    w.Key("mentions").Spans(e.mentions);
    w.Key("name").Str(e.name);
    w.Key("roles").Strings(e.roles);
    w.Key("type").Str(e.type);
    w.Key("variants").Strings(e.variants);
  });
  w.Key("events").Objects(d.events, [&](const Event& e) {
    w.Key("actor").Opt(e.actor);
    w.Key("actor_name").Opt(e.actor_name);
    w.Key("counts").Open('{');
    for (const auto& [k, v] : e.counts) w.Key(k).Int(v);
    w.Close('}');
    w.Key("date").Opt(e.date);
    w.Key("place").Opt(e.place);
    w.Key("place_name").Opt(e.place_name);
    w.Key("sentence").Int(e.sentence);
    w.Key("span").SpanValue(e.span);
    w.Key("status").Str(e.status);
    w.Key("target").Opt(e.target);
    w.Key("target_name").Opt(e.target_name);
    w.Key("type").Str(e.type);
  });
  w.Key("flags").Strings(d.flags);
  w.Key("format").Str(d.format);
  w.Key("id").Str(d.id);
  w.Key("language").Opt(d.language);
  w.Key("outlet").Opt(d.outlet);
  w.Key("published").Opt(d.published);
  w.Key("published_source").Opt(d.published_source);
  w.Key("quotes").Objects(d.quotes, [&](const Quote& q) {
    w.Key("channel").Opt(q.channel);
    w.Key("cue_span").OptSpan(q.cue_span);
    w.Key("kind").Str(q.kind);
    w.Key("spans").Spans(q.spans);
    w.Key("speaker").Opt(q.speaker);
    w.Key("speaker_name").Opt(q.speaker_name);
    w.Key("speaker_span").OptSpan(q.speaker_span);
  });
  w.Key("sentences").Spans(d.sentences);
  w.Key("story").Opt(d.story);
  w.Key("storyline").Opt(d.storyline);
  w.Key("text").Str(d.text);
  w.Key("timexes").Objects(d.timexes, [&](const Timex& t) {
    w.Key("span").SpanValue(t.span);
    w.Key("type").Str(t.type);
    w.Key("value").Str(t.value);
  });
  w.Key("title").Opt(d.title);
  w.Key("updated").Opt(d.updated);
  w.Key("url").Opt(d.url);
  w.Close('}');
  return out;
}

Result<Document> DocumentFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidInput("document JSON is not an object");
  return DocumentFromJsonLine(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

// The reader: simdjson's DOM parser (one per thread, its buffers reused),
// one pass over each object's members. Members of the wrong type are
// ignored, as are unknown members.
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::optional<std::string> OptString(element e) {
  std::string_view s;
  if (e.get_string().get(s)) return std::nullopt;
  return std::string(s);
}
std::string String(element e) { return OptString(e).value_or(""); }
std::vector<std::string> Strings(element e) {
  std::vector<std::string> out;
  simdjson::dom::array a;
  if (e.get_array().get(a)) return out;
  for (element v : a) {
    std::string_view s;
    if (!v.get_string().get(s)) out.emplace_back(s);
  }
  return out;
}
int64_t Int(element e, int64_t fallback) {
  int64_t v;
  return e.get_int64().get(v) ? fallback : v;
}
std::optional<Span> OptSpan(element e) {
  simdjson::dom::array a;
  if (e.get_array().get(a)) return std::nullopt;
  if (a.size() != 2) return Span{};
  return Span{Int(a.at(0).value_unsafe(), 0), Int(a.at(1).value_unsafe(), 0)};
}
Span SpanOf(element e) { return OptSpan(e).value_or(Span{}); }
std::vector<Span> Spans(element e) {
  std::vector<Span> out;
  simdjson::dom::array a;
  if (e.get_array().get(a)) return out;
  for (element v : a) out.push_back(SpanOf(v));
  return out;
}
// Calls fn(member name, value) for each member of e if it is an object.
template <typename Fn>
void Members(element e, Fn fn) {
  simdjson::dom::object o;
  if (e.get_object().get(o)) return;
  for (auto field : o) fn(field.key, field.value);
}
// Calls fn(element) for each element of e if it is an array.
template <typename Fn>
void Elements(element e, Fn fn) {
  simdjson::dom::array a;
  if (e.get_array().get(a)) return;
  for (element v : a) fn(v);
}

Entity EntityOf(element e) {
  Entity en;
  Members(e, [&](std::string_view k, element v) {
    if (k == "id") en.id = String(v);
    else if (k == "name") en.name = String(v);
    else if (k == "type") en.type = String(v);
    else if (k == "mentions") en.mentions = Spans(v);
    else if (k == "variants") en.variants = Strings(v);
    else if (k == "roles") en.roles = Strings(v);
    else if (k == "link") en.link = OptString(v);
  });
  return en;
}

Quote QuoteOf(element e) {
  Quote q;
  Members(e, [&](std::string_view k, element v) {
    if (k == "spans") q.spans = Spans(v);
    else if (k == "kind") q.kind = String(v);
    else if (k == "speaker") q.speaker = OptString(v);
    else if (k == "speaker_name") q.speaker_name = OptString(v);
    else if (k == "speaker_span") q.speaker_span = OptSpan(v);
    else if (k == "cue_span") q.cue_span = OptSpan(v);
    else if (k == "channel") q.channel = OptString(v);
  });
  return q;
}

Event EventOf(element e) {
  Event ev;
  Members(e, [&](std::string_view k, element v) {
    if (k == "type") ev.type = String(v);
    else if (k == "span") ev.span = SpanOf(v);
    else if (k == "sentence") ev.sentence = Int(v, -1);
    else if (k == "actor") ev.actor = OptString(v);
    else if (k == "actor_name") ev.actor_name = OptString(v);
    else if (k == "target") ev.target = OptString(v);
    else if (k == "target_name") ev.target_name = OptString(v);
    else if (k == "date") ev.date = OptString(v);
    else if (k == "place") ev.place = OptString(v);
    else if (k == "place_name") ev.place_name = OptString(v);
    else if (k == "status") ev.status = OptString(v).value_or("happened");
    else if (k == "counts")
      Members(v, [&](std::string_view name, element n) {
        int64_t x;
        if (!n.get_int64().get(x)) ev.counts[std::string(name)] = x;
      });
  });
  return ev;
}

}  // namespace

Result<Document> DocumentFromJsonLine(std::string_view line) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (auto error = parser.parse(line.data(), line.size()).get(root))
    return Status::InvalidInput(std::string("document JSON: ") + simdjson::error_message(error));
  if (root.type() != element_type::OBJECT) return Status::InvalidInput("document JSON is not an object");
  Document d;
  Members(root, [&](std::string_view k, element v) {
    if (k == "id") d.id = String(v);
    else if (k == "url") d.url = OptString(v);
    else if (k == "outlet") d.outlet = OptString(v);
    else if (k == "title") d.title = OptString(v);
    else if (k == "authors") d.authors = Strings(v);
    else if (k == "published") d.published = OptString(v);
    else if (k == "published_source") d.published_source = OptString(v);
    else if (k == "updated") d.updated = OptString(v);
    else if (k == "language") d.language = OptString(v);
    else if (k == "text") d.text = String(v);
    else if (k == "duplicate_of") d.duplicate_of = OptString(v);
    else if (k == "story") d.story = OptString(v);
    else if (k == "storyline") d.storyline = OptString(v);
    else if (k == "captions") d.captions = Strings(v);
    else if (k == "flags") d.flags = Strings(v);
    else if (k == "format") d.format = String(v);
    else if (k == "content_hash") d.content_hash = String(v);
    else if (k == "sentences") d.sentences = Spans(v);
    else if (k == "entities") Elements(v, [&](element e) { d.entities.push_back(EntityOf(e)); });
    else if (k == "timexes")
      Elements(v, [&](element e) {
        Timex t;
        Members(e, [&](std::string_view tk, element tv) {
          if (tk == "span") t.span = SpanOf(tv);
          else if (tk == "type") t.type = String(tv);
          else if (tk == "value") t.value = String(tv);
        });
        d.timexes.push_back(std::move(t));
      });
    else if (k == "quotes") Elements(v, [&](element e) { d.quotes.push_back(QuoteOf(e)); });
    else if (k == "events") Elements(v, [&](element e) { d.events.push_back(EventOf(e)); });
  });
  return d;
}

}  // namespace dateline
