// HtmlRules: the word lists that steer article extraction, loaded from
// data/clean/html_*.txt (one entry per line, '#' comments). Built once by
// Load(), then immutable and shared by all threads.
#ifndef DATELINE_CLEAN_HTML_RULES_H_
#define DATELINE_CLEAN_HTML_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dateline::html {

class HtmlRules {
 public:
  // Reads the lists under `data_dir`/clean/. NotFound when a file is missing.
  static Result<HtmlRules> Load(const std::string& data_dir);
  // The rules from DataDir(), loaded on first use (empty lists when the
  // files are missing, which degrades extraction but never fails).
  static const HtmlRules& Default();

  // +1 for a "class id" string naming article content, -1 for boilerplate,
  // 0 for neither (or both). `class_id` must be lower case.
  int ClassWeight(std::string_view class_id) const;
  bool IsNegative(std::string_view class_id) const;
  bool IsPositive(std::string_view class_id) const;
  // Boilerplate whatever the block's size (comment threads).
  bool IsStrongNegative(std::string_view class_id) const;
  // True when a short paragraph is a known boilerplate line.
  bool IsBoilerplateLine(std::string_view paragraph) const;

  std::vector<std::string> negative_substrings, negative_tokens, positive_substrings,
      strong_negative_substrings, boilerplate_lines;
};

}  // namespace dateline::html

#endif  // DATELINE_CLEAN_HTML_RULES_H_
