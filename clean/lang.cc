#include "clean/lang.h"

#include <cld2/public/compact_lang_det.h>

#include "base/utf8.h"

namespace dateline {

std::optional<LanguageGuess> DetectLanguage(std::string_view text, size_t max_bytes) {
  if (text.empty()) return std::nullopt;
  // CLD2 reads past the end on invalid UTF-8: never hand it any. Only the
  // first max_bytes are read: when a little more than that is valid and
  // holds no NUL, repairing the whole text would not change those bytes.
  std::string repaired;
  bool head_enough = false;
  if (text.size() > 4 && max_bytes < text.size() - 4) {
    std::string_view head = text.substr(0, max_bytes + 4);
    head_enough = head.find('\0') == std::string_view::npos && utf8::IsValid(head);
  }
  if (!head_enough && !utf8::IsValid(text)) {
    repaired = utf8::Repair(text);
    text = repaired;
  }
  size_t n = std::min(text.size(), max_bytes);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(n), true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return std::nullopt;
  const char* code = CLD2::LanguageCode(lang);
  if (!code || !*code) return std::nullopt;
  LanguageGuess g;
  g.code = code;
  // CLD2 names Chinese variants "zh" / "zh-Hant"; keep the base code.
  if (g.code.rfind("zh", 0) == 0) g.code = "zh";
  g.reliable = reliable;
  return g;
}

}  // namespace dateline
