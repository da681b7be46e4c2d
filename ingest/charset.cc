#include "ingest/charset.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "base/utf8.h"

namespace dateline {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads a charset token after "charset=" at position pos of s.
std::string TokenAfter(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                            s[end] == '_' || s[end] == '.' || s[end] == ':'))
    ++end;
  return Lower(s.substr(pos, end - pos));
}

bool IsUtf8Label(const std::string& cs) { return cs == "utf-8" || cs == "utf8" || cs == "unicode-1-1-utf-8"; }
bool IsLatinLabel(const std::string& cs) {
  return cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "windows-1252" ||
         cs == "cp1252" || cs == "us-ascii" || cs == "ascii" || cs == "iso8859-1" || cs == "l1";
}

bool HasMultibyteUtf8(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return utf8::IsValid(s);
  return false;
}

std::string Iconv(std::string_view bytes, const std::string& charset, bool* ok) {
  *ok = false;
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* o = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      size_t used = o - out.data();
      out.resize(out.size() * 2);
      o = out.data() + used;
      out_left = out.size() - used;
    } else {  // invalid or incomplete sequence: skip one byte, emit U+FFFD
      ++in;
      --in_left;
      if (out_left < 3) continue;
      *o++ = '\xEF'; *o++ = '\xBF'; *o++ = '\xBD';
      out_left -= 3;
    }
  }
  out.resize(o - out.data());
  iconv_close(cd);
  *ok = true;
  return out;
}

}  // namespace

std::string CharsetFromContentType(std::string_view ct) {
  std::string l = Lower(ct);
  size_t p = l.find("charset=");
  if (p == std::string::npos) return "";
  return TokenAfter(l, p + 8);
}

std::string CharsetFromHtmlHead(std::string_view html) {
  std::string head = Lower(html.substr(0, std::min<size_t>(html.size(), 4096)));
  for (size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
    size_t end = head.find('>', p);
    std::string_view tag = std::string_view(head).substr(p, end == std::string::npos ? std::string::npos : end - p);
    size_t c = tag.find("charset");
    if (c == std::string::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=')) ++c;
    std::string cs = TokenAfter(tag, c);
    if (!cs.empty()) return cs;
  }
  return "";
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view http_charset, bool* repaired) {
  *repaired = false;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  else if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    bool ok = false;
    std::string out = Iconv(bytes.substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", &ok);
    if (ok) return utf8::Repair(out);
  }
  std::string cs = Lower(http_charset);
  if (cs.empty()) cs = CharsetFromHtmlHead(bytes);
  if (cs.empty() || IsUtf8Label(cs) || (IsLatinLabel(cs) && HasMultibyteUtf8(bytes))) {
    if (utf8::IsValid(bytes)) {
      std::string out(bytes);
      out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
      return out;
    }
    *repaired = true;
    return utf8::Repair(bytes);
  }
  if (IsLatinLabel(cs)) return utf8::FromCp1252(bytes);
  bool ok = false;
  std::string out = Iconv(bytes, cs, &ok);
  if (ok) return utf8::Repair(out);
  *repaired = !utf8::IsValid(bytes);  // unknown label: best effort
  return utf8::Repair(bytes);
}

}  // namespace dateline
