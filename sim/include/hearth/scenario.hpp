#pragma once
// ScenarioDef: the immutable, validated description of a run. Every field has
// its unit in its name and a default (the defaults are the baseline city; see
// docs/MODEL.md for their sources). Built only by io::load_scenario, which
// validates the JSON against scenarios/scenario.schema.json first.
#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "hearth/ids.hpp"

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
  double x_fraction = 0.35;            // mean position of the river across the grid, 0..1
  double meander_amplitude_cells = 6;  // sideways swing of the channel
  double width_cells = 2;              // channel width (land use water)
  double floodplain_width_cells = 8;   // distance from the bank that floods
  double flood_depth_100yr_m = 2.0;    // depth at the bank in the 100-year flood
};

struct LayoutDef {
  std::int32_t neighbourhoods_per_side = 6;  // the grid is cut into n x n neighbourhoods
  double job_centre_x_fraction = 0.55;
  double job_centre_y_fraction = 0.5;
  double job_centre_radius_cells = 6;  // land use jobs inside this radius
  double density_decay_cells = 25;     // e-folding distance of residential density
  double city_radius_fraction =
      0.48;  // beyond this (of the grid's half-diagonal scale) land is open
  double job_access_decay_cells = 30;        // e-folding distance of job accessibility
  double informal_on_hazard_share = 0.6;     // share of informal settlement cells on the floodplain
  double relocation_site_x_fraction = 0.92;  // peripheral site for resettlement programmes
  double relocation_site_y_fraction = 0.85;
  RiverDef river;
};

// A city built from a table of census tracts (docs/TRACTS.md, docs/MODEL.md
// "Initialisation from census tracts") instead of the synthetic layout: one
// neighbourhood per tract. Used when `file` is not empty; the grid must hold
// the tracts (hearth import-tracts sizes it).
struct TractsDef {
  std::string file;                    // tract CSV, relative to the working directory
  double population_scale = 1.0;       // share of the population simulated (0.05: a 5% sample)
  double persons_per_household = 3.0;  // persons per household (POP -> households)
  double value_scale = 1.0;            // multiplies the table's money (e.g. 1970 USD -> today)
  double value_to_income_ratio = 2.0;  // median value / median annual household income
  double income_lower_status_coefficient =
      1.0;                           // log income per unit of (city median - LSTAT) / 100
  double income_sigma_log = 0.5;     // s.d. of log income within a tract
  double max_distance_m = 2500;      // cells farther from every tract centroid are open land
  double job_access_decay = 4.0;     // job access = exp(-DIS / decay)
  double flood_depth_100yr_m = 2.0;  // 100-year flood depth at the river (CHAS tracts)
  double floodplain_width_m = 1000;  // depth falls to 0 this far from the river line
};

struct CityDef {
  GridDef grid;
  std::int64_t households = 20000;
  double vacancy_rate =
      0.07;  // extra rental dwellings (private and social), as a share of their households
  double owner_vacancy_rate =
      0.07;  // extra owner-occupied dwellings (for sale), as a share of owner households
  // Share of households that start doubled up with another household (the
  // poorest by noisy income rank; synthetic city only); the tenure shares
  // apply to the rest (docs/MODEL.md 7.4).
  double doubled_up_share = 0.0;
  IncomeDef income;
  // Share of households with 1, 2, 3, 4, 5, 6+ persons.
  std::array<double, 6> household_size_shares{0.28, 0.32, 0.16, 0.14, 0.06, 0.04};
  TenureSharesDef tenure;
  GroupsDef groups;
  LayoutDef layout;
  double median_price = 135000.0;            // median owner-occupied dwelling value, currency
  double gross_rent_yield_per_year = 0.045;  // annual rent / value for private rentals
  double social_rent_income_share = 0.25;    // social rent as a share of household income
  double informal_rent_per_month = 150.0;    // rent or upkeep of an informal dwelling
  TractsDef tracts;  // a real city from census tracts (off when file is empty)
};

struct EconomyDef {
  double income_persistence = 0.95;                 // AR(1) coefficient of log income per month
  double income_shock_sigma_log = 0.05;             // s.d. of the monthly shock to log income
  double subsistence_per_person_per_month = 350.0;  // non-housing consumption floor
  double consumption_share_of_surplus = 0.8;        // share of income above costs that is spent
  double subsistence_floor_share =
      0.6;  // share of subsistence a household cuts down to before missing rent
  double owner_cost_rate_per_year = 0.025;  // owners' user cost (mortgage, upkeep, tax) / value
  double initial_savings_months_of_income = 3.0;  // median savings at start, months of income
};

