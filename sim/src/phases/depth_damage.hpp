#pragma once
// Flood depth-damage functions (docs/MODEL.md 7.2): the share of a building's
// value lost at a water depth above its first floor, from published tables,
// and the damage state that share maps to.
#include <array>
#include <optional>
#include <string>

#include "hearth/ids.hpp"
#include "hearth/scenario.hpp"

namespace hearth::disasters {

enum class DepthDamageCurve : std::uint8_t {
  UsaceOneStoryNoBasement,  // USACE EGM 01-03 (2000), one story, no basement
  JrcAsiaResidential,       // Huizinga, de Moel and Szewczyk (2017), Asia, residential
};

// The curve a scenario names (FloodDamageDef::curve_formal / curve_informal).
std::optional<DepthDamageCurve> depth_damage_curve(const std::string& name);

// Loss as a share of the structure's replacement value.
struct FloodLoss {
  double structure = 0;
  double contents = 0;  // contents lost, also as a share of the structure's value
};

// The loss at depth_m metres of water above the first floor (negative: below
// it), interpolated linearly in the table; 0 below the table, its last row above.
FloodLoss flood_loss(DepthDamageCurve curve, double depth_m);

// The damage state of a structure loss ratio: the highest ds whose smallest
// loss (FloodDamageDef::damage_state_min_loss) it reaches.
DamageState damage_state_of_loss(const std::array<double, 4>& min_loss, double loss);

// The curve of a structure class: informal dwellings use curve_informal.
DepthDamageCurve curve_of_class(const FloodDamageDef& f, StructureClass c);

}  // namespace hearth::disasters
