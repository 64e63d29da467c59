#pragma once
// `hearth sweep collect`: every run's indicators.csv in one tidy table (one
// row per run x tick, the plan's columns first), and DIR/summary.csv: per
// point, tick and indicator the mean across replicates with a 95% Student t
// interval. Both are written whole (temporary name, fsync, rename) and
// depend only on the plan and the finished runs, so a sweep killed and
// resumed collects to the same bytes as one that never stopped.
#include <cstdint>
#include <string>
#include <vector>

namespace hearth::sweep {

struct CollectOptions {
  std::string out;             // default DIR/collected.csv
  bool allow_missing = false;  // collect what is there instead of refusing
};

struct CollectResult {
  std::vector<std::int64_t> missing;  // run indices without a complete result
  std::int64_t runs = 0;              // runs collected
  std::int64_t rows = 0;              // data rows written
  std::string out, summary;
};

// Throws InputError when runs are missing (unless allow_missing; the result
// lists them either way) or when runs' indicator columns disagree.
CollectResult collect(const std::string& dir, const CollectOptions& options);

// The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1):
// exact table to 30, then the Cornish-Fisher expansion (error below 1e-5).
double student_t_975(std::int64_t df);

}  // namespace hearth::sweep
