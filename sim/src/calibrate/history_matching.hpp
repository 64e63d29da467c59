#pragma once
// History matching (Vernon, Goldstein & Bower 2010; for stochastic models
// Andrianakis et al. 2015): a design point is implausible for a target when
//   I = |simulated mean - target| / sqrt(sd_target^2 + s^2)
// exceeds a cutoff (3, by Pukelsheim's three-sigma rule), where s^2 is the
// variance of the moment across the point's replicates (the observed city is
// one realisation of a stochastic process, so one run's spread counts, not
// only that of the mean). A point is accepted when its largest I over the
// targets is at most the cutoff. No emulator: every point is simulated.
#include <cstdint>
#include <vector>

#include "calibrate/designs.hpp"
#include "calibrate/study.hpp"
#include "calibrate/targets.hpp"

namespace hearth::calibrate {

struct MomentSummary {
  double mean = 0, sd = 0;      // across replicates (sd NaN with one replicate)
  double lower = 0, upper = 0;  // 95% Student t interval of the mean (NaN with n < 2)
  std::int64_t n = 0;           // replicates where the moment is defined
  double implausibility = 0;    // infinite when undefined in every replicate
};

struct PointFit {
  std::vector<MomentSummary> moments;  // by target
  double max_implausibility = 0;
  double sum_squares = 0;  // sum of I^2: breaks ties between points
  bool accepted = false;
};

// Summaries of one design point's replicates (values[replicate][moment]).
PointFit fit_point(const std::vector<Target>& targets,
                   const std::vector<std::vector<double>>& values, double cutoff);

// The index of the best point: smallest largest implausibility, then
// smallest sum of squares, then the first.
std::size_t best_point(const std::vector<PointFit>& fits);

// The box of the next wave, in unit coordinates of the full ranges: the
// bounding box of the accepted points (or, when none is accepted, of the
// best quarter of the points, at least two), widened on each side by
// `margin` and clipped to [0, 1]. lower[j], upper[j] per parameter.
struct UnitBox {
  std::vector<double> lower, upper;
};
UnitBox refocus(const Design& points, const std::vector<PointFit>& fits, double margin);

}  // namespace hearth::calibrate
