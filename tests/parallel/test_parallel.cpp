#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "parallel/parallel.hpp"

namespace parallel = hearth::parallel;

TEST_CASE("for_each_index visits every index exactly once", "[parallel]") {
  for (int threads : {1, 2, 4}) {
    parallel::ThreadLimit limit(threads);
    std::vector<int> hits(100003, 0);
    parallel::for_each_index(
        hits.size(), [&](std::size_t i) { hits[i] += 1; }, 1000);
    for (int h : hits) REQUIRE(h == 1);
  }
}

TEST_CASE("floating-point reductions are bit-identical at any thread count",
          "[parallel][determinism]") {
  std::vector<double> values(1'000'003);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = std::sin(static_cast<double>(i)) * 1e6 + 1e-3 * i;
  auto sum_at = [&](int threads) {
    parallel::ThreadLimit limit(threads);
    return parallel::reduce(
        values.size(), 0.0,
        [&](std::size_t b, std::size_t e) {
          double s = 0;
          for (std::size_t i = b; i < e; ++i) s += values[i];
          return s;
        },
        [](double& a, double b) { a += b; });
  };
  const double one = sum_at(1);
  CHECK(sum_at(2) == one);  // exact equality on purpose
  CHECK(sum_at(4) == one);
}

TEST_CASE("ThreadLimit really limits the workers", "[parallel]") {
  // Count the distinct threads that run chunks of a loop long enough to spread.
  auto threads_used = [] {
    std::mutex mutex;
    std::set<std::thread::id> ids;
    parallel::for_each_index(
        64,
        [&](std::size_t) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          std::lock_guard<std::mutex> lock(mutex);
          ids.insert(std::this_thread::get_id());
        },
        1);
    return ids.size();
  };
  {
    parallel::ThreadLimit limit(1);
    CHECK(threads_used() == 1);
  }
  if (parallel::hardware_threads() >= 2) {
    parallel::ThreadLimit limit(2);
    CHECK(threads_used() == 2);
  }
}

TEST_CASE("ThreadLimit reports the threads it allows", "[parallel]") {
  parallel::ThreadLimit limit(3);
  CHECK(limit.threads() == 3);
  parallel::ThreadLimit all(0);
  CHECK(all.threads() == parallel::hardware_threads());
}
