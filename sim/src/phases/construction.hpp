#pragma once
// Construction (docs/MODEL.md, "Submodel: housing market", supply), part of
// the recovery phase: the pipeline of dwellings under construction, the
// yearly depreciation of the formal stock, and new starts by private
// builders (where the expected price beats the cost) and by programmes.
// Reads: the submarket price indices, Grid (land use, zoning capacity, job
//        access, services, flood depth), MarketState::dwellings_in_cell.
// Writes: Dwellings::work_remaining_months of the pipeline, quality, hedonic
//        and submarket (depreciation, slot d), the stock counts; appends new
//        dwellings at the end, in cell order. Counts flows.construction_starts
//        and completions.
#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::construction {

// One month of work on every dwelling under construction; finished ones join the stock.
void advance_pipeline(World& world);

// Quality falls by the net depreciation rate (once a year); submarkets are
// refreshed (a dwelling can drop a band) and the stock recounted.
void depreciate(const ScenarioDef& s, World& world);

// This month's starts (private builders, then programmes), appended serially.
void start_new_dwellings(const PhaseContext& ctx, World& world);

}  // namespace hearth::construction
