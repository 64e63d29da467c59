#pragma once
// The city from census tracts (docs/MODEL.md, "Initialisation from census
// tracts"; the table's form in docs/TRACTS.md): one neighbourhood per tract,
// cells given to the nearest tract centroid in a local projection
// (tract_projection, tract_layout), rasters and a 100-year river flood on the
// CHAS tracts (tract_rasters), households and dwellings per tract from its
// population, owner-occupied units and value bands (tract_plan), incomes tied
// to the tract's values and lower-status share (tract_population), and the
// fit check (tract_fit). This header is the tract city's front door: it
// brings the parts callers use.
#include "city/tract_fit.hpp"
#include "city/tract_plan.hpp"
#include "city/tract_projection.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/world.hpp"

namespace hearth {

// Builds the whole world for tick 0 from the tract table of scenario.city.tracts.
// Deterministic in (scenario, seed, replicate) and independent of threads.
World generate_tract_city(const ScenarioDef& scenario, const io::TractTable& table);

// Reads scenario.city.tracts.file and builds the world.
World generate_tract_city(const ScenarioDef& scenario);

}  // namespace hearth
