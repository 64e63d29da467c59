#pragma once
// ScenarioDef: the immutable, validated description of a run. Every field has
// its unit in its name and a default (the defaults are the baseline city; see
// docs/MODEL.md for their sources). Built only by io::load_scenario, which
// validates the JSON against scenarios/scenario.schema.json first.
#include <array>
#include <cstdint>
#include <string>

namespace hearth {

struct GridDef {
  std::int32_t width_cells = 120;   // cells east-west
  std::int32_t height_cells = 120;  // cells north-south
  double cell_size_m = 100.0;       // edge of a square cell, metres
};

struct IncomeDef {
  double median_per_month = 2500.0;  // currency units per month
  double sigma_log = 0.6;            // standard deviation of log income
};

struct TenureSharesDef {
  double owner = 0.55;
  double private_renter = 0.30;
  double social_renter = 0.08;
  double informal = 0.07;
  double sorting_noise_log = 0.8;  // noise on log income when households are ranked into tenures
};

struct OriginSharesDef {
  double resident = 0.85;
  double rural_migrant = 0.10;
  double internally_displaced = 0.03;
  double refugee = 0.02;
};

struct GroupsDef {
  double female_headed_share = 0.30;
  double elderly_head_share = 0.20;  // head aged 65+
  double young_head_share = 0.15;    // head under 30
  double disability_share = 0.12;    // a member with a disability
  OriginSharesDef origin_shares;
  // Income of a group relative to otherwise similar households (multiplies
  // the drawn income; incomes are then rescaled so the city median holds).
  double female_headed_income_ratio = 0.80;
  double elderly_head_income_ratio = 0.75;
  double disability_income_ratio = 0.85;
  OriginSharesDef origin_income_ratio{1.0, 0.80, 0.60, 0.55};
};

struct RiverDef {
  bool enabled = true;
  double x_fraction = 0.35;           // mean position of the river across the grid, 0..1
  double meander_amplitude_cells = 6;  // sideways swing of the channel
  double width_cells = 2;             // channel width (land use water)
  double floodplain_width_cells = 8;  // distance from the bank that floods
  double flood_depth_100yr_m = 2.0;   // depth at the bank in the 100-year flood
};

struct LayoutDef {
  std::int32_t neighbourhoods_per_side = 6;  // the grid is cut into n x n neighbourhoods
  double job_centre_x_fraction = 0.55;
  double job_centre_y_fraction = 0.5;
  double job_centre_radius_cells = 6;   // land use jobs inside this radius
  double density_decay_cells = 25;      // e-folding distance of residential density
  double city_radius_fraction = 0.48;   // beyond this (of the grid's half-diagonal scale) land is open
  double job_access_decay_cells = 30;   // e-folding distance of job accessibility
  double informal_on_hazard_share = 0.6;  // share of informal settlement cells on the floodplain
  double relocation_site_x_fraction = 0.92;  // peripheral site for resettlement programmes
  double relocation_site_y_fraction = 0.85;
  RiverDef river;
};

struct CityDef {
  GridDef grid;
  std::int64_t households = 20000;
  double vacancy_rate = 0.05;  // extra formal dwellings, as a share of formal households
  IncomeDef income;
  // Share of households with 1, 2, 3, 4, 5, 6+ persons.
  std::array<double, 6> household_size_shares{0.28, 0.32, 0.16, 0.14, 0.06, 0.04};
  TenureSharesDef tenure;
  GroupsDef groups;
  LayoutDef layout;
  double median_price = 250000.0;        // median owner-occupied dwelling value, currency
  double gross_rent_yield_per_year = 0.045;  // annual rent / value for private rentals
  double social_rent_income_share = 0.25;   // social rent as a share of household income
  double informal_rent_per_month = 150.0;   // rent or upkeep of an informal dwelling
};

struct EconomyDef {
  double income_persistence = 0.95;         // AR(1) coefficient of log income per month
  double income_shock_sigma_log = 0.05;     // s.d. of the monthly shock to log income
  double subsistence_per_person_per_month = 350.0;  // non-housing consumption floor
  double consumption_share_of_surplus = 0.8;  // share of income above costs that is spent
  double owner_cost_rate_per_year = 0.025;  // owners' user cost (mortgage, upkeep, tax) / value
  double initial_savings_months_of_income = 3.0;  // median savings at start, months of income
};

struct OutputsDef {
  bool neighbourhood_table = true;  // write neighbourhoods.csv (one row per tick x neighbourhood)
};

struct ScenarioDef {
  int schema_version = 1;
  std::string name;
  std::string description;
  std::uint64_t seed = 42;
  std::uint32_t replicate = 0;
  std::int32_t ticks = 120;           // months simulated
  std::string start_date = "2026-01";  // YYYY-MM of tick 1
  CityDef city;
  EconomyDef economy;
  OutputsDef outputs;
};

}  // namespace hearth
