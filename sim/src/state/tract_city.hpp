#pragma once
// The city from census tracts (docs/MODEL.md, "Initialisation from census
// tracts"; the table's form in docs/TRACTS.md): one neighbourhood per tract,
// cells given to the nearest tract centroid in a local projection, households
// and dwellings per tract from its population, owner-occupied units and value
// bands, incomes tied to the tract's values and lower-status share, job
// access from DIS, and a 100-year river flood on the CHAS tracts.
#include <string>
#include <vector>

#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/world.hpp"

namespace hearth {

// Centroids projected onto the scenario's grid: metres from the grid's
// south-west corner (equirectangular projection about the centroids' bounding
// box centre, which sits at the grid's centre).
struct TractPositions {
  std::vector<double> x_m, y_m;
};
TractPositions project_tracts(const io::TractTable& table, const GridDef& grid);

// The smallest grid of `cell_size_m` cells that holds every centroid with a
// margin of `margin_m` on each side. Throws InputError if it would exceed the
// schema's 4096 cells a side.
GridDef grid_for_tracts(const io::TractTable& table, double cell_size_m, double margin_m);

// Checks that the tracts fit the scenario's grid and their households its
// limits; throws InputError (file: the tract table) otherwise.
void check_tracts_fit(const ScenarioDef& scenario, const io::TractTable& table);

// Builds the whole world for tick 0 from the tract table of scenario.city.tracts.
// Deterministic in (scenario, seed, replicate) and independent of threads.
World generate_tract_city(const ScenarioDef& scenario, const io::TractTable& table);

// Reads scenario.city.tracts.file and builds the world.
World generate_tract_city(const ScenarioDef& scenario);

// Household totals per tract before any draw (for the fit report and tests).
struct TractPlan {
  std::vector<std::int64_t> households;       // per tract
  std::vector<std::int64_t> owners;           // owner-occupier households per tract
  std::vector<std::int64_t> owner_dwellings;  // owner-occupied stock (with vacancies)
};
TractPlan plan_tracts(const ScenarioDef& scenario, const io::TractTable& table);

// Median value of a tract's owner-occupied units from its value bands (linear
// within the band that holds the median), in the table's currency; -1 if none.
double band_median_value(const io::Tract& tract);

// How well a generated city reproduces its tracts (hearth tracts-fit;
// docs/BOSTON.md). Targets are the table's figures times population_scale
// (households: POP x scale / persons_per_household); values are in the
// table's currency (the generated values divided by value_scale).
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
