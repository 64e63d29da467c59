#include "colormaps.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hearth::viz {
namespace {

// viridis at t = 0, 1/8, ..., 1 (the 9-class values of the published map).
constexpr std::array<Rgb, 9> kViridis = {{{0x44, 0x01, 0x54},
                                          {0x47, 0x2D, 0x7B},
                                          {0x3B, 0x52, 0x8B},
                                          {0x2C, 0x72, 0x8E},
                                          {0x21, 0x90, 0x8C},
                                          {0x27, 0xAD, 0x81},
                                          {0x5D, 0xC8, 0x63},
                                          {0xAA, 0xDC, 0x32},
                                          {0xFD, 0xE7, 0x25}}};
// cividis at t = 0, 0.2, ..., 1.
constexpr std::array<Rgb, 6> kCividis = {{{0, 34, 78},
                                          {53, 69, 108},
                                          {102, 105, 112},
                                          {148, 142, 119},
                                          {200, 184, 102},
                                          {254, 232, 56}}};

template <std::size_t N>
Rgb interpolate(const std::array<Rgb, N>& table, double t) {
  if (!(t > 0)) return table.front();
  if (t >= 1) return table.back();
  const double x = t * (N - 1);
  const auto i = static_cast<std::size_t>(x);
  const double f = x - static_cast<double>(i);
  auto mix = [&](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
  };
  return {mix(table[i].r, table[i + 1].r), mix(table[i].g, table[i + 1].g),
          mix(table[i].b, table[i + 1].b)};
}

}  // namespace

Rgb colour_of(Scale scale, double t) {
  return scale == Scale::Viridis ? interpolate(kViridis, t) : interpolate(kCividis, t);
}

}  // namespace hearth::viz
