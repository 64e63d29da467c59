#pragma once
// Designs over the unit hypercube [0, 1]^k, each a pure function of a seed
// (counter-based Philox draws, RngStream::CalibrationDesign), so a
// calibration or sensitivity directory is planned the same on any machine.
// Parameters map unit coordinates to values (calibrate/parameters.hpp).
#include <cstdint>
#include <vector>

namespace hearth::calibrate {

using Design = std::vector<std::vector<double>>;  // rows: points; columns: parameters

// n points uniformly and independently in [0, 1)^k; `block` picks an
// independent stream (A and B of a Saltelli design use blocks 0 and 1).
Design uniform_design(std::int64_t n, std::size_t k, std::uint64_t seed, std::uint32_t block);

// The Saltelli (2010) design for first- and total-order Sobol indices: for
// each of n base rows, A_i, B_i, then AB_i^(j) (A_i with column j from B_i)
// for j = 0..k-1: n (k + 2) points, in that order.
Design saltelli_design(std::int64_t n, std::size_t k, std::uint64_t seed);

// Morris (1991) trajectories on a grid of `levels` levels (0, 1/(levels-1),
// ..., 1) with step delta = levels / (2 (levels - 1)): each trajectory has
// k + 1 points, moving one parameter (in a random order, up or down) by
// delta at each step. r trajectories, r (k + 1) points.
struct MorrisDesign {
  Design points;
  double delta = 0;
  // step s of trajectory t moved parameter moved[t][s] by sign[t][s] * delta
  std::vector<std::vector<std::size_t>> moved;
  std::vector<std::vector<int>> sign;
};
MorrisDesign morris_design(std::int64_t r, std::size_t k, int levels, std::uint64_t seed);

}  // namespace hearth::calibrate
