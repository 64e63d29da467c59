#pragma once
// How the indicator files write a Frame: its city row by indicator, and
// shares that are "not available" (kNaN) when there is nothing to share.
#include <array>
#include <cstdint>

#include "hearth/frame.hpp"

namespace hearth {

using CityValues = std::array<double, kCityIndicatorCount>;  // Frame::city

inline void set(CityValues& city, CityIndicator which, double value) {
  city[static_cast<int>(which)] = value;
}

inline double share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : kNaN;
}

}  // namespace hearth
