#pragma once
// The disaster levers of the policy framework (docs/POLICIES.md):
// building_code, reconstruction_grants, buyout, shelter_capacity and
// record_restoration. Each lever reads only its own lever struct
// (hearth/scenario.hpp). What a lever changes in another phase's mechanism
// reaches that phase through the active rules (rules/active_rules.hpp);
// programme steps run in the policy phase (run_policies).
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "rules/active_rules.hpp"
#include "state/world.hpp"

namespace hearth::policy {

// ---- building_code (policy/building_code.cpp)
// Policy phase: retrofit offers, uptake and subsidies, serial in id order.
void run_retrofits(const PhaseContext& ctx, World& world);

// ---- reconstruction_grants (policy/reconstruction_grants.cpp)
// Recovery phase, before repairs are funded from savings, insurance and
// loans (the repairs phase calls it through ActiveRules::
// pay_reconstruction_grants): eligible dwellings are granted up to the cap
// in the documented order, and those the grant gets repaired are funded.
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
