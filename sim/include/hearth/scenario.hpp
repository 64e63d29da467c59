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
  double subsistence_floor_share = 0.6;     // share of subsistence a household cuts down to before missing rent
  double owner_cost_rate_per_year = 0.025;  // owners' user cost (mortgage, upkeep, tax) / value
  double initial_savings_months_of_income = 3.0;  // median savings at start, months of income
};

// The housing market (docs/MODEL.md, "Submodel: housing market"). Money is
// in the scenario's currency; rates are per month unless the name says so.
struct MarketDef {
  // Submarkets and indices.
  std::int32_t quality_bands = 3;          // quality bands per neighbourhood (submarket = neighbourhood x band)
  double natural_vacancy_rate = 0.07;      // vacancy at which an index is flat (Rosen and Smith 1983)
  double vacancy_response = 0.004;         // index change per month per unit of relative vacancy gap
  double excess_bid_response = 0.01;       // index change per month per losing bid per vacancy
  double max_index_change_per_month = 0.02;  // bound on an index's monthly change, either way
  double vacancy_smoothing = 0.2;          // weight of this month in the smoothed vacancy rate
  double asking_price_decay_per_month = 0.01;  // asking price cut per month on the market (Baptista et al. 2016)
  double asking_price_floor = 0.85;        // asking price never falls below this share of index x hedonic
  // Hedonic factor: exp(sum of coefficient x (attribute - reference)).
  double hedonic_quality = 0.8;            // per unit of quality (0..1), reference 0.6
  double hedonic_rooms = 0.15;             // per room, reference 3
  double hedonic_job_access = 0.6;         // per unit of job access (0..1), reference 0.5
  double hedonic_services = 0.3;           // per unit of services (0..1), reference 0.8
  double hedonic_flood_per_m = 0.08;       // discount per metre of 100-year flood depth
  // Search.
  std::int32_t candidates_per_searcher = 8;  // affordable vacancies a searcher samples per round
  std::int32_t rounds_per_tick = 3;        // bidding rounds per month; losers retry
  double search_radius_cells = 12;         // s.d. of the distance of local candidates from the anchor
  double local_search_share = 0.6;         // share of candidate draws near the anchor (rest city-wide)
  double renter_move_rate_per_month = 0.035;   // voluntary searches of private renters
  double owner_move_rate_per_month = 0.005;    // voluntary searches of owner-occupiers
  double social_move_rate_per_month = 0.003;   // voluntary searches of social tenants
  double informal_move_rate_per_month = 0.02;  // searches for formal housing by informal dwellers
  double burdened_search_share_of_income = 0.4;  // renters paying more than this share search more
  double burdened_search_rate_per_month = 0.1;   // their search rate
  double max_rent_share_of_income = 0.5;   // landlords' screen: rent at most this share of income
  double max_overbid_share = 0.05;         // most a bidder offers above the asking rent or price
  double moving_threshold_utility = 0.05;  // utility gain a voluntary mover needs to move
  // Utility weights (per unit of the attribute).
  double utility_quality = 1.0;
  double utility_cost_share = 3.0;         // per unit of housing cost / income
  double utility_job_access = 0.8;
  double utility_services = 0.5;
  double utility_flood_per_m = 0.3;
  double utility_distance_per_10_cells = 0.15;  // staying close to the anchor (network, school, job)
  double utility_owning = 0.25;            // preference for owning over renting
  double utility_taste_sigma = 0.15;       // s.d. of idiosyncratic taste per candidate
  // Owning and credit.
  double loan_to_value_cap = 0.9;          // largest loan / price
  double loan_to_income_cap = 4.5;         // largest loan / annual income
  double max_mortgage_payment_share_of_income = 0.4;  // affordability test of lenders
  double mortgage_rate_per_year = 0.04;
  std::int32_t mortgage_term_years = 25;
  double deposit_share_of_savings = 0.9;   // share of savings a buyer puts down
  double owner_upkeep_rate_per_year = 0.01;  // maintenance and property tax / price, new owners
  double selling_cost_share = 0.03;        // agent and transfer costs of a sale, share of value
  // Buy-to-let investors (Baptista et al. 2016) tie prices to rents: they buy
  // dwellings for sale whose rent yield is high and sell vacant rentals whose
  // yield is low, switching the dwelling's tenure.
  double investor_buy_yield_per_year = 0.055;   // gross rent / asking price at which landlords buy
  double investor_sell_yield_per_year = 0.035;  // below it landlords sell vacant rentals
  // Renting.
  std::int32_t eviction_tolerance_months = 3;  // months in arrears before a landlord evicts
  std::int32_t rent_review_months = 12;    // sitting tenants' rents are reviewed this often
  double max_rent_increase_per_review = 0.10;  // cap on the increase at a review
  // Supply.
  double construction_cost_per_room = 80000;  // builders' cost of a new dwelling per room, land included
  double builder_hurdle_margin = 0.15;     // profit margin (price / cost - 1) builders need
  double build_rate_per_month = 0.002;     // starts / formal stock per unit of margin above the hurdle
  std::int32_t construction_months = 12;   // from start to completion
  double new_build_quality = 0.8;          // quality of a completed new dwelling
  double new_build_rental_share = 0.4;     // share of new dwellings built to let (rest for sale)
  double depreciation_rate_per_year = 0.004;  // net loss of quality per year (after routine upkeep)
  double upzoning_factor = 1.0;            // multiplies formal zoning capacity at start
  // A supply programme (e.g. a public-private affordable housing programme):
  // dwellings started per month regardless of profit, within zoning capacity.
  double programme_dwellings_per_month = 0;
  std::int32_t programme_start_tick = 1;
  std::int32_t programme_end_tick = 0;     // last tick with starts; 0 = none
  double programme_rental_share = 1.0;     // share of programme dwellings let (rest for sale)
  double programme_quality = 0.5;          // quality of programme dwellings (modest, so they let cheaply)
  // Social rental: vacant social dwellings go to the neediest eligible searcher.
  double social_income_limit_share_of_median = 0.8;  // eligibility: income below this x city median
  // Informal sector.
  double informal_new_quality = 0.12;      // quality of a self-built dwelling
};

// Households arriving in and leaving the city.
struct MigrationDef {
  double arrival_rate_per_month = 0.0016;  // arrivals per month / initial households
  double shock_arrival_rate_per_month = 0;  // extra arrivals per month / initial households in the shock
  std::int32_t shock_start_tick = 1;
  std::int32_t shock_end_tick = 0;         // last tick of the shock; 0 = no shock
  double arrival_income_median_per_month = 2000;
  double arrival_income_sigma_log = 0.6;
  double arrival_savings_months_of_income = 1.0;
  OriginSharesDef arrival_origin_shares{0.40, 0.45, 0.10, 0.05};
  double departure_rate_per_month = 0.001;  // out-migration of housed households
  double homeless_departure_rate_per_month = 0.03;  // out-migration of homeless households
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
  MarketDef market;
  MigrationDef migration;
  OutputsDef outputs;
};

}  // namespace hearth
