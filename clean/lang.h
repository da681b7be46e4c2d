// Language identification of clean text with CLD2. Thread-safe (CLD2 keeps
// no mutable state); cost is linear in the text, capped at `max_bytes`.
#ifndef DATELINE_CLEAN_LANG_H_
#define DATELINE_CLEAN_LANG_H_

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct LanguageGuess {
  std::string code;       // ISO 639-1 where one exists ("en", "pt", "zh"), else CLD2's code
  bool reliable = false;  // CLD2's own reliability judgement
};

// The language of `text`, or nullopt when CLD2 cannot tell (too short, unknown).
std::optional<LanguageGuess> DetectLanguage(std::string_view text, size_t max_bytes = 64 * 1024);

}  // namespace dateline

#endif  // DATELINE_CLEAN_LANG_H_
