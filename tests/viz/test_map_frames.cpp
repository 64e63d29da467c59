// The map payload of Frames (docs/VIEWER.md) and the frames file that
// `hearth run --record-frames` writes: sums agree with the city indicators,
// the payload is the same at any thread count, the file round-trips, and a
// corrupt file is an InputError.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "hearth/simulation.hpp"
#include "io/frames_file.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"
#include "support/test_support.hpp"

using namespace hearth;
namespace fs = std::filesystem;

namespace {

ScenarioDef flooded(int households, int ticks) {
  auto doc = test::small_scenario_json(households, ticks);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 2}}});
  return io::load_scenario_json(doc, "test").def;
}

double layer_sum(const MapFrame& map, MapLayer layer) {
  double sum = 0;
  for (std::size_t c = 0; c < map.layers[static_cast<int>(layer)].size(); ++c) {
    const double v = map.value(layer, c);
    if (!std::isnan(v)) sum += v;
  }
  return sum;
}

std::vector<std::shared_ptr<const Frame>> run_frames(const ScenarioDef& s, int threads) {
  parallel::ThreadLimit limit(threads);
  SimulationOptions options;
  options.map_frames = true;
  Simulation simulation(s, options);
  std::vector<std::shared_ptr<const Frame>> frames{simulation.latest_frame()};
  while (simulation.tick() < s.ticks) {
    simulation.step();
    frames.push_back(simulation.latest_frame());
  }
  return frames;
}

}  // namespace

TEST_CASE("no map payload unless asked for", "[viewer][map]") {
  const ScenarioDef s = test::small_scenario(1000, 2);
  Simulation simulation(s, SimulationOptions{});
  simulation.step();
  CHECK(simulation.latest_frame()->map == nullptr);
}

TEST_CASE("the map payload's sums agree with the city indicators", "[viewer][map]") {
  const ScenarioDef s = flooded(4000, 8);
  const auto frames = run_frames(s, 2);
  bool saw_displaced = false, saw_flows = false;
  for (const auto& frame : frames) {
    INFO("tick " << frame->tick);
    REQUIRE(frame->map);
    const MapFrame& map = *frame->map;
    const Frame& f = *frame;
    const double housed = f[CityIndicator::owners] + f[CityIndicator::renters] +
                          f[CityIndicator::social_tenants] + f[CityIndicator::informal_dwellers];
    CHECK(layer_sum(map, MapLayer::households) == housed);
    CHECK(layer_sum(map, MapLayer::displaced) == f[CityIndicator::away_from_home]);
    // Flows count every household away from home once.
    double flows = 0;
    for (const MapFlow& flow : map.flows) flows += flow.households;
    CHECK(flows == f[CityIndicator::away_from_home]);
    for (std::size_t k = 1; k < map.flows.size(); ++k) {
      CHECK(
          (map.flows[k - 1].from < map.flows[k].from ||
           (map.flows[k - 1].from == map.flows[k].from && map.flows[k - 1].to < map.flows[k].to)));
    }
    // Cost burden: share x households per cell adds up to the city's share
    // of housed households (up to the 1e-4 quantisation per cell).
    double burdened = 0;
    for (std::size_t c = 0; c < map.layers[0].size(); ++c) {
      const double share = map.value(MapLayer::cost_burden, c);
      if (!std::isnan(share)) burdened += share * map.value(MapLayer::households, c);
    }
    CHECK(burdened ==
          Approx(f[CityIndicator::cost_burdened_share] * housed).margin(0.5 + 1e-4 * housed));
    // Damage: mean state x dwellings per cell adds up to the states' total.
    double damage = 0;
    for (std::size_t c = 0; c < map.layers[0].size(); ++c) {
      const double mean = map.value(MapLayer::damage, c);
      if (!std::isnan(mean)) damage += mean * map.value(MapLayer::dwellings, c);
    }
    const double states = f[CityIndicator::dwellings_ds1] + 2 * f[CityIndicator::dwellings_ds2] +
                          3 * f[CityIndicator::dwellings_ds3] + 4 * f[CityIndicator::dwellings_ds4];
    CHECK(damage == Approx(states).margin(1));
    // The latest event's intensity appears with the flood, and equals the
    // 100-year depth for a 100-year flood.
    if (f.tick < 2) {
      CHECK(map.last_event_type.empty());
    } else {
      CHECK(map.last_event_type == "flood");
      CHECK(map.layers[static_cast<int>(MapLayer::last_event)] ==
            map.layers[static_cast<int>(MapLayer::flood_depth_100yr)]);
    }
    CHECK(map.grid->neighbourhood.size() == map.layers[0].size());
    saw_displaced = saw_displaced || f[CityIndicator::away_from_home] > 0;
    for (const MapFlow& flow : map.flows) saw_flows = saw_flows || flow.from != flow.to;
  }
  CHECK(saw_displaced);  // the test means something only if the flood displaced someone
  CHECK(saw_flows);
}

