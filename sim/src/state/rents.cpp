#include "state/rents.hpp"

#include <algorithm>
#include <variant>

namespace hearth::rents {

double social_rent_share(const ScenarioDef& scenario, const Dwellings& dw, DwellingId d) {
  const std::uint8_t mark = dw.programme[d];
  if (mark != 0 && mark != kDemolished && mark <= scenario.policies.size()) {
    const auto* social = std::get_if<SocialHousingLever>(&scenario.policies[mark - 1u].lever);
    if (social != nullptr) return social->social_rent_share_of_income;
  }
  return scenario.city.social_rent_income_share;
}

float letting_rent(const RentCapLever* cap, float bid, float previous) {
  if (cap != nullptr && cap->rent_cap_vacancy_control && previous > 0.0f) {
    return std::min(bid, previous * static_cast<float>(1.0 + cap->rent_cap_max_increase_per_year));
  }
  return bid;
}

void set_rent(World& world, DwellingId d, float rent_per_month) {
  world.dwellings.rent_per_month[d] = rent_per_month;
  const HouseholdId tenant = world.dwellings.occupant[d];
  if (tenant != kNone) world.households.housing_cost_per_month[tenant] = rent_per_month;
}

}  // namespace hearth::rents
