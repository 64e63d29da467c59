// Issue 18's diagnostic: why displaced households come home slowly. Runs
// the shipped flood_100yr scenario over seeds 1-6 and breaks the households
// displaced by its flood down by the damage state of the home they left:
// the share back within 1, 6 and 12 months (mean and 95% interval over
// seeds), the months until the home was repaired against the drawn ready
// time, and what became of those who never returned (left the city, settled
// after giving up, settled for another reason, still away). Prints the table
// (docs/MODEL.md 7.6 quotes it); checks that the fates add up and that no
// household went home to a home still uninhabitable (DS3, DS4).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "phases/depth_damage.hpp"
#include "phases/return_times.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

constexpr int kStates = 5;  // undamaged, DS1..DS4
constexpr int kEventTick = 3;

// One seed's figures for the households displaced from homes in one damage state.
struct StateFigures {
  double displaced = 0, back_1m = 0, back_6m = 0, back_12m = 0;
  double repair_months = 0, repaired = 0, ready_months = 0, repair_later_than_ready = 0;
  double left_city = 0, gave_up = 0, settled_other = 0, still_away = 0;
};

struct Tracked {
  int state = 0;
  int back_tick = -1, settle_tick = -1;
  bool gave_up = false;
  return_times::SpellTimes times;
};

std::array<StateFigures, kStates> run_seed(const ScenarioDef& s) {
  Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
  const auto& min_loss = s.disasters.fragility.flood.damage_state_min_loss;
  std::vector<Tracked> tracked;
  std::vector<int> repaired_tick;
  std::vector<HouseholdId> ids;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const World& w = sim.world();
    const Households& hh = w.households;
    const Dwellings& dw = w.dwellings;
    if (w.tick == kEventTick) {
      repaired_tick.assign(dw.count(), -1);
      for (HouseholdId h = 0; h < hh.count(); ++h) {
        if (hh.displaced_at_tick[h] != kEventTick) continue;
        const DwellingId d = hh.displaced_from[h];
        Tracked t;
        if (d != kNone && dw.damaged_at_tick[d] == kEventTick)
          t.state =
              static_cast<int>(disasters::damage_state_of_loss(min_loss, dw.damage_loss_ratio[d]));
        t.times = return_times::spell_times(s, hh, dw, h, d);
        ids.push_back(h);
        tracked.push_back(t);
      }
    }
    if (w.tick < kEventTick) continue;
    for (DwellingId d = 0; d < dw.count(); ++d)
      if (repaired_tick[d] < 0 && dw.damaged_at_tick[d] == kEventTick &&
          dw.damage[d] == DamageState::None && dw.work_remaining_months[d] <= 0)
        repaired_tick[d] = w.tick;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      const HouseholdId h = ids[k];
      Tracked& t = tracked[k];
      if (t.back_tick < 0 && hh.dwelling[h] != kNone && hh.dwelling[h] == hh.displaced_from[h]) {
        t.back_tick = w.tick;
        // Back only in a habitable home (DS3+ homes are repaired first).
        CHECK(w.dwellings.damage[hh.dwelling[h]] < DamageState::Extensive);
      }
      if (t.back_tick < 0 && t.settle_tick < 0 && hh.origin_dwelling[h] == kNone &&
          hh.status[h] != Status::LeftCity) {
        t.settle_tick = w.tick;
        t.gave_up = t.times.give_up < hh.months_displaced[h];
      }
    }
  }
  const World& w = sim.world();
  const Households& hh = w.households;
  std::array<StateFigures, kStates> f{};
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const HouseholdId h = ids[k];
    const Tracked& t = tracked[k];
    StateFigures& x = f[t.state];
    x.displaced += 1;
    const int away = t.back_tick < 0 ? 1 << 20 : t.back_tick - kEventTick;
    x.back_1m += away <= 1;
    x.back_6m += away <= 6;
    x.back_12m += away <= 12;
    const DwellingId d = hh.displaced_from[h];
    if (d != kNone && repaired_tick[d] >= 0) {
      x.repaired += 1;
      x.repair_months += repaired_tick[d] - kEventTick;
      x.repair_later_than_ready += repaired_tick[d] - kEventTick > t.times.ready;
    }
    x.ready_months += std::min(t.times.ready, 120.0);
    if (t.back_tick >= 0) continue;  // went home (and may have moved on since)
    if (hh.status[h] == Status::LeftCity)
      x.left_city += 1;
    else if (t.settle_tick >= 0)
      (t.gave_up ? x.gave_up : x.settled_other) += 1;
    else
      x.still_away += 1;
    // Every displaced household not back is in exactly one fate.
    CHECK(
        (hh.status[h] == Status::LeftCity || t.settle_tick >= 0 || hh.origin_dwelling[h] != kNone));
  }
  return f;
}

