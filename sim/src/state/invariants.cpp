#include "state/invariants.hpp"

#include <cmath>
#include <string>

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

[[noreturn]] void fail(const World& world, const std::string& invariant, const std::string& entity) {
  throw InvariantViolation("invariant '" + invariant + "' violated at tick " +
                           std::to_string(world.tick) + " by " + entity);
}

bool negative_or_nan(float x) { return !(x >= 0.0f); }

}  // namespace

void check_invariants(const World& world) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;

  const std::int64_t expected = world.initial_households + world.total_arrivals - world.total_departures;
  const std::int64_t in_city = world.households_in_city();
  if (in_city != expected) {
    fail(world, "household conservation",
         "the city: " + std::to_string(in_city) + " households, expected " + std::to_string(expected) +
             " (initial " + std::to_string(world.initial_households) + " + arrivals " +
             std::to_string(world.total_arrivals) + " - departures " +
             std::to_string(world.total_departures) + ")");
  }

  std::size_t h = first_bad(hh.count(), [&](std::size_t i) {
    return static_cast<int>(hh.status[i]) >= kStatusCount;
  });
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
             ", dwelling " + (hh.dwelling[h] == kNone ? "none" : std::to_string(hh.dwelling[h])) + ")");
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
