// Benchmark of the viewer's map payload (docs/VIEWER.md): the cost the
// indicators phase pays per tick when SimulationOptions::map_frames is on.
// Builds the scenario's city, steps it to a tick (past a disaster, say),
// then times compute_map (the payload) and compute_indicators (the rest of
// the phase) REPEAT times each, wall clock and process CPU time.
//
//   bench_map_payload SCENARIO.json [--to-tick 6] [--repeat 10] [--threads 0]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

#include "hearth/simulation.hpp"
#include "indicators/map_payload.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"
#include "phases/phases.hpp"

using namespace hearth;

namespace {

struct Timing {
  double wall = 0, cpu = 0;
};

template <typename F>
Timing time_it(int repeat, F&& f) {
  const auto w0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  for (int r = 0; r < repeat; ++r) f();
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  return {wall / repeat, cpu / repeat};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr
        << "usage: bench_map_payload SCENARIO.json [--to-tick T] [--repeat N] [--threads K]\n";
    return 2;
  }
  std::string path = argv[1];
  int to_tick = 6, repeat = 10, threads = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const int value = std::stoi(argv[i + 1]);
    if (flag == "--to-tick")
      to_tick = value;
    else if (flag == "--repeat")
      repeat = value;
    else if (flag == "--threads")
      threads = value;
  }
  parallel::ThreadLimit limit(threads);
  const ScenarioDef def = io::load_scenario_file(path).def;
  SimulationOptions options;
  options.neighbourhood_frames = false;
  Simulation simulation(def, options);
  while (simulation.tick() < to_tick) simulation.step();
  const World& world = simulation.world();

  MapState state;
  const Timing first = time_it(1, [&] { compute_map(def, world, state); });
  std::size_t flows = 0;
  const Timing map = time_it(repeat, [&] { flows = compute_map(def, world, state)->flows.size(); });
  const Timing indicators = time_it(repeat, [&] { compute_indicators(def, world, false); });
  const std::size_t cells = world.grid.cell_count();
  std::printf("%s: %zu households, %zu dwellings, %d x %d cells, tick %d, %d threads, %zu flows\n",
              def.name.c_str(), world.households.count(), world.dwellings.count(), world.grid.width,
              world.grid.height, simulation.tick(), limit.threads(), flows);
  std::printf("  map payload, first tick (builds caches): %8.1f ms wall %8.1f ms CPU\n",
              1e3 * first.wall, 1e3 * first.cpu);
  std::printf("  map payload, later ticks:                %8.1f ms wall %8.1f ms CPU\n",
              1e3 * map.wall, 1e3 * map.cpu);
  std::printf("  the city indicators (the rest of the phase): %4.1f ms wall %8.1f ms CPU\n",
              1e3 * indicators.wall, 1e3 * indicators.cpu);
  std::printf("  payload size: %.1f MiB per frame (%d layers x 2 bytes x %zu cells)\n",
              kMapLayerCount * 2.0 * static_cast<double>(cells) / 1048576.0, kMapLayerCount, cells);
  return 0;
}
