// Disasters as a recovery planner would check them (docs/MODEL.md 7.2 to
// 7.6): damage frequencies against the fragility curves, capacities,
// conservation through displacement and return, who stays away longer,
// determinism and exact resumption during an event's aftermath, and the
// strictness of the raster reader and the scenario's hazard keys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "hearth/simulation.hpp"
#include "housing/market_model.hpp"
#include "indicators/map_payload.hpp"
#include "io/asc_reader.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/rng.hpp"
#include "phases/depth_damage.hpp"
#include "phases/dislocation.hpp"
#include "phases/fragility.hpp"
#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "state/world.hpp"
#include "support/paired_seeds.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

// A small city hit by the given events.
nlohmann::json with_hazards(nlohmann::json doc, const nlohmann::json& events) {
  doc["hazards"] = events;
  return doc;
}

nlohmann::json flood_at(int tick) {
  return nlohmann::json::array({{{"type", "flood"}, {"tick", tick}}});
}

nlohmann::json quake_at(int tick, double magnitude = 6.5) {
  return nlohmann::json::array({{{"type", "earthquake"},
                                 {"tick", tick},
                                 {"magnitude", magnitude},
                                 {"epicentre_x_fraction", 0.5},
                                 {"epicentre_y_fraction", 0.5}}});
}

ScenarioDef load(const nlohmann::json& doc) {
  return io::load_scenario_json(doc, "test").def;
}

// A uniform raster of the grid's size.
std::string uniform_asc(int cols, int rows, double value) {
  std::string text = "ncols " + std::to_string(cols) + "\nnrows " + std::to_string(rows) +
                     "\nxllcorner 0\nyllcorner 0\ncellsize 100\nNODATA_value -9999\n";
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < cols; ++x) {
      if (x) text += ' ';
      text += std::to_string(value);
    }
    text += "\n";
  }
  return text;
}

// The generated city after the hazard phase of ctx.tick (its events strike then).
World struck_city(const PhaseContext& ctx) {
  World world = generate_city(ctx.scenario);
  market::ensure_initialised(ctx.scenario, world);
  world.tick = ctx.tick - 1;
  run_hazard(ctx, world);
  return world;
}

// Binomial z-score of k successes in n trials against probability p.
double z_score(std::int64_t k, std::int64_t n, double p) {
  const double sd = std::sqrt(n * p * (1 - p));
  return sd > 0 ? (static_cast<double>(k) - n * p) / sd
                : (static_cast<double>(k) == n * p ? 0.0 : 1e9);
}

}  // namespace

TEST_CASE("earthquake damage frequencies agree with the fragility curves (binomial z-test)",
          "[disasters][fragility]") {
  const FragilityDef f;
  // One draw per dwelling, as the hazard phase makes it, at several intensities.
  constexpr std::int64_t kN = 20000;
  int tests = 0;
  {
    for (int c = 0; c < kStructureClassCount; ++c) {
      const FragilityCurveDef& curve =
          disasters::earthquake_curve(f, static_cast<StructureClass>(c));
      for (double x : {curve.median[0], curve.median[1], curve.median[2] * 1.3}) {
        std::array<std::int64_t, 5> at_least{};
        for (std::uint32_t d = 0; d < kN; ++d) {
          Rng rng(11, 0, 3, RngStream::Hazard, d);
          const int ds = static_cast<int>(disasters::draw_damage(curve, x, rng.uniform()));
          for (int k = 1; k <= ds; ++k) ++at_least[k];
        }
        for (int k = 1; k <= 4; ++k) {
          const double p = disasters::exceedance(curve, k, x);
          INFO("earthquake class " << c << " x " << x << " DS>=" << k << ": " << at_least[k]
                                   << " of " << kN << ", expected p " << p);
          // 48 tests: |z| < 4 has a family-wise false alarm rate under 1%.
          CHECK(std::fabs(z_score(at_least[k], kN, p)) < 4.0);
          ++tests;
        }
      }
    }
  }
  CHECK(tests == 48);
  // At the median of DS2 half the dwellings reach DS2.
  CHECK(disasters::exceedance(f.earthquake_rc_frame, 2, f.earthquake_rc_frame.median[1]) ==
        Approx(0.5));
}

