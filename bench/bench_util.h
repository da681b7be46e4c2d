// Helpers shared by the benchmarks (run by hand, never by CTest).
#ifndef DATELINE_BENCH_BENCH_UTIL_H_
#define DATELINE_BENCH_BENCH_UTIL_H_

#include <ctime>

#include <algorithm>
#include <vector>

namespace dateline::bench {

// CPU seconds of the calling thread: the machine may be shared, so wall time
// alone understates one core's speed.
inline double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// The median of v (the upper one of an even count); 0 when v is empty.
inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace dateline::bench

#endif  // DATELINE_BENCH_BENCH_UTIL_H_
