#pragma once
// The one list of scenario keys: each struct of ScenarioDef names its fields
// once here, and the JSON reader and writer both walk these lists. A key added
// to the schema must be added here (the round-trip test catches a miss).
#include <array>
#include <cstddef>
#include <utility>
#include <variant>

#include "hearth/scenario.hpp"

namespace hearth::io {

template <typename V>
void fields(GridDef& d, V& v) {
  v("width_cells", d.width_cells);
  v("height_cells", d.height_cells);
  v("cell_size_m", d.cell_size_m);
}
template <typename V>
void fields(IncomeDef& d, V& v) {
  v("median_per_month", d.median_per_month);
  v("sigma_log", d.sigma_log);
}
template <typename V>
void fields(TenureSharesDef& d, V& v) {
  v("owner", d.owner);
  v("private_renter", d.private_renter);
  v("social_renter", d.social_renter);
  v("informal", d.informal);
  v("sorting_noise_log", d.sorting_noise_log);
}
template <typename V>
void fields(OriginSharesDef& d, V& v) {
  v("resident", d.resident);
  v("rural_migrant", d.rural_migrant);
  v("internally_displaced", d.internally_displaced);
  v("refugee", d.refugee);
}
template <typename V>
void fields(GroupsDef& d, V& v) {
  v("female_headed_share", d.female_headed_share);
  v("elderly_head_share", d.elderly_head_share);
  v("young_head_share", d.young_head_share);
  v("disability_share", d.disability_share);
  v("origin_shares", d.origin_shares);
  v("female_headed_income_ratio", d.female_headed_income_ratio);
  v("elderly_head_income_ratio", d.elderly_head_income_ratio);
  v("disability_income_ratio", d.disability_income_ratio);
  v("origin_income_ratio", d.origin_income_ratio);
}
template <typename V>
void fields(RiverDef& d, V& v) {
  v("enabled", d.enabled);
  v("x_fraction", d.x_fraction);
  v("meander_amplitude_cells", d.meander_amplitude_cells);
  v("width_cells", d.width_cells);
  v("floodplain_width_cells", d.floodplain_width_cells);
  v("flood_depth_100yr_m", d.flood_depth_100yr_m);
}
template <typename V>
void fields(LayoutDef& d, V& v) {
  v("neighbourhoods_per_side", d.neighbourhoods_per_side);
  v("job_centre_x_fraction", d.job_centre_x_fraction);
  v("job_centre_y_fraction", d.job_centre_y_fraction);
  v("job_centre_radius_cells", d.job_centre_radius_cells);
  v("density_decay_cells", d.density_decay_cells);
  v("city_radius_fraction", d.city_radius_fraction);
  v("job_access_decay_cells", d.job_access_decay_cells);
  v("informal_on_hazard_share", d.informal_on_hazard_share);
  v("relocation_site_x_fraction", d.relocation_site_x_fraction);
  v("relocation_site_y_fraction", d.relocation_site_y_fraction);
  v("river", d.river);
}
template <typename V>
void fields(TractsDef& d, V& v) {
  v("file", d.file);
  v("population_scale", d.population_scale);
  v("persons_per_household", d.persons_per_household);
  v("value_scale", d.value_scale);
  v("value_to_income_ratio", d.value_to_income_ratio);
  v("income_lower_status_coefficient", d.income_lower_status_coefficient);
  v("income_sigma_log", d.income_sigma_log);
  v("max_distance_m", d.max_distance_m);
  v("job_access_decay", d.job_access_decay);
  v("flood_depth_100yr_m", d.flood_depth_100yr_m);
  v("floodplain_width_m", d.floodplain_width_m);
}
template <typename V>
void fields(CityDef& d, V& v) {
  v("grid", d.grid);
  v("households", d.households);
  v("vacancy_rate", d.vacancy_rate);
  v("owner_vacancy_rate", d.owner_vacancy_rate);
  v("doubled_up_share", d.doubled_up_share);
  v("income", d.income);
  v("household_size_shares", d.household_size_shares);
  v("tenure", d.tenure);
  v("groups", d.groups);
  v("layout", d.layout);
  v("median_price", d.median_price);
  v("gross_rent_yield_per_year", d.gross_rent_yield_per_year);
  v("social_rent_income_share", d.social_rent_income_share);
  v("informal_rent_per_month", d.informal_rent_per_month);
  v("tracts", d.tracts);
}
template <typename V>
void fields(EconomyDef& d, V& v) {
  v("income_persistence", d.income_persistence);
  v("income_shock_sigma_log", d.income_shock_sigma_log);
  v("subsistence_per_person_per_month", d.subsistence_per_person_per_month);
  v("consumption_share_of_surplus", d.consumption_share_of_surplus);
  v("subsistence_floor_share", d.subsistence_floor_share);
  v("owner_cost_rate_per_year", d.owner_cost_rate_per_year);
  v("initial_savings_months_of_income", d.initial_savings_months_of_income);
}
template <typename V>
void fields(MarketDef& d, V& v) {
  v("quality_bands", d.quality_bands);
  v("natural_vacancy_rate", d.natural_vacancy_rate);
  v("natural_owner_vacancy_rate", d.natural_owner_vacancy_rate);
  v("vacancy_response", d.vacancy_response);
  v("excess_bid_response", d.excess_bid_response);
  v("max_index_change_per_month", d.max_index_change_per_month);
  v("vacancy_smoothing", d.vacancy_smoothing);
  v("asking_price_decay_per_month", d.asking_price_decay_per_month);
  v("asking_price_floor", d.asking_price_floor);
  v("hedonic_quality", d.hedonic_quality);
  v("hedonic_rooms", d.hedonic_rooms);
  v("hedonic_job_access", d.hedonic_job_access);
  v("hedonic_services", d.hedonic_services);
  v("hedonic_flood_per_m", d.hedonic_flood_per_m);
  v("candidates_per_searcher", d.candidates_per_searcher);
  v("rounds_per_tick", d.rounds_per_tick);
  v("search_radius_cells", d.search_radius_cells);
  v("local_search_share", d.local_search_share);
  v("renter_move_rate_per_month", d.renter_move_rate_per_month);
  v("owner_move_rate_per_month", d.owner_move_rate_per_month);
  v("social_move_rate_per_month", d.social_move_rate_per_month);
  v("informal_move_rate_per_month", d.informal_move_rate_per_month);
  v("doubling_up_rate_per_month", d.doubling_up_rate_per_month);
  v("burdened_search_share_of_income", d.burdened_search_share_of_income);
  v("burdened_search_rate_per_month", d.burdened_search_rate_per_month);
  v("max_rent_share_of_income", d.max_rent_share_of_income);
  v("residual_needs_share", d.residual_needs_share);
  v("max_overbid_share", d.max_overbid_share);
  v("moving_threshold_utility", d.moving_threshold_utility);
  v("utility_quality", d.utility_quality);
  v("utility_cost_share", d.utility_cost_share);
  v("utility_job_access", d.utility_job_access);
  v("utility_services", d.utility_services);
  v("utility_flood_per_m", d.utility_flood_per_m);
  v("utility_distance_per_10_cells", d.utility_distance_per_10_cells);
  v("utility_owning", d.utility_owning);
  v("utility_taste_sigma", d.utility_taste_sigma);
  v("loan_to_value_cap", d.loan_to_value_cap);
  v("loan_to_income_cap", d.loan_to_income_cap);
  v("max_mortgage_payment_share_of_income", d.max_mortgage_payment_share_of_income);
  v("mortgage_rate_per_year", d.mortgage_rate_per_year);
  v("mortgage_term_years", d.mortgage_term_years);
  v("deposit_share_of_savings", d.deposit_share_of_savings);
  v("owner_upkeep_rate_per_year", d.owner_upkeep_rate_per_year);
  v("selling_cost_share", d.selling_cost_share);
  v("investor_buy_yield_per_year", d.investor_buy_yield_per_year);
  v("investor_sell_yield_per_year", d.investor_sell_yield_per_year);
  v("investor_capital_gain_coefficient", d.investor_capital_gain_coefficient);
  v("investor_loan_to_value_cap", d.investor_loan_to_value_cap);
  v("investor_interest_cover_ratio", d.investor_interest_cover_ratio);
  v("investor_stress_rate_per_year", d.investor_stress_rate_per_year);
  v("investor_initial_equity_share_of_rental_value",
    d.investor_initial_equity_share_of_rental_value);
  v("investor_initial_debt_share_of_rental_value", d.investor_initial_debt_share_of_rental_value);
  v("investor_retained_share_of_net_rent", d.investor_retained_share_of_net_rent);
  v("expectation_factor", d.expectation_factor);
  v("expectation_window_months", d.expectation_window_months);
  v("max_expected_appreciation_per_year", d.max_expected_appreciation_per_year);
  v("eviction_tolerance_months", d.eviction_tolerance_months);
  v("rent_review_months", d.rent_review_months);
  v("max_rent_increase_per_review", d.max_rent_increase_per_review);
  v("construction_cost_per_room", d.construction_cost_per_room);
  v("builder_hurdle_margin", d.builder_hurdle_margin);
  v("build_rate_per_month", d.build_rate_per_month);
  v("construction_months", d.construction_months);
  v("new_build_quality", d.new_build_quality);
  v("new_build_rental_share", d.new_build_rental_share);
  v("depreciation_rate_per_year", d.depreciation_rate_per_year);
  v("upzoning_factor", d.upzoning_factor);
  v("programme_dwellings_per_month", d.programme_dwellings_per_month);
  v("programme_start_tick", d.programme_start_tick);
  v("programme_end_tick", d.programme_end_tick);
  v("programme_rental_share", d.programme_rental_share);
  v("social_income_limit_share_of_median", d.social_income_limit_share_of_median);
  v("programme_quality", d.programme_quality);
  v("informal_new_quality", d.informal_new_quality);
}
template <typename V>
void fields(LifeCycleDef& d, V& v) {
  v("enabled", d.enabled);
  v("income_age_profile", d.income_age_profile);
  v("birth_rate_per_year", d.birth_rate_per_year);
  v("youngest_head_density_ratio", d.youngest_head_density_ratio);
  v("new_household_savings_months_of_income", d.new_household_savings_months_of_income);
}
template <typename V>
void fields(RateStepDef& d, V& v) {
  v("from_tick", d.from_tick);
  v("rate_per_year", d.rate_per_year);
}
template <typename V>
void fields(MortgagesDef& d, V& v) {
  v("rate_path", d.rate_path);
  v("initial_mortgages", d.initial_mortgages);
  v("first_purchase_age_years", d.first_purchase_age_years);
  v("initial_loan_to_value", d.initial_loan_to_value);
  v("inflation_per_year", d.inflation_per_year);
  v("owner_arrears", d.owner_arrears);
  v("default_months_in_arrears", d.default_months_in_arrears);
  v("foreclosure_months_in_arrears", d.foreclosure_months_in_arrears);
  v("foreclosure_discount", d.foreclosure_discount);
}
template <typename V>
void fields(MigrationDef& d, V& v) {
  v("arrival_rate_per_month", d.arrival_rate_per_month);
  v("population_growth_per_year", d.population_growth_per_year);
  v("shock_arrival_rate_per_month", d.shock_arrival_rate_per_month);
  v("shock_start_tick", d.shock_start_tick);
  v("shock_end_tick", d.shock_end_tick);
  v("arrival_income_median_per_month", d.arrival_income_median_per_month);
  v("arrival_income_sigma_log", d.arrival_income_sigma_log);
  v("arrival_savings_months_of_income", d.arrival_savings_months_of_income);
  v("arrival_origin_shares", d.arrival_origin_shares);
  v("departure_rate_per_month", d.departure_rate_per_month);
  v("homeless_departure_rate_per_month", d.homeless_departure_rate_per_month);
  v("rent_elasticity", d.rent_elasticity);
  v("income_elasticity", d.income_elasticity);
  v("vacancy_elasticity", d.vacancy_elasticity);
  v("max_log_rate_change", d.max_log_rate_change);
}
template <typename V>
void fields(HazardEventDef& d, V& v) {
  v("type", d.type);
  v("tick", d.tick);
  v("annual_probability", d.annual_probability);
  v("depth_file", d.depth_file);
  v("return_period_years", d.return_period_years);
  v("depth_growth_per_log_return_period", d.depth_growth_per_log_return_period);
  v("epicentre_x_fraction", d.epicentre_x_fraction);
  v("epicentre_y_fraction", d.epicentre_y_fraction);
  v("magnitude", d.magnitude);
  v("focal_depth_km", d.focal_depth_km);
  v("households_per_tick", d.households_per_tick);
  v("duration_ticks", d.duration_ticks);
  v("income_median_per_month", d.income_median_per_month);
  v("income_sigma_log", d.income_sigma_log);
  v("savings_months_of_income", d.savings_months_of_income);
  v("rural_migrant_share", d.rural_migrant_share);
  v("internally_displaced_share", d.internally_displaced_share);
  v("refugee_share", d.refugee_share);
}
template <typename V>
void fields(FragilityCurveDef& d, V& v) {
  v("median", d.median);
  v("beta", d.beta);
}
template <typename V>
void fields(FloodDamageDef& d, V& v) {
  v("curve_formal", d.curve_formal);
  v("curve_informal", d.curve_informal);
  v("first_floor_height_m", d.first_floor_height_m);
  v("first_floor_height_sd_m", d.first_floor_height_sd_m);
  v("damage_state_min_loss", d.damage_state_min_loss);
}
template <typename V>
void fields(FragilityDef& d, V& v) {
  v("earthquake_informal", d.earthquake_informal);
  v("earthquake_unreinforced_masonry", d.earthquake_unreinforced_masonry);
  v("earthquake_rc_frame", d.earthquake_rc_frame);
  v("earthquake_code_compliant", d.earthquake_code_compliant);
  v("flood", d.flood);
  v("loss_ratio", d.loss_ratio);
  v("repair_crew_months", d.repair_crew_months);
}
template <typename V>
void fields(AttenuationDef& d, V& v) {
  v("c0", d.c0);
  v("c1", d.c1);
  v("c2", d.c2);
  v("c3", d.c3);
  v("c4", d.c4);
}
template <typename V>
void fields(SiteDef& d, V& v) {
  v("name", d.name);
  v("kind", d.kind);
  v("x_fraction", d.x_fraction);
  v("y_fraction", d.y_fraction);
  v("capacity_households", d.capacity_households);
}
template <typename V>
void fields(DislocationDef& d, V& v) {
  v("intercept", d.intercept);
  v("per_loss_percent", d.per_loss_percent);
  v("single_family", d.single_family);
  v("per_percent_black_block_group", d.per_percent_black_block_group);
  v("per_percent_hispanic_block_group", d.per_percent_hispanic_block_group);
  v("percent_black_block_group", d.percent_black_block_group);
  v("percent_hispanic_block_group", d.percent_hispanic_block_group);
  v("single_family_max_dwellings_per_hectare", d.single_family_max_dwellings_per_hectare);
  v("record_loss_probability", d.record_loss_probability);
  v("host_share", d.host_share);
  v("host_min_income_multiple", d.host_min_income_multiple);
  v("persons_per_room_max", d.persons_per_room_max);
  v("host_max_months", d.host_max_months);
  v("shelter_capacity_households", d.shelter_capacity_households);
  v("camp_capacity_households", d.camp_capacity_households);
  v("sites", d.sites);
  v("site_distance_floor_km", d.site_distance_floor_km);
  v("site_crowding_exponent", d.site_crowding_exponent);
  v("leave_city_share", d.leave_city_share);
  v("landlord_eviction_probability_ds1", d.landlord_eviction_probability_ds1);
  v("landlord_eviction_probability_ds2", d.landlord_eviction_probability_ds2);
  v("displaced_departure_rate_per_month", d.displaced_departure_rate_per_month);
}
template <typename V>
void fields(EvacuationDef& d, V& v) {
  v("probability", d.probability);
  v("min_depth_m", d.min_depth_m);
  v("mean_days", d.mean_days);
  v("max_days", d.max_days);
}
template <typename V>
void fields(RecoveryStepDef& d, V& v) {
  v("capacity_per_month_per_1000_dwellings", d.capacity_per_month_per_1000_dwellings);
  v("median_months", d.median_months);
  v("beta", d.beta);
  v("median_months_major", d.median_months_major);
  v("beta_major", d.beta_major);
}
template <typename V>
void fields(RecoveryDef& d, V& v) {
  v("inspection", d.inspection);
  v("insurance_claim", d.insurance_claim);
  v("public_aid", d.public_aid);
  v("repair_loan", d.repair_loan);
  v("permit", d.permit);
  v("contractor", d.contractor);
  v("aid_max_per_household", d.aid_max_per_household);
  v("aid_share_of_repair_cost", d.aid_share_of_repair_cost);
  v("aid_application_deadline_months", d.aid_application_deadline_months);
  v("aid_approval_share", d.aid_approval_share);
  v("loan_denial_share", d.loan_denial_share);
  v("loan_denial_share_vulnerable", d.loan_denial_share_vulnerable);
  v("vulnerable_income_share_of_median", d.vulnerable_income_share_of_median);
  v("vulnerable_delay_multiple", d.vulnerable_delay_multiple);
  v("crew_months_per_month_per_1000_dwellings", d.crew_months_per_month_per_1000_dwellings);
  v("max_crew_months_per_dwelling_per_month", d.max_crew_months_per_dwelling_per_month);
  v("demand_surge_slope", d.demand_surge_slope);
  v("demand_surge_max", d.demand_surge_max);
  v("insurance_take_up_owner", d.insurance_take_up_owner);
  v("insurance_take_up_landlord", d.insurance_take_up_landlord);
  v("insurance_deductible_share", d.insurance_deductible_share);
  v("repair_loan_max_income_multiple", d.repair_loan_max_income_multiple);
  v("landlord_payback_years", d.landlord_payback_years);
  v("savings_buffer_months", d.savings_buffer_months);
  v("build_back_better", d.build_back_better);
}
template <typename V>
void fields(ReturnDef& d, V& v) {
  v("return_rate_owner_per_month", d.return_rate_owner_per_month);
  v("give_up_rate_owner_per_month", d.give_up_rate_owner_per_month);
  v("return_rate_renter_per_month", d.return_rate_renter_per_month);
  v("give_up_rate_renter_per_month", d.give_up_rate_renter_per_month);
  v("right_to_return_months", d.right_to_return_months);
  v("habitable_home_ready_months", d.habitable_home_ready_months);
}
template <typename V>
void fields(LivelihoodDef& d, V& v) {
  v("income_loss_at_full_damage", d.income_loss_at_full_damage);
}
template <typename V>
void fields(DisastersDef& d, V& v) {
  v("fragility", d.fragility);
  v("attenuation", d.attenuation);
  v("dislocation", d.dislocation);
  v("evacuation", d.evacuation);
  v("recovery", d.recovery);
  v("return", d.return_home);
  v("livelihood", d.livelihood);
}
// ---- policy programmes. The names of every lever mode, in one place: the
// reader turns a name into its enum (the schema admits only these names), the
// writer the enum back into the same name.
template <typename E>
struct Named {
  E value;
  const char* name;
};
inline constexpr std::array<Named<SocialAllocation>, 3> kSocialAllocationNames{{
    {SocialAllocation::Need, "need"},
    {SocialAllocation::Lottery, "lottery"},
    {SocialAllocation::WaitingList, "waiting_list"},
}};
inline constexpr std::array<Named<UpgradingMode>, 3> kUpgradingModeNames{{
    {UpgradingMode::InSitu, "in_situ"},
    {UpgradingMode::Relocation, "relocation"},
    {UpgradingMode::Clearance, "clearance"},
}};
inline constexpr std::array<Named<UpgradingTarget>, 3> kUpgradingTargetNames{{
    {UpgradingTarget::All, "all"},
    {UpgradingTarget::Floodplain, "floodplain"},
    {UpgradingTarget::Neighbourhoods, "neighbourhoods"},
}};
inline constexpr std::array<Named<GrantsTargeting>, 4> kGrantsTargetingNames{{
    {GrantsTargeting::OwnersOnly, "owners_only"},
    {GrantsTargeting::Everyone, "everyone"},
    {GrantsTargeting::DamageBased, "damage_based"},
    {GrantsTargeting::NeedBased, "need_based"},
}};
inline constexpr std::array<Named<MoratoriumWindow>, 2> kMoratoriumWindowNames{{
    {MoratoriumWindow::Fixed, "fixed"},
    {MoratoriumWindow::MonthsAfterEvent, "months_after_event"},
}};
inline constexpr std::array<Named<BuyoutZone>, 2> kBuyoutZoneNames{{
    {BuyoutZone::Floodplain, "floodplain"},
    {BuyoutZone::Damaged, "damaged"},
}};
// One StructureClass, two historic spellings (scenario files keep theirs):
// upgrading_structure spells the classes out, the building_code keys abbreviate.
inline constexpr std::array<Named<StructureClass>, 4> kUpgradingStructureNames{{
    {StructureClass::InformalMakeshift, "informal_makeshift"},
    {StructureClass::UnreinforcedMasonry, "unreinforced_masonry"},
    {StructureClass::ReinforcedConcreteFrame, "reinforced_concrete_frame"},
    {StructureClass::CodeCompliant, "code_compliant"},
}};
inline constexpr std::array<Named<StructureClass>, 4> kCodeStructureNames{{
    {StructureClass::InformalMakeshift, "informal"},
    {StructureClass::UnreinforcedMasonry, "unreinforced_masonry"},
    {StructureClass::ReinforcedConcreteFrame, "rc_frame"},
    {StructureClass::CodeCompliant, "code_compliant"},
}};

// The name of a mode (for messages); "?" for a value without one.
template <typename E, std::size_t N>
const char* name_of(E value, const std::array<Named<E>, N>& names) {
  for (const auto& n : names) {
    if (n.value == value) return n.name;
  }
  return "?";
}

template <typename V>
void fields(RentCapLever& d, V& v) {
  v("rent_cap_max_increase_per_year", d.rent_cap_max_increase_per_year);
  v("rent_cap_vacancy_control", d.rent_cap_vacancy_control);
  v("rent_cap_conversion_rate_per_month", d.rent_cap_conversion_rate_per_month);
  v("rent_cap_upkeep_cut_per_year", d.rent_cap_upkeep_cut_per_year);
}
template <typename V>
void fields(VouchersLever& d, V& v) {
  v("voucher_rent_share_of_income", d.voucher_rent_share_of_income);
  v("voucher_payment_standard_per_month", d.voucher_payment_standard_per_month);
  v("voucher_income_limit_share_of_median", d.voucher_income_limit_share_of_median);
  v("voucher_lapse_months", d.voucher_lapse_months);
}
template <typename V>
void fields(SocialHousingLever& d, V& v) {
  v("social_units_per_year", d.social_units_per_year);
  v("social_sites", d.social_sites);
  v("social_cost_per_unit", d.social_cost_per_unit);
  v("social_construction_months", d.social_construction_months);
  v("social_rent_share_of_income", d.social_rent_share_of_income);
  v("social_allocation", d.social_allocation, kSocialAllocationNames);
  v("social_income_limit_share_of_median", d.social_income_limit_share_of_median);
}
template <typename V>
void fields(EvictionMoratoriumLever& d, V& v) {
  v("moratorium_window", d.moratorium_window, kMoratoriumWindowNames);
  v("moratorium_months", d.moratorium_months);
}
template <typename V>
void fields(MortgageRulesLever& d, V& v) {
  v("mortgage_loan_to_value_cap", d.mortgage_loan_to_value_cap);
  v("mortgage_loan_to_income_cap", d.mortgage_loan_to_income_cap);
  v("mortgage_payment_to_income_cap", d.mortgage_payment_to_income_cap);
}
template <typename V>
void fields(UpgradingLever& d, V& v) {
  v("upgrading_mode", d.upgrading_mode, kUpgradingModeNames);
  v("upgrading_target", d.upgrading_target, kUpgradingTargetNames);
  v("upgrading_neighbourhoods", d.upgrading_neighbourhoods);
  v("upgrading_dwellings_per_month", d.upgrading_dwellings_per_month);
  v("upgrading_cost_per_dwelling", d.upgrading_cost_per_dwelling);
  v("upgrading_services_level", d.upgrading_services_level);
  v("upgrading_quality", d.upgrading_quality);
  v("upgrading_structure", d.upgrading_structure, kUpgradingStructureNames);
  v("upgrading_drainage_depth_m", d.upgrading_drainage_depth_m);
  v("upgrading_site_cell", d.upgrading_site_cell);
  v("upgrading_drift_back_rate_per_month", d.upgrading_drift_back_rate_per_month);
}
template <typename V>
void fields(BuildingCodeLever& d, V& v) {
  v("code_new_structure", d.code_new_structure, kCodeStructureNames);
  v("code_rebuild_structure", d.code_rebuild_structure, kCodeStructureNames);
  v("code_rebuild_min_damage_state", d.code_rebuild_min_damage_state);
  v("code_rebuild_cost_premium", d.code_rebuild_cost_premium);
  v("retrofit_share_per_year", d.retrofit_share_per_year);
  v("retrofit_eligible_structure", d.retrofit_eligible_structure, kCodeStructureNames);
  v("retrofit_informal", d.retrofit_informal);
  v("retrofit_structure", d.retrofit_structure, kCodeStructureNames);
  v("retrofit_uptake", d.retrofit_uptake);
  v("retrofit_cost_per_dwelling", d.retrofit_cost_per_dwelling);
  v("retrofit_subsidy_share", d.retrofit_subsidy_share);
}
template <typename V>
void fields(ReconstructionGrantsLever& d, V& v) {
  v("grants_targeting", d.grants_targeting, kGrantsTargetingNames);
  v("grants_cap_per_dwelling", d.grants_cap_per_dwelling);
  v("grants_min_damage_state", d.grants_min_damage_state);
  v("grants_income_limit_share_of_median", d.grants_income_limit_share_of_median);
}
template <typename V>
void fields(BuyoutLever& d, V& v) {
  v("buyout_zone", d.buyout_zone, kBuyoutZoneNames);
  v("buyout_min_flood_depth_m", d.buyout_min_flood_depth_m);
  v("buyout_min_damage_state", d.buyout_min_damage_state);
  v("buyout_price_share", d.buyout_price_share);
  v("buyout_uptake_per_year", d.buyout_uptake_per_year);
  v("buyout_tenant_relocation_months", d.buyout_tenant_relocation_months);
}
template <typename V>
void fields(ShelterCapacityLever& d, V& v) {
  v("shelter_extra_places", d.shelter_extra_places);
  v("camp_extra_places", d.camp_extra_places);
  v("shelter_cost_per_place_per_month", d.shelter_cost_per_place_per_month);
}
template <typename V>
void fields(RecordRestorationLever& d, V& v) {
  v("records_per_month", d.records_per_month);
  v("record_cost_per_record", d.record_cost_per_record);
}

// The keys of lever L in a programme: its own values when the programme is an
// L, else L's defaults (the writer lists every lever's keys, as resolved
// scenarios always have; the reader drops them, and the loader rejects any
// that does not hold its default).
template <typename L, typename V>
void lever_keys(LeverDef& lever, V& v) {
  if (L* own = std::get_if<L>(&lever)) {
    fields(*own, v);
  } else {
    L other;
    fields(other, v);
  }
}
template <typename V, std::size_t... I>
void every_lever_keys(LeverDef& lever, V& v, std::index_sequence<I...>) {
  (lever_keys<std::variant_alternative_t<I, LeverDef>>(lever, v), ...);
}

template <typename V>
void fields(ProgrammeDef& d, V& v) {
  v("type", d.lever);  // first: the reader picks the lever before reading its keys
  v("label", d.label);
  v("start_tick", d.start_tick);
  v("end_tick", d.end_tick);
  v("budget_per_year", d.budget_per_year);
  every_lever_keys(d.lever, v, std::make_index_sequence<std::variant_size_v<LeverDef>>{});
}
template <typename V>
void fields(OutputsDef& d, V& v) {
  v("neighbourhood_table", d.neighbourhood_table);
}
template <typename V>
void fields(ScenarioDef& d, V& v) {
  v("schema_version", d.schema_version);
  v("name", d.name);
  v("description", d.description);
  v("seed", d.seed);
  v("replicate", d.replicate);
  v("ticks", d.ticks);
  v("start_date", d.start_date);
  v("city", d.city);
  v("economy", d.economy);
  v("market", d.market);
  v("migration", d.migration);
  v("life_cycle", d.life_cycle);
  v("mortgages", d.mortgages);
  v("hazards", d.hazards);
  v("disasters", d.disasters);
  v("policies", d.policies);
  v("outputs", d.outputs);
}

}  // namespace hearth::io