TEST_CASE("flood depth-damage functions give the published values", "[disasters][flood]") {
  using disasters::DepthDamageCurve;
  using disasters::flood_loss;
  constexpr double ft = 0.3048;
  const auto usace = DepthDamageCurve::UsaceOneStoryNoBasement;
  // USACE EGM 01-03, one story without basement: structure and contents, % of structure value.
  CHECK(flood_loss(usace, -3 * ft).structure == 0.0);
  CHECK(flood_loss(usace, -1 * ft).structure == Approx(0.025));
  CHECK(flood_loss(usace, 0.0).structure == Approx(0.134));
  CHECK(flood_loss(usace, 1 * ft).structure == Approx(0.233));
  CHECK(flood_loss(usace, 1 * ft).contents == Approx(0.133));
  CHECK(flood_loss(usace, 4 * ft).structure == Approx(0.471));
  CHECK(flood_loss(usace, 16 * ft).structure == Approx(0.807));
  CHECK(flood_loss(usace, 30 * ft).structure == Approx(0.807));  // the table's last row
  CHECK(flood_loss(usace, 1.5 * ft).structure == Approx((0.233 + 0.321) / 2));
  // JRC (Huizinga et al. 2017), residential, Asia: damage factor by metres of water.
  const auto jrc = DepthDamageCurve::JrcAsiaResidential;
  CHECK(flood_loss(jrc, -0.2).structure == 0.0);
  CHECK(flood_loss(jrc, 0.5).structure == Approx(0.33));
  CHECK(flood_loss(jrc, 1.0).structure == Approx(0.49));
  CHECK(flood_loss(jrc, 0.25).structure == Approx(0.165));
  CHECK(flood_loss(jrc, 3.0).structure == Approx(0.87));
  CHECK(flood_loss(jrc, 9.0).structure == Approx(1.0));
  CHECK(flood_loss(jrc, 1.0).contents == Approx(0.245));
  // Losses map to damage states by the smallest loss of each state.
  const std::array<double, 4> min_loss = FloodDamageDef{}.damage_state_min_loss;
  CHECK(disasters::damage_state_of_loss(min_loss, 0.0) == DamageState::None);
  CHECK(disasters::damage_state_of_loss(min_loss, 0.025) == DamageState::Slight);
  CHECK(disasters::damage_state_of_loss(min_loss, 0.233) == DamageState::Moderate);
  CHECK(disasters::damage_state_of_loss(min_loss, 0.401) == DamageState::Extensive);
  CHECK(disasters::damage_state_of_loss(min_loss, 0.807) == DamageState::Complete);
}

TEST_CASE("the hazard phase damages dwellings at the depth above their first floor",
          "[disasters][flood]") {
  test::TempDir dir;
  const std::string asc = dir.file("depth.asc");
  test::write_file(asc, uniform_asc(40, 40, 1.2));
  auto doc =
      with_hazards(test::small_scenario_json(4000, 6),
                   nlohmann::json::array({{{"type", "flood"}, {"tick", 1}, {"depth_file", asc}}}));
  auto by_class = [&](double spread) {
    doc["disasters"] = {{"fragility", {{"flood", {{"first_floor_height_sd_m", spread}}}}}};
    const ScenarioDef s = load(doc);
    World world = generate_city(s);
    run_hazard(PhaseContext{s, 1}, world);
    const Dwellings& dw = world.dwellings;
    std::array<std::vector<double>, kStructureClassCount> losses;
    for (DwellingId d = 0; d < dw.count(); ++d) {
      if (dw.work_remaining_months[d] > 0 && dw.damage[d] == DamageState::None)
        continue;  // being built
      const double loss = dw.damage[d] == DamageState::None ? 0.0 : dw.damage_loss_ratio[d];
      losses[static_cast<std::size_t>(dw.structure[d])].push_back(loss);
      // The state is the one the loss maps to.
      REQUIRE(dw.damage[d] == disasters::damage_state_of_loss(
                                  s.disasters.fragility.flood.damage_state_min_loss, loss));
    }
    CHECK(world.flows.dwellings_damaged > 0);
    CHECK(world.flows.structure_loss > 0);
    CHECK(world.flows.contents_loss > 0);
    return std::pair{s, losses};
  };
  // Without spread every dwelling of a class loses what its curve says at
  // 1.2 m less its first-floor height.
  {
    const auto [s, losses] = by_class(0.0);
    const FloodDamageDef& f = s.disasters.fragility.flood;
    for (int c = 0; c < kStructureClassCount; ++c) {
      const auto cls = static_cast<StructureClass>(c);
      const double expected =
          disasters::flood_loss(disasters::curve_of_class(f, cls), 1.2 - f.first_floor_height_m[c])
              .structure;
      INFO("class " << c << " expected " << expected);
      for (double loss : losses[c]) REQUIRE(loss == Approx(expected).epsilon(1e-6));
    }
  }
  // With spread the mean loss of a class is the curve averaged over the
  // first-floor heights (normal, cut at ground level): a z-test per class.
  const auto [s, losses] = by_class(0.15);
  const FloodDamageDef& f = s.disasters.fragility.flood;
  for (int c = 0; c < kStructureClassCount; ++c) {
    if (losses[c].size() < 100) continue;
    const auto cls = static_cast<StructureClass>(c);
    double mean = 0, second = 0;
    constexpr int kQuantiles = 4000;
    for (int q = 0; q < kQuantiles; ++q) {
      const double z = Rng::inverse_normal_cdf((q + 0.5) / kQuantiles);
      const double floor = std::max(0.0, f.first_floor_height_m[c] + 0.15 * z);
      const double loss =
          disasters::flood_loss(disasters::curve_of_class(f, cls), 1.2 - floor).structure;
      mean += loss / kQuantiles;
      second += loss * loss / kQuantiles;
    }
    double observed = 0;
    for (double loss : losses[c]) observed += loss;
    observed /= static_cast<double>(losses[c].size());
    const double se =
        std::sqrt(std::max(1e-12, second - mean * mean) / static_cast<double>(losses[c].size()));
    INFO("class " << c << ": mean loss " << observed << ", expected " << mean << " (se " << se
                  << ")");
    CHECK(std::fabs(observed - mean) < 4 * se);
  }
}

