// eviction_moratorium (docs/POLICIES.md#eviction_moratorium): no evictions
// for arrears while it is in force, either over the programme's window
// (fixed) or for moratorium_months after each hazard event that strikes
// within the window (months_after_event). Arrears keep accumulating; the
// displacement phase evicts tenants still past the landlords' tolerance at
// the first tick after the moratorium ends.
// Reads: the programme's moratorium_* keys; DisasterState::event_start_tick.
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

bool moratorium_in_force(const ScenarioDef& scenario, const World& world, std::int32_t tick) {
  for (const PolicyDef& p : scenario.policies) {
    if (p.type != "eviction_moratorium" || !active(p, tick)) continue;
    if (p.moratorium_window == "fixed") return true;
    const auto& starts = world.disasters.event_start_tick;
    for (std::size_t k = 0; k < starts.size() && k < scenario.hazards.size(); ++k) {
      if (scenario.hazards[k].type == "arrival_wave") continue;
      const std::int32_t at = starts[k];
      if (at > 0 && tick >= at && tick < at + p.moratorium_months) return true;
    }
  }
  return false;
}

}  // namespace hearth::policy
