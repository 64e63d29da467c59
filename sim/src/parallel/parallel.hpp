#pragma once
// Parallel loops over TBB with fixed chunking, and reductions whose result
// does not depend on the thread count: each fixed chunk is reduced on its
// own, then the chunk results are combined serially in chunk order.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace hearth::parallel {

inline constexpr std::size_t kDefaultGrain = 4096;

// body(begin, end) over [0, n) in chunks of at most `grain`.
template <typename Body>
void for_range(std::size_t n, Body&& body, std::size_t grain = kDefaultGrain) {
  if (n == 0) return;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain),
                    [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); },
                    tbb::simple_partitioner{});
}

// body(i) for each i in [0, n).
template <typename Body>
void for_each_index(std::size_t n, Body&& body, std::size_t grain = kDefaultGrain) {
  for_range(
      n,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) body(i);
      },
      grain);
}

// Deterministic reduction: chunk boundaries are fixed multiples of `chunk`, so
// floating-point sums come out bit-identical at any thread count.
// map(begin, end) -> T reduces one chunk; combine(T&, const T&) folds in order.
template <typename T, typename Map, typename Combine>
T reduce(std::size_t n, T init, Map&& map, Combine&& combine, std::size_t chunk = 16384) {
  const std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<T> partial(chunks, init);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, chunks, 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t c = r.begin(); c < r.end(); ++c) {
          partial[c] = map(c * chunk, std::min(n, (c + 1) * chunk));
        }
      },
      tbb::simple_partitioner{});
  T total = init;
  for (const T& p : partial) combine(total, p);
  return total;
}

// Limits TBB to `threads` workers while alive (0 = all hardware threads).
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);
  ~ThreadLimit();
  ThreadLimit(const ThreadLimit&) = delete;
  ThreadLimit& operator=(const ThreadLimit&) = delete;
  int threads() const { return threads_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int threads_;
};

int hardware_threads();

}  // namespace hearth::parallel