TEST_CASE("earthquake shaking falls with distance (Campbell 1981)", "[disasters][hazard]") {
  const AttenuationDef a;
  const double near = disasters::pga_g(a, 6.5, 10), far = disasters::pga_g(a, 6.5, 40);
  CHECK(near == Approx(0.22).epsilon(0.05));
  CHECK(far < near / 2);
  CHECK(disasters::pga_g(a, 7.0, 10) > near);
}

TEST_CASE("a stochastic event strikes about as often as its annual probability says",
          "[disasters][hazard]") {
  auto doc = test::small_scenario_json(500, 240);
  doc["city"]["grid"] = {{"width_cells", 20}, {"height_cells", 20}};
  doc["city"]["layout"]["neighbourhoods_per_side"] = 2;
  doc = with_hazards(
      doc, nlohmann::json::array(
               {{{"type", "earthquake"}, {"annual_probability", 0.5}, {"magnitude", 3.0}}}));
  const ScenarioDef s = load(doc);
  World world = generate_city(s);
  std::int64_t strikes = 0;
  for (int t = 1; t <= 240; ++t) {
    world.flows = TickFlows{};
    run_hazard(PhaseContext{s, t}, world);
    strikes += world.flows.hazard_events;
  }
  const double p = 1.0 - std::pow(0.5, 1.0 / 12.0);
  CHECK(std::fabs(z_score(strikes, 240, p)) < 4.0);
  CHECK(strikes > 0);
}

TEST_CASE("shelter and camp capacities are never exceeded", "[disasters][displacement]") {
  auto doc = with_hazards(test::small_scenario_json(4000, 12), quake_at(2, 7.0));
  // Nobody leaves except when shelter and camp are full.
  doc["disasters"] = {{"dislocation",
                       {{"shelter_capacity_households", 20},
                        {"camp_capacity_households", 30},
                        {"host_share", 0.02},
                        {"leave_city_share", 0.0},
                        {"displaced_departure_rate_per_month", 0.0}}}};
  const ScenarioDef s = load(doc);
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  std::int64_t most_shelter = 0, most_camp = 0, left = 0;
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    const World& w = sim.world();
    std::int64_t shelter = 0, camp = 0;
    std::map<HouseholdId, int> guests;
    for (HouseholdId h = 0; h < w.households.count(); ++h) {
      shelter += w.households.status[h] == Status::DisplacedShelter;
      camp += w.households.status[h] == Status::DisplacedCamp;
      if (w.households.status[h] == Status::DisplacedHost) ++guests[w.households.host[h]];
    }
    REQUIRE(shelter <= 20);
    REQUIRE(camp <= 30);
    for (const auto& [host, n] : guests) REQUIRE(n == 1);
    most_shelter = std::max(most_shelter, shelter);
    most_camp = std::max(most_camp, camp);
    left += w.flows.displaced_departures;
  }
  // The event overwhelmed the places (households moved on because both were
  // full), so the limits were tested. Peaks are counted at the end of a
  // month, after the households of homes left habitable have gone back
  // (docs/MODEL.md 7.6), so they sit below the capacities the event filled
  // (9 and 16 measured in the city of issue 16's stationary baseline).
  INFO("most in shelter " << most_shelter << ", in camp " << most_camp << ", left " << left);
  CHECK(most_shelter > 5);
  CHECK(most_camp > 10);
  CHECK(left > 0);
}

