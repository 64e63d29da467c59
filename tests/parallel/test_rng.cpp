#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "parallel/rng.hpp"

using hearth::Rng;
using hearth::RngStream;

TEST_CASE("a draw is a pure function of its key and counter", "[rng]") {
  Rng a(42, 0, 7, RngStream::Economy, 1234);
  Rng b(42, 0, 7, RngStream::Economy, 1234);
  for (int i = 0; i < 100; ++i) REQUIRE(a.next_u32() == b.next_u32());
}

TEST_CASE("seed, replicate, tick, stream and entity each change the numbers", "[rng]") {
  const auto first = [](Rng r) { return r.next_u32(); };
  const std::uint32_t base = first(Rng(42, 0, 7, RngStream::Economy, 1234));
  CHECK(first(Rng(43, 0, 7, RngStream::Economy, 1234)) != base);
  CHECK(first(Rng(42, 1, 7, RngStream::Economy, 1234)) != base);
  CHECK(first(Rng(42, 0, 8, RngStream::Economy, 1234)) != base);
  CHECK(first(Rng(42, 0, 7, RngStream::Market, 1234)) != base);
  CHECK(first(Rng(42, 0, 7, RngStream::Economy, 1235)) != base);
  // The high half of a 64-bit seed matters too.
  CHECK(first(Rng(42 + (1ULL << 40), 0, 7, RngStream::Economy, 1234)) != base);
}

TEST_CASE("uniform draws lie in (0,1) with the right mean and variance", "[rng]") {
  double sum = 0, sum_sq = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    Rng rng(1, 0, 0, RngStream::Economy, static_cast<std::uint32_t>(i));
    const double u = rng.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(sum_sq / n - mean * mean == Approx(1.0 / 12).margin(0.002));
}

TEST_CASE("normal draws have mean 0 and variance 1", "[rng]") {
  double sum = 0, sum_sq = 0;
  const int n = 200000;
  Rng rng(3, 0, 0, RngStream::Economy, 0);
  for (int i = 0; i < n; ++i) {
    const double z = rng.normal();
    sum += z;
    sum_sq += z * z;
  }
  CHECK(sum / n == Approx(0.0).margin(0.01));
  CHECK(sum_sq / n == Approx(1.0).margin(0.02));
}

TEST_CASE("normal draws have the normal's quantiles and tails", "[rng]") {
  // The quantile function itself, against textbook values.
  CHECK(Rng::inverse_normal_cdf(0.975) == Approx(1.959963985).epsilon(1e-8));
  CHECK(Rng::inverse_normal_cdf(0.8413447461) == Approx(1.0).epsilon(1e-8));
  CHECK(Rng::inverse_normal_cdf(1e-6) == Approx(-4.753424309).epsilon(1e-7));
  CHECK(Rng::inverse_normal_cdf(0.5) == 0.0);
  // Draws: the share beyond 1, 2 and 3 standard deviations, and the fourth moment.
  const int n = 400000;
  int above1 = 0, above2 = 0, above3 = 0;
  double fourth = 0;
  for (int i = 0; i < n; ++i) {
    Rng rng(11, 0, 0, RngStream::Market, static_cast<std::uint32_t>(i));
    const double z = rng.normal();
    above1 += std::fabs(z) > 1;
    above2 += std::fabs(z) > 2;
    above3 += std::fabs(z) > 3;
    fourth += z * z * z * z;
  }
  CHECK(above1 / double(n) == Approx(0.3173).margin(0.003));
  CHECK(above2 / double(n) == Approx(0.0455).margin(0.0015));
  CHECK(above3 / double(n) == Approx(0.0027).margin(0.0004));
  CHECK(fourth / n == Approx(3.0).margin(0.06));
}

TEST_CASE("below(n) covers every value and nothing else", "[rng]") {
  Rng rng(5, 0, 0, RngStream::Market, 9);
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto v = rng.below(7);
    REQUIRE(v < 7);
    seen.insert(v);
  }
  CHECK(seen.size() == 7);
}
