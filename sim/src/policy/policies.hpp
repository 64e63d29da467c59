#pragma once
// The policy programmes of a scenario (docs/POLICIES.md): which lever each
// is, whether it acts at a tick, and the ledger through which a costly lever
// spends public money. Levers act inside the phases whose mechanism they
// change (a rent cap where rents are set, vouchers where housing costs are
// paid, ...); this file only answers "is it on, and how much money is left".
//
// Spending is committed serially (in household or dwelling id order), never
// from inside a parallel loop, so that who gets the last of a budget does not
// depend on the thread count.
#include <array>
#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "hearth/scenario.hpp"

namespace hearth {
struct World;
}

namespace hearth::policy {

enum class Lever : std::uint8_t {
  RentCap,
  Vouchers,
  SocialHousing,
  Upgrading,
  BuildingCode,
  ReconstructionGrants,
  EvictionMoratorium,
  Buyout,
  ShelterCapacity,
  RecordRestoration,
  MortgageRules,
  Count
};
inline constexpr int kLeverCount = static_cast<int>(Lever::Count);
// Names as in the scenario's `type` key, in Lever order.
inline constexpr std::array<std::string_view, kLeverCount> kLeverNames = {"rent_cap",
                                                                          "vouchers",
                                                                          "social_housing",
                                                                          "upgrading",
                                                                          "building_code",
                                                                          "reconstruction_grants",
                                                                          "eviction_moratorium",
                                                                          "buyout",
                                                                          "shelter_capacity",
                                                                          "record_restoration",
                                                                          "mortgage_rules"};

// The lever of a `type` (validated by the schema); throws std::invalid_argument otherwise.
Lever lever_of(std::string_view type);
// The lever of a programme (its LeverDef alternative).
static_assert(std::variant_size_v<LeverDef> == kLeverCount, "one LeverDef alternative per Lever");
inline Lever lever_of(const ProgrammeDef& programme) {
  return static_cast<Lever>(programme.lever.index());
}
inline std::string_view lever_name(Lever lever) {
  return kLeverNames[static_cast<int>(lever)];
}
// Levers whose programmes need a budget_per_year > 0 (the loader checks it).
bool needs_budget(Lever lever);

// Whether the programme acts at the tick (start_tick <= tick <= end_tick, or to the end).
bool active(const ProgrammeDef& programme, std::int32_t tick);
// Indices into scenario.policies of the lever's programmes active at the tick, in list order.
std::vector<int> active_programmes(const ScenarioDef& scenario, Lever lever, std::int32_t tick);
// Programme year of a tick: 0 for the first 12 ticks from start_tick, then 1, ...
std::int32_t programme_year(const ProgrammeDef& programme, std::int32_t tick);

// Money a programme may still spend in the tick's programme year (0 when inactive).
double budget_left(const ScenarioDef& scenario, const World& world, int programme,
                   std::int32_t tick);
// Spends up to `amount` for the programme and returns what was granted
// (min(amount, budget left)). Serial code only.
double spend(const ScenarioDef& scenario, World& world, int programme, std::int32_t tick,
             double amount);
// Spends exactly `amount` if the budget allows it, else nothing; returns whether it did.
bool try_spend(const ScenarioDef& scenario, World& world, int programme, std::int32_t tick,
               double amount);

// Clears every programme's spending of the tick (the simulation calls it at the start of a tick).
void start_tick(World& world);

}  // namespace hearth::policy
