#pragma once
// Paired statistics for `hearth compare` over replicated runs: the runs of
// two sides that share a seed and replicate are a pair, and each figure's
// difference (B - A) is summarised over the pairs by its mean and a 95%
// Student t interval on the paired differences (docs/REPORTS.md). Pure
// functions, no I/O: tests check them against hand-computed values.
#include <cstddef>
#include <string>
#include <vector>

namespace hearth::report {

struct PairedInterval {
  std::size_t n = 0;  // pairs with both values defined
  double mean = 0;    // mean of the differences (NaN when n == 0)
  double sd = 0;      // their sample standard deviation (n - 1; NaN when n < 2)
  double lower = 0;   // mean - t(0.975, n - 1) sd / sqrt(n) (NaN when n < 2)
  double upper = 0;   // mean + t(0.975, n - 1) sd / sqrt(n)
};

// The mean and 95% interval of the differences; NaN differences (a figure
// undefined in either run of a pair) are left out of n.
PairedInterval paired_interval(const std::vector<double>& differences);

// What the interval says about the sign of the difference.
enum class Verdict {
  Higher,              // the interval lies above zero: B higher than A
  Lower,               // below zero: B lower
  NotDistinguishable,  // it holds zero
  Identical,           // every pair's difference is zero: the figure did not move
  TooFewPairs,         // fewer than two pairs: no interval
};
Verdict verdict_of(const PairedInterval& interval);
// "B higher", "B lower", "not distinguishable from zero", "the same in
// every pair", "too few pairs".
const char* verdict_text(Verdict verdict);

}  // namespace hearth::report
