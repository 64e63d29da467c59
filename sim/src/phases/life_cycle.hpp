#pragma once
// The household life cycle (docs/MODEL.md 7.10), part of the displacement
// phase: heads age a year on their household's birthday (once a year, in
// the month (tick + id) % 12 == 0, so a twelfth of the households draw each
// month); on it a death (US SSA 2019 period life table) dissolves a
// one-person household or shrinks a larger one, a one-person household of
// 80+ may merge, and a household with a head of 18-44 may have a child.
// Base incomes follow the age profile of median household income by age of
// head (Census CPS ASEC 2019). Young adults leave home and form households
// in number matched to the households dissolved (as in Baptista et al.
// 2016, where births balance deaths), so the number of households is
// stationary without migration.
// Reads: status, size, head_age_years, base_income_per_month, savings,
//        anchor_cell, origin.
// Writes: slot i of head_age_years, head_age, base_income_per_month, size
//        (birthday, parallel); dissolution (serial, through the tenancy
//        seam: an owned home is sold through the market, the estate goes to
//        a random household of the city); formation appends household rows
//        and shrinks the parents (serial). Counts flows.deaths, births,
//        dissolutions, formations.
#include <atomic>
#include <cstdint>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::life_cycle {

// Annual probability of death at an age (years), from the table.
double death_probability(int age_years);
// Median household income at an age of head, relative to the median of all
// households (1 at the all-households median).
double income_profile(int age_years);
// The band of an age: under 30, 30-64, 65+.
HeadAgeBand band_of(int age_years);

// What a birthday did to a household.
enum class Event : std::uint8_t { None, Dissolve };

// The birthday rule of one tick. Counts deaths and births of its calls
// (integer sums: the same at any thread count).
class Birthdays {
 public:
  explicit Birthdays(const PhaseContext& ctx) : ctx_(ctx) {}
  // Household h's birthday, if this is its month: writes only h's slots.
  // (The test is inline: every household is visited every month.)
  Event visit(Households& hh, HouseholdId h) {
    if ((static_cast<std::uint32_t>(ctx_.tick) + h) % 12 != 0) return Event::None;
    return birthday(hh, h);
  }
  void add_counts_to(TickFlows& flows) const;

 private:
  Event birthday(Households& hh, HouseholdId h);
  PhaseContext ctx_;  // a copy: callers may pass a temporary
  std::atomic<std::int64_t> deaths_{0}, births_{0};
};

// Serial: household h dissolves; its estate (savings and the net proceeds of
// a home sold) goes to a random household of the city.
void dissolve(const PhaseContext& ctx, World& world, HouseholdId h);

// Serial, after the dissolutions: n young adults leave their parents'
// households (in the city, 2+ persons, head 36+) and form households of
// their own, appended as new rows; they enter homeless and search the
// market this tick.
void form_households(const PhaseContext& ctx, World& world, std::int64_t n);

}  // namespace hearth::life_cycle
