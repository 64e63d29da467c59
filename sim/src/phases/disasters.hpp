#pragma once
// Pieces of the disaster submodels shared by the hazard, displacement,
// recovery and return phases (docs/MODEL.md 7.2 to 7.6): fragility curves,
// the dislocation probability, where a displaced household goes, and what
// happens to the home of a household that gives up on it. The functions that
// change links between households and dwellings are serial commits.
#include <cmath>
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

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

// The curve of a structure class for an earthquake (pga) or a flood (depth).
const FragilityCurveDef& curve_for(const FragilityDef& f, bool earthquake, StructureClass c);

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

// Probability that a household leaves a dwelling in damage state ds (DS3+: 1).
double dislocation_probability(const DislocationDef& d, const FragilityDef& f, DamageState ds,
                               bool owner, double income_per_month, double median_income);

// Subsistence needs of a household per month (the economy's OECD-modified scale).
inline double needs_per_month(const EconomyDef& e, std::uint8_t size) {
  return e.subsistence_per_person_per_month * (1.0 + 0.5 * (static_cast<double>(size) - 1.0));
}

// Serial placement of displaced households (and arrivals of waves), in the
// order given: a host household nearby, a public shelter, a camp, or away
// from the city (the Flee rule: move on when the places are full). Built once
// per phase from the World; place() commits one household.
class Placement {
 public:
  Placement(const PhaseContext& ctx, World& world);
  // `h` has no dwelling. Sets its status (DisplacedHost/Shelter/Camp or
  // LeftCity) and host; counts departures. Capacities are never exceeded.
  void place(HouseholdId h, bool allow_host = true);

 private:
  bool try_host(HouseholdId h);
  const PhaseContext& ctx_;
  World& world_;
  std::vector<std::uint8_t> guests_;                  // guests per household (0 or 1)
  std::vector<std::vector<HouseholdId>> candidates_;  // willing hosts per neighbourhood, ascending
};

// Recounts shelter and camp occupancy from the statuses.
void recount_occupancy(World& world);

// Median income of the households in the city (0 if none).
double median_income(const World& world);

// The hazard events' schedule state, sized to the scenario's list.
void ensure_event_state(const ScenarioDef& s, World& world);

// Hazard phase, livelihood part: households of neighbourhoods whose homes
// were damaged this tick lose income (sim/src/phases/livelihoods.cpp).
void cut_incomes_after_damage(const PhaseContext& ctx, World& world);

// Displacement phase, disaster part: dislocation from damaged dwellings,
// re-placement of guests whose hosts are gone, and arrival waves.
void run_dislocation(const PhaseContext& ctx, World& world);

// Guests whose host left, was evicted or was displaced move on (host, shelter,
// camp or away); called at the end of the displacement phase.
void replace_orphaned_guests(const PhaseContext& ctx, World& world);

// Recovery phase, disaster part: funding and repairs with limited crews.
void run_repairs(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
