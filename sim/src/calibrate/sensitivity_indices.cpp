#include "calibrate/sensitivity_indices.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "parallel/rng.hpp"

namespace hearth::calibrate {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The 2.5% and 97.5% percentiles of `values` (sorted in place), linearly
// interpolated; NaN values are dropped first.
std::pair<double, double> percentile_interval(std::vector<double>& values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  if (values.empty()) return {kNaN, kNaN};
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(pos));
    const std::size_t high = std::min(low + 1, values.size() - 1);
    return values[low] + (pos - static_cast<double>(low)) * (values[high] - values[low]);
  };
  return {at(0.025), at(0.975)};
}

// Bootstrap resample b of `units` units: unit indices drawn with replacement.
std::vector<std::size_t> resample(std::size_t units, std::int64_t b, std::uint64_t seed) {
  Rng rng(seed, 0, static_cast<std::uint32_t>(b), RngStream::CalibrationBootstrap, 0);
  std::vector<std::size_t> picks(units);
  for (auto& p : picks) p = rng.below(static_cast<std::uint32_t>(units));
  return picks;
}

struct MorrisStats {
  double mu = kNaN, mu_star = kNaN, sigma = kNaN;
  std::int64_t n = 0;
};

// Statistics of parameter j over the trajectories `picks` (repeats allowed).
MorrisStats morris_stats(const std::vector<double>& effects,
                         const std::vector<std::size_t>& picks) {
  MorrisStats s;
  double sum = 0, sum_abs = 0;
  std::vector<double> used;
  for (std::size_t t : picks) {
    if (std::isnan(effects[t])) continue;
    used.push_back(effects[t]);
    sum += effects[t];
    sum_abs += std::abs(effects[t]);
  }
  s.n = static_cast<std::int64_t>(used.size());
  if (used.empty()) return s;
  const double n = static_cast<double>(used.size());
  s.mu = sum / n;
  s.mu_star = sum_abs / n;
  double ss = 0;
  for (double e : used) ss += (e - s.mu) * (e - s.mu);
  s.sigma = used.size() > 1 ? std::sqrt(ss / (n - 1)) : kNaN;
  return s;
}

struct SobolSums {
  std::vector<double> first, total;
};

// S_j and ST_j over the base rows `picks` (repeats allowed).
SobolSums sobol_estimate(std::size_t k, const std::vector<double>& f,
                         const std::vector<std::size_t>& picks) {
  SobolSums out{std::vector<double>(k, kNaN), std::vector<double>(k, kNaN)};
  const std::size_t stride = k + 2;
  double sum = 0, sum_sq = 0, count = 0;
  std::vector<std::size_t> rows;
  for (std::size_t i : picks) {
    bool ok = true;
    for (std::size_t c = 0; c < stride; ++c) ok = ok && !std::isnan(f[i * stride + c]);
    if (!ok) continue;
    rows.push_back(i);
    for (std::size_t c = 0; c < 2; ++c) {
      const double y = f[i * stride + c];
      sum += y;
      sum_sq += y * y;
      count += 1;
    }
  }
  if (count < 2) return out;
  const double mean = sum / count;
  const double variance = (sum_sq - count * mean * mean) / (count - 1);
  if (!(variance > 0)) return out;
  for (std::size_t j = 0; j < k; ++j) {
    double first = 0, total = 0;
    for (std::size_t i : rows) {
      const double a = f[i * stride], b = f[i * stride + 1], ab = f[i * stride + 2 + j];
      first += (b - mean) * (ab - a);
      total += (a - ab) * (a - ab);
    }
    const double n = static_cast<double>(rows.size());
    out.first[j] = first / n / variance;
    out.total[j] = total / n / 2 / variance;
  }
  return out;
}

}  // namespace

std::vector<MorrisIndex> morris_indices(const MorrisDesign& design, const std::vector<double>& f,
                                        const BootstrapOptions& bootstrap) {
  const std::size_t r = design.moved.size();
  const std::size_t k = r == 0 ? 0 : design.moved[0].size();
  // effects[j][t]: the elementary effect of parameter j in trajectory t.
  std::vector<std::vector<double>> effects(k, std::vector<double>(r, kNaN));
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t s = 0; s < k; ++s) {
      const double before = f[t * (k + 1) + s], after = f[t * (k + 1) + s + 1];
      effects[design.moved[t][s]][t] = (after - before) / (design.sign[t][s] * design.delta);
    }
  }
  std::vector<std::size_t> all(r);
  for (std::size_t t = 0; t < r; ++t) all[t] = t;
  std::vector<MorrisIndex> out(k);
  std::vector<std::vector<std::size_t>> picks;
  for (std::int64_t b = 0; b < bootstrap.resamples; ++b)
    picks.push_back(resample(r, b, bootstrap.seed));
  for (std::size_t j = 0; j < k; ++j) {
    const MorrisStats whole = morris_stats(effects[j], all);
    out[j].mu = whole.mu;
    out[j].effects = whole.n;
    out[j].mu_star.estimate = whole.mu_star;
    out[j].sigma.estimate = whole.sigma;
    std::vector<double> mu_star, sigma;
    for (const auto& p : picks) {
      const MorrisStats s = morris_stats(effects[j], p);
      mu_star.push_back(s.mu_star);
      sigma.push_back(s.sigma);
    }
    std::tie(out[j].mu_star.lower, out[j].mu_star.upper) = percentile_interval(mu_star);
    std::tie(out[j].sigma.lower, out[j].sigma.upper) = percentile_interval(sigma);
  }
  return out;
}

std::vector<SobolIndex> sobol_indices(std::int64_t n, std::size_t k, const std::vector<double>& f,
                                      const BootstrapOptions& bootstrap) {
  const auto rows = static_cast<std::size_t>(n);
  std::vector<std::size_t> all(rows);
  for (std::size_t i = 0; i < rows; ++i) all[i] = i;
  const SobolSums whole = sobol_estimate(k, f, all);
  std::vector<std::vector<double>> first(k), total(k);
  for (std::int64_t b = 0; b < bootstrap.resamples; ++b) {
    const SobolSums s = sobol_estimate(k, f, resample(rows, b, bootstrap.seed));
    for (std::size_t j = 0; j < k; ++j) {
      first[j].push_back(s.first[j]);
      total[j].push_back(s.total[j]);
    }
  }
  std::vector<SobolIndex> out(k);
  for (std::size_t j = 0; j < k; ++j) {
    out[j].first.estimate = whole.first[j];
    out[j].total.estimate = whole.total[j];
    std::tie(out[j].first.lower, out[j].first.upper) = percentile_interval(first[j]);
    std::tie(out[j].total.lower, out[j].total.upper) = percentile_interval(total[j]);
  }
  return out;
}

}  // namespace hearth::calibrate
