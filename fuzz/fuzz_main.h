// Bounded fuzz runner for g++ builds (no libFuzzer needed): each driver in
// fuzz/<name>_fuzz.cc defines LLVMFuzzerTestOneInput, and fuzz_main.cc feeds
// it random and mutated inputs (seeded from files given on the command line)
// for a fixed time. With clang, the same drivers build under -fsanitize=fuzzer.
#ifndef DATELINE_FUZZ_FUZZ_MAIN_H_
#define DATELINE_FUZZ_FUZZ_MAIN_H_

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#endif  // DATELINE_FUZZ_FUZZ_MAIN_H_
