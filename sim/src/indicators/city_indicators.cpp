// City-wide indicators from the household and dwelling sums (city_indicators.hpp).
// Reads the Tallies and of the World: the market's indices, the disasters'
// repair cost multiplier, the policies' extra shelter and camp places; of
// the scenario the shelter and camp capacities.
#include "indicators/city_indicators.hpp"

#include <algorithm>
#include <vector>

#include "indicators/neighbourhoods.hpp"

namespace hearth {
namespace {

double status_count(const HouseholdSums& sums, Status s) {
  return static_cast<double>(sums.status[static_cast<int>(s)]);
}

// Rent and price indices averaged over the submarkets, relative to the
// start: 1 at tick 0 by definition (the stored initial means are floats:
// dividing by them there would give 1 +- rounding).
void set_market_indices(CityValues& c, const World& world) {
  const MarketState& market = world.market;
  double rent_index = 0, price_index = 0;
  for (std::size_t k = 0; k < market.submarket_count(); ++k) {
    rent_index += market.rent_index[k], price_index += market.price_index[k];
  }
  const double submarkets = static_cast<double>(market.submarket_count());
  const bool started = market.initialised && world.tick > 0;
  set(c, CityIndicator::rent_index_relative,
      started ? rent_index / submarkets / market.initial_mean_rent_index : 1.0);
  set(c, CityIndicator::price_index_relative,
      started ? price_index / submarkets / market.initial_mean_price_index : 1.0);
}

// Quantile q of the months displaced (spells so far) of those ever displaced.
double months_displaced_quantile(std::vector<std::uint16_t>& months, double q) {
  if (months.empty()) return kNaN;
  auto at =
      months.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(months.size() - 1));
  std::nth_element(months.begin(), at, months.end());
  return static_cast<double>(*at);
}

}  // namespace

void set_household_and_market_indicators(CityValues& c, const World& world,
                                         const Tallies& tallies) {
  const HouseholdSums& sums = tallies.households;
  const DwellingSums& ds = tallies.dwellings;
  auto count = [&](Status s) { return status_count(sums, s); };
  const GroupSums& all = sums.groups[0];
  const std::int64_t in_city = all.members;
  const double median_income = tallies.quintiles.median;
  set(c, CityIndicator::households_in_city, static_cast<double>(in_city));
  set(c, CityIndicator::owners, count(Status::Owner));
  set(c, CityIndicator::renters, count(Status::Renter));
  set(c, CityIndicator::social_tenants, count(Status::SocialTenant));
  set(c, CityIndicator::informal_dwellers, count(Status::InformalDweller));
  set(c, CityIndicator::homeless, count(Status::Homeless));
  set(c, CityIndicator::doubled_up, count(Status::DoubledUp));
  set(c, CityIndicator::housed_households,
      count(Status::Owner) + count(Status::Renter) + count(Status::SocialTenant) +
          count(Status::InformalDweller));
  set(c, CityIndicator::displaced_shelter, count(Status::DisplacedShelter));
  set(c, CityIndicator::displaced_host, count(Status::DisplacedHost));
  set(c, CityIndicator::displaced_camp, count(Status::DisplacedCamp));
  set(c, CityIndicator::left_city, count(Status::LeftCity));
  set(c, CityIndicator::dwellings, static_cast<double>(world.dwellings.count()));
  set(c, CityIndicator::vacant_dwellings, static_cast<double>(ds.vacant));
  set(c, CityIndicator::vacancy_rate, share(ds.vacant, ds.formal));
  set(c, CityIndicator::rental_vacancy_rate,
      share(ds.rentals_for_rent, ds.rentals_let + ds.rentals_for_rent));
  set(c, CityIndicator::owner_vacancy_rate,
      share(ds.owned_for_sale, ds.owned_occupied + ds.owned_for_sale));
  set(c, CityIndicator::median_income_per_month, median_income);
  set(c, CityIndicator::mean_income_per_month, in_city ? sums.income / in_city : kNaN);
  const DwellingMedians& medians = tallies.medians;
  set(c, CityIndicator::median_rent_per_month, medians.rent);
  set(c, CityIndicator::median_price, medians.price);
  set(c, CityIndicator::rent_to_income, medians.rent_to_income);
  set(c, CityIndicator::price_to_income, medians.price / (12.0 * median_income));
  set(c, CityIndicator::cost_burdened_share, share(all.burdened, all.housed));
  set(c, CityIndicator::severely_cost_burdened_share, share(all.severe, all.housed));
  set(c, CityIndicator::informal_share, share(all.informal, in_city));
  set(c, CityIndicator::mean_savings, in_city ? sums.savings / in_city : kNaN);
  set(c, CityIndicator::households_in_arrears, static_cast<double>(sums.in_arrears));
  set(c, CityIndicator::total_arrears, sums.arrears);
  const GroupSums& q1 = sums.groups[1];
  const GroupSums& q5 = sums.groups[5];
  set(c, CityIndicator::flood_exposed_share, share(all.flood_exposed, all.housed));
  set(c, CityIndicator::flood_exposed_share_q1, share(q1.flood_exposed, q1.housed));
  set(c, CityIndicator::flood_exposed_share_q5, share(q5.flood_exposed, q5.housed));
  set(c, CityIndicator::dissimilarity_q1_q5, dissimilarity_q1_q5(ds));
  set(c, CityIndicator::owner_share, share(all.owners, in_city));
  set(c, CityIndicator::dwellings_under_construction, static_cast<double>(ds.building));
  set(c, CityIndicator::mean_months_on_market,
      ds.vacant ? static_cast<double>(ds.months_on_market) / ds.vacant : kNaN);
  set_market_indices(c, world);
  set(c, CityIndicator::households_with_mortgage, static_cast<double>(sums.mortgaged));
}

