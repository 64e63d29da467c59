#pragma once
// Progress on stderr: a bar with ETA on a terminal; otherwise (logs, CI,
// cluster jobs) a one-line status at most every 10 seconds and at the end.
#include <chrono>
#include <cstdint>

namespace hearth {

class Progress {
 public:
  Progress(std::int32_t total_ticks, bool enabled);
  void update(std::int32_t tick);
  void finish();

 private:
  std::int32_t total_;
  bool enabled_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_print_;
};

}  // namespace hearth
