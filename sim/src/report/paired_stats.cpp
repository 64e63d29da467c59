#include "report/paired_stats.hpp"

#include <cmath>
#include <limits>

#include "sweep/collect.hpp"

namespace hearth::report {

PairedInterval paired_interval(const std::vector<double>& differences) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  PairedInterval out;
  double sum = 0;
  for (double d : differences) {
    if (std::isnan(d)) continue;
    sum += d;
    ++out.n;
  }
  out.mean = out.n > 0 ? sum / static_cast<double>(out.n) : kNaN;
  out.sd = out.lower = out.upper = kNaN;
  if (out.n < 2) return out;
  // Two passes (mean first) keep the variance exact for differences that
  // are large numbers close together, such as household counts.
  double squares = 0;
  for (double d : differences) {
    if (!std::isnan(d)) squares += (d - out.mean) * (d - out.mean);
  }
  const auto n = static_cast<double>(out.n);
  out.sd = std::sqrt(squares / (n - 1));
  const double half =
      sweep::student_t_975(static_cast<std::int64_t>(out.n) - 1) * out.sd / std::sqrt(n);
  out.lower = out.mean - half;
  out.upper = out.mean + half;
  return out;
}

Verdict verdict_of(const PairedInterval& interval) {
  if (interval.n < 2 || std::isnan(interval.lower)) return Verdict::TooFewPairs;
  if (interval.lower > 0) return Verdict::Higher;
  if (interval.upper < 0) return Verdict::Lower;
  if (interval.mean == 0 && interval.sd == 0) return Verdict::Identical;
  return Verdict::NotDistinguishable;
}

const char* verdict_text(Verdict verdict) {
  switch (verdict) {
    case Verdict::Higher:
      return "B higher";
    case Verdict::Lower:
      return "B lower";
    case Verdict::NotDistinguishable:
      return "not distinguishable from zero";
    case Verdict::Identical:
      return "the same in every pair";
    case Verdict::TooFewPairs:
      return "too few pairs";
  }
  return "?";
}

}  // namespace hearth::report
