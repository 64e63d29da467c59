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
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::migration {

// The monthly chance that a household of this status leaves the city.
double departure_rate(const ScenarioDef& scenario, Status status);

// Serial: household h leaves the city from wherever it is.
void depart(const ScenarioDef& scenario, World& world, HouseholdId h);

// Appends this tick's arrivals (cumulative floors, so fractions carry over).
void add_arrivals(const PhaseContext& ctx, World& world);

}  // namespace hearth::migration