// The housing market (docs/MODEL.md, "Submodel: housing market"). Money is
// in the scenario's currency; rates are per month unless the name says so.
struct MarketDef {
  // Submarkets and indices.
  std::int32_t quality_bands =
      3;  // quality bands per neighbourhood (submarket = neighbourhood x band)
  double natural_vacancy_rate =
      0.07;  // rental vacancy at which a rent index is flat (Rosen and Smith 1983)
  double natural_owner_vacancy_rate = 0.07;  // for-sale vacancy at which a price index is flat
  double vacancy_response = 0.004;    // index change per month per unit of relative vacancy gap
  double excess_bid_response = 0.01;  // index change per month per losing bid per vacancy
  double max_index_change_per_month = 0.02;  // bound on an index's monthly change, either way
  double vacancy_smoothing = 0.2;            // weight of this month in the smoothed vacancy rate
  double asking_price_decay_per_month =
      0.01;  // asking price cut per month on the market (Baptista et al. 2016)
  double asking_price_floor = 0.85;  // asking price never falls below this share of index x hedonic
  // Hedonic factor: exp(sum of coefficient x (attribute - reference)).
  double hedonic_quality = 0.8;       // per unit of quality (0..1), reference 0.6
  double hedonic_rooms = 0.15;        // per room, reference 3
  double hedonic_job_access = 0.6;    // per unit of job access (0..1), reference 0.5
  double hedonic_services = 0.3;      // per unit of services (0..1), reference 0.8
  double hedonic_flood_per_m = 0.08;  // discount per metre of 100-year flood depth
  // Search.
  std::int32_t candidates_per_searcher = 8;  // affordable vacancies a searcher samples per round
  std::int32_t rounds_per_tick = 3;          // bidding rounds per month; losers retry
  double search_radius_cells = 12;  // s.d. of the distance of local candidates from the anchor
  double local_search_share = 0.6;  // share of candidate draws near the anchor (rest city-wide)
  double renter_move_rate_per_month = 0.035;   // voluntary searches of private renters
  double owner_move_rate_per_month = 0.005;    // voluntary searches of owner-occupiers
  double social_move_rate_per_month = 0.003;   // voluntary searches of social tenants
  double informal_move_rate_per_month = 0.02;  // searches for formal housing by informal dwellers
  // Chance a month that a household the market left unhoused moves in with a
  // housed household of its neighbourhood (doubling up, 7.4); 0: never.
  double doubling_up_rate_per_month = 0.0;
  double burdened_search_share_of_income = 0.4;  // renters paying more than this share search more
  double burdened_search_rate_per_month = 0.1;   // their search rate
  double max_rent_share_of_income = 0.5;  // landlords' screen: rent at most this share of income
  double residual_needs_share = 1.0;  // landlords' and lenders' residual test: income less housing
                                      // must cover this share of needs
  double max_overbid_share = 0.05;    // most a bidder offers above the asking rent or price
  double moving_threshold_utility = 0.05;  // utility gain a voluntary mover needs to move
  // Utility weights (per unit of the attribute).
  double utility_quality = 1.0;
  double utility_cost_share = 3.0;  // per unit of housing cost / income
  double utility_job_access = 0.8;
  double utility_services = 0.5;
  double utility_flood_per_m = 0.3;
  double utility_distance_per_10_cells =
      0.15;                           // staying close to the anchor (network, school, job)
  double utility_owning = 0.25;       // preference for owning over renting
  double utility_taste_sigma = 0.15;  // s.d. of idiosyncratic taste per candidate
  // Owning and credit.
  double loan_to_value_cap = 0.9;                     // largest loan / price
  double loan_to_income_cap = 4.5;                    // largest loan / annual income
  double max_mortgage_payment_share_of_income = 0.4;  // affordability test of lenders
  double mortgage_rate_per_year = 0.04;
  std::int32_t mortgage_term_years = 25;
  double deposit_share_of_savings = 0.9;     // share of savings a buyer puts down
  double owner_upkeep_rate_per_year = 0.01;  // maintenance and property tax / price, new owners
  double selling_cost_share = 0.03;          // agent and transfer costs of a sale, share of value
  // Buy-to-let investors (Baptista et al. 2016) tie prices to rents: they buy
  // dwellings for sale whose rent yield is high and sell vacant rentals whose
  // yield is low, switching the dwelling's tenure.
  // Their expected return is the gross yield plus investor_capital_gain_coefficient
  // x the expected appreciation; they buy at or above the buy threshold and sell
  // vacant rentals below the sell threshold.
  double investor_buy_yield_per_year = 0.055;      // expected return at which landlords buy
  double investor_sell_yield_per_year = 0.035;     // below it landlords sell vacant rentals
  double investor_capital_gain_coefficient = 0.5;  // weight of expected appreciation (INET)
  // Investors' balance sheet: a purchase needs equity for the deposit; the loan
  // is capped by the loan-to-value limit and by the interest cover test
  // (annual rent >= cover ratio x stressed rate x loan).
  double investor_loan_to_value_cap = 0.8;
  double investor_interest_cover_ratio = 1.25;
  double investor_stress_rate_per_year = 0.055;                 // rate of the interest cover test
  double investor_initial_equity_share_of_rental_value = 0.02;  // free equity at the start
  double investor_initial_debt_share_of_rental_value = 0.3;     // buy-to-let debt at the start
  double investor_retained_share_of_net_rent = 0.25;  // net rent kept to buy more dwellings
  // Expected house price appreciation (adaptive, as in Baptista et al. 2016):
  // factor x the annualised growth of the city's price index over the window,
  // within +-the cap; used in the rent-or-buy choice and by investors.
  double expectation_factor = 0.5;
  std::int32_t expectation_window_months = 12;
  double max_expected_appreciation_per_year = 0.1;
  // Renting.
  std::int32_t eviction_tolerance_months = 3;  // months in arrears before a landlord evicts
  std::int32_t rent_review_months = 12;        // sitting tenants' rents are reviewed this often
  double max_rent_increase_per_review = 0.10;  // cap on the increase at a review
  // Supply.
  double construction_cost_per_room =
      80000;                            // builders' cost of a new dwelling per room, land included
  double builder_hurdle_margin = 0.15;  // profit margin (price / cost - 1) builders need
  double build_rate_per_month = 0.002;  // starts / formal stock per unit of margin above the hurdle
  std::int32_t construction_months = 12;      // from start to completion
  double new_build_quality = 0.8;             // quality of a completed new dwelling
  double new_build_rental_share = 0.4;        // share of new dwellings built to let (rest for sale)
  double depreciation_rate_per_year = 0.004;  // net loss of quality per year (after routine upkeep)
  double upzoning_factor = 1.0;               // multiplies formal zoning capacity at start
  // A supply programme (e.g. a public-private affordable housing programme):
  // dwellings started per month regardless of profit, within zoning capacity.
  double programme_dwellings_per_month = 0;
  std::int32_t programme_start_tick = 1;
  std::int32_t programme_end_tick = 0;  // last tick with starts; 0 = none
  double programme_rental_share = 1.0;  // share of programme dwellings let (rest for sale)
  double programme_quality = 0.5;  // quality of programme dwellings (modest, so they let cheaply)
  // Social rental: vacant social dwellings go to the neediest eligible searcher.
  double social_income_limit_share_of_median = 0.8;  // eligibility: income below this x city median
  // Informal sector.
  double informal_new_quality = 0.12;  // quality of a self-built dwelling
};

