// Test helpers shared by the time tagger's table tests (time_test.cc,
// time_cases_test.cc): the loaded tagger and a {text, DCT, extent, type,
// value} case checker. Tests only.
#ifndef DATELINE_ANNOTATE_TIME_TEST_UTIL_H_
#define DATELINE_ANNOTATE_TIME_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "annotate/time.h"
#include "base/data_dir.h"

namespace dateline::time_test {

inline const TimeTagger& Tagger() {
  static const TimeTagger* tagger = [] {
    auto t = TimeTagger::Load(DataDir());
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? std::move(t.value()).release() : nullptr;
  }();
  return *tagger;
}

struct Case {
  const char* text;
  const char* dct;
  const char* extent;  // expected text of the (only or named) expression
  const char* type;
  const char* value;
};

// Finds the expression whose text is c.extent; fails when absent.
inline void Check(const Case& c) {
  std::string text = c.text;
  bool found = false;
  for (const ByteTimex& t : Tagger().TagText(text, c.dct)) {
    if (text.substr(t.begin, t.end - t.begin) != c.extent) continue;
    found = true;
    EXPECT_EQ(t.type, c.type) << c.text;
    EXPECT_EQ(t.value, c.value) << c.text;
  }
  EXPECT_TRUE(found) << "no expression \"" << c.extent << "\" in: " << c.text;
}

// True when some expression in text has exactly the given extent.
inline bool Tagged(const std::string& text, const std::string& dct, const std::string& extent) {
  for (const ByteTimex& t : Tagger().TagText(text, dct)) {
    if (text.substr(t.begin, t.end - t.begin) == extent) return true;
  }
  return false;
}

}  // namespace dateline::time_test

#endif  // DATELINE_ANNOTATE_TIME_TEST_UTIL_H_
