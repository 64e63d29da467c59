#pragma once
// Reading what `hearth run` and `hearth sweep` wrote (docs/OUTPUTS.md,
// docs/SWEEPS.md) for `hearth compare` and `hearth report`. Everything is
// read by column name, so runs written by older or newer builds still load;
// a missing or malformed file is an InputError naming the file and why.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/csv_table.hpp"

namespace hearth::report {

// cells.csv: the static map of a run (absent in runs written before it existed).
struct CellMap {
  std::int32_t width = 0, height = 0;
  std::vector<std::int32_t> neighbourhood;  // per cell, row-major (y * width + x)
  std::vector<std::string> land_use;        // "residential", "water", ...
  std::vector<float> flood_depth_100yr_m;
  std::vector<std::uint8_t> informal;
  std::int32_t neighbourhood_count = 0;  // 1 + the largest id
};

struct RunData {
  std::string dir;
  std::string label;        // a short name for tables and legends
  nlohmann::json manifest;  // manifest.json as written
  nlohmann::json scenario;  // manifest's resolved scenario (an object; empty if absent)
  CsvTable indicators;
  CsvTable groups;
  std::optional<CsvTable> neighbourhoods;
  std::optional<CellMap> cells;
  std::vector<std::int32_t> ticks;  // indicators.csv's tick column, in file order
  std::vector<std::string> dates;   // its date column ("" when absent)

  // Row of indicators.csv for `tick`, or -1.
  long row_of_tick(std::int32_t tick) const;
  // A city-wide column over the ticks (all NaN when the run lacks it).
  std::vector<double> city(const std::string& column) const;
  // A groups.csv column for one group over the ticks, aligned with `ticks`
  // (NaN where a tick has no row for the group or the column is missing).
  std::vector<double> group(const std::string& kind, const std::string& group,
                            const std::string& column) const;
  // The (kind, group) pairs in groups.csv, in the order of first appearance.
  std::vector<std::pair<std::string, std::string>> group_list() const;
};

// Reads a run directory. Requires manifest.json (a JSON object),
// indicators.csv (with a `tick` column) and groups.csv; neighbourhoods.csv
// and cells.csv are optional but, when present, must be well-formed.
RunData read_run(const std::string& dir);

// Labels for several runs: the scenario names, made unique with the seed,
// replicate or directory name where two runs share one.
void label_runs(std::vector<RunData>& runs);

// A sweep directory: plan.json present.
bool is_sweep_dir(const std::string& dir);

struct SweepPoint {
  std::int64_t point = 0;
  std::string label;                // "households=5000, vacancy=0.05"
  std::vector<RunData> replicates;  // the completed runs of this point
  std::int64_t planned = 0;         // replicates in the plan
};

struct SweepData {
  std::string dir;
  std::string name;
  std::vector<std::string> parameters;
  std::vector<SweepPoint> points;
  std::int64_t missing = 0;  // planned runs without a complete result
};

// Reads a sweep's plan and every completed run under results/. Runs not yet
// done are counted in `missing`; a sweep with no completed run is an InputError.
SweepData read_sweep(const std::string& dir);

}  // namespace hearth::report