// The household life cycle (docs/MODEL.md 7.10): ageing, deaths, births,
// young adults leaving home, merges, and an income profile by age.
struct LifeCycleDef {
  bool enabled = true;             // off: households never age, form, split or dissolve
  bool income_age_profile = true;  // base incomes follow the age profile of household income
  double birth_rate_per_year =
      0.058;  // births per household with a head 18-44 and 2+ persons (CDC NVSS 2019 GFR)
  // Density of heads aged 18 relative to those aged 30 in the age structure
  // (linear between; state/head_ages.hpp, an assumption).
  double youngest_head_density_ratio = 0.25;
  double new_household_savings_months_of_income = 1.0;  // a new household's savings (assumption)
};

// One step of the mortgage interest rate path.
struct RateStepDef {
  std::int32_t from_tick = 1;   // the rate holds from this tick on
  double rate_per_year = 0.04;  // mortgage rate, per year
};

// Mortgages of owners (docs/MODEL.md 7.11): the loans of owners present at
// the start, the interest rate path, arrears, default and foreclosure.
struct MortgagesDef {
  // Rate steps in ascending from_tick; empty: market.mortgage_rate_per_year
  // throughout. New loans and outstanding (variable-rate) loans follow it.
  std::vector<RateStepDef> rate_path;
  bool initial_mortgages = true;         // owners at the start carry a mortgage by age
  double first_purchase_age_years = 33;  // age of a head at its purchase (NAR 2019)
  double initial_loan_to_value = 0.8;    // loan / price at the initial owners' purchase
  double inflation_per_year =
      0.02;                   // erodes initial owners' nominal loans since purchase (Fed target)
  bool owner_arrears = true;  // owners who cannot pay fall into arrears (off: cut consumption)
  std::int32_t default_months_in_arrears = 3;       // 90 days delinquent: in default
  std::int32_t foreclosure_months_in_arrears = 12;  // the lender forecloses and sells
  double foreclosure_discount = 0.27;  // forced-sale discount (Campbell, Giglio and Pathak 2011)
};

