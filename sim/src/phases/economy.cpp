// Economy phase (docs/MODEL.md, "Submodels: economy").
// Reads: status, housing_cost_per_month, housing_subsidy_per_month, size,
//        base_income_per_month.
// Writes: slot i of income_per_month, income_log_deviation, savings, rent_arrears
//        (tenants' unpaid rent and owners' unpaid mortgage payments); when the
//        mortgage rate moves, slot i of mortgage_payment_per_month and the
//        housing cost (phases/mortgages.hpp).
#include <cmath>

#include "housing/household_economy.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/mortgages.hpp"
#include "phases/phases.hpp"

namespace hearth {

void run_economy(const PhaseContext& ctx, World& world) {
  const auto& economy = ctx.scenario.economy;
  const float rho = static_cast<float>(economy.income_persistence);
  const float shock_sigma = static_cast<float>(economy.income_shock_sigma_log);
  const float subsistence = static_cast<float>(economy.subsistence_per_person_per_month);
  const float saving_share = static_cast<float>(1.0 - economy.consumption_share_of_surplus);
  const float floor_share = static_cast<float>(economy.subsistence_floor_share);
  const auto seed = ctx.scenario.seed;
  const auto replicate = ctx.scenario.replicate;
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  Households& hh = world.households;
  // Housing vouchers pay part of this month's rent (serial; nothing without
  // a voucher programme, docs/POLICIES.md#vouchers).
  if (ctx.rules.pay_vouchers != nullptr) ctx.rules.pay_vouchers(ctx, world);
  // Variable-rate mortgages follow the rate path (nothing when it is flat).
  mortgages::reprice(ctx, world);
  const bool owner_arrears = ctx.scenario.mortgages.owner_arrears;

  parallel::for_range(hh.count(), [&](std::size_t begin, std::size_t end) {
    LaneRng rng(seed, replicate, tick, RngStream::Economy);
    for (std::size_t i = begin; i < end; ++i) {
      const Status status = hh.status[i];
      if (!is_in_city(status)) continue;
      // Log income around its permanent level follows an AR(1) with normal
      // shocks, so income is lognormal and its median stays at the base.
      const float deviation =
          rho * hh.income_log_deviation[i] +
          shock_sigma * static_cast<float>(rng.normal(static_cast<std::uint32_t>(i)));
      hh.income_log_deviation[i] = deviation;
      const float income = hh.base_income_per_month[i] * std::exp(deviation);
      hh.income_per_month[i] = income;

      // Subsistence scales with the OECD-modified equivalence scale
      // (1 for the first person, 0.5 for each further one, treating all as adults).
      // The equivalence scale is a half-integer, exact in float.
      const float needs = subsistence * static_cast<float>(equivalence_scale(hh.size[i]));
      // What the household itself pays: the housing cost less a voucher's payment.
      const float housing_cost =
          is_housed(status) ? hh.housing_cost_per_month[i] - hh.housing_subsidy_per_month[i] : 0.0f;
      float deficit = needs + housing_cost - income;
      float savings = hh.savings[i];
      float arrears = hh.rent_arrears[i];
      if (deficit <= 0) {
        savings += saving_share * -deficit;
        const float repaid = std::min(arrears, savings);  // arrears are repaid first
        arrears -= repaid;
        savings -= repaid;
      } else {
        // Housing is protected: households first cut consumption towards a
        // floor, then draw savings; only what neither covers goes unpaid.
        // Tenants' unpaid housing cost becomes arrears (landlords evict on
        // arrears), and so does an owner's unpaid mortgage payment (lenders
        // foreclose, phases/mortgages.hpp); owners without a loan and
        // informal dwellers cut consumption further.
        deficit -= std::min(deficit, (1.0f - floor_share) * needs);
        const float drawn = std::min(deficit, savings);
        savings -= drawn;
        deficit -= drawn;
        const bool tenant = status == Status::Renter || status == Status::SocialTenant;
        if (tenant) {
          arrears += std::min(deficit, housing_cost);
        } else if (owner_arrears && status == Status::Owner) {
          arrears += std::min(deficit, hh.mortgage_payment_per_month[i]);
        }
      }
      hh.savings[i] = savings;
      hh.rent_arrears[i] = arrears;
    }
  });
}

}  // namespace hearth
