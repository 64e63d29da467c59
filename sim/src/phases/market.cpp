// Housing market phase (docs/MODEL.md, "Submodel: housing market"); the
// stages are listed in phases/market.hpp.
// Reads: Households (income, savings, status, dwelling, rent_arrears,
//        anchor_cell), Dwellings (all), Grid, the market parameters.
// Writes: Dwellings::value, rent_per_month, lease_months, months_on_market,
//        occupant, owner_kind, owner_household (refresh: slot d; matching:
//        serial commit); Households::housing_cost_per_month,
//        mortgage_balance, mortgage_payment_per_month (refresh: slot i),
//        status, dwelling, savings, moves, anchor_cell, months_in_arrears
//        (serial commit); the submarket indices, the price index record and
//        the investors' balance sheet; appends informal dwellings at the end. Counts flows.moves,
//        searchers, lettings, sales, informal_entries, informal_self_built.
#include "phases/market.hpp"

#include <algorithm>
#include <cmath>

#include "housing/doubling_up.hpp"
#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "phases/mortgages.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

using market::Bid;
using market::SearchKind;

// Stage 1: values marked to market, rent reviews of sitting tenants, mortgage
// amortisation. Dwelling d writes its own slot and its occupant's housing
// cost (one occupant per dwelling, so no two dwellings write one household).
void refresh(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const MarketDef& m = s.market;
  // A rent_cap programme lowers the cap on the rise at a review (docs/POLICIES.md).
  const double max_increase = ctx.rules.max_rent_increase_per_review;
  const MarketState& state = world.market;
  Dwellings& dw = world.dwellings;
  Households& hh = world.households;
  const auto review = static_cast<std::uint16_t>(m.rent_review_months);
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    const Tenure tenure = dw.tenure[d];
    if (tenure == Tenure::Informal || dw.work_remaining_months[d] > 0) return;
    const std::uint32_t sm = dw.submarket[d];
    const HouseholdId h = dw.occupant[d];
    // Values are marked to market (owners' mortgages keep the price paid).
    dw.value[d] = state.price_index[sm] * dw.hedonic[d];
    if (h == kNone || tenure == Tenure::OwnerOccupied) return;
    const auto months = static_cast<std::uint16_t>(std::min<int>(dw.lease_months[d] + 1, 65535));
    dw.lease_months[d] = months;
    if (months % review != 0) return;
    float rent = dw.rent_per_month[d];
    if (tenure == Tenure::PrivateRental) {
      // Reviews move the rent to the market rent, rises capped per review.
      rent = rents::reviewed_rent(rent, rents::market_rent(state, dw, static_cast<DwellingId>(d)),
                                  max_increase);
    } else if (tenure == Tenure::SocialRental) {
      rent = rents::social_rent(rents::social_rent_share(s, dw, static_cast<DwellingId>(d)),
                                hh.income_per_month[h]);
    }
    // One dwelling per tenant: the parallel loop writes only d's and its tenant's slots.
    rents::set_rent(world, static_cast<DwellingId>(d), rent);
  });
  const float monthly_rate = static_cast<float>(mortgages::rate_at(s, ctx.tick) / 12.0);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    float balance = hh.mortgage_balance[i];
    if (balance <= 0.0f || hh.status[i] != Status::Owner) return;
    const float payment = hh.mortgage_payment_per_month[i];
    balance -= payment - balance * monthly_rate;
    if (balance <= 1.0f) {
      // Paid off: the housing cost drops to the upkeep.
      hh.housing_cost_per_month[i] = std::max(0.0f, hh.housing_cost_per_month[i] - payment);
      hh.mortgage_payment_per_month[i] = 0;
      balance = 0;
    }
    hh.mortgage_balance[i] = balance;
  });
}

