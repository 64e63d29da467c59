#pragma once
// `hearth compare A_RUN... --vs B_RUN...`: two policies (or two sweep points)
// run over the same seeds, compared pair by pair. Runs of the two sides that
// share a seed and replicate (from each manifest.json) are a pair; every
// figure of the two-run comparison (report/compare.hpp) becomes a paired
// difference B - A per pair, summarised by its mean and 95% Student t
// interval (report/paired_stats.hpp) with a verdict on its sign.
// docs/REPORTS.md says how to read it.
#include <cstdint>
#include <string>
#include <vector>

#include "report/compare.hpp"
#include "report/paired_stats.hpp"
#include "report/run_reader.hpp"

namespace hearth::report {

// What pairs a run with its counterpart: the seed and replicate its
// manifest records (a sweep's replicates share a seed and differ in replicate).
struct RunKey {
  std::uint64_t seed = 0;
  std::int64_t replicate = 0;
  bool operator<(const RunKey& o) const {
    return seed != o.seed ? seed < o.seed : replicate < o.replicate;
  }
  bool operator==(const RunKey& o) const { return seed == o.seed && replicate == o.replicate; }
};
// From the run's manifest; InputError naming the manifest when it lacks them.
RunKey run_key(const RunData& run);
std::string key_text(const RunKey& key);  // "seed 7, replicate 0"

struct PairedFigure {
  double mean_a = 0, mean_b = 0;  // over the pairs where both are defined
  PairedInterval difference;      // of B - A over those pairs
};

struct PairedComparison {
  std::string label_a, label_b;  // the sides, for the table's heading
  std::vector<RunKey> keys;      // one per pair, ascending
  // The pairs' runs as one comparison: values[0..n) are side A's runs in key
  // order, values[n..2n) side B's, so every pair shares rows and horizon.
  Comparison runs;
  std::vector<PairedFigure> figures;  // one per runs.rows entry
  std::vector<std::string> unpaired;  // "DIR (seed 3, replicate 0): no run of B has this seed"
};

// Pairs the runs of A and B by (seed, replicate) and compares them. Throws
// InputError when the scenarios differ in their number of ticks, when one
// side holds two runs of the same seed and replicate, or when fewer than two
// pairs form (naming the runs and their keys). Runs without a counterpart
// are left out and listed in `unpaired`.
PairedComparison compare_paired(const std::vector<RunData>& a, const std::vector<RunData>& b,
                                const CompareOptions& options);

// The terminal table: per figure the mean of each side, the mean difference,
// its 95% interval, the number of pairs and the verdict. Rows zero or
// undefined in every run are left out (and counted) unless `all_rows`.
std::string paired_table(const PairedComparison& comparison, bool all_rows = false);
// One CSV row per figure: scope,group,indicator,measure,tick,pairs,mean_a,
// mean_b,mean_difference,sd_difference,lower_95,upper_95,verdict.
std::string paired_csv(const PairedComparison& comparison);

}  // namespace hearth::report