TEST_CASE(
    "households are conserved through displacement and return, none returns to an uninhabitable "
    "home, and some return to homes with minor damage before their repair",
    "[disasters][return]") {
  const ScenarioDef s = load(with_hazards(test::small_scenario_json(4000, 36), flood_at(3)));
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  std::int64_t displaced = 0, returns = 0, repairs = 0, back_before_repair = 0;
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    const World& w = sim.world();
    displaced += w.flows.new_displacements;
    returns += w.flows.returns;
    repairs += w.flows.repairs_completed;
    for (HouseholdId h = 0; h < w.households.count(); ++h) {
      if (w.households.returned_at_tick[h] != w.tick) continue;
      const DwellingId d = w.households.dwelling[h];
      REQUIRE(d != kNone);
      // DS1, DS2 homes are lived in while repaired; DS3+ only once repaired (docs/MODEL.md 7.6).
      REQUIRE(w.dwellings.damage[d] < DamageState::Extensive);
      if (w.dwellings.damage[d] == DamageState::None)
        REQUIRE(w.dwellings.work_remaining_months[d] <= 0.0f);
      back_before_repair += w.dwellings.damage[d] != DamageState::None;
    }
  }
  CHECK(back_before_repair > 0);
  CHECK(displaced > 50);
  CHECK(returns > 0);
  CHECK(repairs > 0);
}

TEST_CASE(
    "displaced again while away: the claim on the home of origin is kept, unless the "
    "damaged place is a home bought since",
    "[disasters][displacement]") {
  auto doc = with_hazards(test::small_scenario_json(2000, 6), flood_at(3));
  // Everyone in a damaged place leaves (an intercept far above Lin's).
  doc["disasters"] = {{"dislocation", {{"leave_city_share", 0.0}, {"intercept", 20.0}}}};
  const ScenarioDef s = load(doc);
  World w = generate_city(s);
  market::ensure_initialised(s, w);
  Households& hh = w.households;
  Dwellings& dw = w.dwellings;
  auto first = [](std::size_t n, auto&& pred) {
    for (std::size_t i = 0; i < n; ++i)
      if (pred(i)) return static_cast<std::uint32_t>(i);
    return kNone;
  };
  const HouseholdId renter = first(hh.count(), [&](std::size_t i) {
    return hh.status[i] == Status::Renter && dw.tenure[hh.dwelling[i]] == Tenure::PrivateRental;
  });
  const HouseholdId owner = first(hh.count(), [&](std::size_t i) {
    return hh.status[i] == Status::Owner && dw.owner_household[hh.dwelling[i]] == i;
  });
  const DwellingId home_a = first(dw.count(), [&](std::size_t d) {
    return dw.occupant[d] == kNone && dw.tenure[d] != Tenure::Informal;
  });
  const DwellingId home_b = first(dw.count(), [&](std::size_t d) {
    return d != home_a && dw.occupant[d] == kNone && dw.tenure[d] != Tenure::Informal;
  });
  REQUIRE(renter != kNone);
  REQUIRE(owner != kNone);
  REQUIRE(home_b != kNone);
  // Both have been away from a home of origin for 5 months: the renter rents
  // a place meanwhile, the owner has bought one on the market.
  for (const auto& [h, home] : {std::pair{renter, home_a}, std::pair{owner, home_b}}) {
    hh.origin_dwelling[h] = home;
    hh.origin_status[h] = Status::Owner;
    hh.displaced_at_tick[h] = 1;
    hh.months_displaced[h] = 5;
    dw.owner_household[home] = h;
    dw.owner_kind[home] = OwnerKind::Household;
  }
  // The places they live in now are destroyed this tick.
  const PhaseContext ctx{s, 3};
  w.tick = 2;
  const DwellingId place_a = hh.dwelling[renter], bought_b = hh.dwelling[owner];
  for (const DwellingId d : {place_a, bought_b}) {
    dw.damage[d] = DamageState::Extensive;
    dw.damaged_at_tick[d] = ctx.tick;
  }
  w.flows.dwellings_damaged = 2;
  disasters::run_dislocation(ctx, w);

  CHECK(w.flows.new_displacements == 2);
  // The renter keeps its first claim and its time away.
  CHECK(hh.origin_dwelling[renter] == home_a);
  CHECK(hh.months_displaced[renter] == 5);
  CHECK(hh.displaced_at_tick[renter] == 1);
  CHECK(w.flows.displaced_again == 1);
  // The owner had settled in the home it bought: the old home is sold, and
  // the destroyed new one is the home of origin now.
  CHECK(hh.origin_dwelling[owner] == bought_b);
  CHECK(dw.owner_household[home_b] == kNone);
  CHECK(hh.displaced_at_tick[owner] == ctx.tick);
  CHECK(w.flows.settled == 1);
}