// Stage 2: forced searchers (homeless, displaced) always search; housed
// households search at their tenure's rate, burdened renters more often.
std::vector<std::uint8_t> decide_searchers(const ScenarioDef& s, const World& world,
                                           std::int32_t tick) {
  const MarketDef& m = s.market;
  const Households& hh = world.households;
  std::vector<std::uint8_t> kind(hh.count(), 0);
  parallel::for_range(hh.count(), [&](std::size_t begin, std::size_t end) {
    LaneRng rng(s.seed, s.replicate, static_cast<std::uint32_t>(tick), RngStream::MarketHouseholds);
    for (std::size_t i = begin; i < end; ++i) {
      const Status status = hh.status[i];
      if (!is_in_city(status)) continue;
      if (!is_housed(status)) {
        kind[i] = static_cast<std::uint8_t>(SearchKind::Forced);
        continue;
      }
      double rate = 0;
      switch (status) {
        case Status::Owner:
          rate = m.owner_move_rate_per_month;
          break;
        case Status::Renter:
          rate = m.renter_move_rate_per_month;
          // (Net of a housing voucher's payment, docs/POLICIES.md#vouchers.)
          if (hh.housing_cost_per_month[i] - hh.housing_subsidy_per_month[i] >
              m.burdened_search_share_of_income * hh.income_per_month[i]) {
            rate = std::max(rate, m.burdened_search_rate_per_month);
          }
          // A tenant in arrears looks for something cheaper every month, before
          // the landlord's tolerance runs out.
          if (hh.rent_arrears[i] > 0.0f) rate = 1.0;
          break;
        case Status::SocialTenant:
          rate = m.social_move_rate_per_month;
          break;
        case Status::InformalDweller:
          rate = m.informal_move_rate_per_month;
          // A voucher holder looks for a private rental every month.
          if (hh.voucher[i] != 0) rate = 1.0;
          break;
        default:
          break;
      }
      if (rng.bernoulli(static_cast<std::uint32_t>(i), rate)) {
        kind[i] = static_cast<std::uint8_t>(SearchKind::Voluntary);
      }
    }
  });
  return kind;
}

// Serial commit of one winning bid; returns the dwelling the household left
// (kNone if it had none).
DwellingId commit(const PhaseContext& ctx, World& world, const Bid& bid) {
  const ScenarioDef& s = ctx.scenario;
  const MarketDef& m = s.market;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const HouseholdId h = bid.household;
  const DwellingId d = bid.dwelling;
  const DwellingId old = hh.dwelling[h];
  const double income = std::max(1.0f, hh.income_per_month[h]);
  const double wealth = market::wealth_of(m, hh, dw, h);  // as the searcher saw it
  tenancy::vacate(s, world, h);
  // Arrears owed to the old landlord are written off, as at an eviction: the
  // new landlord judges the household by its own rent.
  hh.rent_arrears[h] = 0;
  hh.months_in_arrears[h] = 0;
  switch (dw.tenure[d]) {
    case Tenure::PrivateRental: {
      // The landlord sets the rent at the tenancy's start: the winning bid
      // (under a rent_cap with vacancy control, at most the previous rent
      // raised by the annual cap).
      const float rent = rents::letting_rent(ctx.rules.rent_cap, bid.amount, dw.rent_per_month[d]);
      rents::set_rent(world, d, rent);
      dw.owner_kind[d] = OwnerKind::PrivateLandlord;
      tenancy::occupy(world, h, d, Status::Renter, rent);
      ++world.flows.lettings;
      break;
    }
    case Tenure::OwnerOccupied: {
      const double rate = mortgages::rate_at(s, ctx.tick);
      const market::Purchase p =
          market::finance_purchase(m, ctx.rules.credit, rate, bid.amount, income, wealth);
      const float down = std::min(p.down_payment, hh.savings[h]);
      hh.savings[h] -= down;
      const double loan = bid.amount - down;
      const double payment = market::annuity_payment(loan, rate, m.mortgage_term_years);
      hh.mortgage_balance[h] = static_cast<float>(loan);
      hh.mortgage_payment_per_month[h] = static_cast<float>(payment);
      dw.value[d] = bid.amount;
      tenancy::occupy_owned(
          world, h, d, Status::Owner,
          static_cast<float>(payment + m.owner_upkeep_rate_per_year / 12.0 * bid.amount));
      ++world.flows.sales;
      break;
    }
    case Tenure::SocialRental: {
      const float rent = rents::social_rent(rents::social_rent_share(s, dw, d), income);
      rents::set_rent(world, d, rent);
      tenancy::occupy(world, h, d, Status::SocialTenant, rent);
      break;
    }
    case Tenure::Informal:
      break;  // never offered in the formal rounds
  }
  return old;
}

// Per-submarket tallies for the index update.
struct Pressure {
  std::vector<std::uint32_t> rental_vacant, sale_vacant, rental_losers, sale_losers;
  explicit Pressure(std::size_t n)
      : rental_vacant(n, 0), sale_vacant(n, 0), rental_losers(n, 0), sale_losers(n, 0) {}
};

