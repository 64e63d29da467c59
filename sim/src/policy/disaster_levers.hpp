#pragma once
// The disaster levers of the policy framework (docs/POLICIES.md):
// building_code, reconstruction_grants, buyout, shelter_capacity and
// record_restoration. Each lever reads only its own keys of PolicyDef. Hooks
// called from inside another phase (repairs, construction, the return) do
// nothing, and change no output, when no programme of the lever is active;
// programme steps run in the policy phase (run_policies).
#include <cstdint>
#include <limits>
#include <string_view>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::policy {

// A dwelling bought out and demolished keeps its row (ids are stable) but
// leaves the stock for good: its work never ends, so the market, the hazard,
// repairs and the construction pipeline pass it by, and its place in the cell
// keeps the land from being built on again.
inline constexpr float kDemolishedWorkMonths = std::numeric_limits<float>::max();
inline bool bought_out(const Dwellings& dw, DwellingId d) {
  return dw.work_remaining_months[d] == kDemolishedWorkMonths;
}

// Structure class of a scenario name (informal, unreinforced_masonry,
// rc_frame, code_compliant); the schema admits only these.
StructureClass structure_class_of(std::string_view name);

// ---- building_code (policy/building_code.cpp)
// The first active building_code programme at the tick, or nullptr.
const PolicyDef* building_code_in_force(const ScenarioDef& scenario, std::int32_t tick);
// Construction: the class new formal dwellings (ids from `first`) get.
void apply_code_to_new_stock(const ScenarioDef& scenario, World& world, std::int32_t tick,
                             DwellingId first);
// Policy phase: retrofit offers, uptake and subsidies, serial in id order.
void run_retrofits(const PhaseContext& ctx, World& world);

// ---- reconstruction_grants (policy/reconstruction_grants.cpp)
// Recovery phase, before repairs are funded from savings, insurance and
// loans: eligible dwellings are granted up to the cap in the documented
// order, and those the grant gets repaired are funded. `fund` tries to fund
// dwelling d's repair with a grant paid (true: funded, commits the owner's
// share); `can_fund` asks the same without committing anything.
struct RepairFunding {
  virtual ~RepairFunding() = default;
  virtual double gap(DwellingId d) const = 0;  // cost not covered by insurance
  virtual bool can_fund(DwellingId d, double grant) const = 0;
  virtual void fund(DwellingId d, double grant) = 0;
};
void pay_reconstruction_grants(const PhaseContext& ctx, World& world,
                               const std::vector<DwellingId>& damaged, RepairFunding& funding);

// ---- buyout (policy/buyout.cpp)
// Policy phase: offers, sales, demolition; owners and tenants move on.
void run_buyouts(const PhaseContext& ctx, World& world);

// ---- shelter_capacity (policy/shelter_capacity.cpp)
// Policy phase: opens the places the budget pays for; when places close,
// the last households in move on.
void run_shelter_capacity(const PhaseContext& ctx, World& world);

// ---- record_restoration (policy/record_restoration.cpp)
// Policy phase: restores lost records of household-owned homes, those
// displaced longest first.
void run_record_restoration(const PhaseContext& ctx, World& world);

}  // namespace hearth::policy
