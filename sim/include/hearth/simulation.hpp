#pragma once
// Simulation: owns the World of one run and steps it tick by tick, like
// Box2D's b2World_Step: a short fixed list of phases, each timed.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"

namespace hearth {

struct World;
struct MapState;

inline constexpr int kProfiledPhases = 8;  // economy .. indicators, in step order

struct PhaseProfile {
  std::array<double, kProfiledPhases> seconds{};  // cumulative wall time per phase
  double generate_seconds = 0;                    // building the city
  std::int32_t ticks = 0;
};

struct SimulationOptions {
  bool check_invariants = false;     // heavy checks after the city is built and every tick
  bool neighbourhood_frames = true;  // fill Frame::neighbourhoods
  bool map_frames = false;           // fill Frame::map (the viewer, --record-frames) ...
  std::int32_t map_every_ticks = 1;  // ... on ticks that are multiples of this, and the last
  // Each phase may change only the columns its header declares
  // (phases/phases.hpp, phase_writes); checked by comparing a copy of every
  // column before and after it. Costs a copy of the state per phase: tests only.
  bool check_phase_writes = false;
};

class Simulation {
 public:
  Simulation(const ScenarioDef& scenario, SimulationOptions options);
  // Continues from a restored World (a checkpoint) instead of generating one.
  Simulation(const ScenarioDef& scenario, SimulationOptions options, std::unique_ptr<World> world);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Advances one tick (all phases), then publishes its Frame.
  void step();
  std::int32_t tick() const;
  const ScenarioDef& scenario() const { return scenario_; }
  const PhaseProfile& profile() const { return profile_; }

  // The latest Frame; safe to call from any thread while step() runs.
  std::shared_ptr<const Frame> latest_frame() const { return latest_.load(); }

  // The mutable state, for tests and tools in this repository; observers use Frames.
  const World& world() const { return *world_; }
  World& mutable_world() { return *world_; }

 private:
  void publish();

  ScenarioDef scenario_;
  SimulationOptions options_;
  std::unique_ptr<World> world_;
  PhaseProfile profile_;
  std::atomic<std::shared_ptr<const Frame>> latest_;
  std::unique_ptr<MapState> map_state_;  // the map payload's caches (map_frames only)
};

std::string_view phase_name(int phase);

}  // namespace hearth
