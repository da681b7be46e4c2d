// Foundation text-dump cleaner: the page text with blank lines removed.
// No template learning or boilerplate removal yet (the clean issue adds it).
#include <cctype>

#include "clean/formats.h"

namespace dateline {

void ObserveDump(const RawPage& page, TemplateStats* stats, TemplateStats* delta) {}

void CleanDump(const RawPage& page, const TemplateStats& templates, Document* d) {
  const std::string& content = page.content;
  std::string out;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line(content.data() + pos, nl - pos);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    pos = nl + 1;
  }
  d->text = std::move(out);
}

}  // namespace dateline
