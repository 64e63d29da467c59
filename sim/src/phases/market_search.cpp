// Search: which vacancies a household considers, how it scores them and what
// it bids (docs/MODEL.md, "Submodel: housing market", search and bids).
// Reads: Households (income, savings, status, dwelling, anchor_cell,
//        housing_cost_per_month, mortgage_balance), Dwellings (cell, tenure,
//        quality, value, submarket, hedonic, months_on_market), the grid,
//        the submarket indices and the price index record. Writes nothing but its return value, so
//        any number of searchers run at once.
#include <cmath>
#include <limits>

#include "housing/household_economy.hpp"
#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "phases/market.hpp"
#include "phases/mortgages.hpp"

namespace hearth::market {

void build_vacancy_index(const ScenarioDef& scenario, const World& world, VacancyIndex& index) {
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const std::size_t n = index.dwellings.size();
  index.asking.resize(n);
  parallel::for_each_index(n, [&](std::size_t k) {
    index.asking[k] = asking(scenario.market, world.market, dw, index.dwellings[k],
                             scenario.mortgages.foreclosure_discount);
  });
  // Counting sort by neighbourhood; positions stay ascending within one.
  const auto hoods = static_cast<std::size_t>(grid.neighbourhood_count);
  index.neighbourhood_start.assign(hoods + 1, 0);
  for (const DwellingId d : index.dwellings)
    ++index.neighbourhood_start[grid.neighbourhood[dw.cell[d]] + 1];
  for (std::size_t i = 0; i < hoods; ++i)
    index.neighbourhood_start[i + 1] += index.neighbourhood_start[i];
  index.by_neighbourhood.resize(n);
  std::vector<std::uint32_t> next(index.neighbourhood_start.begin(),
                                  index.neighbourhood_start.end() - 1);
  for (std::size_t k = 0; k < n; ++k) {
    index.by_neighbourhood[next[grid.neighbourhood[dw.cell[index.dwellings[k]]]]++] =
        static_cast<std::uint32_t>(k);
  }
}

double max_price(const MarketDef& m, const CreditLimits& credit, double rate_per_year,
                 double income, double wealth) {
  const double down = m.deposit_share_of_savings * wealth;
  const double f = annuity_payment(1.0, rate_per_year, m.mortgage_term_years);
  const double upkeep = m.owner_upkeep_rate_per_year / 12.0;
  const double budget = credit.max_payment_share_of_income * income;
  // With a loan: the loan-to-value cap, the loan-to-income cap and the
  // payment test each bound the price; all three must hold.
  double with_loan = down + credit.loan_to_income_cap * 12.0 * income;
  if (credit.loan_to_value_cap < 1.0)
    with_loan = std::min(with_loan, down / (1.0 - credit.loan_to_value_cap));
  with_loan = std::min(with_loan, (budget + f * down) / (f + upkeep));
  // Cash buyers only need to afford the upkeep.
  const double cash = std::min(down, upkeep > 0 ? budget / upkeep : down);
  return std::max({0.0, with_loan, cash});
}

namespace {

struct Scored {
  double utility = -std::numeric_limits<double>::infinity();
  DwellingId dwelling = kNone;
  float bid = 0;
};

}  // namespace

Bid search_one(const PhaseContext& ctx, const World& world, const VacancyIndex& vacancies,
               std::int32_t round, HouseholdId h, SearchKind kind) {
  const ScenarioDef& scenario = ctx.scenario;
  const std::int32_t tick = ctx.tick;
  const CreditLimits& credit = ctx.rules.credit;
  const MarketDef& m = scenario.market;
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const auto n_vacant = static_cast<std::uint32_t>(vacancies.dwellings.size());
  if (n_vacant == 0) return {};
  Rng rng(scenario.seed, scenario.replicate, static_cast<std::uint32_t>(tick),
          static_cast<RngStream>(static_cast<std::uint32_t>(RngStream::MarketSearch) +
                                 static_cast<std::uint32_t>(round)),
          h);
  const double income = std::max(1.0f, hh.income_per_month[h]);
  const double wealth = wealth_of(m, hh, dw, h);
  // Landlords and lenders also check that what is left covers subsistence,
  // or the share of it the scenario asks (the residual-income test), with
  // the economy's equivalence scale.
  const double needs = m.residual_needs_share * needs_per_month(scenario.economy, hh.size[h]);
  const double residual = std::max(0.0, income - needs);
  const double rent_budget = std::min(m.max_rent_share_of_income * income, residual);
  // Landlords count a housing voucher towards the rent (docs/POLICIES.md#vouchers).
  const double rent_limit = voucher_rent_limit(ctx.rules, hh, h, rent_budget);
  const double rate = mortgages::rate_at(scenario, tick);
  const double price_budget = max_price(
      m, credit, rate, std::min(income, residual / credit.max_payment_share_of_income), wealth);
  const bool social_eligible =
      income < m.social_income_limit_share_of_median * scenario.city.income.median_per_month;
  // Owning costs the annuity and upkeep less the gain the household expects
  // on the price (adaptive expectations): the rent-or-buy comparison.
  const double expected_gain_per_month = expected_appreciation(m, world.market) / 12.0;
  const CellId anchor = hh.anchor_cell[h];
  const double ax = grid.x_of(anchor) + 0.5, ay = grid.y_of(anchor) + 0.5;
  const DwellingId current = hh.dwelling[h];

  auto utility = [&](DwellingId d, double cost, bool owning) {
    const CellId c = dw.cell[d];
    const double distance = std::hypot(grid.x_of(c) + 0.5 - ax, grid.y_of(c) + 0.5 - ay);
    return m.utility_quality * dw.quality[d] + m.utility_job_access * grid.job_access[c] +
           m.utility_services * grid.services(c) - m.utility_cost_share * cost / income -
           m.utility_flood_per_m * flood_depth(grid, c) -
           m.utility_distance_per_10_cells * distance / 10.0 + (owning ? m.utility_owning : 0.0);
  };

  Scored best;
  const std::int32_t wanted = m.candidates_per_searcher;
  std::int32_t found = 0;
  // Up to three draws per wanted candidate: unaffordable draws are discarded.
  for (std::int32_t attempt = 0; attempt < 3 * wanted && found < wanted; ++attempt) {
    std::uint32_t k;
    if (rng.uniform() < m.local_search_share) {
      // Near the anchor: a normal offset in cells, then any vacancy of the
      // neighbourhood it lands in (city-wide if that one has none).
      const auto x = std::clamp<std::int32_t>(
          static_cast<std::int32_t>(std::floor(ax + m.search_radius_cells * rng.normal())), 0,
          grid.width - 1);
      const auto y = std::clamp<std::int32_t>(
          static_cast<std::int32_t>(std::floor(ay + m.search_radius_cells * rng.normal())), 0,
          grid.height - 1);
      const NeighbourhoodId n = grid.neighbourhood[grid.cell_at(x, y)];
      const std::uint32_t begin = vacancies.neighbourhood_start[n];
      const std::uint32_t len = vacancies.neighbourhood_start[n + 1] - begin;
      k = len > 0 ? vacancies.by_neighbourhood[begin + rng.below(len)] : rng.below(n_vacant);
    } else {
      k = rng.below(n_vacant);
    }
    const DwellingId d = vacancies.dwellings[k];
    if (d == current) continue;
    const float ask = vacancies.asking[k];
    double cost, bid;
    bool owning = false;
    switch (dw.tenure[d]) {
      case Tenure::PrivateRental: {
        if (ask > rent_limit) continue;
        // Bidders with room in their budget offer up to max_overbid_share more.
        const double slack = (rent_limit - ask) / ask;
        bid = std::min(rent_limit, ask * (1.0 + m.max_overbid_share * std::min(1.0, slack)));
        cost = bid - voucher_subsidy(ctx.rules, hh, h, bid);
        break;
      }
      case Tenure::OwnerOccupied: {
        if (ask > price_budget) continue;
        const double slack = (price_budget - ask) / ask;
        bid = std::min(price_budget, ask * (1.0 + m.max_overbid_share * std::min(1.0, slack)));
        const Purchase p = finance_purchase(m, credit, rate, bid, income, wealth);
        if (!p.ok) continue;  // rounding at the edge of a cap
        cost = p.cost_per_month - expected_gain_per_month * bid;
        owning = true;
        break;
      }
      case Tenure::SocialRental:
        if (!social_eligible) continue;
        cost = scenario.city.social_rent_income_share * income;
        bid = -income;  // allocation by need: the lowest income wins
        break;
      default:
        continue;
    }
    ++found;
    const double u = utility(d, cost, owning) + m.utility_taste_sigma * rng.normal();
    if (u > best.utility) best = {u, d, static_cast<float>(bid)};
  }
  if (best.dwelling == kNone) return {};
  if (kind == SearchKind::Voluntary && current != kNone) {
    // Movers compare with staying (no taste draw: they know their home).
    const bool owner = hh.status[h] == Status::Owner;
    const double here = utility(
        current,
        hh.housing_cost_per_month[h] - (owner ? expected_gain_per_month * dw.value[current] : 0.0),
        owner);
    if (best.utility < here + m.moving_threshold_utility) return {};
  }
  return {best.dwelling, best.bid, h};
}

}  // namespace hearth::market