// Stage 4: the unhoused who found nothing formal move into a vacant informal
// dwelling or self-build on informal land with room left; if neither is
// possible they stay homeless (and search again next month).
void informal_sector(const ScenarioDef& s, World& world, std::int32_t tick,
                     const std::vector<HouseholdId>& unhoused) {
  if (unhoused.empty()) return;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  MarketState& state = world.market;
  std::vector<DwellingId> vacant = market::collect_ids(dw.count(), [&](std::size_t d) {
    return dw.tenure[d] == Tenure::Informal && dw.occupant[d] == kNone &&
           dw.owner_household[d] == kNone && dw.work_remaining_months[d] <= 0.0f &&
           dw.damage[d] < DamageState::Extensive && !demolished(dw, static_cast<DwellingId>(d));
  });
  std::vector<CellId> land;  // informal cells with room, ascending
  std::vector<std::uint32_t> room;
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    if (grid.land_use[c] == LandUse::Informal &&
        state.dwellings_in_cell[c] < grid.zoning_capacity[c]) {
      land.push_back(c);
      room.push_back(grid.zoning_capacity[c] - state.dwellings_in_cell[c]);
    }
  }
  const auto rent = static_cast<float>(s.city.informal_rent_per_month);
  std::vector<std::pair<HouseholdId, CellId>> builds;
  for (const HouseholdId h : unhoused) {
    // Even the informal sector has a cost; a household that cannot meet it stays homeless.
    if (hh.income_per_month[h] < rent) continue;
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(tick), RngStream::Market, h);
    if (!vacant.empty()) {
      const std::uint32_t k = rng.below(static_cast<std::uint32_t>(vacant.size()));
      const DwellingId d = vacant[k];
      vacant[k] = vacant.back();  // serial and seeded: order stays deterministic
      vacant.pop_back();
      tenancy::occupy_owned(world, h, d, Status::InformalDweller, dw.rent_per_month[d]);
      ++world.flows.informal_entries;
    } else if (!land.empty()) {
      const std::uint32_t k = rng.below(static_cast<std::uint32_t>(land.size()));
      builds.push_back({h, land[k]});
      if (--room[k] == 0) {
        land[k] = land.back(), room[k] = room.back();
        land.pop_back(), room.pop_back();
      }
    }
  }
  // Self-built dwellings are appended last, in the order decided above.
  for (const auto& [h, c] : builds) {
    const DwellingId d = market::append_dwelling(
        s, world, c, Tenure::Informal, static_cast<float>(s.market.informal_new_quality), 1, 0.0f);
    tenancy::occupy_owned(world, h, d, Status::InformalDweller, dw.rent_per_month[d]);
    ++world.flows.informal_entries;
    ++world.flows.informal_self_built;
  }
}

// The investors' monthly account: net rent (rents received less interest on
// their debt) accrues to their free equity, a retained share when positive,
// in full when negative. Returns the value of their portfolio (let or vacant
// private rentals), over which their debt is spread when they sell.
double settle_investor_account(const MarketDef& m, World& world) {
  const Dwellings& dw = world.dwellings;
  double rents = 0, portfolio = 0;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    if (dw.tenure[d] != Tenure::PrivateRental) continue;
    portfolio += dw.value[d];
    if (dw.occupant[d] != kNone) rents += dw.rent_per_month[d];
  }
  double& equity = world.market.investor_balance[0];
  const double debt = world.market.investor_balance[1];
  const double net = rents - debt * m.mortgage_rate_per_year / 12.0;
  equity += net > 0 ? m.investor_retained_share_of_net_rent * net : net;
  return portfolio;
}

