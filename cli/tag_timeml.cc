// `dateline tag --timeml IN OUT`: reads TempEval-3 TimeML (DCT inside <DCT>,
// text inside <TEXT>), removes any TIMEX3/EVENT/SIGNAL tags already inside
// <TEXT>, and writes the same file with the time tagger's TIMEX3 tags added —
// the text is left byte for byte as it was. IN and OUT are both files or both
// directories (every *.tml in IN is tagged into OUT, which is created).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <cstring>
#include <string>

#include "annotate/time.h"
#include "base/data_dir.h"
#include "cli/commands.h"

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The value="..." of the first TIMEX3 inside <DCT>, or "".
std::string DctValue(const std::string& doc) {
  size_t dct = doc.find("<DCT>");
  if (dct == std::string::npos) return "";
  size_t v = doc.find("value=\"", dct);
  size_t close = doc.find("</DCT>", dct);
  if (v == std::string::npos || (close != std::string::npos && v > close)) return "";
  v += 7;
  return doc.substr(v, doc.find('"', v) - v);
}

// Drops <TIMEX3 ...>, </TIMEX3>, <EVENT ...>, <SIGNAL ...> (and their closing
// tags) from body, keeping everything else.
std::string StripGoldTags(const std::string& body) {
  std::string out;
  out.reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '<') {
      size_t name = i + 1 + (i + 1 < body.size() && body[i + 1] == '/');
      auto starts = [&](const char* tag) { return body.compare(name, std::strlen(tag), tag) == 0; };
      if (starts("TIMEX3") || starts("EVENT") || starts("SIGNAL")) {
        size_t end = body.find('>', i);
        if (end == std::string::npos) break;
        i = end + 1;
        continue;
      }
    }
    out.push_back(body[i++]);
  }
  return out;
}

std::string TagBody(const TimeTagger& tagger, const std::string& body, const std::string& dct) {
  std::vector<ByteTimex> found = tagger.TagText(body, dct.empty() ? "-" : dct);
  std::string out;
  out.reserve(body.size() + found.size() * 64);
  size_t pos = 0;
  int tid = 1;
  for (const ByteTimex& t : found) {
    out.append(body, pos, t.begin - pos);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" + t.type + "\" value=\"" +
           t.value + "\">";
    out.append(body, t.begin, t.end - t.begin);
    out += "</TIMEX3>";
    pos = t.end;
  }
  out.append(body, pos, std::string::npos);
  return out;
}

bool TagFile(const TimeTagger& tagger, const fs::path& in, const fs::path& out) {
  std::string doc = ReadAll(in);
  size_t open = doc.find("<TEXT>");
  size_t close = doc.rfind("</TEXT>");
  if (open == std::string::npos || close == std::string::npos || close < open) {
    std::cerr << in.string() << ": no <TEXT> element\n";
    return false;
  }
  open += 6;
  std::string body = StripGoldTags(doc.substr(open, close - open));
  std::string tagged = TagBody(tagger, body, DctValue(doc));
  std::ofstream o(out, std::ios::binary);
  o << doc.substr(0, open) << tagged << doc.substr(close);
  return static_cast<bool>(o);
}

}  // namespace

int TagTimeml(const std::string& in, const std::string& out) {
  auto tagger = TimeTagger::Load(DataDir());
  if (!tagger.ok()) {
    std::cerr << "dateline tag --timeml: " << tagger.status().ToString() << "\n";
    return kExitError;
  }
  std::error_code ec;
  if (!fs::is_directory(in, ec)) {
    return TagFile(*tagger.value(), in, out) ? kExitOk : kExitError;
  }
  fs::create_directories(out, ec);
  int failed = 0;
  for (const auto& entry : fs::directory_iterator(in)) {
    if (entry.path().extension() != ".tml") continue;
    if (!TagFile(*tagger.value(), entry.path(), fs::path(out) / entry.path().filename())) ++failed;
  }
  return failed ? kExitRejected : kExitOk;
}

}  // namespace dateline::cli
