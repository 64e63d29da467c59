#pragma once
// The people and homes of the tract city: dwellings spread over each
// tract's residential cells with values from its value bands, households
// with incomes tied to the tract's values and lower-status share, and the
// households settled into the dwellings of their tract.
#include <cstdint>
#include <vector>

#include "city/tract_layout.hpp"
#include "city/tract_plan.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/world.hpp"

namespace hearth {

// Creates each tract's dwellings, spread evenly over its residential cells
// (ids cell by cell, tenures in order within a cell), sets the cells'
// zoning capacity, and draws each dwelling's structure, rooms, quality,
// value and rent (tract_dwellings.cpp).
void build_tract_dwellings(const ScenarioDef& scenario, const io::TractTable& table,
                           const TractLayout& layout, const TractTenures& tenures, World& world);

// Creates the households, ids tract by tract, and draws their size, groups,
// income and savings (tract_households.cpp). Returns the first household
// id of each tract (and the count after the last).
std::vector<std::int64_t> draw_tract_households(const ScenarioDef& scenario,
                                                const io::TractTable& table, const TractPlan& plan,
                                                World& world);

// Within each tract: households ranked by noisy income into tenures, then
// matched to the tract's dwellings of their tenure by value rank
// (city/tenure_match.hpp); each household's anchor is its home's cell.
void settle_tract_households(const ScenarioDef& scenario, const TractTenures& tenures,
                             const std::vector<std::int64_t>& first, World& world);

}  // namespace hearth
