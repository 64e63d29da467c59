#pragma once
// Earthquake damage (docs/MODEL.md 7.2): lognormal fragility curves per
// structure class and the attenuation of ground shaking. Floods use
// depth-damage functions instead (depth_damage.hpp).
#include <cmath>

#include "hearth/ids.hpp"
#include "hearth/scenario.hpp"

namespace hearth::disasters {

// Standard normal CDF.
inline double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// P(DS >= ds | x) for ds = 1..4 under a lognormal fragility curve; 0 for x <= 0.
inline double exceedance(const FragilityCurveDef& curve, int ds, double x) {
  if (!(x > 0)) return 0.0;
  return normal_cdf(std::log(x / curve.median[ds - 1]) / curve.beta);
}

// The earthquake fragility curve (PGA, g) of a structure class.
const FragilityCurveDef& earthquake_curve(const FragilityDef& f, StructureClass c);

// The damage state a uniform draw u in (0, 1) gives at intensity x: the
// highest ds with u < P(DS >= ds | x). One draw per dwelling, so the states
// are nested exactly as the curves are.
inline DamageState draw_damage(const FragilityCurveDef& curve, double x, double u) {
  int ds = 0;
  while (ds < 4 && u < exceedance(curve, ds + 1, x)) ++ds;
  return static_cast<DamageState>(ds);
}

// Peak ground acceleration (g) at hypocentral distance r_km for magnitude m.
inline double pga_g(const AttenuationDef& a, double magnitude, double r_km) {
  return std::exp(a.c0 + a.c1 * magnitude -
                  a.c2 * std::log(r_km + a.c3 * std::exp(a.c4 * magnitude)));
}

}  // namespace hearth::disasters
