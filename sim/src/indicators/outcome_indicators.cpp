// Outcomes of displacement (outcome_indicators.hpp): one pass over the
// households, each ever-displaced one added to its tenure x quintile cell
// and to its neighbourhood of origin.
#include "indicators/outcome_indicators.hpp"

#include <array>
#include <string>

#include "parallel/parallel.hpp"

namespace hearth {
namespace {

enum Outcome : int { kReturned, kSameNeighbourhood, kElsewhere, kLeft, kStillAway };

// Tenure of the home left, from the status there: owner, renter, social
// tenant, informal dweller.
constexpr int kTenures = 4;
constexpr std::array<std::string_view, kTenures> kTenureNames{"owner_occupied", "private_rental",
                                                              "social_rental", "informal"};
int tenure_of(Status origin) {
  switch (origin) {
    case Status::Owner:
      return 0;
    case Status::SocialTenant:
      return 2;
    case Status::InformalDweller:
      return 3;
    default:
      return 1;
  }
}

Outcome outcome_of(const World& world, std::size_t i) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Status status = hh.status[i];
  if (status == Status::LeftCity) return kLeft;
  const DwellingId now = hh.dwelling[i];
  if (hh.origin_dwelling[i] != kNone || !is_housed(status) || now == kNone) return kStillAway;
  const DwellingId from = hh.displaced_from[i];
  if (now == from) return kReturned;
  const auto& nbhd = world.grid.neighbourhood;
  return nbhd[dw.cell[now]] == nbhd[dw.cell[from]] ? kSameNeighbourhood : kElsewhere;
}

void add_household(OutcomeRow& row, Outcome outcome, std::int32_t tick, std::int32_t at,
                   std::int32_t back) {
  ++row.displaced;
  row.returned_home += outcome == kReturned;
  row.rehoused_same_neighbourhood += outcome == kSameNeighbourhood;
  row.resettled_elsewhere += outcome == kElsewhere;
  row.left_city += outcome == kLeft;
  row.still_away += outcome == kStillAway;
  for (std::size_t w = 0; w < kOutcomeWindowsMonths.size(); ++w) {
    const int window = kOutcomeWindowsMonths[w];
    if (tick - at < window) continue;
    ++row.cohort[w];
    row.away_over[w] += !(back > 0 && back - at <= window);
  }
}

void add_row(OutcomeRow& a, const OutcomeRow& b) {
  a.displaced += b.displaced, a.returned_home += b.returned_home;
  a.rehoused_same_neighbourhood += b.rehoused_same_neighbourhood;
  a.resettled_elsewhere += b.resettled_elsewhere, a.left_city += b.left_city;
  a.still_away += b.still_away;
  for (std::size_t w = 0; w < a.cohort.size(); ++w)
    a.cohort[w] += b.cohort[w], a.away_over[w] += b.away_over[w];
}

struct OutcomeSums {
  std::array<OutcomeRow, kTenures * 5> cells{};  // tenure x quintile
  std::vector<OutcomeRow> by_neighbourhood;
};

}  // namespace

std::vector<OutcomeRow> outcome_rows(const World& world, const IncomeQuintiles& quintiles,
                                     bool by_neighbourhood) {
  const Households& hh = world.households;
  const std::size_t neighbourhoods =
      by_neighbourhood ? static_cast<std::size_t>(world.grid.neighbourhood_count) : 0;
  OutcomeSums none;
  none.by_neighbourhood.resize(neighbourhoods);
  const OutcomeSums sums = parallel::reduce(
      hh.count(), none,
      [&](std::size_t begin, std::size_t end) {
        OutcomeSums chunk = none;
        for (std::size_t i = begin; i < end; ++i) {
          const std::int32_t at = hh.displaced_at_tick[i];
          if (at <= 0 || hh.displaced_from[i] == kNone) continue;
          const Outcome outcome = outcome_of(world, i);
          const std::int32_t back = hh.returned_at_tick[i];
          const int cell =
              tenure_of(hh.origin_status[i]) * 5 + quintiles.quintile_of(hh.income_per_month[i]);
          add_household(chunk.cells[static_cast<std::size_t>(cell)], outcome, world.tick, at, back);
          if (neighbourhoods > 0) {
            const auto n = world.grid.neighbourhood[world.dwellings.cell[hh.displaced_from[i]]];
            add_household(chunk.by_neighbourhood[n], outcome, world.tick, at, back);
          }
        }
        return chunk;
      },
      [](OutcomeSums& a, const OutcomeSums& b) {
        for (std::size_t c = 0; c < a.cells.size(); ++c) add_row(a.cells[c], b.cells[c]);
        for (std::size_t n = 0; n < a.by_neighbourhood.size(); ++n)
          add_row(a.by_neighbourhood[n], b.by_neighbourhood[n]);
      });

  std::vector<OutcomeRow> rows(1 + kTenures + 5);
  rows[0].scope = "all", rows[0].group = "all";
  for (int t = 0; t < kTenures; ++t) {
    rows[1 + t].scope = "tenure", rows[1 + t].group = std::string(kTenureNames[t]);
  }
  for (int q = 0; q < 5; ++q) {
    rows[1 + kTenures + q].scope = "income_quintile";
    rows[1 + kTenures + q].group = std::string(1, 'q');  // appended apart: GCC 12 -Wrestrict
    rows[1 + kTenures + q].group += std::to_string(q + 1);
  }
  for (int t = 0; t < kTenures; ++t) {
    for (int q = 0; q < 5; ++q) {
      const OutcomeRow& cell = sums.cells[static_cast<std::size_t>(t * 5 + q)];
      add_row(rows[0], cell);
      add_row(rows[1 + t], cell);
      add_row(rows[1 + kTenures + q], cell);
    }
  }
  for (std::size_t n = 0; n < sums.by_neighbourhood.size(); ++n) {
    OutcomeRow row = sums.by_neighbourhood[n];
    row.scope = "neighbourhood", row.group = std::to_string(n);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hearth
