// record_restoration (docs/POLICIES.md#record_restoration): restores tenure
// records lost in an event, so that displaced owners can prove their claim
// and return (return_home.cpp: an owner needs an intact record). Each month
// an active programme restores floor(records_per_month x months so far) minus
// what earlier months' rounding gave (fractions carry over), at
// record_cost_per_record from the budget, in order: formal homes owned by a
// household with a lost record, their owners displaced earliest first, then
// by dwelling id. Informal dwellings never had a record and are not
// restored (informal dwellers return without one). Records are restored
// whether or not the home is repaired yet.
// Writes (serial): Dwellings::record_intact; the ledger. Counts flows.records_restored.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "policy/disaster_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

void run_record_restoration(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const auto programmes = active_programmes(s, Lever::RecordRestoration, ctx.tick);
  if (programmes.empty()) return;
  Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  // (owner displaced at tick, or max when not displaced; dwelling id)
  std::vector<std::tuple<std::int32_t, DwellingId>> lost;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    const HouseholdId o = dw.owner_household[d];
    if (dw.record_intact[d] || dw.tenure[d] == Tenure::Informal ||
        dw.owner_kind[d] != OwnerKind::Household || o == kNone)
      continue;
    const bool away = hh.origin_dwelling[o] == d;
    lost.emplace_back(away ? hh.displaced_at_tick[o] : std::numeric_limits<std::int32_t>::max(), d);
  }
  std::sort(lost.begin(), lost.end());
  std::size_t next = 0;
  for (const int k : programmes) {
    const ProgrammeDef& programme = s.policies[k];
    const auto& p = std::get<RecordRestorationLever>(programme.lever);
    const std::int32_t elapsed = ctx.tick - programme.start_tick;
    const auto quota = static_cast<std::int64_t>(std::floor(p.records_per_month * (elapsed + 1))) -
                       static_cast<std::int64_t>(std::floor(p.records_per_month * elapsed));
    for (std::int64_t n = 0; n < quota && next < lost.size(); ++n) {
      if (!try_spend(s, world, k, ctx.tick, p.record_cost_per_record)) break;
      dw.record_intact[std::get<1>(lost[next++])] = 1;
      ++world.flows.records_restored;
    }
  }
}

}  // namespace hearth::policy