// Households arriving in and leaving the city.
struct MigrationDef {
  // Arrivals per month / initial households when the city is at its reference
  // (rents, vacancy and incomes as at the start); equal to the departure rate,
  // the population is stationary there.
  double arrival_rate_per_month = 0.001;
  double population_growth_per_year = 0;  // extra arrivals per year / initial households
  double shock_arrival_rate_per_month =
      0;  // extra arrivals per month / initial households in the shock
  std::int32_t shock_start_tick = 1;
  std::int32_t shock_end_tick = 0;  // last tick of the shock; 0 = no shock
  double arrival_income_median_per_month = 2000;
  double arrival_income_sigma_log = 0.6;
  double arrival_savings_months_of_income = 1.0;
  OriginSharesDef arrival_origin_shares{0.40, 0.45, 0.10, 0.05};
  double departure_rate_per_month = 0.001;          // out-migration of housed households
  double homeless_departure_rate_per_month = 0.03;  // out-migration of homeless households
  // The city's pull: log change of the arrival rate (and minus that of housed
  // households' departure rate) per unit of each signal against the reference.
  double rent_elasticity = 1.0;      // per unit of log(rent index / start)
  double income_elasticity = 1.0;    // per unit of log(median income / start)
  double vacancy_elasticity = 0.5;   // per unit of (vacancy - natural) / natural
  double max_log_rate_change = 1.0;  // bound on the pull, either way
};

// Hazard events and the disaster submodels (docs/MODEL.md, 7.2 to 7.6).
// One event of the `hazards` list. `type` is "flood", "earthquake" or
// "arrival_wave". An event is scheduled (tick > 0) or stochastic (tick 0 and
// annual_probability > 0: each month it strikes with probability
// 1 - (1 - p)^(1/12), drawn from the counter-based generator).
struct HazardEventDef {
  std::string type = "flood";
  std::int32_t tick = 0;          // tick of a scheduled event; 0 = stochastic
  double annual_probability = 0;  // stochastic events: chance per year
  // Flood: depth raster from an ESRI ASCII grid (metres, one value per cell,
  // path relative to the working directory) or, when empty, the generated
  // 100-year depth layer scaled to the return period.
  std::string depth_file;
  double return_period_years = 100;
  double depth_growth_per_log_return_period = 0.25;  // d(T) = d100 (1 + g ln(T / 100)), at least 0
  // Earthquake: epicentre (fractions of the grid), moment magnitude, focal depth.
  double epicentre_x_fraction = 0.5;
  double epicentre_y_fraction = 0.5;
  double magnitude = 6.5;
  double focal_depth_km = 10;
  // Arrival wave (conflict or climate): households per tick for duration_ticks
  // from the event's tick, entering as displaced households.
  double households_per_tick = 0;
  std::int32_t duration_ticks = 12;
  double income_median_per_month = 1200;
  double income_sigma_log = 0.6;
  double savings_months_of_income = 0.5;
  double rural_migrant_share = 0.1;  // origin mix of the wave (normalised)
  double internally_displaced_share = 0.6;
  double refugee_share = 0.3;
};

// Lognormal fragility: P(DS >= ds | x) = Phi(ln(x / median_ds) / beta), ds = 1..4.
struct FragilityCurveDef {
  std::array<double, 4> median{};  // DS1..DS4 medians (g for PGA, m for flood depth)
  double beta = 0.6;               // log standard deviation
};

// Flood damage from depth-damage functions (docs/MODEL.md 7.2): the share of a
// dwelling's value lost to the structure (and, reported, to its contents) at
// the water depth above its first floor, mapped to a damage state for the
// rest of the model (repairs, habitability). Curves: "usace_one_story_no_basement"
// (USACE EGM 01-03, 2000) or "jrc_asia_residential" (Huizinga, de Moel and
// Szewczyk 2017). Per-class arrays: informal, unreinforced masonry, RC frame,
// code-compliant.
struct FloodDamageDef {
  std::string curve_formal = "usace_one_story_no_basement";
  std::string curve_informal = "jrc_asia_residential";
  std::array<double, 4> first_floor_height_m{0.15, 0.3, 0.3, 0.6};  // above ground
  double first_floor_height_sd_m = 0.15;  // spread of the first floor between dwellings
  // Smallest structure loss ratio of DS1..DS4.
  std::array<double, 4> damage_state_min_loss{0.005, 0.05, 0.30, 0.70};
};

// Earthquake fragility per structure class: informal/makeshift, unreinforced
// masonry, RC frame, code-compliant. Defaults: scenarios/fragility.json (its
// sources there and in docs/MODEL.md 7.2).
struct FragilityDef {
  FragilityCurveDef earthquake_informal{{0.08, 0.12, 0.20, 0.32}, 0.64};
  FragilityCurveDef earthquake_unreinforced_masonry{{0.13, 0.17, 0.26, 0.37}, 0.64};
  FragilityCurveDef earthquake_rc_frame{{0.16, 0.22, 0.40, 0.70}, 0.64};
  FragilityCurveDef earthquake_code_compliant{{0.26, 0.44, 0.88, 1.55}, 0.64};
  FloodDamageDef flood;
  // Loss (repair cost / replacement value) per damage state DS1..DS4: Hazus
  // RES1 structural + acceleration- + drift-sensitive non-structural
  // (Hazus-MH MR4 EQ Technical Manual Tables 15.2-15.4).
  std::array<double, 4> loss_ratio{0.02, 0.10, 0.447, 1.00};
  // Repair work per damage state, crew-months.
  std::array<double, 4> repair_crew_months{0.25, 1.5, 6.0, 12.0};
};

