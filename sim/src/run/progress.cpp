#include "run/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace hearth {

Progress::Progress(std::int32_t total_ticks, bool enabled)
    : total_(total_ticks),
      enabled_(enabled),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

void Progress::update(std::int32_t tick) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = tick > 0 ? elapsed / tick * (total_ - tick) : 0.0;
  if (terminal_) {
    if (now - last_print_ < std::chrono::milliseconds(100) && tick < total_) return;
    constexpr int kWidth = 30;
    const int filled = total_ > 0 ? kWidth * tick / total_ : kWidth;
    char bar[kWidth + 1];
    for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '.';
    bar[kWidth] = '\0';
    std::fprintf(stderr, "\r[%s] tick %d/%d  %.1fs  ETA %.1fs ", bar, tick, total_, elapsed, eta);
  } else {
    if (now - last_print_ < std::chrono::seconds(10) && tick < total_) return;
    std::fprintf(stderr, "hearth: tick %d/%d (%d%%), %.1f s elapsed, ETA %.1f s\n", tick, total_,
                 total_ > 0 ? 100 * tick / total_ : 100, elapsed, eta);
  }
  std::fflush(stderr);
  last_print_ = now;
}

void Progress::finish() {
  if (enabled_ && terminal_) std::fprintf(stderr, "\n");
}

}  // namespace hearth