TEST_CASE("the displacement flows in indicators.csv balance the stock away from home, tick by tick",
          "[disasters][return][invariants]") {
  // A flood, then an earthquake while many are still away: some lose the
  // place they took meanwhile (displaced_again), some settle or leave.
  auto events = flood_at(3);
  events.push_back(quake_at(8, 7.0)[0]);
  const ScenarioDef s = load(with_hazards(test::small_scenario_json(4000, 30), events));
  // The engine's own check is off here: this reads only what a user reads.
  Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
  double away = (*sim.latest_frame())[CityIndicator::away_from_home];
  double displaced = 0, again = 0, gone = 0;
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    auto at = [&](CityIndicator k) { return f[k]; };
    const double expected = away + at(CityIndicator::new_displacements) -
                            at(CityIndicator::displaced_again) - at(CityIndicator::returns) -
                            at(CityIndicator::settled_after_displacement) -
                            at(CityIndicator::away_departures) - at(CityIndicator::away_bought_out);
    INFO("tick " << f.tick);
    REQUIRE(at(CityIndicator::away_from_home) == expected);
    REQUIRE(at(CityIndicator::away_departures) <= at(CityIndicator::displaced_departures));
    away = at(CityIndicator::away_from_home);
    displaced += at(CityIndicator::new_displacements);
    again += at(CityIndicator::displaced_again);
    gone += at(CityIndicator::away_departures);
  }
  CHECK(displaced > 100);
  CHECK(again > 0);
  CHECK(gone > 0);
}

// Within each run the differences are of group means (renters minus owners,
// lowest fifth minus highest); over seeds, their 95% interval must lie above
// zero (support/paired_seeds.hpp: arm A is 0, arm B the difference).
TEST_CASE("renters stay displaced longer than owners, and low incomes longer than high (emergent)",
          "[disasters][return][paired][slow]") {
  auto mean = [](const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  };
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    if (arm == 0) return test::Figures{{"renters - owners", 0.0}, {"low - high incomes", 0.0}};
    // Default parameters; the flood on the generated floodplain at tick 3.
    auto doc = with_hazards(test::small_scenario_json(8000, 48), flood_at(3));
    doc["seed"] = seed;
    const ScenarioDef s = load(doc);
    Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
    for (int t = 0; t < s.ticks; ++t) sim.step();
    const Households& hh = sim.world().households;
    // Months displaced: finished spells (returned or settled) and those still under way.
    std::vector<double> owner, renter;
    std::vector<std::pair<float, double>> by_income;
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (hh.displaced_at_tick[h] != 3 || !is_in_city(hh.status[h])) continue;
      const double months = hh.months_displaced[h];
      if (hh.origin_status[h] == Status::Owner) owner.push_back(months);
      if (hh.origin_status[h] == Status::Renter) renter.push_back(months);
      by_income.push_back({hh.base_income_per_month[h], months});
    }
    std::sort(by_income.begin(), by_income.end());
    const std::size_t fifth = by_income.size() / 5;
    std::vector<double> low, high;
    for (std::size_t k = 0; k < fifth; ++k) {
      low.push_back(by_income[k].second);
      high.push_back(by_income[by_income.size() - 1 - k].second);
    }
    INFO("seed " << seed << ": owners " << owner.size() << ", renters " << renter.size());
    REQUIRE(owner.size() >= 20);
    REQUIRE(renter.size() >= 20);
    return test::Figures{{"renters - owners", mean(renter) - mean(owner)},
                         {"low - high incomes", mean(low) - mean(high)}};
  });
  test::check_b_higher(runs["renters - owners"]);
  test::check_b_higher(runs["low - high incomes"]);
}

TEST_CASE("the outcomes of displacement add up and agree with the households and the flows",
          "[disasters][return][outputs]") {
  const ScenarioDef s = load(with_hazards(test::small_scenario_json(4000, 20), flood_at(3)));
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = true});
  std::int64_t displaced = 0, returns = 0, logged_displaced = 0, logged_returned = 0;
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    displaced += static_cast<std::int64_t>(f[CityIndicator::new_displacements]);
    returns += static_cast<std::int64_t>(f[CityIndicator::returns]);
    for (const FlowRow& row : f.flows) {
      if (row.kind == "displaced") logged_displaced += row.households;
      if (row.kind == "returned") logged_returned += row.households;
    }
  }
  CHECK(logged_displaced == displaced);
  CHECK(logged_returned == returns);
  const World& w = sim.world();
  const Households& hh = w.households;
  std::int64_t ever = 0, home = 0, left = 0;
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (hh.displaced_at_tick[h] <= 0) continue;
    ++ever;
    home += hh.dwelling[h] != kNone && hh.dwelling[h] == hh.displaced_from[h];
    left += hh.status[h] == Status::LeftCity;
  }
  const std::vector<OutcomeRow>& rows = sim.latest_frame()->outcomes;
  const OutcomeRow& all = rows.front();
  REQUIRE(all.scope == "all");
  CHECK(all.displaced == ever);
  CHECK(all.returned_home == home);
  CHECK(all.left_city == left);
  CHECK(all.returned_home + all.rehoused_same_neighbourhood + all.resettled_elsewhere +
            all.left_city + all.still_away ==
        all.displaced);
  CHECK(all.displaced > 100);
  CHECK(all.returned_home > 0);
  // Each scope's rows add up to the city's.
  std::map<std::string, std::int64_t> by_scope;
  for (const OutcomeRow& row : rows) by_scope[row.scope] += row.displaced;
  CHECK(by_scope["tenure"] == all.displaced);
  CHECK(by_scope["income_quintile"] == all.displaced);
  CHECK(by_scope["neighbourhood"] == all.displaced);
  // Longer windows leave no more of the same households back home.
  CHECK(all.away_over[0] <= all.cohort[0]);
  CHECK(all.cohort[3] <= all.cohort[1]);
}

