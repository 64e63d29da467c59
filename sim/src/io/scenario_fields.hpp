#pragma once
// The one list of scenario keys: each struct of ScenarioDef names its fields
// once here, and the JSON reader and writer both walk these lists. A key added
// to the schema must be added here (the round-trip test catches a miss).
#include "hearth/scenario.hpp"

namespace hearth::io {

template <typename V> void fields(GridDef& d, V& v) {
  v("width_cells", d.width_cells);
  v("height_cells", d.height_cells);
  v("cell_size_m", d.cell_size_m);
}
template <typename V> void fields(IncomeDef& d, V& v) {
  v("median_per_month", d.median_per_month);
  v("sigma_log", d.sigma_log);
}
template <typename V> void fields(TenureSharesDef& d, V& v) {
  v("owner", d.owner);
  v("private_renter", d.private_renter);
  v("social_renter", d.social_renter);
  v("informal", d.informal);
  v("sorting_noise_log", d.sorting_noise_log);
}
template <typename V> void fields(OriginSharesDef& d, V& v) {
  v("resident", d.resident);
  v("rural_migrant", d.rural_migrant);
  v("internally_displaced", d.internally_displaced);
  v("refugee", d.refugee);
}
template <typename V> void fields(GroupsDef& d, V& v) {
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
template <typename V> void fields(RiverDef& d, V& v) {
  v("enabled", d.enabled);
  v("x_fraction", d.x_fraction);
  v("meander_amplitude_cells", d.meander_amplitude_cells);
  v("width_cells", d.width_cells);
  v("floodplain_width_cells", d.floodplain_width_cells);
  v("flood_depth_100yr_m", d.flood_depth_100yr_m);
}
template <typename V> void fields(LayoutDef& d, V& v) {
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
template <typename V> void fields(CityDef& d, V& v) {
  v("grid", d.grid);
  v("households", d.households);
  v("vacancy_rate", d.vacancy_rate);
  v("income", d.income);
  v("household_size_shares", d.household_size_shares);
  v("tenure", d.tenure);
  v("groups", d.groups);
  v("layout", d.layout);
  v("median_price", d.median_price);
  v("gross_rent_yield_per_year", d.gross_rent_yield_per_year);
  v("social_rent_income_share", d.social_rent_income_share);
  v("informal_rent_per_month", d.informal_rent_per_month);
}
template <typename V> void fields(EconomyDef& d, V& v) {
  v("income_persistence", d.income_persistence);
  v("income_shock_sigma_log", d.income_shock_sigma_log);
  v("subsistence_per_person_per_month", d.subsistence_per_person_per_month);
  v("consumption_share_of_surplus", d.consumption_share_of_surplus);
  v("owner_cost_rate_per_year", d.owner_cost_rate_per_year);
  v("initial_savings_months_of_income", d.initial_savings_months_of_income);
}
template <typename V> void fields(OutputsDef& d, V& v) {
  v("neighbourhood_table", d.neighbourhood_table);
}
template <typename V> void fields(ScenarioDef& d, V& v) {
  v("schema_version", d.schema_version);
  v("name", d.name);
  v("description", d.description);
  v("seed", d.seed);
  v("replicate", d.replicate);
  v("ticks", d.ticks);
  v("start_date", d.start_date);
  v("city", d.city);
  v("economy", d.economy);
  v("outputs", d.outputs);
}

}  // namespace hearth::io
