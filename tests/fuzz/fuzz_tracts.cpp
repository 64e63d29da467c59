// libFuzzer target: the census tract CSV reader (docs/TRACTS.md). Any bytes
// must be read or refused with an InputError naming the file, line and
// column, never crash. A table that reads is also laid out on a grid and,
// when it is small, built into a city whose invariants must hold: the
// generator's geometry (projection, seed cells, nearest tracts, river line)
// meets tables no one prepared.
#include <cstddef>
#include <cstdint>
#include <string>

#include "city/tract_city.hpp"
#include "hearth/errors.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  hearth::io::TractTable table;
  try {
    table = hearth::io::parse_tracts(text, "fuzz.csv");
  } catch (const hearth::InputError&) {
    return 0;
  }
  try {
    hearth::ScenarioDef s;
    s.city.tracts.file = "fuzz.csv";
    s.city.tracts.population_scale = 0.01;
    s.city.tracts.max_distance_m = 1000;
    s.city.grid = hearth::grid_for_tracts(table, 1000, 1000);
    hearth::check_tracts_fit(s, table);
    // Build only small cities: the point is the geometry, not the size.
    const auto cells =
        static_cast<std::int64_t>(s.city.grid.width_cells) * s.city.grid.height_cells;
    std::int64_t households = 0;
    for (std::int64_t h : hearth::plan_tracts(s, table).households) households += h;
    if (cells <= 40000 && households <= 20000) {
      const hearth::World world = hearth::generate_tract_city(s, table);
      hearth::check_invariants(world);  // throws InvariantViolation: a crash for the fuzzer
    }
  } catch (const hearth::InputError&) {
  }
  return 0;
}
