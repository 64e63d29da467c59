#pragma once
// The pass of the indicators phase over the dwellings: stock, vacancies,
// construction, damage and repair backlog, and per-neighbourhood sums (for
// neighbourhoods.csv and segregation); and the medians of rents, prices and
// rent-to-income ratios of occupied homes.
// Reads Dwellings (tenure, occupant, cell, damage, work_remaining_months,
// repair_funded, months_on_market, rent_per_month, value, buyout marks,
// grant_tenant, owner_household), the Grid's neighbourhoods and of the
// Households income and housing cost.
#include <array>
#include <cstdint>
#include <vector>

#include "hearth/frame.hpp"
#include "indicators/income_quintiles.hpp"
#include "state/world.hpp"

namespace hearth {

// Sums over the dwellings of one neighbourhood; "households" are those
// occupying them.
struct NeighbourhoodSums {
  std::int64_t q1 = 0, q5 = 0, households = 0, dwellings = 0, vacant = 0, rentals = 0, burdened = 0;
  std::int64_t damaged = 0, uninhabitable = 0;
  double income = 0, rent = 0;
};

struct DwellingSums {
  // Formal stock (built, not informal), its vacant part, and dwellings
  // still being built.
  std::int64_t formal = 0, vacant = 0, building = 0, months_on_market = 0;
  // The vacancy rates of the Census Bureau's Housing Vacancies and
  // Homeownership survey (HVS): private rentals let and vacant for rent;
  // owner-occupied homes occupied and vacant for sale. "For rent" and "for
  // sale" leave out what the HVS counts as held off the market or not
  // habitable: a rental held for its displaced tenant, a home whose owner
  // is away from it, dwellings in DS3 or DS4.
  std::int64_t rentals_let = 0, rentals_for_rent = 0;
  std::int64_t owned_occupied = 0, owned_for_sale = 0;
  std::array<std::int64_t, 5> damage{};  // dwellings by damage state DS0..DS4
  std::int64_t awaiting_repair = 0;
  // Damaged dwellings by the step of the recovery process they are at
  // (index: RecoveryStage; None unused).
  std::array<std::int64_t, kRecoveryStageCount> recovery_stage{};
  double backlog = 0;  // crew-months of repair work left
  std::vector<NeighbourhoodSums> by_neighbourhood;
};

// Sums are combined per fixed chunk in chunk order, so the result is the same
// at any thread count.
DwellingSums sum_dwellings(const World& world, const IncomeQuintiles& quintiles);

// Medians over the occupied private rentals (rent, rent / income) and the
// owner-occupied homes (price); kNaN where there are none.
struct DwellingMedians {
  double rent = kNaN, price = kNaN, rent_to_income = kNaN;
};

DwellingMedians dwelling_medians(const World& world);

}  // namespace hearth
