// rent_cap (docs/POLICIES.md#rent_cap): a cap on annual rent increases for
// sitting tenants (at rent reviews, in the market's refresh stage) and,
// optionally, for new tenancies (vacancy control, at the letting); landlords'
// responses documented in the literature: selling vacant capped rentals to
// owner-occupiers (market investor stage) and cutting upkeep (here, yearly).
// Reads: the programme's rent_cap_* keys, Dwellings (tenure, occupant).
// Writes: Dwellings::quality, hedonic, submarket (yearly upkeep cut, slot d),
//        the market's stock counts.
#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/parallel.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

void run_rent_cap(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const RentCapLever* cap = ctx.rules.rent_cap;
  if (cap == nullptr || cap->rent_cap_upkeep_cut_per_year <= 0) return;
  // Once a programme year, at its last tick: landlords of capped tenancies
  // defer maintenance, so quality falls faster than the market's depreciation.
  if ((ctx.tick - ctx.rules.rent_cap_programme->start_tick) % 12 != 11) return;
  market::ensure_initialised(s, world);
  Dwellings& dw = world.dwellings;
  const auto keep = static_cast<float>(1.0 - cap->rent_cap_upkeep_cut_per_year);
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    if (dw.tenure[d] != Tenure::PrivateRental || dw.occupant[d] == kNone) return;
    dw.quality[d] = std::max(0.02f, dw.quality[d] * keep);
    market::refresh_dwelling(s, world, static_cast<DwellingId>(d));
  });
  market::recount_stock(world);
}

}  // namespace hearth::policy
