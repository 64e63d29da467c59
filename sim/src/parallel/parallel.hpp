#pragma once
// Parallel loops over TBB with fixed chunking, and reductions whose result
// does not depend on the thread count: each fixed chunk is reduced on its
// own, then the chunk results are combined serially in chunk order.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

// Debian's oneTBB is not built with ThreadSanitizer, so TSan cannot see that
// a parallel loop's tasks start after the code before it and finish before
// the code after it. The wrappers below say so through TSan's annotation
// interface: the caller releases a per-loop token before the loop, each task
// acquires it when it starts and releases it when it ends, and the caller
// acquires it after the loop. Races between tasks of one loop stay visible.
#if defined(__SANITIZE_THREAD__)
#define HEARTH_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HEARTH_TSAN 1
#endif
#endif
#if defined(HEARTH_TSAN)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace hearth::parallel {

namespace detail {
struct LoopToken {
#if defined(HEARTH_TSAN)
  char token = 0;
  void fork() {
    __tsan_release(&token);
  }
  void task_begin() {
    __tsan_acquire(&token);
  }
  void task_end() {
    __tsan_release(&token);
  }
  void join() {
    __tsan_acquire(&token);
  }
#else
  void fork() {}
  void task_begin() {}
  void task_end() {}
  void join() {}
#endif
};
}  // namespace detail

inline constexpr std::size_t kDefaultGrain = 4096;

// body(begin, end) over [0, n) in chunks of at most `grain`.
template <typename Body>
void for_range(std::size_t n, Body&& body, std::size_t grain = kDefaultGrain) {
  if (n == 0) return;
  detail::LoopToken sync;
  sync.fork();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, grain),
      [&](const tbb::blocked_range<std::size_t>& r) {
        sync.task_begin();
        body(r.begin(), r.end());
        sync.task_end();
      },
      tbb::simple_partitioner{});
  sync.join();
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

// Runs independent tasks, possibly at the same time, and returns when all are
// done. Each task must write only what no other task reads or writes.
template <typename... Tasks>
void invoke(Tasks&&... tasks) {
  const std::function<void()> list[] = {std::function<void()>(std::ref(tasks))...};
  for_range(
      sizeof...(Tasks),
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) list[k]();
      },
      1);
}

// Deterministic reduction: chunk boundaries are fixed multiples of `chunk`, so
// floating-point sums come out bit-identical at any thread count.
// map(begin, end) -> T reduces one chunk; combine(T&, const T&) folds in order.
template <typename T, typename Map, typename Combine>
T reduce(std::size_t n, T init, Map&& map, Combine&& combine, std::size_t chunk = 16384) {
  const std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<T> partial(chunks, init);
  detail::LoopToken sync;
  sync.fork();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, chunks, 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        sync.task_begin();
        for (std::size_t c = r.begin(); c < r.end(); ++c) {
          partial[c] = map(c * chunk, std::min(n, (c + 1) * chunk));
        }
        sync.task_end();
      },
      tbb::simple_partitioner{});
  sync.join();
  T total = init;
  for (const T& p : partial) combine(total, p);
  return total;
}

// value(i) for the i in [0, n) with keep(i), in ascending order of i, in a
// vector of exactly that size: fixed chunks are counted, then filled at their
// offsets, in parallel. Unlike a reduction that appends per-chunk vectors,
// nothing is copied twice and no capacity is left over (docs/PERFORMANCE.md,
// memory). The result is the same at any thread count.
template <typename Keep, typename Value>
auto gather(std::size_t n, Keep&& keep, Value&& value, std::size_t chunk = 16384) {
  using T = std::decay_t<decltype(value(std::size_t{0}))>;
  const std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<std::size_t> offset(chunks + 1, 0);
  for_range(
      chunks,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
          std::size_t k = 0;
          for (std::size_t i = c * chunk, e = std::min(n, (c + 1) * chunk); i < e; ++i)
            k += keep(i) ? 1 : 0;
          offset[c + 1] = k;
        }
      },
      1);
  for (std::size_t c = 0; c < chunks; ++c) offset[c + 1] += offset[c];
  std::vector<T> out(offset[chunks]);
  for_range(
      chunks,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
          std::size_t at = offset[c];
          for (std::size_t i = c * chunk, e = std::min(n, (c + 1) * chunk); i < e; ++i) {
            if (keep(i)) out[at++] = value(i);
          }
        }
      },
      1);
  return out;
}

// Sorts [first, last) by `less`, which must be a total order (ties broken,
// e.g. by id), so the result is the one std::sort gives at any thread count.
// Fixed chunks are sorted in parallel, then merged pairwise in parallel rounds.
template <typename T, typename Less>
void sort(std::vector<T>& values, Less less, std::size_t chunk = 1u << 16) {
  const std::size_t n = values.size();
  if (n <= chunk) {
    std::sort(values.begin(), values.end(), less);
    return;
  }
  const std::size_t chunks = (n + chunk - 1) / chunk;
  for_range(
      chunks,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
          std::sort(values.begin() + static_cast<std::ptrdiff_t>(c * chunk),
                    values.begin() + static_cast<std::ptrdiff_t>(std::min(n, (c + 1) * chunk)),
                    less);
        }
      },
      1);
  std::vector<T> buffer(n);
  std::vector<T>* from = &values;
  std::vector<T>* to = &buffer;
  for (std::size_t width = chunk; width < n; width *= 2) {
    const std::size_t pairs = (n + 2 * width - 1) / (2 * width);
    for_range(
        pairs,
        [&](std::size_t begin, std::size_t end) {
          for (std::size_t p = begin; p < end; ++p) {
            const std::size_t lo = p * 2 * width, mid = std::min(n, lo + width),
                              hi = std::min(n, lo + 2 * width);
            std::merge(from->begin() + static_cast<std::ptrdiff_t>(lo),
                       from->begin() + static_cast<std::ptrdiff_t>(mid),
                       from->begin() + static_cast<std::ptrdiff_t>(mid),
                       from->begin() + static_cast<std::ptrdiff_t>(hi),
                       to->begin() + static_cast<std::ptrdiff_t>(lo), less);
          }
        },
        1);
    std::swap(from, to);
  }
  if (from != &values) values.swap(*from);
}

template <typename T>
void sort(std::vector<T>& values) {
  sort(values, std::less<T>{});
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
