// Policy indicators (policy_indicators.hpp). Reads the programmes' ledgers
// (World::policies), the housing lever counts (policy::count_housing), and
// of the Dwellings the buyout and land-record columns (record_intact,
// tenure, owner_kind, owner_household). The disaster levers' counts of this
// tick (retrofits, grants, buyouts, records restored) are flows:
// flow_indicators.cpp.
#include "indicators/policy_indicators.hpp"

#include <array>

#include "indicators/frame_values.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth {
namespace {

// Public spending, by lever and in all, this tick and since the start; and
// per programme, in the order of the scenario's policies list.
void set_spending(Frame& frame, const ScenarioDef& scenario, const World& world) {
  std::array<double, policy::kLeverCount> spent_by_lever{};
  double spent_total = 0, spent_cumulative = 0;
  for (std::size_t k = 0; k < world.policies.programmes.size(); ++k) {
    const ProgrammeLedger& ledger = world.policies.programmes[k];
    spent_by_lever[static_cast<int>(policy::lever_of(scenario.policies[k]))] +=
        ledger.spent_this_tick;
    spent_total += ledger.spent_this_tick;
    spent_cumulative += ledger.spent_total;
    frame.programme_spent.push_back(ledger.spent_this_tick);
    frame.programme_spent_total.push_back(ledger.spent_total);
  }
  CityValues& c = frame.city;
  auto spent_on = [&](policy::Lever lever) { return spent_by_lever[static_cast<int>(lever)]; };
  set(c, CityIndicator::spending_vouchers, spent_on(policy::Lever::Vouchers));
  set(c, CityIndicator::spending_social_housing, spent_on(policy::Lever::SocialHousing));
  set(c, CityIndicator::spending_upgrading, spent_on(policy::Lever::Upgrading));
  set(c, CityIndicator::spending_building_code, spent_on(policy::Lever::BuildingCode));
  set(c, CityIndicator::spending_reconstruction_grants,
      spent_on(policy::Lever::ReconstructionGrants));
  set(c, CityIndicator::spending_buyouts, spent_on(policy::Lever::Buyout));
  set(c, CityIndicator::spending_shelter_capacity, spent_on(policy::Lever::ShelterCapacity));
  set(c, CityIndicator::spending_record_restoration, spent_on(policy::Lever::RecordRestoration));
  set(c, CityIndicator::spending_total, spent_total);
  set(c, CityIndicator::spending_cumulative, spent_cumulative);
}

// Outcomes of the housing levers (all 0 without their programmes).
void set_housing_outcomes(CityValues& c, const ScenarioDef& scenario, const World& world) {
  const policy::HousingCounts housing = policy::count_housing(scenario, world);
  set(c, CityIndicator::voucher_households, static_cast<double>(housing.voucher_households));
  set(c, CityIndicator::voucher_waiting_list, static_cast<double>(housing.voucher_waiting_list));
  set(c, CityIndicator::social_programme_units,
      static_cast<double>(housing.social_programme_units));
  set(c, CityIndicator::social_programme_tenants,
      static_cast<double>(housing.social_programme_tenants));
  set(c, CityIndicator::evictions_deferred, static_cast<double>(housing.evictions_deferred));
  set(c, CityIndicator::upgraded_dwellings, static_cast<double>(housing.upgraded_dwellings));
  set(c, CityIndicator::relocated_households, static_cast<double>(housing.relocated_households));
  set(c, CityIndicator::cleared_dwellings, static_cast<double>(housing.cleared_dwellings));
}

// Stocks left by the disaster levers (all 0 without their programmes):
// places kept open, dwellings bought out, tenure records lost.
void set_disaster_lever_outcomes(CityValues& c, const ScenarioDef& scenario, const World& world) {
  set(c, CityIndicator::policy_shelter_places,
      static_cast<double>(world.policies.shelter_extra_places));
  set(c, CityIndicator::policy_camp_places, static_cast<double>(world.policies.camp_extra_places));
  // Without policies or hazards no dwelling is bought out or loses its
  // record, so the walk over the dwellings is skipped.
  const Dwellings& dw = world.dwellings;
  std::int64_t bought_out = 0, records_lost = 0;
  if (!scenario.policies.empty() || !scenario.hazards.empty()) {
    for (DwellingId d = 0; d < dw.count(); ++d) {
      bought_out += hearth::bought_out(dw, d);
      records_lost += !dw.record_intact[d] && dw.tenure[d] != Tenure::Informal &&
                      dw.owner_kind[d] == OwnerKind::Household && dw.owner_household[d] != kNone;
    }
  }
  set(c, CityIndicator::bought_out_dwellings, static_cast<double>(bought_out));
  set(c, CityIndicator::records_lost, static_cast<double>(records_lost));
}

}  // namespace

void set_policy_indicators(Frame& frame, const ScenarioDef& scenario, const World& world) {
  set_spending(frame, scenario, world);
  set_housing_outcomes(frame.city, scenario, world);
  set_disaster_lever_outcomes(frame.city, scenario, world);
}

}  // namespace hearth
