#pragma once
// Migration (docs/MODEL.md, "Submodel: housing market", migration), part of
// the displacement phase: departures from the city at a monthly rate by
// status (housed, homeless, displaced by a disaster), and arrivals at the
// scenario's rate (with explicit growth and an in-migration shock) who enter
// homeless and search the market this tick. Housed households' departures and
// the arrivals answer to the city's pull: its rents, vacancy and incomes
// against their level at the start (the region's reference). Arrival waves of
// disasters enter in dislocation.
// Reads: status, income, the market state (indices, vacancy, stock, the
//        reference income), the migration parameters, Dwellings::cell (an
//        arrival's network).
// Writes: a departure (serial) frees the household's dwelling, its home of
//        origin and its shelter or camp place through the tenancy seam;
//        arrivals append household rows. Counts flows.departures, arrivals.
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::migration {

// The city's pull on migrants: its signals against the reference (the
// start) and the log change of the arrival rate they make (minus that of the
// housed households' departure rate), bounded by max_log_rate_change.
struct Pull {
  double rent_relative = 1;    // mean submarket rent index / its start
  double income_relative = 1;  // median income of households in the city / at the start
  double vacancy_gap = 0;      // (smoothed formal vacancy - natural rate) / natural rate
  double log_rate_change = 0;
};
// The pull of the given signals (pure).
Pull pull_of(const MigrationDef& m, double rent_relative, double income_relative,
             double vacancy_gap);
// The city's pull this month, from the market state and the households.
Pull city_pull(const ScenarioDef& scenario, const World& world);

// The monthly chance that a household of this status leaves the city.
double departure_rate(const ScenarioDef& scenario, Status status, const Pull& pull);

// Serial: household h leaves the city from wherever it is.
void depart(const ScenarioDef& scenario, World& world, HouseholdId h);

// Households expected to arrive this month (initial households x the rate
// moved by the pull, plus explicit growth and the shock).
double expected_arrivals(const ScenarioDef& scenario, double initial_households, std::int32_t tick,
                         const Pull& pull);
// Appends this tick's arrivals: the expected number, its fraction rounded
// with a draw (stream ArrivalCount).
void add_arrivals(const PhaseContext& ctx, World& world, const Pull& pull);

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
