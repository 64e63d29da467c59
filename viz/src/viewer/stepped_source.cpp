// The simulation stepped to a screenshot's tick (stepped_source.hpp).
#include "viewer/stepped_source.hpp"

#include <algorithm>

#include "hearth/simulation.hpp"
#include "parallel/parallel.hpp"

namespace hearth::viz {

SteppedSource::SteppedSource(const ScenarioDef& scenario, std::int32_t to_tick, int threads)
    : ticks_(scenario.ticks) {
  parallel::ThreadLimit limit(threads);
  SimulationOptions options;
  options.map_frames = true;
  options.map_every_ticks = std::max(1, to_tick);
  Simulation simulation(scenario, options);
  history_.push_back({0, simulation.latest_frame()->city});
  while (simulation.tick() < to_tick) {
    simulation.step();
    history_.push_back({simulation.tick(), simulation.latest_frame()->city});
  }
  frame_ = simulation.latest_frame();
}

}  // namespace hearth::viz
