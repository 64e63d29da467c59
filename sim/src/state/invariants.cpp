#include "state/invariants.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "hearth/errors.hpp"
#include "parallel/parallel.hpp"

namespace hearth {
namespace {

// The first offending entity (lowest id), so the report is the same at any thread count.
constexpr std::size_t kClean = static_cast<std::size_t>(-1);

template <typename Bad>
std::size_t first_bad(std::size_t n, Bad&& bad) {
  return parallel::reduce(
      n, kClean,
      [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          if (bad(i)) return i;
        }
        return kClean;
      },
      [](std::size_t& a, std::size_t b) { a = std::min(a, b); });
}

[[noreturn]] void fail(const World& world, const std::string& invariant,
                       const std::string& entity) {
  throw InvariantViolation("invariant '" + invariant + "' violated at tick " +
                           std::to_string(world.tick) + " by " + entity);
}

bool negative_or_nan(float x) {
  return !(x >= 0.0f);
}

}  // namespace

std::int64_t households_away_from_home(const World& world) {
  const Households& hh = world.households;
  return parallel::reduce(
      hh.count(), std::int64_t{0},
      [&](std::size_t begin, std::size_t end) {
        std::int64_t n = 0;
        for (std::size_t i = begin; i < end; ++i) n += hh.origin_dwelling[i] != kNone;
        return n;
      },
      [](std::int64_t& a, std::int64_t b) { a += b; });
}

