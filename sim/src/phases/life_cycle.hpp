#pragma once
// The household life cycle (docs/MODEL.md 7.10), part of the displacement
// phase: heads age a year on their household's birthday (once a year, in
// the month (tick + id) % 12 == 0, so a twelfth of the households draw each
// month); on it a death (US SSA 2019 period life table) dissolves a
// one-person household or shrinks a larger one, other exits (merging,
// moving in with family or into care) dissolve households at the rates that
// keep the scenario's age structure (state/head_ages.hpp), and a household
// with a head of 18-44 may have a child. Base incomes follow the age profile
// of median household income by age of head (Census CPS ASEC 2019). Young
// adults leaving home and splits form households, at the ages the age
// structure needs, in number matched to the households dissolved (as in
// Baptista et al. 2016, where births balance deaths), so the number of
// households and their ages are stationary without migration.
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
#include "state/head_ages.hpp"
#include "state/world.hpp"

namespace hearth::life_cycle {

// What a birthday did to a household.
enum class Event : std::uint8_t { None, Dissolve };

// The birthday rule of one tick. Counts deaths and births of its calls
// (integer sums: the same at any thread count).
class Birthdays {
 public:
  explicit Birthdays(const PhaseContext& ctx) : ctx_(ctx), ages_(head_age_table(ctx.scenario)) {}
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
  HeadAgeTable ages_;
  std::atomic<std::int64_t> deaths_{0}, births_{0};
};

// Serial: household h dissolves; its estate (savings and the net proceeds of
// a home sold) goes to a random household of the city.
void dissolve(const PhaseContext& ctx, World& world, HouseholdId h);

// Serial, after the dissolutions: n households form at ages drawn from the
// age structure's entries, each leaving a household of 2+ persons in the
// city (a young adult its parents, an older head a partner), appended as
// new rows; they enter homeless and search the market this tick. Their
// incomes centre on the region's median (MarketState::reference_median_income),
// leaning on their source household's.
void form_households(const PhaseContext& ctx, World& world, std::int64_t n);

}  // namespace hearth::life_cycle
