#pragma once
// How many households and dwellings each tract gets, before any draw: the
// tract's population and owner-occupied units scaled to the scenario, the
// other households split over the rental and informal tenures, and the
// vacancies on top.
#include <array>
#include <cstdint>
#include <vector>

#include "hearth/ids.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"

namespace hearth {

// Household totals per tract before any draw (for the fit report and tests).
struct TractPlan {
  std::vector<std::int64_t> households;       // per tract
  std::vector<std::int64_t> owners;           // owner-occupier households per tract
  std::vector<std::int64_t> owner_dwellings;  // owner-occupied stock (with vacancies)
};
TractPlan plan_tracts(const ScenarioDef& scenario, const io::TractTable& table);

// Households and dwellings per tract and tenure (indexed by Tenure).
struct TractTenures {
  std::vector<std::array<std::int64_t, kTenureCount>> households, dwellings;
};
// Owners come from the owner-occupied units; the other households split
// into private renters, social renters and informal dwellers in the
// scenario's proportions; formal rentals get the scenario's vacancy.
TractTenures split_tenures(const ScenarioDef& scenario, const TractPlan& plan);

// Integer counts per weight that sum exactly to `total` (largest remainder;
// ties to the lower index). No randomness.
std::vector<std::int64_t> largest_remainder(std::int64_t total, const std::vector<double>& weights);

// Median value of a tract's owner-occupied units from its value bands (linear
// within the band that holds the median), in the table's currency; -1 if none.
double band_median_value(const io::Tract& tract);

}  // namespace hearth
