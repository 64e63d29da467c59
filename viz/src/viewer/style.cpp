// Numbers as the viewer writes them (style.hpp).
#include "viewer/style.hpp"

#include <cmath>
#include <cstdio>

namespace hearth::viz {

std::string format(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  if (decimals == 0 && std::fabs(value) >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.2fM", value / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  }
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "n/a" : format(100 * share, 1) + "%";
}

}  // namespace hearth::viz
