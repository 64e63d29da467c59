#include <catch2/catch.hpp>

#include "hearth/errors.hpp"
#include "state/city_generator.hpp"
#include "state/invariants.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {
std::string violation_of(const World& w) {
  try {
    check_invariants(w);
  } catch (const InvariantViolation& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a freshly generated world satisfies every invariant", "[state][invariants]") {
  CHECK(violation_of(generate_city(test::small_scenario())).empty());
}

TEST_CASE("each broken invariant is named with its entity and tick", "[state][invariants]") {
  const World clean = generate_city(test::small_scenario());

  SECTION("household conservation") {
    World w = clean;
    w.households.status[5] = Status::LeftCity;
    w.dwellings.occupant[w.households.dwelling[5]] = kNone;
    w.households.dwelling[5] = kNone;
    const auto what = violation_of(w);
    CHECK(what.find("household conservation") != std::string::npos);
    CHECK(what.find("tick 0") != std::string::npos);
  }
  SECTION("a housed household without a dwelling") {
    World w = clean;
    w.dwellings.occupant[w.households.dwelling[9]] = kNone;
    w.households.dwelling[9] = kNone;
    CHECK(violation_of(w).find("household 9") != std::string::npos);
  }
  SECTION("two households claiming one dwelling") {
    World w = clean;
    const DwellingId shared = w.households.dwelling[1];
    w.dwellings.occupant[w.households.dwelling[2]] = kNone;
    w.households.dwelling[2] = shared;
    CHECK(violation_of(w).find("household 2") != std::string::npos);
  }
  SECTION("a dwelling pointing at a household that lives elsewhere") {
    World w = clean;
    DwellingId vacant = 0;
    while (w.dwellings.occupant[vacant] != kNone) ++vacant;
    w.dwellings.occupant[vacant] = 3;
    CHECK(violation_of(w).find("dwelling " + std::to_string(vacant)) != std::string::npos);
  }
  SECTION("an invalid status") {
    World w = clean;
    w.households.status[4] = static_cast<Status>(200);
    CHECK(violation_of(w).find("one status per household") != std::string::npos);
  }
  SECTION("negative savings") {
    World w = clean;
    w.households.savings[7] = -1.0f;
    CHECK(violation_of(w).find("no negative money") != std::string::npos);
  }
  SECTION("a household away from home that no counted flow sent away") {
    World w = clean;
    DwellingId vacant = 0;
    while (w.dwellings.occupant[vacant] != kNone) ++vacant;
    // Renting here while its home of origin (the vacant dwelling) waits.
    w.households.origin_dwelling[5] = vacant;
    w.households.displaced_from[5] = vacant;
    w.households.displaced_at_tick[5] = 1;
    w.flows.away_at_start = 0;
    const auto what = violation_of(w);
    CHECK(what.find("displacement flows balance") != std::string::npos);
    CHECK(what.find("1 households away from home, expected 0") != std::string::npos);
    // The same stock with its flow counted balances.
    w.flows.new_displacements = 1;
    CHECK(violation_of(w).empty());
    // Unchecked when the tick did not count the stock at its start.
    w.flows = TickFlows{};
    CHECK(violation_of(w).empty());
  }
  SECTION("a household away from a home it never left") {
    World w = clean;
    w.households.origin_dwelling[5] = 0;  // but displaced_from was never set
    CHECK(violation_of(w).find("knows the home its spell started from") != std::string::npos);
  }
  SECTION("a rental held for a tenant that is not its home of origin") {
    World w = clean;
    DwellingId vacant = 0;
    while (w.dwellings.occupant[vacant] != kNone) ++vacant;
    w.dwellings.grant_tenant[vacant] = 5;
    CHECK(violation_of(w).find("a held rental is empty") != std::string::npos);
  }
  SECTION("a negative price") {
    World w = clean;
    w.dwellings.value[11] = -5.0f;
    CHECK(violation_of(w).find("no negative prices") != std::string::npos);
  }
}
