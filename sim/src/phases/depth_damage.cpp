// Flood depth-damage tables (see depth_damage.hpp; sources in docs/MODEL.md 7.2).
#include "phases/depth_damage.hpp"

#include <algorithm>
#include <cstddef>
#include <span>

namespace hearth::disasters {
namespace {

constexpr double kMetresPerFoot = 0.3048;

// USACE EGM 01-03 (2000), generic depth-damage for one-story residential
// structures without basement: mean damage in percent of the structure's
// value at -2..16 ft above the first floor. Contents damage is also in percent
// of the structure's value (EGM 04-01, 2003, para. 3b).
constexpr std::array<double, 19> kUsaceDepthFt{-2, -1, 0,  1,  2,  3,  4,  5,  6, 7,
                                               8,  9,  10, 11, 12, 13, 14, 15, 16};
constexpr std::array<double, 19> kUsaceStructurePct{0,    2.5,  13.4, 23.3, 32.1, 40.1, 47.1,
                                                    53.2, 58.6, 63.2, 67.2, 70.5, 73.2, 75.4,
                                                    77.2, 78.5, 79.5, 80.2, 80.7};
constexpr std::array<double, 19> kUsaceContentsPct{0,    2.4,  8.1,  13.3, 17.9, 22.0, 25.7,
                                                   28.8, 31.5, 33.8, 35.7, 37.2, 38.4, 39.2,
                                                   39.7, 40.0, 40.1, 40.2, 40.3};

// JRC global flood depth-damage functions (Huizinga, de Moel and Szewczyk
// 2017), residential buildings, Asia: damage factor at 0..6 m of water.
constexpr std::array<double, 9> kJrcDepthM{0, 0.5, 1, 1.5, 2, 3, 4, 5, 6};
constexpr std::array<double, 9> kJrcAsiaResidential{0,    0.33, 0.49, 0.62, 0.72,
                                                    0.87, 0.93, 0.98, 1.00};
// The JRC functions carry one damage factor; contents are taken at half the
// structure's value (an assumption, docs/MODEL.md 7.2).
constexpr double kJrcContentsToStructure = 0.5;

double interpolate(std::span<const double> xs, std::span<const double> ys, double x) {
  if (x <= xs.front()) return ys.front();
  if (x >= xs.back()) return ys.back();
  const auto upper = std::upper_bound(xs.begin(), xs.end(), x);
  const auto k = static_cast<std::size_t>(upper - xs.begin());
  const double t = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
  return ys[k - 1] + t * (ys[k] - ys[k - 1]);
}

}  // namespace

std::optional<DepthDamageCurve> depth_damage_curve(const std::string& name) {
  if (name == "usace_one_story_no_basement") return DepthDamageCurve::UsaceOneStoryNoBasement;
  if (name == "jrc_asia_residential") return DepthDamageCurve::JrcAsiaResidential;
  return std::nullopt;
}

FloodLoss flood_loss(DepthDamageCurve curve, double depth_m) {
  if (curve == DepthDamageCurve::UsaceOneStoryNoBasement) {
    const double ft = depth_m / kMetresPerFoot;
    return {interpolate(kUsaceDepthFt, kUsaceStructurePct, ft) / 100.0,
            interpolate(kUsaceDepthFt, kUsaceContentsPct, ft) / 100.0};
  }
  const double structure = interpolate(kJrcDepthM, kJrcAsiaResidential, depth_m);
  return {structure, kJrcContentsToStructure * structure};
}

DamageState damage_state_of_loss(const std::array<double, 4>& min_loss, double loss) {
  int ds = 0;
  while (ds < 4 && loss >= min_loss[static_cast<std::size_t>(ds)]) ++ds;
  return static_cast<DamageState>(ds);
}

DepthDamageCurve curve_of_class(const FloodDamageDef& f, StructureClass c) {
  const std::string& name =
      c == StructureClass::InformalMakeshift ? f.curve_informal : f.curve_formal;
  // The loader refuses other names.
  return depth_damage_curve(name).value_or(DepthDamageCurve::UsaceOneStoryNoBasement);
}

}  // namespace hearth::disasters
