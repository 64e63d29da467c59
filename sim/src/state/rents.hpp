#pragma once
// Every rent in the model is computed here (market, social and capped rents)
// and written through set_rent, so the rules of what a tenant pays are in
// one place (docs/MODEL.md, housing market; docs/POLICIES.md, rent_cap and
// social_housing).
#include <algorithm>
#include <cstdint>

#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth::rents {

// The share of income a social tenant of dwelling d pays: its social_housing
// programme's share for a unit that programme built, else the city's.
double social_rent_share(const ScenarioDef& scenario, const Dwellings& dw, DwellingId d);

// A social rent: the share of the tenant's monthly income.
inline float social_rent(double share, double income_per_month) {
  return static_cast<float>(share * income_per_month);
}

// The market rent of a private rental: the submarket's rent index x its hedonic factor.
inline float market_rent(const MarketState& state, const Dwellings& dw, DwellingId d) {
  return state.rent_index[dw.submarket[d]] * dw.hedonic[d];
}

// A sitting tenant's rent at review: moves to the market rent, rises capped
// at max_increase per review (the scenario's, or a rent_cap's).
inline float reviewed_rent(float current, float market, double max_increase) {
  return market > current ? std::min(market, current * static_cast<float>(1.0 + max_increase))
                          : market;
}

// The rent a landlord sets at the start of a tenancy: the winning bid; under
// the rent cap in force (`cap`, nullptr for none; ActiveRules::rent_cap) with
// vacancy control, at most the previous rent raised by the cap.
float letting_rent(const RentCapLever* cap, float bid, float previous);

// Writes dwelling d's rent; a sitting tenant pays it from now on.
void set_rent(World& world, DwellingId d, float rent_per_month);

}  // namespace hearth::rents
