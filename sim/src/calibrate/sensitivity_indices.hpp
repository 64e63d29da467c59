#pragma once
// Estimators of global sensitivity from model outputs on the designs of
// calibrate/designs.hpp, with percentile bootstrap 95% intervals (resamples
// drawn from RngStream::CalibrationBootstrap, so they too are reproducible).
//   Morris (1991): elementary effects EE = (f(x + s delta e_j) - f(x)) / (s delta)
//     per trajectory; mu (mean), mu* (mean of |EE|, Campolongo et al. 2007) and
//     sigma (standard deviation) per parameter.
//   Sobol first order (Saltelli et al. 2010, Table 2 (b)), with f(B) centred
//   on the mean f0 of the A and B rows (Sobol' 2001: same expectation, as
//   E[f(AB_j) - f(A)] = 0, but far less noise when the mean dwarfs the
//   spread, as for a share near 0.6 that varies by 0.01):
//     S_j = mean((f(B) - f0) (f(AB_j) - f(A))) / V
//   Sobol total order (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
//     ST_j = mean((f(A) - f(AB_j))^2) / 2 / V
//   with V the variance of f over the A and B rows together.
// Points whose output is NaN (a moment undefined in that run) are left out,
// with the trajectory or base row they belong to.
#include <cstdint>
#include <vector>

#include "calibrate/designs.hpp"

namespace hearth::calibrate {

struct Interval {
  double estimate = 0, lower = 0, upper = 0;
};

struct MorrisIndex {
  Interval mu_star, sigma;
  double mu = 0;
  std::int64_t effects = 0;  // elementary effects used
};

struct SobolIndex {
  Interval first, total;
};

struct BootstrapOptions {
  std::int64_t resamples = 500;
  std::uint64_t seed = 1;
};

// Outputs f at the points of `design`, in its order.
std::vector<MorrisIndex> morris_indices(const MorrisDesign& design, const std::vector<double>& f,
                                        const BootstrapOptions& bootstrap);

// Outputs f at the points of saltelli_design(n, k, ...), in its order.
std::vector<SobolIndex> sobol_indices(std::int64_t n, std::size_t k, const std::vector<double>& f,
                                      const BootstrapOptions& bootstrap);

}  // namespace hearth::calibrate
