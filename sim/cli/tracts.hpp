#pragma once
// `hearth import-tracts CSV -o SCENARIO.json`: checks a census tract table and
// writes a ready scenario that builds the city from it (docs/TRACTS.md).
// `hearth tracts-fit SCENARIO.json`: builds that city and reports how well it
// reproduces the tracts (docs/BOSTON.md).
#include <cstdint>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace hearth::cli {

struct ImportTractsArgs {
  std::string csv;
  std::string out;
  std::string name;                     // default: the output file's stem
  double population_scale = 0.05;       // a 5% sample
  double persons_per_household = 3.14;  // US 1970 census average
  double value_scale = 1.0;             // the table's money -> the scenario's
  double social_share = 0.1;            // social renters among households that do not own
  double cell_size_m = 250;
  double max_distance_m = 2500;
  std::int32_t flood_tick = 24;  // 0: no flood event
  std::int32_t ticks = 120;
  std::uint64_t seed = 42;
  bool force = false;
};

struct TractsFitArgs {
  std::string scenario;
  std::string csv;       // per-tract table (optional)
  std::string markdown;  // report (optional)
  int threads = 0;
};

struct TractsCommands {
  CLI::App* import = nullptr;
  CLI::App* fit = nullptr;
  ImportTractsArgs import_args;
  TractsFitArgs fit_args;
};

std::unique_ptr<TractsCommands> add_tracts_commands(CLI::App& app);
int import_tracts_command(const ImportTractsArgs& args);
int tracts_fit_command(const TractsFitArgs& args);

}  // namespace hearth::cli
