// Hazard phase, livelihood part (docs/MODEL.md 7.3): an event that damages a
// neighbourhood's homes also damages its jobs and businesses. Households
// whose neighbourhood (of their home; of their anchor when not housed) had a
// share s of its dwellings damaged to DS2+ this tick lose
// income_loss_at_full_damage x s of their income at once. The loss enters the
// AR(1) state of log income, so it fades at the economy's persistence rather
// than by a separate clock.
// Reads: Dwellings (cell, damage, damaged_at_tick), Grid::neighbourhood,
//        Households (status, dwelling, anchor_cell, base_income_per_month).
// Writes: slot i of income_log_deviation and income_per_month.
#include <cmath>
#include <vector>

#include "parallel/parallel.hpp"
#include "phases/livelihoods.hpp"

namespace hearth::disasters {

void cut_incomes_after_damage(const PhaseContext& ctx, World& world) {
  const double loss_at_full = ctx.scenario.disasters.livelihood.income_loss_at_full_damage;
  if (loss_at_full <= 0 || world.flows.dwellings_damaged == 0) return;
  const Grid& grid = world.grid;
  const Dwellings& dw = world.dwellings;
  // Damaged share per neighbourhood (serial: events are rare, and integer
  // counts make the order irrelevant anyway).
  const auto neighbourhoods = static_cast<std::size_t>(grid.neighbourhood_count);
  std::vector<std::int64_t> stock(neighbourhoods, 0), damaged(neighbourhoods, 0);
  for (std::size_t d = 0; d < dw.count(); ++d) {
    const NeighbourhoodId n = grid.neighbourhood[dw.cell[d]];
    ++stock[n];
    damaged[n] += dw.damaged_at_tick[d] == ctx.tick && static_cast<int>(dw.damage[d]) >= 2;
  }
  std::vector<float> log_keep(neighbourhoods, 0.0f);  // ln(1 - loss) per neighbourhood
  bool any = false;
  for (std::size_t n = 0; n < neighbourhoods; ++n) {
    if (stock[n] == 0 || damaged[n] == 0) continue;
    const double share = static_cast<double>(damaged[n]) / static_cast<double>(stock[n]);
    log_keep[n] = static_cast<float>(std::log1p(-loss_at_full * share));
    any = true;
  }
  if (!any) return;
  Households& hh = world.households;
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    if (!is_in_city(hh.status[i])) return;
    const DwellingId d = hh.dwelling[i];
    const CellId cell = d != kNone ? dw.cell[d] : hh.anchor_cell[i];
    const float cut = log_keep[grid.neighbourhood[cell]];
    if (cut == 0.0f) return;
    hh.income_log_deviation[i] += cut;
    hh.income_per_month[i] = hh.base_income_per_month[i] * std::exp(hh.income_log_deviation[i]);
  });
}

}  // namespace hearth::disasters
