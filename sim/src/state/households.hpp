#pragma once
// Households as struct-of-arrays: column i belongs to household i. Ids are
// stable; a household that leaves the city keeps its row with status LeftCity.
// Columns are sized to what they hold (see docs/PERFORMANCE.md, "Memory").
#include <cstdint>
#include <vector>

#include "hearth/ids.hpp"

namespace hearth {

struct Households {
  // Hot columns: streamed by the economy, market and indicator phases.
  std::vector<float> income_per_month;        // current monthly income
  std::vector<float> savings;                 // liquid savings, never negative
  std::vector<float> housing_cost_per_month;  // rent, mortgage or user cost now paid
  std::vector<Status> status;
  std::vector<DwellingId> dwelling;  // current dwelling, kNone when not housed

  // Income process state (economy phase).
  std::vector<float> base_income_per_month;  // permanent income, median of the AR(1)
  std::vector<float> income_log_deviation;   // AR(1) state of log income around the base

  // Demographics and groups (set at generation or arrival, read by indicators).
  std::vector<std::uint8_t> size;  // persons
  std::vector<HeadAgeBand> head_age;
  std::vector<std::uint8_t>
      head_age_years;  // age of the head in years (life cycle; head_age its band)
  std::vector<std::uint8_t> female_headed;  // 0 or 1
  std::vector<std::uint8_t> disability;     // 0 or 1
  std::vector<Origin> origin;

  // Displacement and market history (filled by later phases).
  std::vector<DwellingId> origin_dwelling;  // dwelling before displacement, kNone if never
  std::vector<std::uint16_t> months_displaced;
  std::vector<float> rent_arrears;   // unpaid housing cost owed
  std::vector<std::uint16_t> moves;  // moves since the run started

  // Housing market (market and displacement phases).
  std::vector<std::uint16_t> months_in_arrears;   // consecutive months with rent_arrears > 0
  std::vector<float> mortgage_balance;            // outstanding mortgage principal, 0 if none
  std::vector<float> mortgage_payment_per_month;  // annuity payment while a balance remains
  std::vector<CellId> anchor_cell;                // where the household's life is (last home, or
                                    // where an arrival's network is); search centres here

  // Disasters (displacement and return phases; docs/MODEL.md 7.3, 7.6).
  std::vector<HouseholdId> host;  // the hosting household while DisplacedHost, else kNone
  std::vector<std::int32_t>
      displaced_at_tick;  // tick of the latest displacement by an event, 0 if never
  std::vector<std::int32_t> returned_at_tick;  // tick it returned home after it, 0 if not (yet)
  std::vector<Status> origin_status;           // status in the dwelling of origin when displaced
  std::vector<float>
      origin_housing_cost_per_month;  // housing cost there (owners resume it on return)
  // The home the latest spell away started from; unlike origin_dwelling it
  // is kept once the claim ends (returned, settled, left), so the outcome of
  // the spell can be told (docs/OUTPUTS.md, outcomes.csv). kNone if never.
  std::vector<DwellingId> displaced_from;
  // The shelter or camp site (index into housing/sites.hpp's list) of a
  // household staying in one; meaningful only with that status.
  std::vector<std::uint16_t> site;

  // Housing policy levers (docs/POLICIES.md).
  std::vector<std::uint8_t> voucher;             // 0: none; k + 1: holds a voucher of programme k
  std::vector<float> housing_subsidy_per_month;  // voucher paid towards this month's rent
  std::vector<std::uint8_t> voucher_months_unpaid;  // months in a row a holder was owed nothing

  std::size_t count() const { return status.size(); }
  void resize(std::size_t n);
};

}  // namespace hearth