// Stage 4b: buy-to-let investors on what stayed vacant. They buy a dwelling
// for sale when its expected return (gross yield plus a share of the expected
// appreciation) reaches the buy threshold and their balance sheet allows
// (equity for the deposit, the loan within LTV and interest cover), and sell
// a vacant rental whose expected return falls below the sell threshold,
// repaying its share of their debt. Serial over the vacancy list (ascending
// ids), so equity is spent in id order; a switched dwelling moves between the
// rental and for-sale stock of its submarket.
void investors(const PhaseContext& ctx, World& world, const std::vector<DwellingId>& vacant) {
  const ScenarioDef& s = ctx.scenario;
  const std::int32_t tick = ctx.tick;
  const MarketDef& m = s.market;
  // Under a rent_cap, landlords also sell vacant rentals to owner-occupiers
  // at the programme's conversion rate (Diamond, McQuade and Qian 2019).
  const double conversion = ctx.rules.capped_rental_conversion_rate_per_month;
  MarketState& state = world.market;
  Dwellings& dw = world.dwellings;
  double portfolio = settle_investor_account(m, world);
  double& equity = state.investor_balance[0];
  double& debt = state.investor_balance[1];
  const double expected = market::expected_appreciation(m, state);
  for (const DwellingId d : vacant) {
    if (dw.occupant[d] != kNone || dw.months_on_market[d] == 0) continue;
    const std::uint32_t sm = dw.submarket[d];
    const double rent = 12.0 * state.rent_index[sm] * dw.hedonic[d];
    if (dw.tenure[d] == Tenure::OwnerOccupied) {
      const double price = market::asking(m, state, dw, d, s.mortgages.foreclosure_discount);
      if (market::investor_expected_return(m, rent, price, expected) <
          m.investor_buy_yield_per_year)
        continue;
      const market::BuyToLet finance = market::finance_buy_to_let(m, price, rent, equity);
      if (!finance.ok) continue;
      equity -= finance.deposit;
      debt += finance.loan;
      portfolio += price;
      dw.tenure[d] = Tenure::PrivateRental;
      dw.owner_kind[d] = OwnerKind::PrivateLandlord;
      dw.forced_sale[d] = 0;  // a landlord bought the foreclosed home
      dw.value[d] = static_cast<float>(price);
      --state.sale_stock[sm], ++state.rental_stock[sm];
      ++world.flows.sales;
    } else if (dw.tenure[d] == Tenure::PrivateRental) {
      const double value = state.price_index[sm] * dw.hedonic[d];
      if (market::investor_expected_return(m, rent, value, expected) >=
              m.investor_sell_yield_per_year &&
          !(conversion > 0 &&
            Rng(s.seed, s.replicate, static_cast<std::uint32_t>(tick), RngStream::PolicyRentCap, d)
                .bernoulli(conversion))) {
        continue;
      }
      // The sale repays the dwelling's share of the debt; the rest is equity.
      const double repaid = portfolio > 0 ? debt * std::min(1.0, value / portfolio) : 0.0;
      equity += value * (1.0 - m.selling_cost_share) - repaid;
      debt -= repaid;
      portfolio = std::max(0.0, portfolio - value);
      dw.tenure[d] = Tenure::OwnerOccupied;
      dw.owner_kind[d] = OwnerKind::None;
      --state.rental_stock[sm], ++state.sale_stock[sm];
    } else {
      continue;
    }
    dw.months_on_market[d] = 0;
  }
}

// Stage 5: each index moves with excess demand: the gap between the natural
// and the (smoothed) vacancy rate (Rosen and Smith 1983), plus the bids that
// lost (demand the vacancies could not meet). Bounded per month.
void update_indices(const ScenarioDef& s, World& world, const Pressure& p) {
  const MarketDef& m = s.market;
  MarketState& state = world.market;
  const auto alpha = static_cast<float>(m.vacancy_smoothing);
  const double bound = m.max_index_change_per_month;
  auto step = [&](float& index, float& smoothed, std::uint32_t stock, std::uint32_t vacant,
                  std::uint32_t losers, double natural) {
    if (stock == 0) return;
    smoothed =
        (1.0f - alpha) * smoothed + alpha * static_cast<float>(vacant) / static_cast<float>(stock);
    const double change = m.vacancy_response * (natural - smoothed) / natural +
                          m.excess_bid_response * losers / std::max<std::uint32_t>(1, vacant);
    index = static_cast<float>(index * (1.0 + std::clamp(change, -bound, bound)));
  };
  for (std::size_t sm = 0; sm < state.submarket_count(); ++sm) {
    step(state.rent_index[sm], state.rental_vacancy[sm], state.rental_stock[sm],
         p.rental_vacant[sm], p.rental_losers[sm], m.natural_vacancy_rate);
    step(state.price_index[sm], state.sale_vacancy[sm], state.sale_stock[sm], p.sale_vacant[sm],
         p.sale_losers[sm], m.natural_owner_vacancy_rate);
  }
}

}  // namespace

