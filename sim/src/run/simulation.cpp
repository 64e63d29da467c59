#include "hearth/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "hearth/errors.hpp"

#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "indicators/map_payload.hpp"
#include "phases/mortgages.hpp"
#include "phases/phases.hpp"
#include "policy/policies.hpp"
#include "state/city_generator.hpp"
#include "state/column_snapshot.hpp"
#include "state/invariants.hpp"

namespace hearth {
namespace {

class PhaseTimer {
 public:
  explicit PhaseTimer(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

static_assert(kProfiledPhases == kPhaseCount);

// Throws when the phase changed a column its header does not declare.
void check_writes(Phase phase, const ColumnSnapshot& before, const World& world) {
  const auto declared = phase_writes(phase);
  for (const std::string& column : before.changed_in(world)) {
    if (std::find(declared.begin(), declared.end(), column) == declared.end()) {
      throw InvariantViolation("the " + std::string(kPhaseNames[static_cast<int>(phase)]) +
                               " phase changed " + column +
                               ", which phase_writes (phases/phases.hpp) does not declare");
    }
  }
}

}  // namespace

std::string_view phase_name(int phase) {
  return kPhaseNames[phase];
}

Simulation::Simulation(const ScenarioDef& scenario, SimulationOptions options)
    : scenario_(scenario), options_(options) {
  {
    PhaseTimer timer(profile_.generate_seconds);
    world_ = std::make_unique<World>(generate_city(scenario_));
    // The market's one-time set-up (indices from the generated stock, each
    // dwelling's submarket) belongs to building the city, not to a tick.
    market::ensure_initialised(scenario_, *world_);
    // Owners present at the start carry a mortgage by age and purchase year.
    mortgages::originate_initial(scenario_, *world_);
  }
  world_->policies.programmes.resize(scenario_.policies.size());
  if (!scenario_.hazards.empty()) disasters::ensure_event_state(scenario_, *world_);
  if (options_.check_invariants) check_invariants(*world_);
  publish();
}

Simulation::Simulation(const ScenarioDef& scenario, SimulationOptions options,
                       std::unique_ptr<World> world)
    : scenario_(scenario), options_(options), world_(std::move(world)) {
  // The sites are not checkpointed: made again from the scenario (and the
  // programmes' places, which are).
  if (!scenario_.hazards.empty()) disasters::ensure_event_state(scenario_, *world_);
  if (options_.check_invariants) check_invariants(*world_);
  publish();
}

Simulation::~Simulation() = default;

std::int32_t Simulation::tick() const {
  return world_->tick;
}

void Simulation::step() {
  World& world = *world_;
  const PhaseContext ctx{scenario_, world.tick + 1};
  world.flows = TickFlows{};
  if (options_.check_invariants) world.flows.away_at_start = households_away_from_home(world);
  policy::start_tick(world);
  // Each phase must be completed before the next starts; each is timed.
  auto timed = [&](Phase phase, void (*run)(const PhaseContext&, World&)) {
    std::optional<ColumnSnapshot> before;
    if (options_.check_phase_writes) before.emplace(world);
    {
      PhaseTimer timer(profile_.seconds[static_cast<int>(phase)]);
      run(ctx, world);
    }
    if (before) check_writes(phase, *before, world);
  };
  timed(Phase::Economy, run_economy);
  timed(Phase::Policy, run_policies);
  timed(Phase::Hazard, run_hazard);
  timed(Phase::Displacement, run_displacement);
  timed(Phase::Market, run_market);
  timed(Phase::Recovery, run_recovery);
  timed(Phase::Return, run_return);
  world.tick = ctx.tick;
  // Households formed and dissolved (the life cycle) enter and leave the
  // count of households in the city as arrivals and departures do.
  world.total_arrivals += world.flows.arrivals + world.flows.formations;
  world.total_departures += world.flows.departures + world.flows.dissolutions;
  if (options_.check_invariants) check_invariants(world);
  {
    PhaseTimer timer(profile_.seconds[static_cast<int>(Phase::Indicators)]);
    publish();
  }
  ++profile_.ticks;
}

void Simulation::publish() {
  Frame frame = compute_indicators(scenario_, *world_, options_.neighbourhood_frames);
  const std::int32_t tick = world_->tick;
  if (options_.map_frames &&
      (tick % std::max(1, options_.map_every_ticks) == 0 || tick >= scenario_.ticks)) {
    if (!map_state_) map_state_ = std::make_unique<MapState>();
    frame.map = compute_map(scenario_, *world_, *map_state_);
  }
  latest_.store(std::make_shared<const Frame>(std::move(frame)));
}

}  // namespace hearth
