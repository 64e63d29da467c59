#pragma once
// Whether a tract table fits the scenario before the city is built, and how
// well a built city reproduces its tracts afterwards (hearth tracts-fit;
// docs/BOSTON.md).
#include <string>
#include <vector>

#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/world.hpp"

namespace hearth {

// Checks that the tracts fit the scenario's grid and their households its
// limits; throws InputError (file: the tract table) otherwise.
void check_tracts_fit(const ScenarioDef& scenario, const io::TractTable& table);

// How well a generated city reproduces its tracts. Targets are the table's
// figures times population_scale (households: POP x scale /
// persons_per_household); values are in the table's currency (the generated
// values divided by value_scale).
struct TractFitRow {
  std::string id, town;
  double target_households = 0, households = 0;    // housed households in the tract
  double target_population = 0, population = 0;    // persons (sum of household sizes)
  double target_owner_units = 0, owner_units = 0;  // owner-occupied dwellings with an owner
  double median_value_cmedv = -1;                  // CMEDV x 1000, -1 when absent
  double median_value_bands = -1;                  // median of the value bands
  double median_value = -1;                        // median generated owner-occupied value
  double median_income_per_month = -1;             // median generated household income
  bool bounds_river = false;
  double flooded_share = 0;  // share of the tract's dwellings with flood depth > 0
};
std::vector<TractFitRow> tract_fit(const ScenarioDef& scenario, const io::TractTable& table,
                                   const World& world);

}  // namespace hearth
