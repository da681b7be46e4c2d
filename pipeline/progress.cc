#include "pipeline/progress.h"

#include <cstdio>

namespace dateline {

Progress::Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(uint64_t done, uint64_t total, int64_t docs) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  double secs = Seconds();
  double frac = total ? static_cast<double>(done) / total : 0;
  if (frac > 1) frac = 1;
  constexpr int kWidth = 30;
  char bar[kWidth + 1];
  int fill = static_cast<int>(frac * kWidth);
  for (int i = 0; i < kWidth; ++i) bar[i] = i < fill ? '#' : '.';
  bar[kWidth] = 0;
  double eta = frac > 0.001 ? secs * (1 - frac) / frac : 0;
  std::fprintf(stderr, "\r[%s] %3.0f%% %lld docs  %.1f docs/s  %.2f MB/s  ETA %.0fs   ", bar, frac * 100,
               static_cast<long long>(docs), secs > 0 ? docs / secs : 0.0,
               secs > 0 ? done / secs / 1e6 : 0.0, eta);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace dateline