TEST_CASE("the map payload is identical at any thread count", "[viewer][map]") {
  const ScenarioDef s = flooded(3000, 5);
  const auto one = run_frames(s, 1);
  const auto four = run_frames(s, 4);
  REQUIRE(one.size() == four.size());
  for (std::size_t t = 0; t < one.size(); ++t) {
    INFO("tick " << t);
    CHECK(one[t]->map->layers == four[t]->map->layers);
    REQUIRE(one[t]->map->flows.size() == four[t]->map->flows.size());
    for (std::size_t k = 0; k < one[t]->map->flows.size(); ++k) {
      CHECK(one[t]->map->flows[k].households == four[t]->map->flows[k].households);
      CHECK(one[t]->map->flows[k].from == four[t]->map->flows[k].from);
      CHECK(one[t]->map->flows[k].to == four[t]->map->flows[k].to);
    }
  }
}

TEST_CASE("a run with record_frames_every writes a frames file that reads back",
          "[viewer][frames][run]") {
  test::TempDir dir;
  auto doc = test::small_scenario_json(2000, 7);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 2}}});
  const auto loaded = io::load_scenario_json(doc, "test");
  RunOptions options;
  options.out_dir = dir.file("run");
  options.quiet = true;
  options.record_frames_every = 3;
  const RunResult result = run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  const std::string path = dir.file("run/frames.bin");
  REQUIRE(fs::exists(path));
  const auto manifest = nlohmann::json::parse(test::read_file(dir.file("run/manifest.json")));
  CHECK(std::find(manifest["outputs"].begin(), manifest["outputs"].end(), "frames.bin") !=
        manifest["outputs"].end());

  io::FramesReader reader(path);
  CHECK(reader.every_ticks() == 3);
  // Ticks 0, 3, 6 and the last, 7.
  REQUIRE(reader.size() == 4);
  CHECK(reader.tick(0) == 0);
  CHECK(reader.tick(1) == 3);
  CHECK(reader.tick(2) == 6);
  CHECK(reader.tick(3) == 7);
  CHECK(reader.index_at_or_before(5) == 1);
  const auto last = reader.read(3);
  const Frame& expected = *result.final_frame;
  CHECK(last->date == expected.date);
  for (int k = 0; k < kCityIndicatorCount; ++k) {
    INFO(city_indicator_name(k));
    if (std::isnan(expected.city[k])) {
      CHECK(std::isnan(last->city[k]));
    } else {
      CHECK(last->city[k] == expected.city[k]);
    }
  }
  // The payload equals one computed afresh for the same tick.
  SimulationOptions sim_options;
  sim_options.map_frames = true;
  Simulation again(loaded.def, sim_options);
  while (again.tick() < 7) again.step();
  CHECK(again.latest_frame()->map->layers == last->map->layers);
  CHECK(again.latest_frame()->map->flows.size() == last->map->flows.size());
  CHECK(last->map->last_event_type == "flood");
  CHECK(reader.grid()->neighbourhood == again.latest_frame()->map->grid->neighbourhood);
  CHECK(reader.city(3)[static_cast<int>(CityIndicator::households_in_city)] ==
        expected[CityIndicator::households_in_city]);
}

TEST_CASE("a corrupt or truncated frames file is an InputError", "[viewer][frames]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 4), "test");
  RunOptions options;
  options.out_dir = dir.file("run");
  options.quiet = true;
  options.record_frames_every = 2;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  const std::string good = test::read_file(dir.file("run/frames.bin"));
  REQUIRE(io::FramesReader(dir.file("run/frames.bin")).size() == 3);

  auto rejects = [&](const std::string& bytes, const std::string& fragment) {
    const std::string path = dir.file("bad.bin");
    test::write_file(path, bytes);
    try {
      io::FramesReader reader(path);
      FAIL("accepted a bad file: " << fragment);
    } catch (const InputError& e) {
      CHECK(e.file() == path);
      INFO(test::describe(e.problems()));
      CHECK(test::describe(e.problems()).find(fragment) != std::string::npos);
    }
  };
  rejects("", "truncated");
  rejects("not a frames file at all", "bad magic");
  std::string version = good;
  version[8] = 9;
  rejects(version, "version 9");
  rejects(good.substr(0, good.size() - 3), "truncated");
  rejects(good.substr(0, 200), "truncated");
  std::string flipped = good;
  flipped[good.size() - 100] ^= 0x40;  // inside the last frame's body
  rejects(flipped, "checksum");
  std::string header = good;
  header[44] ^= 0x01;  // inside the first indicator name of the header
  rejects(header, "checksum");
  rejects(good + "FRAM", "truncated");
  CHECK_THROWS_AS(io::FramesReader(dir.file("missing.bin")), InputError);
}

TEST_CASE("a resumed run continues its frames file", "[viewer][frames][resume]") {
  test::TempDir dir;
  auto doc = test::small_scenario_json(1500, 9);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 2}}});
  const auto loaded = io::load_scenario_json(doc, "test");
  RunOptions whole;
  whole.out_dir = dir.file("whole");
  whole.quiet = true;
  whole.record_frames_every = 2;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, whole);

  RunOptions cut = whole;
  cut.out_dir = dir.file("cut");
  cut.stop_after_tick = 5;
  REQUIRE(run_scenario(loaded.def, loaded.resolved, loaded.hash, cut).interrupted);
  RunOptions rest;
  rest.out_dir = dir.file("cut");
  rest.quiet = true;
  resume_run(rest);
  CHECK(test::read_file(dir.file("cut/frames.bin")) ==
        test::read_file(dir.file("whole/frames.bin")));
}