void set_disaster_indicators(CityValues& c, const ScenarioDef& scenario, const World& world,
                             const Tallies& tallies) {
  const HouseholdSums& sums = tallies.households;
  const DwellingSums& ds = tallies.dwellings;
  auto count = [&](Status s) { return status_count(sums, s); };
  set(c, CityIndicator::dwellings_ds1, static_cast<double>(ds.damage[1]));
  set(c, CityIndicator::dwellings_ds2, static_cast<double>(ds.damage[2]));
  set(c, CityIndicator::dwellings_ds3, static_cast<double>(ds.damage[3]));
  set(c, CityIndicator::dwellings_ds4, static_cast<double>(ds.damage[4]));
  set(c, CityIndicator::displaced_rental, static_cast<double>(sums.displaced_rental));
  set(c, CityIndicator::displaced_total,
      count(Status::DisplacedShelter) + count(Status::DisplacedHost) +
          count(Status::DisplacedCamp) + static_cast<double>(sums.displaced_rental));
  set(c, CityIndicator::away_from_home, static_cast<double>(sums.groups[0].away));
  std::vector<std::uint16_t> months = sums.months_displaced;
  set(c, CityIndicator::median_months_displaced, months_displaced_quantile(months, 0.5));
  set(c, CityIndicator::p90_months_displaced, months_displaced_quantile(months, 0.9));
  set(c, CityIndicator::returned_share_6m, share(sums.returned_within[0], sums.cohort[0]));
  set(c, CityIndicator::returned_share_12m, share(sums.returned_within[1], sums.cohort[1]));
  set(c, CityIndicator::returned_share_24m, share(sums.returned_within[2], sums.cohort[2]));
  set(c, CityIndicator::repair_backlog_crew_months, ds.backlog);
  set(c, CityIndicator::dwellings_awaiting_repair, static_cast<double>(ds.awaiting_repair));
  const auto at = [&](RecoveryStage stage) {
    return static_cast<double>(ds.recovery_stage[static_cast<int>(stage)]);
  };
  set(c, CityIndicator::recovery_inspection, at(RecoveryStage::Inspection));
  set(c, CityIndicator::recovery_insurance_claim, at(RecoveryStage::InsuranceClaim));
  set(c, CityIndicator::recovery_public_aid, at(RecoveryStage::PublicAid));
  set(c, CityIndicator::recovery_repair_loan, at(RecoveryStage::RepairLoan));
  set(c, CityIndicator::recovery_unfunded, at(RecoveryStage::Unfunded));
  set(c, CityIndicator::recovery_permit, at(RecoveryStage::Permit));
  set(c, CityIndicator::recovery_contractor, at(RecoveryStage::Contractor));
  set(c, CityIndicator::recovery_repair, at(RecoveryStage::Repair));
  set(c, CityIndicator::repair_cost_multiplier, world.disasters.repair_cost_multiplier);
  const auto& places = scenario.disasters.dislocation;
  const double shelter = count(Status::DisplacedShelter), camp = count(Status::DisplacedCamp);
  set(c, CityIndicator::shelter_occupancy, shelter);
  // Capacities: the scenario's plus places kept open by shelter_capacity programmes.
  const double shelter_places =
      static_cast<double>(places.shelter_capacity_households + world.policies.shelter_extra_places);
  const double camp_places =
      static_cast<double>(places.camp_capacity_households + world.policies.camp_extra_places);
  set(c, CityIndicator::shelter_occupancy_share,
      shelter_places > 0 ? shelter / shelter_places : kNaN);
  set(c, CityIndicator::camp_occupancy, camp);
  set(c, CityIndicator::camp_occupancy_share, camp_places > 0 ? camp / camp_places : kNaN);
}

}  // namespace hearth
