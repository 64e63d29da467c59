#include "phases/phases.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth {

void run_policies(const PhaseContext& ctx, World& world) {
  // Programme steps are added here by lever, each in its own file under
  // sim/src/policy/, called in a fixed order so that programmes sharing a
  // resource (sites, construction capacity) meet it in the same order on
  // every run.
  // Disaster levers (policy/disaster_levers.hpp): shelter places first (they
  // take households in this month), then records, retrofits, and buyouts
  // last (their households search the market this month).
  policy::run_shelter_capacity(ctx, world);
  policy::run_record_restoration(ctx, world);
  policy::run_retrofits(ctx, world);
  policy::run_buyouts(ctx, world);
  // Housing levers (policy/housing_levers.hpp), after them: voucher
  // eligibility, waiting lists and issue; the upkeep cut of rent-capped
  // landlords (yearly); social housing starts and lettings; informal
  // settlement upgrading last (its evicted and drifting households search
  // the market this month).
  policy::run_vouchers(ctx, world);
  policy::run_rent_cap(ctx, world);
  policy::run_social_housing(ctx, world);
  policy::run_upgrading(ctx, world);
}

}  // namespace hearth
