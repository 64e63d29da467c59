#pragma once
// Pieces of the housing market shared by the displacement, market and
// recovery phases (docs/MODEL.md, "Submodel: housing market"): submarkets,
// the hedonic factor, asking rents and prices, mortgage finance, appending
// dwellings, and a deterministic parallel compaction of ids.
#include <cmath>
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "parallel/parallel.hpp"
#include "rules/active_rules.hpp"
#include "state/world.hpp"

namespace hearth::market {

// Reference quality of the hedonic factor; also the generator's reference.
inline constexpr float kReferenceQuality = 0.6f;

inline std::uint32_t band_of(float quality, std::int32_t bands) {
  const auto b = static_cast<std::int32_t>(quality * static_cast<float>(bands));
  return static_cast<std::uint32_t>(std::clamp(b, 0, bands - 1));
}

// exp(sum of coefficient x (attribute - reference)): 1 for a reference dwelling.
inline float hedonic_factor(const MarketDef& m, const Grid& grid, float quality, std::uint8_t rooms,
                            CellId c, float flood_depth_m) {
  const double x = m.hedonic_quality * (quality - kReferenceQuality) +
                   m.hedonic_rooms * (static_cast<double>(rooms) - 3.0) +
                   m.hedonic_job_access * (grid.job_access[c] - 0.5) +
                   m.hedonic_services * (grid.services(c) - 0.8) -
                   m.hedonic_flood_per_m * flood_depth_m;
  return static_cast<float>(std::exp(x));
}

// 100-year flood depth of a cell, 0 where the layer is missing.
inline float flood_depth(const Grid& grid, CellId c) {
  return grid.hazards.empty() ? 0.0f : grid.hazards[0].value[c];
}

// A formal dwelling a searcher may bid on: vacant, built, habitable, not
// informal, and not held by a household (a displaced owner keeps its home).
inline bool is_listed(const Dwellings& dw, DwellingId d) {
  // Units of a policy programme (social housing, relocation) are let by the
  // programme's own rule (docs/POLICIES.md), not through the market.
  return dw.occupant[d] == kNone && dw.tenure[d] != Tenure::Informal &&
         dw.owner_household[d] == kNone && dw.work_remaining_months[d] <= 0.0f &&
         dw.damage[d] < DamageState::Extensive && dw.programme[d] == 0 &&
         dw.grant_tenant[d] == kNone;  // held for a displaced tenant (reconstruction_grants)
}

// Asking rent (private rentals) or price (for sale): index x hedonic, cut by
// the months on the market down to a floor (Baptista et al. 2016); a
// foreclosed home is offered at the forced-sale discount on top
// (`forced_sale_discount`, mortgages.foreclosure_discount).
inline float asking(const MarketDef& m, const MarketState& state, const Dwellings& dw, DwellingId d,
                    double forced_sale_discount = 0.0) {
  const std::uint32_t s = dw.submarket[d];
  const bool rental = dw.tenure[d] == Tenure::PrivateRental;
  const float index = rental ? state.rent_index[s] : state.price_index[s];
  const double decay = std::max(
      m.asking_price_floor,
      std::pow(1.0 - m.asking_price_decay_per_month, static_cast<double>(dw.months_on_market[d])));
  const double forced = !rental && dw.forced_sale[d] ? 1.0 - forced_sale_discount : 1.0;
  return static_cast<float>(index * dw.hedonic[d] * decay * forced);
}

// Monthly annuity payment of a loan.
inline double annuity_payment(double loan, double rate_per_year, std::int32_t years) {
  const double r = rate_per_year / 12.0;
  const double n = 12.0 * years;
  if (loan <= 0) return 0;
  if (r <= 0) return loan / n;
  return loan * r / (1.0 - std::pow(1.0 + r, -n));
}

// A purchase that passes the lender's tests, or ok = false.
struct Purchase {
  bool ok = false;
  float down_payment = 0;
  float loan = 0;
  float payment_per_month = 0;  // mortgage annuity
  float cost_per_month = 0;     // annuity plus upkeep: the household's housing cost
};

// Deposit from savings (and the equity of a home being sold); the loan must
// pass the lenders' loan-to-value and loan-to-income caps and the payment, at
// this month's mortgage rate, the affordability test (`credit`: the market's,
// or a mortgage_rules programme's, ActiveRules::credit).
inline Purchase finance_purchase(const MarketDef& m, const CreditLimits& credit,
                                 double rate_per_year, double price, double income_per_month,
                                 double wealth) {
  Purchase p;
  if (price <= 0) return p;
  const double down = std::min(price, std::max(0.0, m.deposit_share_of_savings * wealth));
  const double loan = price - down;
  if (loan > credit.loan_to_value_cap * price + 1e-3) return p;
  if (loan > credit.loan_to_income_cap * 12.0 * income_per_month + 1e-3) return p;
  const double payment = annuity_payment(loan, rate_per_year, m.mortgage_term_years);
  const double cost = payment + m.owner_upkeep_rate_per_year / 12.0 * price;
  if (cost > credit.max_payment_share_of_income * income_per_month) return p;
  p.ok = true;
  p.down_payment = static_cast<float>(down);
  p.loan = static_cast<float>(loan);
  p.payment_per_month = static_cast<float>(payment);
  p.cost_per_month = static_cast<float>(cost);
  return p;
}

// Expected house price appreciation per year (adaptive expectations, as in
// Baptista et al. 2016): expectation_factor x the annualised growth of the
// city's mean price index over the last expectation_window_months, within
// +-max_expected_appreciation_per_year; 0 until the record covers the window.
double expected_appreciation(const MarketDef& m, const MarketState& state);

// Appends this month's city mean price index to the record (keeping the window).
void record_price_index(const MarketDef& m, MarketState& state);

// What a buy-to-let investor expects a dwelling to return per year: the gross
// yield plus investor_capital_gain_coefficient x the expected appreciation.
inline double investor_expected_return(const MarketDef& m, double rent_per_year, double price,
                                       double expected_appreciation) {
  return rent_per_year / price + m.investor_capital_gain_coefficient * expected_appreciation;
}

// A buy-to-let purchase the investors' balance sheet allows, or ok = false:
// the loan is the smaller of the loan-to-value cap and the largest loan whose
// stressed interest the rent covers investor_interest_cover_ratio times; the
// rest of the price comes from the investors' free equity.
struct BuyToLet {
  bool ok = false;
  double loan = 0;
  double deposit = 0;
};
inline BuyToLet finance_buy_to_let(const MarketDef& m, double price, double rent_per_year,
                                   double equity) {
  BuyToLet b;
  if (price <= 0) return b;
  double loan = m.investor_loan_to_value_cap * price;
  const double stressed_interest =
      m.investor_interest_cover_ratio * m.investor_stress_rate_per_year;
  if (stressed_interest > 0)
    loan = std::min(loan, std::max(0.0, rent_per_year / stressed_interest));
  if (price - loan > equity) return b;
  b.ok = true;
  b.loan = loan;
  b.deposit = price - loan;
  return b;
}

// What a household could put towards a purchase: savings plus, for an owner
// who would sell, the net equity of its home.
inline double wealth_of(const MarketDef& m, const Households& hh, const Dwellings& dw,
                        HouseholdId h) {
  double wealth = hh.savings[h];
  const DwellingId d = hh.dwelling[h];
  if (d != kNone && hh.status[h] == Status::Owner && dw.owner_household[d] == h) {
    wealth += std::max(0.0, dw.value[d] * (1.0 - m.selling_cost_share) - hh.mortgage_balance[h]);
  }
  return wealth;
}

// The median monthly income of the households in the city (0 if none).
float median_income_in_city(const Households& hh);

// Builds the market state on first use: submarkets, hedonic factors, indices
// from the generated rents and values, dwellings per cell, upzoning, anchors.
void ensure_initialised(const ScenarioDef& scenario, World& world);

// Recounts the built private-rental and for-sale stock per submarket.
void recount_stock(World& world);

// Adds a dwelling that has just become occupiable to its submarket's stock.
void count_built(World& world, DwellingId d);

// Recomputes a dwelling's hedonic factor and submarket (after its quality changed).
void refresh_dwelling(const ScenarioDef& scenario, World& world, DwellingId d);

// Appends one dwelling (all columns) and keeps the per-cell count. Serial
// only: call it at the end of a phase, in id order of what is appended.
DwellingId append_dwelling(const ScenarioDef& scenario, World& world, CellId cell, Tenure tenure,
                           float quality, std::uint8_t rooms, float work_months);

// Ids i in [0, n) with keep(i), ascending, the same at any thread count.
template <typename Keep>
std::vector<std::uint32_t> collect_ids(std::size_t n, Keep&& keep) {
  return parallel::gather(n, keep, [](std::size_t i) { return static_cast<std::uint32_t>(i); });
}

}  // namespace hearth::market