void check_invariants(const World& world) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;

  const std::int64_t expected =
      world.initial_households + world.total_arrivals - world.total_departures;
  const std::int64_t in_city = world.households_in_city();
  if (in_city != expected) {
    fail(world, "household conservation",
         "the city: " + std::to_string(in_city) + " households, expected " +
             std::to_string(expected) + " (initial " + std::to_string(world.initial_households) +
             " + arrivals " + std::to_string(world.total_arrivals) + " - departures " +
             std::to_string(world.total_departures) + ")");
  }

  std::size_t h = first_bad(
      hh.count(), [&](std::size_t i) { return static_cast<int>(hh.status[i]) >= kStatusCount; });
  if (h != kClean) fail(world, "one status per household", "household " + std::to_string(h));

  h = first_bad(hh.count(), [&](std::size_t i) {
    const bool housed = is_housed(hh.status[i]);
    const DwellingId d = hh.dwelling[i];
    if (housed != (d != kNone)) return true;
    return housed && (d >= dw.count() || dw.occupant[d] != i);
  });
  if (h != kClean) {
    fail(world, "household -> dwelling link",
         "household " + std::to_string(h) + " (status " + std::string(to_string(hh.status[h])) +
             ", dwelling " + (hh.dwelling[h] == kNone ? "none" : std::to_string(hh.dwelling[h])) +
             ")");
  }

  // With the household side consistent, a dwelling whose occupant points
  // elsewhere would be a second household claiming it, or a stale link.
  std::size_t d = first_bad(dw.count(), [&](std::size_t i) {
    const HouseholdId o = dw.occupant[i];
    return o != kNone && (o >= hh.count() || hh.dwelling[o] != i);
  });
  if (d != kClean) {
    fail(world, "dwelling -> household link (occupancy within capacity)",
         "dwelling " + std::to_string(d) + " (occupant " + std::to_string(dw.occupant[d]) + ")");
  }

  // Displacement (docs/MODEL.md 7.3): a displaced household was displaced by
  // an event here or arrived in a wave (never a resident); a guest's host is
  // housed in the city and hosts no one else; a home of origin is a real
  // dwelling the household does not occupy; the links are cleared on leaving.
  std::vector<std::uint8_t> guests(hh.count(), 0);
  for (std::size_t i = 0; i < hh.count(); ++i) {
    if (hh.host[i] != kNone && hh.host[i] < hh.count()) ++guests[hh.host[i]];
  }
  h = first_bad(hh.count(), [&](std::size_t i) {
    const Status s = hh.status[i];
    if (is_displaced(s) && hh.displaced_at_tick[i] == 0 && hh.origin[i] == Origin::Resident)
      return true;
    const HouseholdId host = hh.host[i];
    if (is_guest(s) != (host != kNone)) return true;
    if (host != kNone &&
        (host >= hh.count() || host == i || !is_housed(hh.status[host]) || guests[host] != 1))
      return true;
    const DwellingId origin = hh.origin_dwelling[i];
    if (origin != kNone && (origin >= dw.count() || !is_in_city(s) || hh.dwelling[i] == origin))
      return true;
    return false;
  });
  if (h != kClean) {
    fail(world, "displaced households: origin, host and status agree",
         "household " + std::to_string(h) + " (status " + std::string(to_string(hh.status[h])) +
             ", host " +
             (hh.host[h] == kNone || hh.host[h] >= hh.count()
                  ? "none"
                  : std::to_string(hh.host[h]) + " " +
                        std::string(to_string(hh.status[hh.host[h]])) + " hosting " +
                        std::to_string(guests[hh.host[h]])) +
             ", displaced at tick " + std::to_string(hh.displaced_at_tick[h]) +
             ", origin dwelling " +
             (hh.origin_dwelling[h] == kNone ? "none" : std::to_string(hh.origin_dwelling[h])) +
             ")");
  }
  // A rental held for a displaced tenant (its right to return, or a
  // landlord's grant) stands empty and is that tenant's home of origin; a
  // household with a spell away knows the home it started from.
  d = first_bad(dw.count(), [&](std::size_t i) {
    const HouseholdId t = dw.grant_tenant[i];
    return t != kNone && (t >= hh.count() || hh.origin_dwelling[t] != i || dw.occupant[i] != kNone);
  });
  if (d != kClean) {
    fail(world, "a held rental is empty and its tenant's home of origin",
         "dwelling " + std::to_string(d) + " held for household " +
             std::to_string(dw.grant_tenant[d]));
  }
  h = first_bad(hh.count(), [&](std::size_t i) {
    return hh.origin_dwelling[i] != kNone && hh.displaced_from[i] == kNone;
  });
  if (h != kClean) {
    fail(world, "a household away knows the home its spell started from",
         "household " + std::to_string(h));
  }
  std::int64_t shelter = 0, camp = 0;
  for (const Status s : hh.status)
    shelter += s == Status::DisplacedShelter, camp += s == Status::DisplacedCamp;
  const DisasterState& places = world.disasters;
  if (shelter != places.shelter_occupancy || camp != places.camp_occupancy ||
      shelter > std::max<std::int64_t>(places.shelter_capacity, 0) ||
      camp > std::max<std::int64_t>(places.camp_capacity, 0)) {
    fail(world, "shelter and camp occupancy counted and within capacity",
         "the city: shelter " + std::to_string(shelter) + " (recorded " +
             std::to_string(places.shelter_occupancy) + ", capacity " +
             std::to_string(places.shelter_capacity) + "), camp " + std::to_string(camp) +
             " (recorded " + std::to_string(places.camp_occupancy) + ", capacity " +
             std::to_string(places.camp_capacity) + ")");
  }
  // Every household at a shelter or camp is at a site of that kind, and no
  // site holds more than its places (docs/MODEL.md 7.3). Sites are known
  // once a tick of a scenario with hazards has set them.
  if (!places.sites.empty()) {
    const auto& sites = places.sites;
    std::vector<std::int64_t> at_site(sites.size(), 0);
    h = first_bad(hh.count(), [&](std::size_t i) {
      return is_at_site(hh.status[i]) &&
             (hh.site[i] >= sites.size() || sites[hh.site[i]].status != hh.status[i]);
    });
    if (h != kClean)
      fail(world, "a household in a shelter or camp is at a site of that kind",
           "household " + std::to_string(h));
    for (HouseholdId i = 0; i < hh.count(); ++i)
      if (is_at_site(hh.status[i])) ++at_site[hh.site[i]];
    for (std::size_t k = 0; k < sites.size(); ++k) {
      if (at_site[k] > std::max<std::int64_t>(sites[k].capacity, 0))
        fail(world, "no shelter or camp site holds more than its places",
             "site " + sites[k].name + ": " + std::to_string(at_site[k]) + " households, " +
                 std::to_string(sites[k].capacity) + " places");
    }
  }
  // Every way into and out of the stock of households away from home is a
  // counted flow (the displacement indicators), so the stock's change over
  // the tick must equal their balance.
  const TickFlows& flows = world.flows;
  if (flows.away_at_start >= 0) {
    const std::int64_t away = households_away_from_home(world);
    const std::int64_t expected = flows.away_at_start + flows.new_displacements -
                                  flows.displaced_again - flows.returns - flows.settled -
                                  flows.away_departures - flows.away_bought_out;
    if (away != expected) {
      fail(world, "displacement flows balance",
           "the city: " + std::to_string(away) + " households away from home, expected " +
               std::to_string(expected) + " (at the tick's start " +
               std::to_string(flows.away_at_start) + " + displaced " +
               std::to_string(flows.new_displacements) + " - of them already away " +
               std::to_string(flows.displaced_again) + " - returned " +
               std::to_string(flows.returns) + " - settled " + std::to_string(flows.settled) +
               " - left the city " + std::to_string(flows.away_departures) + " - bought out " +
               std::to_string(flows.away_bought_out) + ")");
    }
  }
  // Households may stay in a DS3+ home (dislocation is a choice, docs/MODEL.md
  // 7.3), but nobody returns to one: its occupant lives there and did not come
  // back after the damage (the market and placement never offer one).
  d = first_bad(dw.count(), [&](std::size_t i) {
    if (dw.damage[i] < DamageState::Extensive || dw.occupant[i] == kNone) return false;
    const HouseholdId o = dw.occupant[i];
    return hh.dwelling[o] != i || hh.returned_at_tick[o] > dw.damaged_at_tick[i];
  });
  if (d != kClean)
    fail(world, "nobody moves into a DS3+ dwelling", "dwelling " + std::to_string(d));

  // Every damaged dwelling is somewhere in the recovery process (docs/MODEL.md
  // 7.5), and only damaged ones are; a dwelling on the crews' queue is paid for.
  d = first_bad(dw.count(), [&](std::size_t i) {
    const bool damaged = dw.damage[i] != DamageState::None;
    const RecoveryStage stage = dw.recovery_stage[i];
    return damaged != (stage != RecoveryStage::None) ||
           (stage == RecoveryStage::Repair && !dw.repair_funded[i]);
  });
  if (d != kClean)
    fail(world, "damaged dwellings, and only they, are in the recovery process",
         "dwelling " + std::to_string(d));

  h = first_bad(hh.count(), [&](std::size_t i) {
    return negative_or_nan(hh.income_per_month[i]) || negative_or_nan(hh.savings[i]) ||
           negative_or_nan(hh.rent_arrears[i]) || negative_or_nan(hh.housing_cost_per_month[i]);
  });
  if (h != kClean) {
    fail(world, "no negative money",
         "household " + std::to_string(h) + " (income " + std::to_string(hh.income_per_month[h]) +
             ", savings " + std::to_string(hh.savings[h]) + ", arrears " +
             std::to_string(hh.rent_arrears[h]) + ")");
  }

  d = first_bad(dw.count(), [&](std::size_t i) {
    return negative_or_nan(dw.value[i]) || negative_or_nan(dw.rent_per_month[i]);
  });
  if (d != kClean) {
    fail(world, "no negative prices",
         "dwelling " + std::to_string(d) + " (value " + std::to_string(dw.value[d]) + ", rent " +
             std::to_string(dw.rent_per_month[d]) + ")");
  }
}

}  // namespace hearth
