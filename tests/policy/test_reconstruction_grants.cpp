// reconstruction_grants (docs/POLICIES.md#reconstruction_grants): grants to
// everyone (landlords who repair for their displaced tenants included)
// shorten tenants' displacement against grants to owner-occupiers only; the
// grants cost what the ledger says and stay within the budget.
#include <catch2/catch.hpp>

#include <algorithm>

#include "policy/disaster_policy_support.hpp"
#include "support/paired_seeds.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

constexpr int kFloodTick = 3;

nlohmann::json grants(const std::string& targeting, double budget = 3e7) {
  return nlohmann::json::array({{{"type", "reconstruction_grants"},
                                 {"start_tick", kFloodTick + 1},
                                 {"budget_per_year", budget},
                                 {"grants_targeting", targeting},
                                 {"grants_cap_per_dwelling", 60000.0}}});
}

struct Outcome {
  std::int64_t renters = 0, renters_returned = 0, owners = 0, owners_returned = 0;
  // Displaced renters not back home within 12 months (never back included).
  // Months displaced would not do: a tenant whose unit a grant holds waits
  // for it rather than settling elsewhere, so its claim runs longer.
  std::int64_t renters_away_12m = 0;
  std::int64_t granted = 0;
  std::int64_t rentals_granted = 0;  // landlords' dwellings with a grant at the end
  double grants_paid = 0;            // sum of Dwellings::repair_grant at the end
  test::SpendingLog spending;
};

Outcome run(const ScenarioDef& s) {
  Outcome out;
  const World w = test::run_watching(
      s, [&](const World& now) { out.granted += now.flows.repair_grants; }, &out.spending);
  // The displaced of the flood, by tenure of their home of origin.
  const Households& hh = w.households;
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (hh.displaced_at_tick[h] != kFloodTick) continue;
    const bool back = hh.returned_at_tick[h] > 0;
    if (hh.origin_status[h] == Status::Renter) {
      ++out.renters;
      out.renters_returned += back;
      out.renters_away_12m += !(back && hh.returned_at_tick[h] - kFloodTick <= 12);
    } else if (hh.origin_status[h] == Status::Owner) {
      ++out.owners;
      out.owners_returned += back;
    }
  }
  const Dwellings& dw = w.dwellings;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    out.grants_paid += dw.repair_grant[d];
    out.rentals_granted += dw.repair_grant[d] > 0 && dw.owner_kind[d] == OwnerKind::PrivateLandlord;
  }
  return out;
}

}  // namespace

// Paired over seeds (support/paired_seeds.hpp): each seed floods the same
// city under both arms; the claims hold when the 95% interval of the paired
// difference excludes zero.
TEST_CASE("grants for everyone shorten tenants' displacement against grants for owners only",
          "[policy][reconstruction_grants][slow][paired]") {
  const auto share = [](std::int64_t k, std::int64_t n) {
    return n ? static_cast<double>(k) / static_cast<double>(n) : 0.0;
  };
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    auto doc = test::disaster_city(6000, 36, test::flood_event(kFloodTick));
    doc["seed"] = seed;
    // Migration's answer to the city (docs/MODEL.md 7.4) held off: the same
    // arrivals in both arms, so the comparison sees the programme alone.
    for (const char* key : {"rent_elasticity", "income_elasticity", "vacancy_elasticity"})
      doc["migration"][key] = 0.0;
    const Outcome out =
        run(test::with_policies(doc, grants(arm == 0 ? "owners_only" : "everyone")));
    REQUIRE(out.renters >= 30);
    return test::Figures{{"displaced renters", static_cast<double>(out.renters)},
                         {"renters returned (share)", share(out.renters_returned, out.renters)},
                         {"renters away over 12 months", static_cast<double>(out.renters_away_12m)},
                         {"rentals granted", static_cast<double>(out.rentals_granted)}};
  });
  // The same flood displaced the same tenants under both arms.
  CHECK(runs["displaced renters"].difference.mean == 0);
  test::check_b_higher(runs["renters returned (share)"]);
  // Held units make tenants wait rather than settle elsewhere (7.6), so
  // months displaced is not the measure; renters still away at 12 months is.
  test::check_b_lower(runs["renters away over 12 months"]);
  // Landlords were granted too. (Not the count of grants: with a budget
  // that runs out, landlords' grants take the place of owners'.)
  test::check_b_higher(runs["rentals granted"]);
}

TEST_CASE("grants for owners help displaced owners home against no grants",
          "[policy][reconstruction_grants][slow][paired]") {
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    auto doc = test::disaster_city(6000, 36, test::flood_event(kFloodTick));
    doc["seed"] = seed;
    const Outcome out =
        run(arm == 0 ? test::load_doc(doc) : test::with_policies(doc, grants("owners_only")));
    REQUIRE(out.owners >= 30);
    if (arm == 0) {
      CHECK(out.granted == 0);
      CHECK(out.grants_paid == 0);
    }
    return test::Figures{{"owners returned", static_cast<double>(out.owners_returned)}};
  });
  test::check_b_higher(runs["owners returned"]);
}

TEST_CASE("reconstruction grants cost what was granted, within the budget",
          "[policy][reconstruction_grants]") {
  const auto doc = test::disaster_city(6000, 30, test::flood_event(kFloodTick));
  for (const char* targeting : {"owners_only", "everyone", "damage_based", "need_based"}) {
    // A budget too small for everyone: the ranking decides who is paid.
    const ScenarioDef s = test::with_policies(doc, grants(targeting, 1.5e6));
    const Outcome out = run(s);
    INFO(targeting << ": " << out.granted << " grants, " << out.grants_paid << " paid, ledger "
                   << out.spending.by_programme[0]);
    CHECK(out.granted > 0);
    CHECK(out.spending.by_programme[0] > 0);
    out.spending.check_budgets(s);
    // One flood: every grant paid is still on its dwelling at the end.
    CHECK(out.grants_paid == Approx(out.spending.by_programme[0]).epsilon(1e-5));
    CHECK(out.grants_paid <= 60000.0 * static_cast<double>(out.granted) * (1 + 1e-6));
  }
}

}  // namespace hearth
