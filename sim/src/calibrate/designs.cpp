#include "calibrate/designs.hpp"

#include "parallel/rng.hpp"

namespace hearth::calibrate {

Design uniform_design(std::int64_t n, std::size_t k, std::uint64_t seed, std::uint32_t block) {
  Design design(static_cast<std::size_t>(n), std::vector<double>(k));
  // One counter per point (the tick slot holds the row), draws along the row.
  for (std::size_t i = 0; i < design.size(); ++i) {
    Rng rng(seed, block, static_cast<std::uint32_t>(i), RngStream::CalibrationDesign, 0);
    for (auto& x : design[i]) x = rng.uniform();
  }
  return design;
}

Design saltelli_design(std::int64_t n, std::size_t k, std::uint64_t seed) {
  const Design a = uniform_design(n, k, seed, 0);
  const Design b = uniform_design(n, k, seed, 1);
  Design out;
  out.reserve(static_cast<std::size_t>(n) * (k + 2));
  for (std::size_t i = 0; i < a.size(); ++i) {
    out.push_back(a[i]);
    out.push_back(b[i]);
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> ab = a[i];
      ab[j] = b[i][j];
      out.push_back(std::move(ab));
    }
  }
  return out;
}

MorrisDesign morris_design(std::int64_t r, std::size_t k, int levels, std::uint64_t seed) {
  MorrisDesign out;
  const double step = 1.0 / (levels - 1);
  out.delta = levels / (2.0 * (levels - 1));
  // Base levels from which a step of delta stays on the grid: 0 .. 1 - delta.
  const auto starts = static_cast<std::uint32_t>(levels / 2);
  for (std::int64_t t = 0; t < r; ++t) {
    Rng rng(seed, 2, static_cast<std::uint32_t>(t), RngStream::CalibrationDesign, 0);
    std::vector<double> x(k);
    std::vector<int> sign(k);
    for (std::size_t j = 0; j < k; ++j) {
      sign[j] = rng.bernoulli(0.5) ? 1 : -1;
      const double low = rng.below(starts) * step;  // on the grid, <= 1 - delta
      x[j] = sign[j] > 0 ? low : low + out.delta;
    }
    std::vector<std::size_t> order(k);
    for (std::size_t j = 0; j < k; ++j) order[j] = j;
    for (std::size_t j = k; j > 1; --j)
      std::swap(order[j - 1], order[rng.below(static_cast<std::uint32_t>(j))]);
    out.points.push_back(x);
    std::vector<int> signs;
    for (std::size_t j : order) {
      x[j] += sign[j] * out.delta;
      out.points.push_back(x);
      signs.push_back(sign[j]);
    }
    out.moved.push_back(order);
    out.sign.push_back(signs);
  }
  return out;
}

}  // namespace hearth::calibrate
