#pragma once
// Migration (docs/MODEL.md, "Submodel: housing market", migration), part of
// the displacement phase: departures from the city at a monthly rate by
// status (housed, homeless, displaced by a disaster), and arrivals at the
// scenario's rate (with an in-migration shock) who enter homeless and search
// the market this tick. Arrival waves of disasters enter in dislocation.
// Reads: status, the migration parameters, Dwellings::cell (an arrival's network).
// Writes: a departure (serial) frees the household's dwelling, its home of
//        origin and its shelter or camp place through the tenancy seam;
//        arrivals append household rows. Counts flows.departures, arrivals.
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::migration {

// The monthly chance that a household of this status leaves the city.
double departure_rate(const ScenarioDef& scenario, Status status);

// Serial: household h leaves the city from wherever it is.
void depart(const ScenarioDef& scenario, World& world, HouseholdId h);

// Appends this tick's arrivals (cumulative floors, so fractions carry over).
void add_arrivals(const PhaseContext& ctx, World& world);

// Who arrives: lognormal incomes, savings of some months of income, a mix of
// origins, and the random stream their draws come from.
struct ArrivalDraw {
  double income_median_per_month;
  double income_sigma_log;
  double savings_months_of_income;
  OriginSharesDef origins;
  RngStream stream;
};
// Appends n households drawn so (migrants, or an arrival wave): they enter
// homeless, anchored near a random dwelling of the city (where their
// networks are). Counts flows.arrivals; returns the first new id.
HouseholdId append_arrivals(const PhaseContext& ctx, World& world, std::int64_t n,
                            const ArrivalDraw& draw);

}  // namespace hearth::migration
