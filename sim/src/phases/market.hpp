#pragma once
// The housing market's internal stages (docs/MODEL.md, "Submodel: housing
// market"), exposed for the tests and the benchmark. run_market (phases.hpp)
// runs them in this order, each completed before the next starts:
//   1. refresh: dwellings marked to market, rent reviews, mortgages amortised;
//   2. who searches: a parallel decision per household, compacted in id order;
//   3. rounds of search (parallel, one bid slot per searcher) and matching
//      (bids sorted by dwelling, -bid, household id; the first bid wins;
//      winners committed serially in that order; losers retry);
//   4. the informal sector for the unhoused, self-building at the end;
//   5. submarket indices move with excess demand, bounded per month.
#include <cstdint>
#include <vector>

#include "hearth/ids.hpp"
#include "phases/phases.hpp"

namespace hearth::market {

struct Bid {
  DwellingId dwelling = kNone;  // kNone: no bid this round
  float amount = 0;  // rent or price offered (social rentals: minus income, neediest first)
  HouseholdId household = kNone;
};

// Sorts bids by (dwelling, -amount, household) and splits them: winners gets
// the first bid of each dwelling (in dwelling order), losers the rest (in
// sorted order). Deterministic whatever the input order or thread count.
void resolve_bids(std::vector<Bid>& bids, std::vector<Bid>& winners, std::vector<Bid>& losers);

// Vacancies offered this round, with a per-neighbourhood index for local draws.
struct VacancyIndex {
  std::vector<DwellingId> dwellings;  // ascending ids
  std::vector<float> asking;          // asking rent or price, aligned with dwellings
  std::vector<std::uint32_t>
      by_neighbourhood;  // positions into dwellings, grouped by neighbourhood
  std::vector<std::uint32_t> neighbourhood_start;  // CSR offsets, neighbourhood_count + 1
};
void build_vacancy_index(const ScenarioDef& scenario, const World& world, VacancyIndex& index);

enum class SearchKind : std::uint8_t { None = 0, Forced = 1, Voluntary = 2 };

// One searcher's bid in round `round`: samples candidates it can afford,
// scores them and bids on the best (or returns no bid). Reads only.
// The scenario, the tick and the credit limits come from ctx.
Bid search_one(const PhaseContext& ctx, const World& world, const VacancyIndex& vacancies,
               std::int32_t round, HouseholdId h, SearchKind kind);

// Highest price household h could pay under the lenders' caps at this
// month's mortgage rate (0 if none).
double max_price(const MarketDef& m, const CreditLimits& credit, double rate_per_year,
                 double income_per_month, double wealth);

}  // namespace hearth::market