// Attenuation of peak ground acceleration: ln PGA[g] = c0 + c1 M - c2 ln(R + c3 exp(c4 M)),
// R the hypocentral distance in km. Defaults: Campbell (1981), BSSA 71(6).
struct AttenuationDef {
  double c0 = -4.141;
  double c1 = 0.868;
  double c2 = 1.09;
  double c3 = 0.0606;
  double c4 = 0.700;
};

// Household dislocation from a damaged dwelling, every damage state (Lin 2009,
// as used by IN-CORE): logit p = intercept + per_loss_percent x value lost (%)
//   + single_family x [single-family structure]
//   + per_percent_black_block_group x percent_black_block_group
//   + per_percent_hispanic_block_group x percent_hispanic_block_group.
// A place where displaced households stay (docs/MODEL.md 7.3): a public
// shelter or a camp, at a position in the city, with a capacity.
struct SiteDef {
  std::string name;         // letters, digits, _ and -, starting with a letter
  std::string kind;         // "shelter" or "camp"
  double x_fraction = 0.5;  // position: share of the city's width from the west edge
  double y_fraction = 0.5;  // share of its height from the north edge (row 0)
  std::int64_t capacity_households = 0;
};

struct DislocationDef {
  double intercept = -0.42523;
  double per_loss_percent = 0.02480;
  double single_family = -0.50166;
  double per_percent_black_block_group = -0.01826;
  double per_percent_hispanic_block_group = -0.01198;
  // The neighbourhood shares (percent): Hearth has no race; the city's stated composition.
  double percent_black_block_group = 12.4;
  double percent_hispanic_block_group = 18.7;
  // A formal dwelling counts as single-family where its cell holds at most this
  // many dwellings per hectare; informal dwellings always do.
  double single_family_max_dwellings_per_hectare = 25;
  double record_loss_probability = 0.15;  // a DS3+ dwelling's tenure record is lost
  // Where the displaced go, in order: a host, a public shelter, a camp, else away.
  double host_share = 0.25;  // share of eligible households willing to host one household
  double host_min_income_multiple =
      1.5;  // host income / subsistence needs of both households at least this
  double persons_per_room_max = 2.0;  // crowding limit in a host's dwelling
  double host_max_months = 6;  // hosting fatigue: guests move on after this many months displaced
  std::int64_t shelter_capacity_households = 500;
  std::int64_t camp_capacity_households = 1000;
  // The shelters and camps as places. Empty: one shelter and one camp at the
  // city's centre with the two capacities above (which a scenario listing
  // sites must not set). A household that finds no host picks a shelter
  // with room, else a camp with room, with weight (1 - occupancy /
  // capacity)^site_crowding_exponent / max(distance, site_distance_floor_km)
  // from its home (after Flee: attractiveness over distance).
  std::vector<SiteDef> sites;
  double site_distance_floor_km = 0.5;
  double site_crowding_exponent = 1;
  double leave_city_share = 0.05;  // share of the newly displaced who leave at once
  // Private landlords end the tenancy of a sitting tenant whose dwelling was
  // damaged this tick but stays habitable (to repair and re-let at market
  // rent); the tenant searches like any evicted household. A modelling
  // assumption (docs/MODEL.md 7.3): renters' post-disaster evictions are
  // documented (Lee and Van Zandt 2019) but not measured as a rate.
  double landlord_eviction_probability_ds1 = 0.05;
  double landlord_eviction_probability_ds2 = 0.20;
  double displaced_departure_rate_per_month = 0.01;  // out-migration of displaced households
};

// One step of the recovery process (docs/MODEL.md 7.5): a queue served in
// order of arrival, at most `capacity_per_month_per_1000_dwellings` a month,
// after which each dwelling served waits a lognormal time: median
// `median_months` (log standard deviation `beta`) for minor repairs (DS1,
// DS2), `median_months_major` (`beta_major`) for major ones (DS3, DS4).
struct RecoveryStepDef {
  double capacity_per_month_per_1000_dwellings = 100;
  double median_months = 1;
  double beta = 0.5;
  double median_months_major = 1;
  double beta_major = 0.5;
};