TEST_CASE("an event's aftermath is identical at 1, 2 and 4 threads", "[disasters][determinism]") {
  test::TempDir dir;
  auto doc =
      with_hazards(test::small_scenario_json(4000, 10),
                   nlohmann::json::array({{{"type", "flood"}, {"tick", 2}},
                                          {{"type", "earthquake"}, {"tick", 3}, {"magnitude", 6.0}},
                                          {{"type", "arrival_wave"},
                                           {"tick", 2},
                                           {"households_per_tick", 40},
                                           {"duration_ticks", 4}}}));
  const auto loaded = io::load_scenario_json(doc, "test");
  auto outputs = [&](int threads) {
    std::string name = "t";
    name += std::to_string(threads);
    const RunOptions options = test::run_options(dir.file(name), threads);
    run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
    return test::read_file(options.out_dir + "/indicators.csv") +
           test::read_file(options.out_dir + "/groups.csv") +
           test::read_file(options.out_dir + "/neighbourhoods.csv") +
           test::read_file(options.out_dir + "/outcomes.csv") +
           test::read_file(options.out_dir + "/flows.csv");
  };
  const std::string one = outputs(1);
  REQUIRE(one.size() > 1000);
  CHECK(outputs(2) == one);
  CHECK(outputs(4) == one);
}

TEST_CASE("a run stopped during an event's aftermath resumes to identical outputs",
          "[disasters][checkpoint][resume]") {
  // An earthquake, an arrival wave under way and a stochastic flood; stopped
  // on the event's tick and in its aftermath.
  const auto doc =
      with_hazards(test::small_scenario_json(3000, 16),
                   nlohmann::json::array({{{"type", "earthquake"}, {"tick", 3}, {"magnitude", 6.3}},
                                          {{"type", "arrival_wave"},
                                           {"tick", 4},
                                           {"households_per_tick", 30},
                                           {"duration_ticks", 6}},
                                          {{"type", "flood"}, {"annual_probability", 0.3}}}));
  test::check_identical_across_threads_and_resume(doc, {3, 6, 9});
}

TEST_CASE("an arrival wave enters through hosts, shelter and camp", "[disasters][displacement]") {
  auto doc = with_hazards(test::small_scenario_json(3000, 8),
                          nlohmann::json::array({{{"type", "arrival_wave"},
                                                  {"tick", 2},
                                                  {"households_per_tick", 25.5},
                                                  {"duration_ticks", 4}}}));
  const ScenarioDef s = load(doc);
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  std::int64_t arrived = 0;
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    arrived += sim.world().flows.wave_arrivals;
  }
  CHECK(arrived == 102);  // 25.5 x 4, fractions carried over
  std::int64_t non_residents = 0;
  const Households& hh = sim.world().households;
  for (HouseholdId h = 0; h < hh.count(); ++h) non_residents += is_displaced(hh.status[h]);
  CHECK(non_residents > 0);
}

TEST_CASE("Lin's dislocation logistic, with IN-CORE's coefficients", "[disasters][dislocation]") {
  DislocationDef d;
  // Without the neighbourhood shares: the intercept, the loss and the single-family terms.
  d.percent_black_block_group = 0;
  d.percent_hispanic_block_group = 0;
  CHECK(disasters::dislocation_probability(d, 0, false) == Approx(0.39527).epsilon(1e-4));
  CHECK(disasters::dislocation_probability(d, 100, false) == Approx(0.88641).epsilon(1e-4));
  CHECK(disasters::dislocation_probability(d, 100, true) == Approx(0.82536).epsilon(1e-4));
  // The defaults' shares (percent Black 12.4, Hispanic 18.7) lower the odds.
  const DislocationDef defaults;
  CHECK(disasters::dislocation_probability(defaults, 44.7, false) ==
        Approx(1 / (1 + std::exp(-(-0.42523 + 0.0248 * 44.7 - 0.01826 * 12.4 - 0.01198 * 18.7)))));
  CHECK(disasters::dislocation_probability(defaults, 10, true) <
        disasters::dislocation_probability(defaults, 10, false));
}

