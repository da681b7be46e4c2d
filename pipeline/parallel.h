// ParallelFor: runs fn(i) for i in [0, n) on up to `threads` threads (the
// calling thread waits). Indexes are handed out one at a time, so uneven work
// balances; fn must be safe to run concurrently for different i.
#ifndef DATELINE_PIPELINE_PARALLEL_H_
#define DATELINE_PIPELINE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace dateline {

inline void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn) {
  if (threads <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  int k = std::min<int>(threads, static_cast<int>(n));
  for (int t = 0; t < k; ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  for (auto& th : pool) th.join();
}

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PARALLEL_H_
