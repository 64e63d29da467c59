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
#include "io/asc_reader.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/rng.hpp"
#include "phases/dislocation.hpp"
#include "phases/fragility.hpp"
#include "phases/market_common.hpp"
#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "state/world.hpp"
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

// Binomial z-score of k successes in n trials against probability p.
double z_score(std::int64_t k, std::int64_t n, double p) {
  const double sd = std::sqrt(n * p * (1 - p));
  return sd > 0 ? (static_cast<double>(k) - n * p) / sd
                : (static_cast<double>(k) == n * p ? 0.0 : 1e9);
}

}  // namespace

TEST_CASE("damage frequencies agree with the fragility curves (binomial z-test)",
          "[disasters][fragility]") {
  const FragilityDef f;
  // One draw per dwelling, as the hazard phase makes it, at several intensities.
  constexpr std::int64_t kN = 20000;
  int tests = 0;
  for (bool earthquake : {true, false}) {
    for (int c = 0; c < kStructureClassCount; ++c) {
      const FragilityCurveDef& curve =
          disasters::curve_for(f, earthquake, static_cast<StructureClass>(c));
      for (double x : {curve.median[0], curve.median[1], curve.median[2] * 1.3}) {
        std::array<std::int64_t, 5> at_least{};
        for (std::uint32_t d = 0; d < kN; ++d) {
          Rng rng(11, 0, 3, RngStream::Hazard, d);
          const int ds = static_cast<int>(disasters::draw_damage(curve, x, rng.uniform()));
          for (int k = 1; k <= ds; ++k) ++at_least[k];
        }
        for (int k = 1; k <= 4; ++k) {
          const double p = disasters::exceedance(curve, k, x);
          INFO((earthquake ? "earthquake" : "flood")
               << " class " << c << " x " << x << " DS>=" << k << ": " << at_least[k] << " of "
               << kN << ", expected p " << p);
          // 96 tests: |z| < 4 has a family-wise false alarm rate under 1%.
          CHECK(std::fabs(z_score(at_least[k], kN, p)) < 4.0);
          ++tests;
        }
      }
    }
  }
  CHECK(tests == 96);
  // At the median of DS2 half the dwellings reach DS2.
  CHECK(disasters::exceedance(f.flood_rc_frame, 2, f.flood_rc_frame.median[1]) == Approx(0.5));
}

TEST_CASE("the hazard phase damages dwellings as the curves say (a uniform flood raster)",
          "[disasters][fragility]") {
  test::TempDir dir;
  const std::string asc = dir.file("depth.asc");
  test::write_file(asc, uniform_asc(40, 40, 1.2));
  auto doc =
      with_hazards(test::small_scenario_json(4000, 6),
                   nlohmann::json::array({{{"type", "flood"}, {"tick", 1}, {"depth_file", asc}}}));
  const ScenarioDef s = load(doc);
  World world = generate_city(s);
  run_hazard(PhaseContext{s, 1}, world);
  const Dwellings& dw = world.dwellings;
  std::array<std::array<std::int64_t, 5>, kStructureClassCount> at_least{};
  std::array<std::int64_t, kStructureClassCount> n{};
  for (DwellingId d = 0; d < dw.count(); ++d) {
    if (dw.work_remaining_months[d] > 0 && dw.damage[d] == DamageState::None)
      continue;  // being built
    const int c = static_cast<int>(dw.structure[d]);
    ++n[c];
    for (int k = 1; k <= static_cast<int>(dw.damage[d]); ++k) ++at_least[c][k];
  }
  for (int c = 0; c < kStructureClassCount; ++c) {
    if (n[c] < 100) continue;
    const FragilityCurveDef& curve =
        disasters::curve_for(s.disasters.fragility, false, static_cast<StructureClass>(c));
    for (int k = 1; k <= 4; ++k) {
      const double p = disasters::exceedance(curve, k, 1.2);
      INFO("class " << c << " DS>=" << k << ": " << at_least[c][k] << " of " << n[c] << ", p "
                    << p);
      CHECK(std::fabs(z_score(at_least[c][k], n[c], p)) < 4.0);
    }
  }
  CHECK(world.flows.dwellings_damaged > 0);
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
  // full), so the limits were tested.
  CHECK(most_shelter > 10);
  CHECK(most_camp > 15);
  CHECK(left > 0);
}

TEST_CASE(
    "households are conserved through displacement and return; none returns to an unrepaired home",
    "[disasters][return]") {
  const ScenarioDef s = load(with_hazards(test::small_scenario_json(4000, 36), flood_at(3)));
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  std::int64_t displaced = 0, returns = 0, repairs = 0;
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
      REQUIRE(w.dwellings.damage[d] == DamageState::None);
      REQUIRE(w.dwellings.work_remaining_months[d] <= 0.0f);
    }
  }
  CHECK(displaced > 50);
  CHECK(returns > 0);
  CHECK(repairs > 0);
}

TEST_CASE(
    "displaced again while away: the claim on the home of origin is kept, unless the "
    "damaged place is a home bought since",
    "[disasters][displacement]") {
  auto doc = with_hazards(test::small_scenario_json(2000, 6), flood_at(3));
  doc["disasters"] = {{"dislocation", {{"leave_city_share", 0.0}}}};
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
  // The places they live in now are destroyed this tick (DS3: all leave).
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

TEST_CASE(
    "renters stay away from home longer than owners (paired seeds, 95% interval of the "
    "difference above zero)",
    "[disasters][return][slow]") {
  // Default parameters; the flood on the generated floodplain at tick 3.
  // Per seed: the share of displaced renters and owners not back home within
  // 6 months (outcomes.csv's away_over_6m_share), and their difference.
  std::vector<double> difference;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    auto doc = with_hazards(test::small_scenario_json(6000, 15), flood_at(3));
    doc["seed"] = seed;
    const ScenarioDef s = load(doc);
    Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
    for (int t = 0; t < s.ticks; ++t) sim.step();
    std::map<std::string, double> away;
    for (const OutcomeRow& row : sim.latest_frame()->outcomes) {
      if (row.scope == "tenure" && row.cohort[2] >= 10)
        away[row.group] = static_cast<double>(row.away_over[2]) / row.cohort[2];
    }
    REQUIRE(away.count("private_rental") == 1);
    REQUIRE(away.count("owner_occupied") == 1);
    difference.push_back(away["private_rental"] - away["owner_occupied"]);
  }
  double mean = 0, squares = 0;
  for (double d : difference) mean += d / static_cast<double>(difference.size());
  for (double d : difference) squares += (d - mean) * (d - mean);
  const double half = 2.571 * std::sqrt(squares / 5.0) / std::sqrt(6.0);  // t(5), 95%
  INFO("renters - owners, away over 6 months: " << mean << " +- " << half);
  CHECK(mean - half > 0);
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
  doc["disasters"] = {{"fragility", {{"flood_rc_frame", {{"median", {1.0, 0.5, 2.0, 3.0}}}}}}};
  CHECK_FALSE(io::validate_scenario_json(doc).empty());  // medians must not fall
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
