// Recovery phase: the city's stock is built and rebuilt, in this order
// (docs/MODEL.md, "Submodel: housing market", supply; 7.5 for repairs):
//   1. the construction pipeline advances (phases/construction.cpp);
//   2. damaged dwellings are funded and repaired (phases/repairs.cpp);
//   3. once a year, the formal stock depreciates (phases/construction.cpp);
//   4. private builders and programmes start new dwellings
//      (phases/construction.cpp), under a building code in force.
// Reads and writes: see each step's header.
#include "housing/market_model.hpp"
#include "phases/construction.hpp"
#include "phases/phases.hpp"
#include "phases/repairs.hpp"

namespace hearth {

void run_recovery(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  market::ensure_initialised(s, world);
  construction::advance_pipeline(world);
  disasters::run_repairs(ctx, world);
  if (ctx.tick % 12 == 0 && s.market.depreciation_rate_per_year > 0) {
    construction::depreciate(s, world);
  }
  construction::start_new_dwellings(ctx, world);
}

}  // namespace hearth
