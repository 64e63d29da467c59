// The paired statistics of `hearth compare --vs` (report/paired_stats.hpp)
// against values computed by hand (mean, sample sd with n - 1, and
// t(0.975, n - 1) from a table of Student's t: 12.7062 for 1 degree of
// freedom, 2.77645 for 4, 2.26216 for 9).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "report/paired_stats.hpp"

namespace hearth::report {

TEST_CASE("the paired interval is the mean difference +- t(0.975, n-1) sd / sqrt(n)",
          "[report][paired_stats]") {
  SECTION("five differences, all positive: B higher") {
    // mean 3, sd sqrt(2.5) = 1.58114, half-width 2.77645 * 1.58114 / sqrt(5) = 1.96324
    const PairedInterval d = paired_interval({1, 2, 3, 4, 5});
    CHECK(d.n == 5);
    CHECK(d.mean == Approx(3.0));
    CHECK(d.sd == Approx(1.5811388).epsilon(1e-6));
    CHECK(d.lower == Approx(1.0367568).epsilon(1e-5));
    CHECK(d.upper == Approx(4.9632432).epsilon(1e-5));
    CHECK(verdict_of(d) == Verdict::Higher);
  }
  SECTION("ten differences from -4 to +5: not distinguishable from zero") {
    // The 'households still away': mean 0.5, sd 3.02765, 9 df.
    const PairedInterval d = paired_interval({-4, 5, 1, -2, 0, 3, -1, 2, -3, 4});
    CHECK(d.n == 10);
    CHECK(d.mean == Approx(0.5));
    CHECK(d.sd == Approx(3.0276504).epsilon(1e-6));
    CHECK(d.lower == Approx(-1.6658506).epsilon(1e-5));
    CHECK(d.upper == Approx(2.6658506).epsilon(1e-5));
    CHECK(verdict_of(d) == Verdict::NotDistinguishable);
    CHECK(std::string(verdict_text(verdict_of(d))) == "not distinguishable from zero");
  }
  SECTION("two pairs: one degree of freedom, a wide interval") {
    const PairedInterval d = paired_interval({0.2, 0.5});
    CHECK(d.lower == Approx(-1.5559307).epsilon(1e-5));
    CHECK(d.upper == Approx(2.2559307).epsilon(1e-5));
  }
  SECTION("negative differences: B lower") {
    const PairedInterval d = paired_interval({-1, -2, -3, -4, -5});
    CHECK(d.upper == Approx(-1.0367568).epsilon(1e-5));
    CHECK(verdict_of(d) == Verdict::Lower);
    CHECK(std::string(verdict_text(Verdict::Lower)) == "B lower");
  }
}

TEST_CASE("the paired interval leaves out undefined pairs and needs two",
          "[report][paired_stats]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const PairedInterval d = paired_interval({1, nan, 2, 3, nan, 4, 5});
  CHECK(d.n == 5);
  CHECK(d.lower == Approx(1.0367568).epsilon(1e-5));

  const PairedInterval one = paired_interval({nan, 7});
  CHECK(one.n == 1);
  CHECK(one.mean == 7);
  CHECK(std::isnan(one.lower));
  CHECK(verdict_of(one) == Verdict::TooFewPairs);
  CHECK(std::isnan(paired_interval({}).mean));

  // Identical runs: every difference zero, an interval of [0, 0], no effect.
  const PairedInterval same = paired_interval({0, 0, 0});
  CHECK(same.lower == 0);
  CHECK(same.upper == 0);
  CHECK(verdict_of(same) == Verdict::Identical);
  CHECK(std::string(verdict_text(Verdict::Identical)) == "the same in every pair");
  // The same nonzero difference in every pair is a difference.
  CHECK(verdict_of(paired_interval({2, 2, 2})) == Verdict::Higher);
}

TEST_CASE("the variance of large, close differences is exact", "[report][paired_stats]") {
  // A naive sum of squares loses these to rounding.
  const PairedInterval d = paired_interval({1e9 + 1, 1e9 + 2, 1e9 + 3});
  CHECK(d.sd == Approx(1.0).epsilon(1e-9));
}

}  // namespace hearth::report
