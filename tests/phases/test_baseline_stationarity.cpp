// The stationary baseline (issue 16, docs/MODEL.md 7.12): with no shocks,
// the shipped baseline city holds still over 50 years. After a burn-in of
// ten years, the mean over ten seeds of each indicator below stays inside
// its documented band at every month. The bands are tolerances for policy
// comparison (about +-5% on counts and incomes, +-0.05 on shares, wider on
// the price and rent indices, which cycle); they were set after a first
// ten-seed measurement (docs/MODEL.md 7.12 gives both), so this test guards
// the stationarity that was reached against regressions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"

using namespace hearth;

namespace {

struct Band {
  CityIndicator indicator;
  const char* name;
  double low, high;
  bool relative_to_start;  // the band is on the value over its value at tick 0
};

// docs/MODEL.md 7.12, "Bands of the stationary baseline".
const std::vector<Band> kBands = {
    {CityIndicator::households_in_city, "households_in_city / start", 0.95, 1.05, true},
    {CityIndicator::owner_share, "owner_share", 0.45, 0.56, false},
    {CityIndicator::informal_share, "informal_share", 0.02, 0.08, false},
    {CityIndicator::rent_to_income, "rent_to_income (median)", 0.17, 0.27, false},
    {CityIndicator::price_index_relative, "price_index_relative", 0.95, 1.35, false},
    {CityIndicator::rent_index_relative, "rent_index_relative", 0.90, 1.25, false},
    {CityIndicator::dissimilarity_q1_q5, "dissimilarity_q1_q5", 0.35, 0.50, false},
    {CityIndicator::median_income_per_month, "median_income / start", 0.95, 1.05, true},
    {CityIndicator::mean_head_age_years, "mean_head_age_years", 46.0, 51.0, false},
    {CityIndicator::mean_household_size, "mean_household_size", 2.3, 2.7, false},
};
constexpr int kSeeds = 10;
constexpr int kTicks = 600;  // 50 years
constexpr int kBurnIn = 120;

}  // namespace

TEST_CASE("the baseline city holds still over 50 years after a ten-year burn-in (10 seeds)",
          "[baseline][slow]") {
  const ScenarioDef base = io::load_scenario_file(HEARTH_SOURCE_DIR "/scenarios/baseline.json").def;
  // mean[b][t]: the mean over seeds of band b's value at tick t.
  std::vector<std::vector<double>> mean(kBands.size(), std::vector<double>(kTicks + 1, 0.0));
  for (int seed = 42; seed < 42 + kSeeds; ++seed) {
    ScenarioDef s = base;
    s.seed = static_cast<std::uint64_t>(seed);
    s.ticks = kTicks;
    Simulation sim(s, {});
    std::vector<double> start(kBands.size());
    for (std::size_t b = 0; b < kBands.size(); ++b) {
      start[b] = sim.latest_frame()->city[static_cast<int>(kBands[b].indicator)];
    }
    for (int t = 1; t <= kTicks; ++t) {
      sim.step();
      for (std::size_t b = 0; b < kBands.size(); ++b) {
        double v = sim.latest_frame()->city[static_cast<int>(kBands[b].indicator)];
        if (kBands[b].relative_to_start) v /= start[b];
        mean[b][t] += v / kSeeds;
      }
    }
  }
  for (std::size_t b = 0; b < kBands.size(); ++b) {
    const auto first = mean[b].begin() + kBurnIn, last = mean[b].end();
    const double low = *std::min_element(first, last), high = *std::max_element(first, last);
    INFO(kBands[b].name << ": mean over seeds, months " << kBurnIn << "-" << kTicks << ", from "
                        << low << " to " << high << "; band " << kBands[b].low << " - "
                        << kBands[b].high);
    CHECK(low >= kBands[b].low);
    CHECK(high <= kBands[b].high);
  }
}