void run_market(const PhaseContext& ctx, World& world) {
  // A mortgage_rules programme replaces the lenders' caps while it is active
  // (ActiveRules::credit, read where loans are tested).
  const ScenarioDef& s = ctx.scenario;
  market::ensure_initialised(s, world);
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  refresh(ctx, world);
  // Guests whose host left or lost its home this tick search as homeless.
  doubling_up::release_orphans(s, world);

  const std::vector<std::uint8_t> kind = decide_searchers(s, world, ctx.tick);
  std::vector<HouseholdId> active =
      market::collect_ids(hh.count(), [&](std::size_t i) { return kind[i] != 0; });
  world.flows.searchers += static_cast<std::int64_t>(active.size());

  market::VacancyIndex vacancies;
  vacancies.dwellings = market::collect_ids(
      dw.count(), [&](std::size_t d) { return market::is_listed(dw, static_cast<DwellingId>(d)); });
  Pressure pressure(world.market.submarket_count());
  std::vector<Bid> bids, winners, losers;
  std::vector<std::uint8_t> matched(hh.count(), 0);
  std::vector<DwellingId> freed;
  for (std::int32_t round = 0;
       round < s.market.rounds_per_tick && !active.empty() && !vacancies.dwellings.empty();
       ++round) {
    market::build_vacancy_index(s, world, vacancies);
    // Parallel: searcher k writes bid slot k only.
    bids.assign(active.size(), Bid{});
    parallel::for_each_index(
        active.size(),
        [&](std::size_t k) {
          bids[k] = market::search_one(ctx, world, vacancies, round, active[k],
                                       static_cast<SearchKind>(kind[active[k]]));
        },
        256);
    std::vector<std::uint8_t> bid_made(active.size());
    for (std::size_t k = 0; k < active.size(); ++k) bid_made[k] = bids[k].dwelling != kNone;
    bids.erase(
        std::remove_if(bids.begin(), bids.end(), [](const Bid& b) { return b.dwelling == kNone; }),
        bids.end());
    market::resolve_bids(bids, winners, losers);
    for (const Bid& b : losers) {
      const Tenure t = dw.tenure[b.dwelling];
      if (t == Tenure::PrivateRental)
        ++pressure.rental_losers[dw.submarket[b.dwelling]];
      else if (t == Tenure::OwnerOccupied)
        ++pressure.sale_losers[dw.submarket[b.dwelling]];
    }
    // Serial commit in dwelling order; a mover's old home is listed next round.
    freed.clear();
    for (const Bid& b : winners) {
      const DwellingId old = commit(ctx, world, b);
      matched[b.household] = 1;
      if (old != kNone && market::is_listed(dw, old)) freed.push_back(old);
    }
    // Losers retry; a voluntary searcher who found nothing worth moving for stops.
    std::size_t keep = 0;
    for (std::size_t k = 0; k < active.size(); ++k) {
      const HouseholdId h = active[k];
      if (matched[h]) continue;
      if (!bid_made[k] && kind[h] == static_cast<std::uint8_t>(SearchKind::Voluntary)) continue;
      active[keep++] = h;
    }
    active.resize(keep);
    std::vector<DwellingId> next;
    next.reserve(vacancies.dwellings.size() + freed.size());
    for (const DwellingId d : vacancies.dwellings) {
      if (dw.occupant[d] == kNone) next.push_back(d);
    }
    std::sort(freed.begin(), freed.end());
    std::vector<DwellingId> merged(next.size() + freed.size());
    std::merge(next.begin(), next.end(), freed.begin(), freed.end(), merged.begin());
    vacancies.dwellings = std::move(merged);
  }

  // The still unhoused (not the displaced: their options are the disasters
  // issue's shelters, hosts and camps) turn to the informal sector.
  std::vector<HouseholdId> unhoused;
  for (const HouseholdId h : active) {
    if (hh.status[h] == Status::Homeless) unhoused.push_back(h);
  }
  informal_sector(s, world, ctx.tick, unhoused);
  // Those the informal sector could not take either may stay with kin.
  doubling_up::double_up(ctx, world, unhoused);

  // What stays vacant ages on the market and feeds the indices.
  for (const DwellingId d : vacancies.dwellings) {
    if (dw.occupant[d] != kNone) continue;
    dw.months_on_market[d] =
        static_cast<std::uint16_t>(std::min<int>(dw.months_on_market[d] + 1, 65535));
    if (dw.tenure[d] == Tenure::PrivateRental)
      ++pressure.rental_vacant[dw.submarket[d]];
    else if (dw.tenure[d] == Tenure::OwnerOccupied)
      ++pressure.sale_vacant[dw.submarket[d]];
  }
  update_indices(s, world, pressure);
  investors(ctx, world, vacancies.dwellings);
  market::record_price_index(s.market, world.market);
}

}  // namespace hearth
