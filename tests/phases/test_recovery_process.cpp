// The recovery process of damaged dwellings (docs/MODEL.md 7.5): every
// damaged dwelling is at one step, the steps' queues serve at most their
// capacity, the decisions follow their shares, and socially vulnerable
// owners get their repairs paid for later (paired over seeds).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "hearth/simulation.hpp"
#include "housing/household_economy.hpp"
#include "io/scenario_loader.hpp"
#include "state/world.hpp"
#include "support/paired_seeds.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

constexpr int kFloodTick = 3;

nlohmann::json flooded_city(int households, int ticks) {
  auto doc = test::small_scenario_json(households, ticks);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", kFloodTick}}});
  return doc;
}

ScenarioDef load(const nlohmann::json& doc) {
  return io::load_scenario_json(doc, "test").def;
}

double column(const Frame& f, CityIndicator c) {
  return f[c];
}

}  // namespace

TEST_CASE("every damaged dwelling is at one step of the recovery process, tick by tick",
          "[disasters][recovery]") {
  const ScenarioDef s = load(flooded_city(3000, 24));
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  double inspections = 0, claims = 0, funded_steps = 0, repairs = 0;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    using I = CityIndicator;
    const double damaged =
        f[I::dwellings_ds1] + f[I::dwellings_ds2] + f[I::dwellings_ds3] + f[I::dwellings_ds4];
    const double at_steps = f[I::recovery_inspection] + f[I::recovery_insurance_claim] +
                            f[I::recovery_public_aid] + f[I::recovery_repair_loan] +
                            f[I::recovery_unfunded] + f[I::recovery_permit] +
                            f[I::recovery_contractor] + f[I::recovery_repair];
    CHECK(at_steps == damaged);
    inspections += f[I::inspections];
    claims += f[I::claims_settled];
    funded_steps += f[I::recovery_permit] + f[I::recovery_contractor] + f[I::recovery_repair];
    repairs += f[I::repairs_completed];
  }
  // The flood damaged dwellings, which were inspected, claimed for, and repaired.
  CHECK(inspections > 0);
  CHECK(claims > 0);
  CHECK(funded_steps > 0);
  CHECK(repairs > 0);
}

TEST_CASE("a recovery step serves at most its capacity a month", "[disasters][recovery]") {
  auto doc = flooded_city(3000, 12);
  // One inspection a month per 1000 dwellings: the flood's damage waits.
  doc["disasters"]["recovery"]["inspection"]["capacity_per_month_per_1000_dwellings"] = 1;
  const ScenarioDef s = load(doc);
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  double waiting_after_six_months = 0, inspected = 0, served_at_most = 0;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    // Served this month at most: the capacity; inspected by now (an
    // inspection may end in a later month) at most those served.
    served_at_most += std::ceil(static_cast<double>(sim.world().dwellings.count()) / 1000.0);
    inspected += f[CityIndicator::inspections];
    CHECK(inspected <= served_at_most);
    if (sim.world().tick == kFloodTick + 6)
      waiting_after_six_months = column(f, CityIndicator::recovery_inspection);
  }
  CHECK(waiting_after_six_months > 0);
}

TEST_CASE("public aid and repair loans are decided by their shares", "[disasters][recovery]") {
  auto doc = flooded_city(3000, 12);
  auto& r = doc["disasters"]["recovery"];
  SECTION("every loan refused, every aid application approved") {
    r["loan_denial_share"] = 1;
    r["loan_denial_share_vulnerable"] = 1;
    r["aid_approval_share"] = 1;
  }
  SECTION("no public aid") {
    r["aid_max_per_household"] = 0;
  }
  const ScenarioDef s = load(doc);
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  double loans_approved = 0, loans_denied = 0, aid_approved = 0, aid_denied = 0, aid_paid = 0;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    loans_approved += f[CityIndicator::loans_approved];
    loans_denied += f[CityIndicator::loans_denied];
    aid_approved += f[CityIndicator::aid_approved];
    aid_denied += f[CityIndicator::aid_denied];
    aid_paid += f[CityIndicator::aid_paid];
  }
  if (s.disasters.recovery.aid_max_per_household == 0) {
    CHECK(aid_approved + aid_denied == 0);
    CHECK(aid_paid == 0);
  } else {
    CHECK(loans_approved == 0);
    CHECK(loans_denied > 0);
    CHECK(aid_denied == 0);
    CHECK(aid_approved > 0);
    // No award above the cap.
    CHECK(aid_paid <= aid_approved * s.disasters.recovery.aid_max_per_household);
  }
}

namespace {

// Mean months from the flood until the repair of a formal owner-occupied home
// is paid for (the home reaches the permit step or later; censored at the
// run's end), for socially vulnerable owners (arm 1) and the others (arm 0).
std::map<std::uint64_t, std::array<double, 2>> months_to_funding_by_seed;

double months_to_funding(int arm, std::uint64_t seed) {
  auto cached = months_to_funding_by_seed.find(seed);
  if (cached != months_to_funding_by_seed.end()) return cached->second[arm];
  auto doc = flooded_city(4000, 30);
  doc["seed"] = seed;
  const ScenarioDef s = load(doc);
  Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
  std::vector<DwellingId> homes;
  std::vector<int> group, funded_tick;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const World& w = sim.world();
    const Dwellings& dw = w.dwellings;
    if (w.tick == kFloodTick) {
      const double line = s.disasters.recovery.vulnerable_income_share_of_median * median_income(w);
      for (DwellingId d = 0; d < dw.count(); ++d) {
        if (dw.damaged_at_tick[d] != kFloodTick || dw.tenure[d] != Tenure::OwnerOccupied ||
            dw.owner_kind[d] != OwnerKind::Household || dw.owner_household[d] == kNone)
          continue;
        homes.push_back(d);
        group.push_back(w.households.income_per_month[dw.owner_household[d]] < line ? 1 : 0);
        funded_tick.push_back(-1);
      }
    }
    for (std::size_t k = 0; k < homes.size(); ++k) {
      const RecoveryStage stage = dw.recovery_stage[homes[k]];
      if (funded_tick[k] < 0 && (stage == RecoveryStage::None || stage >= RecoveryStage::Permit))
        funded_tick[k] = w.tick;
    }
  }
  std::array<double, 2> sum{}, n{};
  for (std::size_t k = 0; k < homes.size(); ++k) {
    const int end = funded_tick[k] < 0 ? s.ticks : funded_tick[k];
    sum[group[k]] += end - kFloodTick;
    n[group[k]] += 1;
  }
  REQUIRE(n[0] > 0);
  REQUIRE(n[1] > 0);
  months_to_funding_by_seed[seed] = {sum[0] / n[0], sum[1] / n[1]};
  return months_to_funding_by_seed[seed][arm];
}

}  // namespace

TEST_CASE("socially vulnerable owners' repairs are paid for later (paired over seeds)",
          "[disasters][recovery][paired]") {
  const auto runs = test::paired_over_seeds([](int arm, std::uint64_t seed) {
    return test::Figures{{"months_to_funding", months_to_funding(arm, seed)}};
  });
  // B (vulnerable owners) - A (the others) > 0.
  INFO(runs["months_to_funding"].describe());
  test::check_b_higher(runs["months_to_funding"]);
}

}  // namespace hearth
