#include "city/tract_city.hpp"

#include "city/tract_layout.hpp"
#include "city/tract_population.hpp"
#include "city/tract_rasters.hpp"

namespace hearth {

World generate_tract_city(const ScenarioDef& s, const io::TractTable& table) {
  check_tracts_fit(s, table);
  World world;
  const TractPositions pos = project_tracts(table, s.city.grid);
  const TractLayout layout = lay_out_tracts(s, table, pos, world.grid);
  paint_tract_rasters(s, table, pos, layout, world.grid);
  const TractPlan plan = plan_tracts(s, table);
  const TractTenures tenures = split_tenures(s, plan);
  build_tract_dwellings(s, table, layout, tenures, world);
  const std::vector<std::int64_t> first = draw_tract_households(s, table, plan, world);
  settle_tract_households(s, tenures, first, world);
  world.initial_households = static_cast<std::int64_t>(world.households.count());
  world.tick = 0;
  return world;
}

World generate_tract_city(const ScenarioDef& s) {
  return generate_tract_city(s, io::read_tracts(s.city.tracts.file));
}

}  // namespace hearth