// Mean and 95% half-width over seeds (t distribution).
std::string interval(const std::vector<double>& v) {
  const double n = static_cast<double>(v.size());
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  constexpr double kT95FiveDf = 2.571;
  const double half = kT95FiveDf * std::sqrt(ss / (n - 1) / n);
  char text[64];
  std::snprintf(text, sizeof text, "%.3f [%.3f, %.3f]", mean, mean - half, mean + half);
  return text;
}

}  // namespace

TEST_CASE("diagnostic: how fast households displaced by flood_100yr return, by damage state",
          "[disasters][return][diagnostic][slow]") {
  test::InSourceDir in_source;
  ScenarioDef s = io::load_scenario_file("scenarios/flood_100yr.json").def;
  std::vector<std::array<StateFigures, kStates>> seeds;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    s.seed = seed;
    seeds.push_back(run_seed(s));
  }
  auto share = [&](int ds, double StateFigures::*field, double StateFigures::*of) {
    std::vector<double> v;
    for (const auto& f : seeds) v.push_back(f[ds].*of > 0 ? f[ds].*field / (f[ds].*of) : 0.0);
    return v;
  };
  auto mean = [&](int ds, double StateFigures::*field, double StateFigures::*of) {
    const auto v = share(ds, field, of);
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  using F = StateFigures;
  std::printf("flood_100yr, seeds 1-6: displaced by the flood, by damage state of the home left\n");
  for (int ds = 0; ds < kStates; ++ds) {
    double n = 0;
    for (const auto& f : seeds) n += f[ds].displaced;
    if (n == 0) continue;
    std::printf("%s: %.0f per seed\n", ds == 0 ? "undamaged" : ("DS" + std::to_string(ds)).c_str(),
                n / static_cast<double>(seeds.size()));
    std::printf("  back <=1m %s, <=6m %s, <=12m %s\n",
                interval(share(ds, &F::back_1m, &F::displaced)).c_str(),
                interval(share(ds, &F::back_6m, &F::displaced)).c_str(),
                interval(share(ds, &F::back_12m, &F::displaced)).c_str());
    std::printf(
        "  home repaired by the end %.3f, months to repair %.1f, mean ready time %.1f months, "
        "repair later than ready %.3f\n",
        mean(ds, &F::repaired, &F::displaced), mean(ds, &F::repair_months, &F::repaired),
        mean(ds, &F::ready_months, &F::displaced),
        mean(ds, &F::repair_later_than_ready, &F::displaced));
    std::printf(
        "  never back: left city %.3f, gave up %.3f, settled otherwise %.3f, "
        "still away %.3f\n",
        mean(ds, &F::left_city, &F::displaced), mean(ds, &F::gave_up, &F::displaced),
        mean(ds, &F::settled_other, &F::displaced), mean(ds, &F::still_away, &F::displaced));
  }
  double displaced = 0;
  for (const auto& f : seeds)
    for (const auto& x : f) displaced += x.displaced;
  CHECK(displaced > 100);
}

}  // namespace hearth
