// Character references and whitespace collapsing for html_dom.h.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/utf8.h"
#include "clean/html_dom.h"

namespace dateline::html {
namespace {

// The HTML 4 names of U+00A0..U+00FF, in code point order.
constexpr const char* kLatin1[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct Named {
  const char* name;
  uint32_t cp;
};
constexpr Named kOther[] = {
    {"amp", '&'},        {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},      {"ndash", 0x2013},   {"mdash", 0x2014},   {"hellip", 0x2026},
    {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"sbquo", 0x201A},   {"ldquo", 0x201C},
    {"rdquo", 0x201D},   {"bdquo", 0x201E},   {"lsaquo", 0x2039},  {"rsaquo", 0x203A},
    {"trade", 0x2122},   {"bull", 0x2022},    {"euro", 0x20AC},    {"thinsp", 0x2009},
    {"ensp", 0x2002},    {"emsp", 0x2003},    {"zwj", 0x200D},     {"zwnj", 0x200C},
    {"lrm", 0x200E},     {"rlm", 0x200F},     {"prime", 0x2032},   {"Prime", 0x2033},
    {"dagger", 0x2020},  {"Dagger", 0x2021},  {"larr", 0x2190},    {"rarr", 0x2192},
    {"uarr", 0x2191},    {"darr", 0x2193},    {"harr", 0x2194},    {"OElig", 0x152},
    {"oelig", 0x153},    {"Scaron", 0x160},   {"scaron", 0x161},   {"Yuml", 0x178},
    {"fnof", 0x192},     {"circ", 0x2C6},     {"tilde", 0x2DC},    {"permil", 0x2030},
    {"minus", 0x2212},   {"le", 0x2264},      {"ge", 0x2265},      {"ne", 0x2260},
    {"infin", 0x221E},   {"hearts", 0x2665},  {"check", 0x2713},   {"star", 0x2606},
    {"nbsp", ' '},       {"NewLine", '\n'},   {"Tab", '\t'},       {"colon", ':'},
    {"comma", ','},      {"period", '.'},     {"excl", '!'},       {"quest", '?'},
    {"lpar", '('},       {"rpar", ')'},       {"sol", '/'},        {"num", '#'},
    {"dollar", '$'},     {"percnt", '%'},     {"ast", '*'},        {"commat", '@'},
    {"hyphen", 0x2010},  {"dash", 0x2010},    {"horbar", 0x2015},  {"nbhy", 0x2011},
};

const std::unordered_map<std::string_view, uint32_t>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, uint32_t>();
    for (int i = 0; i < 96; ++i) (*t)[kLatin1[i]] = 0xA0 + i;
    for (const Named& n : kOther) (*t)[n.name] = n.cp;  // nbsp -> plain space
    return t;
  }();
  return *table;
}

// Windows-1252 meanings of &#128;..&#159;, as browsers read them.
constexpr uint16_t kCp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
    0x2039, 0x152,  0x8D,   0x17D,  0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp >= 0x80 && cp < 0xA0) cp = kCp1252[cp - 0x80];
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  utf8::Append(cp, out);
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Decodes the reference at s[i] == '&'; returns the bytes consumed (0: none).
size_t DecodeOne(std::string_view s, size_t i, std::string* out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t cp = 0;
    size_t digits = 0;
    for (; j < s.size() && digits < 8; ++j, ++digits) {
      char c = s[j];
      int d = (c >= '0' && c <= '9') ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                              : -1;
      if (d < 0) break;
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (digits == 0) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    AppendUtf8(cp, out);
    return j - i;
  }
  size_t k = j;
  while (k < s.size() && k - j < 10 && IsAlnum(s[k])) ++k;
  if (k == j) return 0;
  std::string_view name = s.substr(j, k - j);
  bool semi = k < s.size() && s[k] == ';';
  auto it = Table().find(name);
  if (it == Table().end()) return 0;
  if (!semi && name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "nbsp")
    return 0;
  AppendUtf8(it->second, out);
  return k - i + (semi ? 1 : 0);
}

}  // namespace

void AppendDecoded(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    size_t used = DecodeOne(s, amp, out);
    if (used == 0) {
      out->push_back('&');
      used = 1;
    }
    i = amp + used;
  }
}

void AppendCollapsed(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

}  // namespace dateline::html