// Repairs and reconstruction (docs/MODEL.md 7.5).
struct RecoveryDef {
  // The recovery process before the crews: inspection, the insurance claim,
  // public aid, a repair loan, the permit and a contractor, in that order;
  // each dwelling passes through the steps that apply to it. Times in months
  // (30.44 days); sources in docs/MODEL.md 7.5.
  RecoveryStepDef inspection{200, 0.23, 0.6, 0.23, 0.6};         // ATC-138: 7 days
  RecoveryStepDef insurance_claim{200, 1.38, 1.11, 1.38, 1.11};  // REDi: 42 days
  RecoveryStepDef public_aid{200, 0.23, 0.6, 0.23, 0.6};         // FEMA IHP goal: 7 days
  RecoveryStepDef repair_loan{100, 3.45, 0.68, 3.45, 0.68};      // REDi private loans: 105 days
  RecoveryStepDef permit{100, 0.23, 0.86, 1.84, 0.32};           // REDi: 7 days; 56 days
  RecoveryStepDef contractor{100, 0.92, 0.6, 4.69, 0.33};        // ATC-138 28 d; REDi 143 d
  // Public aid to owner-occupiers for the repair of their home (after FEMA's
  // Individuals and Households Program): this share of the repair cost left
  // after insurance, at most aid_max_per_household (0: no public aid), for
  // applications within the deadline after the damage, approved at this rate.
  double aid_max_per_household = 41000;
  double aid_share_of_repair_cost = 0.1;
  double aid_application_deadline_months = 2;
  double aid_approval_share = 0.45;
  // Repair loans refused (credit): the share of applicants refused, for
  // socially vulnerable owners and for the others.
  double loan_denial_share = 0.45;
  double loan_denial_share_vulnerable = 0.75;
  // Socially vulnerable owner-occupiers: income below this share of the
  // median; their insurance claims, aid and loan applications take this many
  // times as long.
  double vulnerable_income_share_of_median = 0.5;
  double vulnerable_delay_multiple = 1.5;
  double crew_months_per_month_per_1000_dwellings = 20;  // construction capacity for repairs
  double max_crew_months_per_dwelling_per_month = 1;     // crews a site can use
  double demand_surge_slope =
      0.1;  // cost x (1 + slope x (backlog / capacity - 1)), backlog over a month
  double demand_surge_max = 0.4;  // cap on the surge (Olsen and Porter 2011)
  double insurance_take_up_owner =
      0.3;  // owner-occupiers insured (scaled by income / median, at most 1)
  double insurance_take_up_landlord = 0.5;       // private landlords insured
  double insurance_deductible_share = 0.1;       // share of the repair cost insurers do not pay
  double repair_loan_max_income_multiple = 2.0;  // repair loan up to this x annual income
  double landlord_payback_years = 12;  // landlords repair if cost <= this x annual market rent
  double savings_buffer_months = 1;    // savings kept back from repairs, months of income
  bool build_back_better = false;      // DS3+ dwellings are rebuilt code-compliant
};

// Return of displaced households (docs/MODEL.md 7.6).
// Return of displaced households (docs/MODEL.md 7.6). Each spell away draws
// once when the household will be ready to return (rate return_rate_*) and
// when it would give up (rate give_up_rate_*), both exponential in months
// away; it returns at the later of being ready and its home being habitable
// and still its own, unless it gives up first. The four rates are fitted to
// post-disaster surveys (docs/return_evidence.csv) by
// scripts/fit_return_hazards.py. Owners and informal dwellers use the owner
// rates; private and social tenants the renter rates. The give-up rates are
// the fitted ones less dislocation.displaced_departure_rate_per_month,
// which the surveys' never-returners include.
struct ReturnDef {
  double return_rate_owner_per_month = 0.0771;    // 1/month
  double give_up_rate_owner_per_month = 0.0091;   // 1/month, besides departures
  double return_rate_renter_per_month = 0.0594;   // 1/month
  double give_up_rate_renter_per_month = 0.0267;  // 1/month, besides departures
  // A private tenant displaced from its rental keeps a right to return for
  // this many months: the landlord holds the unit (no re-letting) and offers
  // it back on the same terms (at most the pre-event rent) once repaired,
  // after San Francisco Rent Board Rules and Regulations s. 12.19; the
  // length of the window is an assumption. 0: no right to return.
  double right_to_return_months = 12;
  // A household dislocated from a home left habitable (damage DS1, DS2) is
  // ready to return after this many months at the latest: the Hazus loss of
  // function of single-family housing (recovery time x modifier: DS1 5 d x 0,
  // DS2 120 d x 0.5; Hazus-MH Earthquake Technical Manual Tables 15.9-15.10).
  // The survey-fitted times above describe homes made uninhabitable.
  std::array<double, 2> habitable_home_ready_months{0.0, 2.0};
};

// Livelihood losses: households whose neighbourhood (of their home, or of
// their anchor when not housed) had a share s of its dwellings damaged to
// DS2+ by an event lose income_loss_at_full_damage x s of their income at
// once, through the AR(1) state of log income, so the loss fades at the rate
// of economy.income_persistence (half-life about 13.5 months at 0.95).
struct LivelihoodDef {
  double income_loss_at_full_damage = 0.3;
};

