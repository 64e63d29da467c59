#include "calibrate/history_matching.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "sweep/collect.hpp"

namespace hearth::calibrate {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

PointFit fit_point(const std::vector<Target>& targets,
                   const std::vector<std::vector<double>>& values, double cutoff) {
  PointFit fit;
  for (std::size_t m = 0; m < targets.size(); ++m) {
    MomentSummary s;
    double sum = 0, sum_sq = 0;
    for (const auto& replicate : values) {
      if (std::isnan(replicate[m])) continue;
      sum += replicate[m];
      ++s.n;
    }
    s.mean = s.n > 0 ? sum / static_cast<double>(s.n) : kNaN;
    for (const auto& replicate : values) {
      if (!std::isnan(replicate[m])) sum_sq += (replicate[m] - s.mean) * (replicate[m] - s.mean);
    }
    s.sd = s.n > 1 ? std::sqrt(sum_sq / static_cast<double>(s.n - 1)) : kNaN;
    const double half =
        s.n > 1 ? sweep::student_t_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n)) : kNaN;
    s.lower = s.mean - half;
    s.upper = s.mean + half;
    const double spread = std::isnan(s.sd) ? 0 : s.sd;
    const double scale = std::sqrt(targets[m].sd * targets[m].sd + spread * spread);
    s.implausibility = s.n == 0 ? kInfinity : std::abs(s.mean - targets[m].value) / scale;
    fit.max_implausibility = std::max(fit.max_implausibility, s.implausibility);
    fit.sum_squares += s.implausibility * s.implausibility;
    fit.moments.push_back(s);
  }
  fit.accepted = fit.max_implausibility <= cutoff;
  return fit;
}

std::size_t best_point(const std::vector<PointFit>& fits) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < fits.size(); ++i) {
    const auto& a = fits[i];
    const auto& b = fits[best];
    if (a.max_implausibility < b.max_implausibility ||
        (a.max_implausibility == b.max_implausibility && a.sum_squares < b.sum_squares))
      best = i;
  }
  return best;
}

UnitBox refocus(const Design& points, const std::vector<PointFit>& fits, double margin) {
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < fits.size(); ++i)
    if (fits[i].accepted) chosen.push_back(i);
  if (chosen.empty()) {
    std::vector<std::size_t> order(fits.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return fits[a].max_implausibility < fits[b].max_implausibility ||
             (fits[a].max_implausibility == fits[b].max_implausibility &&
              fits[a].sum_squares < fits[b].sum_squares);
    });
    const std::size_t keep = std::min(order.size(), std::max<std::size_t>(2, order.size() / 4));
    chosen.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep));
  }
  const std::size_t k = points.empty() ? 0 : points[0].size();
  UnitBox box{std::vector<double>(k, 1.0), std::vector<double>(k, 0.0)};
  for (std::size_t i : chosen) {
    for (std::size_t j = 0; j < k; ++j) {
      box.lower[j] = std::min(box.lower[j], points[i][j]);
      box.upper[j] = std::max(box.upper[j], points[i][j]);
    }
  }
  for (std::size_t j = 0; j < k; ++j) {
    box.lower[j] = std::max(0.0, box.lower[j] - margin);
    box.upper[j] = std::min(1.0, box.upper[j] + margin);
  }
  return box;
}

}  // namespace hearth::calibrate
