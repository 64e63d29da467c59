#pragma once
// Directional claims ("a lever lowers X", "renters stay away longer than
// owners") tested the way the project's statistics rule asks: both arms run
// over the same seeds, and a claim holds when the 95% interval of the
// paired difference B - A (report/paired_stats.hpp, the statistics of
// `hearth compare --vs`) lies wholly on the claimed side of zero. One seed
// and a strict inequality would pass or fail on noise.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "report/paired_stats.hpp"

namespace hearth::test {

// Seeds 1..8 by default: small cities, few ticks, and enough pairs that the
// t interval (7 degrees of freedom, t = 2.36) is narrow where an effect is real.
inline constexpr int kPairedSeeds = 8;

// The figures one run of one arm yields, by name.
using Figures = std::map<std::string, double>;

struct PairedOutcome {
  std::string name;
  std::vector<std::uint64_t> seeds;
  std::vector<double> a, b;           // one per seed
  report::PairedInterval difference;  // of b - a
  std::string describe() const;       // every pair and the interval, for INFO
};

struct PairedRuns {
  std::map<std::string, PairedOutcome> figures;
  const PairedOutcome& operator[](const std::string& name) const;
};

// Runs arm A and arm B at seeds 1..seeds and summarises B - A of each
// figure. `measure(arm, seed)` runs one arm (0: A, 1: B) at one seed; both
// arms of a seed must see the same city and events, so a pair differs only
// by what the arms differ in. Every run must yield the same figure names.
PairedRuns paired_over_seeds(const std::function<Figures(int arm, std::uint64_t seed)>& measure,
                             int seeds = kPairedSeeds);

// Catch2 checks that the 95% interval of B - A lies above (below) zero,
// printing every pair when it does not.
void check_b_higher(const PairedOutcome& outcome);
void check_b_lower(const PairedOutcome& outcome);

}  // namespace hearth::test
