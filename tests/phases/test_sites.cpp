// Shelters and camps as places (docs/MODEL.md 7.3): displaced households go
// to sites with room, nearer ones more often (paired over seeds); no site
// holds more than its places; flows.csv and sites.csv name the sites; a
// scenario that lists sites and the old capacity totals is refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "hearth/simulation.hpp"
#include "housing/sites.hpp"
#include "io/scenario_loader.hpp"
#include "support/paired_seeds.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

constexpr int kFloodTick = 3;

nlohmann::json flooded_city(int households, int ticks, const nlohmann::json& sites) {
  auto doc = test::small_scenario_json(households, ticks);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", kFloodTick}}});
  doc["disasters"]["dislocation"]["sites"] = sites;
  doc["disasters"]["dislocation"]["host_share"] = 0.0;  // everyone displaced goes to a site
  return doc;
}

nlohmann::json site(const std::string& name, const std::string& kind, double x, double y,
                    int capacity) {
  return {{"name", name},
          {"kind", kind},
          {"x_fraction", x},
          {"y_fraction", y},
          {"capacity_households", capacity}};
}

std::string problems_of(const nlohmann::json& doc) {
  try {
    io::load_scenario_json(doc, "sites.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// Of the households staying at one of two shelters at the end of the flood's
// month, the share at the nearer one (by distance from their home cell).
std::map<std::uint64_t, double> nearer_share_by_seed;

double nearer_share(std::uint64_t seed) {
  if (const auto it = nearer_share_by_seed.find(seed); it != nearer_share_by_seed.end())
    return it->second;
  auto doc = flooded_city(3000, kFloodTick,
                          nlohmann::json::array({site("west", "shelter", 0.05, 0.5, 5000),
                                                 site("east", "shelter", 0.95, 0.5, 5000)}));
  doc["seed"] = seed;
  const ScenarioDef s = io::load_scenario_json(doc, "test").def;
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  while (sim.world().tick < s.ticks) sim.step();
  const World& w = sim.world();
  const auto sites = disasters::resolve_sites(s, w);
  double at_sites = 0, nearer = 0;
  for (HouseholdId h = 0; h < w.households.count(); ++h) {
    if (w.households.status[h] != Status::DisplacedShelter) continue;
    const CellId home = w.households.anchor_cell[h];
    auto distance = [&](CellId c) {
      return std::hypot(w.grid.x_of(home) - w.grid.x_of(c), w.grid.y_of(home) - w.grid.y_of(c));
    };
    const std::uint16_t k = w.households.site[h];
    at_sites += 1;
    nearer += distance(sites[k].cell) <= distance(sites[1 - k].cell);
  }
  REQUIRE(at_sites >= 20);
  return nearer_share_by_seed[seed] = nearer / at_sites;
}

}  // namespace

TEST_CASE("displaced households go to the nearer of two shelters more often (paired over seeds)",
          "[disasters][sites][paired]") {
  // A: a coin toss (0.5); B: the share at the nearer shelter.
  const auto runs = test::paired_over_seeds([](int arm, std::uint64_t seed) {
    return test::Figures{{"nearer share", arm == 0 ? 0.5 : nearer_share(seed)}};
  });
  test::check_b_higher(runs["nearer share"]);
}

TEST_CASE("a full site sends households to the next one, and none holds more than its places",
          "[disasters][sites]") {
  auto doc = flooded_city(3000, 8,
                          nlohmann::json::array({site("small", "shelter", 0.5, 0.5, 5),
                                                 site("large", "shelter", 0.9, 0.9, 5000),
                                                 site("field", "camp", 0.1, 0.1, 5000)}));
  // Distance and crowding out of the choice: the two shelters draw alike
  // until the small one is full.
  doc["disasters"]["dislocation"]["site_distance_floor_km"] = 1000;
  doc["disasters"]["dislocation"]["site_crowding_exponent"] = 0;
  const ScenarioDef s = io::load_scenario_json(doc, "test").def;
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  std::int64_t small_peak = 0, large_peak = 0, camp_peak = 0, into_small_at_flood = 0;
  while (sim.world().tick < s.ticks) {
    sim.step();
    const Frame& f = *sim.latest_frame();
    if (sim.world().tick == kFloodTick) {
      for (const FlowEvent& move : sim.world().flows.moves_log)
        into_small_at_flood += move.to == disasters::flow_place_of_site(0);
    }
    REQUIRE(f.sites.size() == 3);
    for (const SiteRow& row : f.sites) CHECK(row.occupancy <= row.capacity);
    small_peak = std::max(small_peak, f.sites[0].occupancy);
    large_peak = std::max(large_peak, f.sites[1].occupancy);
    camp_peak = std::max(camp_peak, f.sites[2].occupancy);
  }
  // Filled by the flood's placements; some of its households find a home
  // later in the month, so the end-of-month count may be lower.
  CHECK(into_small_at_flood == 5);
  CHECK(small_peak <= 5);
  CHECK(large_peak > 5);  // took the rest
  CHECK(camp_peak == 0);  // shelters with room come before camps
}

TEST_CASE("flows.csv and sites.csv name the sites", "[disasters][sites][outputs]") {
  const auto loaded = io::load_scenario_json(
      flooded_city(2000, 6,
                   nlohmann::json::array({site("school", "shelter", 0.3, 0.3, 3000),
                                          site("stadium", "camp", 0.7, 0.7, 3000)})),
      "test");
  const auto dir = (std::filesystem::temp_directory_path() / "hearth_test_sites").string();
  RunOptions options;
  options.out_dir = dir;
  options.quiet = true;
  options.force = true;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  std::stringstream flows, sites;
  flows << std::ifstream(dir + "/flows.csv").rdbuf();
  sites << std::ifstream(dir + "/sites.csv").rdbuf();
  CHECK(flows.str().find(",school,") != std::string::npos);
  CHECK(sites.str().rfind("tick,date,site,kind,x,y,capacity,occupancy\n", 0) == 0);
  CHECK(sites.str().find(",stadium,camp,") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a scenario listing sites is checked: names, capacities, programmes",
          "[disasters][sites][input]") {
  auto doc = flooded_city(1000, 6, nlohmann::json::array({site("a", "shelter", 0.5, 0.5, 10)}));
  CHECK(problems_of(doc).empty());
  auto both = doc;
  both["disasters"]["dislocation"]["shelter_capacity_households"] = 100;
  CHECK(problems_of(both).find("/disasters/dislocation/shelter_capacity_households: with sites "
                               "listed") != std::string::npos);
  auto twice = doc;
  twice["disasters"]["dislocation"]["sites"].push_back(site("a", "camp", 0.1, 0.1, 5));
  CHECK(problems_of(twice).find("site 'a' is listed twice") != std::string::npos);
  auto reserved = doc;
  reserved["disasters"]["dislocation"]["sites"][0]["name"] = "homeless";
  CHECK(problems_of(reserved).find("names another place in flows.csv") != std::string::npos);
  auto numeric = doc;
  numeric["disasters"]["dislocation"]["sites"][0]["name"] = "12";
  CHECK(problems_of(numeric).find("/disasters/dislocation/sites/0/name") != std::string::npos);
  auto programme = doc;
  programme["policies"] = nlohmann::json::array({{{"type", "shelter_capacity"},
                                                  {"start_tick", 1},
                                                  {"budget_per_year", 1e6},
                                                  {"camp_extra_places", 100}}});
  CHECK(problems_of(programme).find("no camp among the sites") != std::string::npos);
}

}  // namespace hearth
