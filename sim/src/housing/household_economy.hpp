#pragma once
// The household economy's shared rules (docs/MODEL.md, economy).
#include <cstdint>

#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

// Subsistence needs of a household per month (the economy's OECD-modified scale).
inline double equivalence_scale(std::uint8_t size) {
  return 1.0 + 0.5 * (static_cast<double>(size) - 1.0);
}
inline double needs_per_month(const EconomyDef& e, std::uint8_t size) {
  return e.subsistence_per_person_per_month * equivalence_scale(size);
}

// Median income of the households in the city (0 if none).
double median_income(const World& world);

}  // namespace hearth
