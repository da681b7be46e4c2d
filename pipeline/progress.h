// Progress: a one-line progress bar on stderr (documents/s, MB/s, ETA) when
// stderr is a terminal; silent otherwise. Not thread-safe.
#ifndef DATELINE_PIPELINE_PROGRESS_H_
#define DATELINE_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace dateline {

class Progress {
 public:
  explicit Progress(bool enabled);
  void Update(uint64_t done_bytes, uint64_t total_bytes, int64_t docs);
  void Finish();
  double Seconds() const;

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PROGRESS_H_