// Short evacuation (docs/MODEL.md 7.3): households in a flooded cell whose
// home stays habitable leave for days and are back within the tick; their
// tenancy is untouched.
struct EvacuationDef {
  double probability = 0.5;  // of a household in a cell flooded deeper than min_depth_m
  double min_depth_m = 0.0;  // depth above ground at the cell
  double mean_days = 7;      // exponential stay, capped at max_days
  double max_days = 30;
};

struct DisastersDef {
  FragilityDef fragility;
  AttenuationDef attenuation;
  DislocationDef dislocation;
  EvacuationDef evacuation;
  RecoveryDef recovery;
  ReturnDef return_home;
  LivelihoodDef livelihood;
};

// The policy programmes of the `policies` list (docs/POLICIES.md). Each
// lever's parameters are their own struct, holding only that lever's keys
// (member names are the scenario keys); modes are enums, named in the
// scenario by io/scenario_fields.hpp, the one place that maps names to them.
// Structure classes use the one enum StructureClass (hearth/ids.hpp) in every
// lever; the keys keep their historic spellings (upgrading_structure says
// informal_makeshift / reinforced_concrete_frame, the building_code keys say
// informal / rc_frame), so scenario files are unchanged.

struct RentCapLever {                            // docs/POLICIES.md#rent_cap
  double rent_cap_max_increase_per_year = 0.03;  // largest rise of a sitting tenant's rent per year
  bool rent_cap_vacancy_control =
      false;  // also cap the rent of a new tenancy (vs the previous one)
  double rent_cap_conversion_rate_per_month = 0.0;  // chance a vacant capped rental is sold off
  double rent_cap_upkeep_cut_per_year =
      0.0;  // extra quality loss per year of occupied capped rentals
};

struct VouchersLever {                         // docs/POLICIES.md#vouchers
  double voucher_rent_share_of_income = 0.30;  // the holder pays this share of income (or more)
  double voucher_payment_standard_per_month = 1200;  // the largest rent the voucher covers
  double voucher_income_limit_share_of_median =
      0.5;                                // eligibility: income below this x city median
  std::int32_t voucher_lapse_months = 6;  // months without a payment before a voucher lapses
};

enum class SocialAllocation : std::uint8_t { Need, Lottery, WaitingList };

struct SocialHousingLever {                // docs/POLICIES.md#social_housing
  double social_units_per_year = 120;      // construction starts per year
  std::vector<std::int32_t> social_sites;  // neighbourhood ids; empty = anywhere with room
  double social_cost_per_unit = 0;         // currency; 0 = 3 rooms x construction_cost_per_room
  std::int32_t social_construction_months = 12;  // from start to completion
  double social_rent_share_of_income = 0.25;     // rent of the programme's units
  SocialAllocation social_allocation = SocialAllocation::Need;
  double social_income_limit_share_of_median = 0.8;  // eligibility for the programme's units
};

enum class UpgradingMode : std::uint8_t { InSitu, Relocation, Clearance };
enum class UpgradingTarget : std::uint8_t { All, Floodplain, Neighbourhoods };

struct UpgradingLever {  // docs/POLICIES.md#upgrading
  UpgradingMode upgrading_mode = UpgradingMode::InSitu;
  UpgradingTarget upgrading_target = UpgradingTarget::All;
  std::vector<std::int32_t> upgrading_neighbourhoods;  // with target neighbourhoods
  double upgrading_dwellings_per_month = 50;           // dwellings treated per month
  double upgrading_cost_per_dwelling = 5000;           // currency, from the budget
  double upgrading_services_level = 0.9;  // in_situ: water, sanitation, power of the cell
  double upgrading_quality = 0.45;        // in_situ: dwelling quality at least this
  StructureClass upgrading_structure = StructureClass::UnreinforcedMasonry;  // in_situ: after
  double upgrading_drainage_depth_m = 0.0;  // in_situ: flood depth drainage takes off the cell
  std::int32_t upgrading_site_cell = -1;    // relocation: site cell; -1 = the city's site
  double upgrading_drift_back_rate_per_month = 0.02;  // relocation: at job access 0, per month
};

struct BuildingCodeLever {  // docs/POLICIES.md#building_code
  StructureClass code_new_structure = StructureClass::CodeCompliant;      // new formal dwellings
  StructureClass code_rebuild_structure = StructureClass::CodeCompliant;  // repaired stock
  std::int32_t code_rebuild_min_damage_state = 3;  // repairs from this damage state rebuild to code
  double code_rebuild_cost_premium = 0.01;  // extra share of the repair cost for building to code
  double retrofit_share_per_year = 0;       // share of eligible dwellings offered a retrofit a year
  StructureClass retrofit_eligible_structure =
      StructureClass::UnreinforcedMasonry;  // this class or weaker
  bool retrofit_informal = false;           // informal dwellings may be retrofitted too
  StructureClass retrofit_structure = StructureClass::CodeCompliant;  // class after a retrofit
  double retrofit_uptake = 0.5;               // share of the owners offered who accept
  double retrofit_cost_per_dwelling = 20000;  // currency
  double retrofit_subsidy_share = 0.5;        // share of the cost paid from the budget
};