TEST_CASE("households leave damaged homes as often as Lin's logistic says, in every damage state",
          "[disasters][dislocation]") {
  const ScenarioDef s = load(with_hazards(test::small_scenario_json(6000, 6), quake_at(2, 7.0)));
  const PhaseContext ctx{s, 2};
  World world = struck_city(ctx);
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const auto single = disasters::single_family_dwellings(s.disasters.dislocation, world);
  // Expected leavers per damage state: the sum of the probabilities.
  std::array<double, 5> expected{}, variance{};
  std::array<std::int64_t, 5> households{}, left{};
  std::vector<DwellingId> home(hh.count(), kNone);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    const DwellingId d = hh.dwelling[h];
    if (d == kNone || !is_housed(hh.status[h]) || dw.damaged_at_tick[d] != ctx.tick) continue;
    home[h] = d;
    const auto ds = static_cast<std::size_t>(dw.damage[d]);
    const double p = disasters::dislocation_probability(
        s.disasters.dislocation, 100.0 * dw.damage_loss_ratio[d], single[d] != 0);
    expected[ds] += p;
    variance[ds] += p * (1 - p);
    ++households[ds];
  }
  disasters::run_dislocation(ctx, world);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (home[h] != kNone && hh.dwelling[h] != home[h])
      ++left[static_cast<std::size_t>(dw.damage[home[h]])];
  }
  for (std::size_t ds = 1; ds <= 4; ++ds) {
    INFO("DS" << ds << ": " << left[ds] << " of " << households[ds] << " left, expected "
              << expected[ds]);
    REQUIRE(households[ds] >= 30);
    CHECK(std::fabs(left[ds] - expected[ds]) < 4 * std::sqrt(variance[ds]));
    // Nobody is forced out: some stay even in DS3 and DS4.
    CHECK(left[ds] < households[ds]);
  }
}

TEST_CASE("households in flooded cells who stay evacuate for days, as often as set",
          "[disasters][evacuation]") {
  auto doc = with_hazards(test::small_scenario_json(6000, 6), flood_at(2));
  doc["disasters"] = {{"evacuation", {{"probability", 0.4}, {"mean_days", 5.0}}}};
  const ScenarioDef s = load(doc);
  const PhaseContext ctx{s, 2};
  World world = struck_city(ctx);
  std::vector<DwellingId> home(world.households.dwelling);
  disasters::run_dislocation(ctx, world);
  // Those still at home in a flooded cell could evacuate.
  const std::vector<float> depth = event_intensity(s, world.grid, 0);
  std::int64_t stayed = 0;
  const Households& hh = world.households;
  for (HouseholdId h = 0; h < home.size(); ++h) {
    const DwellingId d = home[h];
    if (d == kNone || hh.dwelling[h] != d || !is_housed(hh.status[h])) continue;
    stayed += depth[world.dwellings.cell[d]] > 0;
  }
  const std::int64_t n = world.flows.evacuations;
  INFO(n << " of " << stayed << " evacuated, " << world.flows.evacuee_days << " days");
  REQUIRE(stayed >= 100);
  CHECK(std::fabs(z_score(n, stayed, 0.4)) < 4.0);
  // Days: ceil of an exponential with mean 5, at least 1, at most 30.
  double mean_days = 0, second = 0;
  for (int k = 1; k <= 30; ++k) {
    const double p = k < 30 ? std::exp(-(k - 1) / 5.0) - std::exp(-k / 5.0) : std::exp(-29 / 5.0);
    mean_days += k * p;
    second += k * k * p;
  }
  const double observed = static_cast<double>(world.flows.evacuee_days) / static_cast<double>(n);
  CHECK(std::fabs(observed - mean_days) <
        4 * std::sqrt((second - mean_days * mean_days) / static_cast<double>(n)));
  // Nobody evacuates without a flood.
  World dry = generate_city(s);
  market::ensure_initialised(s, dry);
  disasters::run_dislocation(PhaseContext{s, 3}, dry);
  CHECK(dry.flows.evacuations == 0);
}

TEST_CASE("the fragility data file holds the built-in defaults", "[disasters][fragility]") {
  const auto file =
      nlohmann::json::parse(test::read_file(HEARTH_SOURCE_DIR "/scenarios/data/fragility.json"));
  // The file's keys are those of disasters.fragility in a scenario: loading
  // them as an override must change nothing.
  nlohmann::json doc = test::small_scenario_json(1000, 1);
  nlohmann::json fragility = file;
  fragility.erase("description");
  fragility.erase("sources");
  doc["disasters"] = {{"fragility", fragility}};
  const ScenarioDef with_file = load(doc);
  const ScenarioDef built_in = load(test::small_scenario_json(1000, 1));
  CHECK(io::load_scenario_json(doc, "t").hash != "");
  nlohmann::json a = io::resolve(with_file).resolved, b = io::resolve(built_in).resolved;
  CHECK(a["disasters"]["fragility"] == b["disasters"]["fragility"]);
}

