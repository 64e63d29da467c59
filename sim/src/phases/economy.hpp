#pragma once
// The household economy's shared rules (docs/MODEL.md, economy).
#include <cstdint>

#include "hearth/scenario.hpp"

namespace hearth {

// Subsistence needs of a household per month (the economy's OECD-modified scale).
inline double equivalence_scale(std::uint8_t size) {
  return 1.0 + 0.5 * (static_cast<double>(size) - 1.0);
}
inline double needs_per_month(const EconomyDef& e, std::uint8_t size) {
  return e.subsistence_per_person_per_month * equivalence_scale(size);
}

}  // namespace hearth