enum class GrantsTargeting : std::uint8_t { OwnersOnly, Everyone, DamageBased, NeedBased };

struct ReconstructionGrantsLever {  // docs/POLICIES.md#reconstruction_grants
  GrantsTargeting grants_targeting = GrantsTargeting::OwnersOnly;
  double grants_cap_per_dwelling = 75000;            // currency (damage_based: x the loss ratio)
  std::int32_t grants_min_damage_state = 1;          // dwellings damaged at least this much
  double grants_income_limit_share_of_median = 0.8;  // need_based: income below this x median
};

enum class MoratoriumWindow : std::uint8_t {
  Fixed,            // start_tick..end_tick
  MonthsAfterEvent  // moratorium_months after each hazard event within the window
};

struct EvictionMoratoriumLever {  // docs/POLICIES.md#eviction_moratorium
  MoratoriumWindow moratorium_window = MoratoriumWindow::Fixed;
  std::int32_t moratorium_months = 6;  // length after each event (months_after_event)
};

enum class BuyoutZone : std::uint8_t {
  Floodplain,  // cells of at least buyout_min_flood_depth_m (100-year depth)
  Damaged      // dwellings damaged at least buyout_min_damage_state
};

struct BuyoutLever {  // docs/POLICIES.md#buyout
  BuyoutZone buyout_zone = BuyoutZone::Floodplain;
  double buyout_min_flood_depth_m = 0.5;        // floodplain: cells at least this deep
  std::int32_t buyout_min_damage_state = 3;     // damaged: dwellings damaged at least this much
  double buyout_price_share = 1.0;              // price as a share of the pre-event market value
  double buyout_uptake_per_year = 0.3;          // chance per year that an offered owner sells
  double buyout_tenant_relocation_months = 12;  // months of rent paid to each tenant rehoused
};

struct ShelterCapacityLever {                     // docs/POLICIES.md#shelter_capacity
  std::int64_t shelter_extra_places = 0;          // public shelter places added, households
  std::int64_t camp_extra_places = 0;             // camp places added, households
  double shelter_cost_per_place_per_month = 300;  // currency per place open, used or not
};

struct RecordRestorationLever {         // docs/POLICIES.md#record_restoration
  double records_per_month = 50;        // tenure records restored per month
  double record_cost_per_record = 400;  // currency
};

struct MortgageRulesLever {  // docs/POLICIES.md#mortgage_rules; 0 = keep the market's default
  double mortgage_loan_to_value_cap = 0;
  double mortgage_loan_to_income_cap = 0;
  double mortgage_payment_to_income_cap = 0;
};

// The lever of a programme and its parameters. The alternatives are in the
// order of policy::Lever (policy/policies.hpp), whose names are the `type` key.
using LeverDef =
    std::variant<RentCapLever, VouchersLever, SocialHousingLever, UpgradingLever, BuildingCodeLever,
                 ReconstructionGrantsLever, EvictionMoratoriumLever, BuyoutLever,
                 ShelterCapacityLever, RecordRestorationLever, MortgageRulesLever>;

// One programme of the `policies` list: the fields every lever has, and its
// lever. A programme acts from start_tick to end_tick (inclusive; 0 = to the
// end of the run) through the model's mechanisms, never on an indicator.
// Programmes that cost public money draw on budget_per_year: each programme
// year (12 ticks from start_tick) it may spend at most that much; what is not
// spent does not carry over.
struct ProgrammeDef {
  std::string label;  // free text for outputs and reports; defaults to the type
  std::int32_t start_tick = 1;
  std::int32_t end_tick = 0;   // last tick the programme acts; 0 = to the end of the run
  double budget_per_year = 0;  // public money a programme year may spend (costly levers)
  LeverDef lever;              // the `type` key and the lever's own keys
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
  std::int32_t ticks = 120;            // months simulated
  std::string start_date = "2026-01";  // YYYY-MM of tick 1
  CityDef city;
  EconomyDef economy;
  MarketDef market;
  MigrationDef migration;
  LifeCycleDef life_cycle;
  MortgagesDef mortgages;
  std::vector<HazardEventDef> hazards;  // disasters and arrival waves
  DisastersDef disasters;
  std::vector<ProgrammeDef> policies;  // policy programmes (docs/POLICIES.md)
  OutputsDef outputs;
};

}  // namespace hearth