TEST_CASE("hazard keys are validated", "[disasters][scenario]") {
  auto problems = [](const nlohmann::json& events) {
    return io::validate_scenario_json(with_hazards(test::small_scenario_json(1000, 1), events));
  };
  CHECK(problems(flood_at(3)).empty());
  auto typo = problems(
      nlohmann::json::array({{{"type", "flood"}, {"tick", 3}, {"retrun_period_years", 10}}}));
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].location == "/hazards/0/retrun_period_years");
  CHECK(typo[0].reason.find("return_period_years") != std::string::npos);
  CHECK_FALSE(problems(nlohmann::json::array({{{"type", "volcano"}, {"tick", 3}}})).empty());
  CHECK_FALSE(problems(nlohmann::json::array({{{"type", "flood"}}}))
                  .empty());  // neither tick nor probability
  CHECK_FALSE(
      problems(nlohmann::json::array({{{"type", "earthquake"}, {"tick", 3}, {"magnitude", 12}}}))
          .empty());
  CHECK_FALSE(problems(nlohmann::json::array({{{"type", "arrival_wave"}, {"tick", 3}}})).empty());
  auto missing = problems(nlohmann::json::array(
      {{{"type", "flood"}, {"tick", 3}, {"depth_file", "/nonexistent.asc"}}}));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].location == "/hazards/0/depth_file");
  nlohmann::json doc = test::small_scenario_json(1000, 1);
  doc["disasters"] = {{"fragility", {{"earthquake_rc_frame", {{"median", {1.0, 0.5, 2.0, 3.0}}}}}}};
  CHECK_FALSE(io::validate_scenario_json(doc).empty());  // medians must not fall
  doc["disasters"] = {
      {"fragility", {{"flood", {{"damage_state_min_loss", {0.01, 0.5, 0.3, 0.7}}}}}}};
  auto order = io::validate_scenario_json(doc);
  REQUIRE(order.size() == 1);
  CHECK(order[0].location == "/disasters/fragility/flood/damage_state_min_loss");
  doc["disasters"] = {{"fragility", {{"flood", {{"curve_formal", "usace_two_story"}}}}}};
  CHECK_FALSE(io::validate_scenario_json(doc).empty());
}

TEST_CASE("the .asc reader is strict and says where", "[disasters][io]") {
  test::TempDir dir;
  auto error_of = [&](const std::string& text, int cols = 3, int rows = 2) -> std::string {
    const std::string path = dir.file("r.asc");
    test::write_file(path, text);
    try {
      io::read_asc(path, cols, rows, 0.0f, 0.0, 100.0);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  const std::string header =
      "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 100\nNODATA_value -9999\n";
  CHECK(error_of(header + "1 2 3\n4 5 -9999\n").empty());
  // Row order: the first row in the file is the north (the grid's last row).
  test::write_file(dir.file("ok.asc"), header + "1 2 3\n4 5 -9999\n");
  const auto grid = io::read_asc(dir.file("ok.asc"), 3, 2, 0.0f, 0.0, 100.0);
  CHECK(grid.value[0] == 4.0f);
  CHECK(grid.value[3] == 1.0f);
  CHECK(grid.value[2] == 0.0f);  // NODATA
  CHECK(error_of(header + "1 2 3\n4 5\n").find("line 8") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n4 5 nan\n").find("NaN") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n4 5 x\n").find("not a number") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n4 5 6\n7 8 9\n").find("more data rows") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n").find("data rows") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n4 5 600\n").find("outside") != std::string::npos);
  CHECK(error_of(header + "1 2 3\n4 5 6\n", 4, 2).find("city grid") != std::string::npos);
  CHECK(error_of("ncols 3\nnrows 2\nxllcorner 0\ncellsize 100\n1 2 3\n4 5 6\n").find("yllcorner") !=
        std::string::npos);
  CHECK(error_of("ncols 3\nncols 3\n").find("repeated") != std::string::npos);
  CHECK(error_of("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 100\nbands 2\n")
            .find("unknown header key") != std::string::npos);
  CHECK(error_of("ncols 100000\nnrows 100000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n", 0, 0)
            .find("more than") != std::string::npos);
  CHECK(error_of("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize inf\n1 2 3\n4 5 6\n")
            .find("finite") != std::string::npos);
}

}  // namespace hearth
