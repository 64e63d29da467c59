#include "policy/policies.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "state/world.hpp"

namespace hearth::policy {

Lever lever_of(std::string_view type) {
  for (int k = 0; k < kLeverCount; ++k) {
    if (kLeverNames[k] == type) return static_cast<Lever>(k);
  }
  throw std::invalid_argument("unknown policy type '" + std::string(type) + "'");
}

bool needs_budget(Lever lever) {
  switch (lever) {
    case Lever::Vouchers:
    case Lever::SocialHousing:
    case Lever::Upgrading:
    case Lever::ReconstructionGrants:
    case Lever::Buyout:
    case Lever::ShelterCapacity:
    case Lever::RecordRestoration:
      return true;
    default:  // regulation (rent cap, moratorium, mortgage rules) or optional cost (building code)
      return false;
  }
}

bool active(const ProgrammeDef& programme, std::int32_t tick) {
  return tick >= programme.start_tick && (programme.end_tick == 0 || tick <= programme.end_tick);
}

std::vector<int> active_programmes(const ScenarioDef& scenario, Lever lever, std::int32_t tick) {
  std::vector<int> found;
  for (std::size_t k = 0; k < scenario.policies.size(); ++k) {
    const ProgrammeDef& programme = scenario.policies[k];
    if (lever_of(programme) == lever && active(programme, tick)) {
      found.push_back(static_cast<int>(k));
    }
  }
  return found;
}

std::int32_t programme_year(const ProgrammeDef& programme, std::int32_t tick) {
  return std::max<std::int32_t>(0, (tick - programme.start_tick) / 12);
}

namespace {

// The programme's ledger with the year rolled forward to the tick's.
ProgrammeLedger& ledger_at(const ScenarioDef& scenario, World& world, int programme,
                           std::int32_t tick) {
  ProgrammeLedger& ledger = world.policies.programmes.at(static_cast<std::size_t>(programme));
  const std::int32_t year = programme_year(scenario.policies[programme], tick);
  if (ledger.year != year) {
    ledger.year = year;
    ledger.spent_this_year = 0;
  }
  return ledger;
}

}  // namespace

double budget_left(const ScenarioDef& scenario, const World& world, int programme,
                   std::int32_t tick) {
  const ProgrammeDef& def = scenario.policies[programme];
  if (!active(def, tick)) return 0;
  const ProgrammeLedger& ledger = world.policies.programmes.at(static_cast<std::size_t>(programme));
  const double spent = ledger.year == programme_year(def, tick) ? ledger.spent_this_year : 0;
  return std::max(0.0, def.budget_per_year - spent);
}

double spend(const ScenarioDef& scenario, World& world, int programme, std::int32_t tick,
             double amount) {
  const double granted = std::clamp(amount, 0.0, budget_left(scenario, world, programme, tick));
  if (granted <= 0) return 0;
  ProgrammeLedger& ledger = ledger_at(scenario, world, programme, tick);
  ledger.spent_this_tick += granted;
  ledger.spent_this_year += granted;
  ledger.spent_total += granted;
  return granted;
}

bool try_spend(const ScenarioDef& scenario, World& world, int programme, std::int32_t tick,
               double amount) {
  if (amount > budget_left(scenario, world, programme, tick)) return false;
  spend(scenario, world, programme, tick, amount);
  return true;
}

void start_tick(World& world) {
  for (ProgrammeLedger& ledger : world.policies.programmes) ledger.spent_this_tick = 0;
}

}  // namespace hearth::policy
