// The pass over the households of the indicators phase (household_sums.hpp).
// Everything is gathered in one pass over the households, chunk by chunk:
// the phase is a measured hot path (docs/PERFORMANCE.md), so the figures
// are split into functions here, not into passes.
#include "indicators/household_sums.hpp"

#include <algorithm>

#include "parallel/parallel.hpp"
#include "state/city_generator.hpp"

namespace hearth {
namespace {

// A household belongs to one group of each kind; its combination of
// (quintile, female-headed, elderly head, disability, origin, tenure) is one
// of 800 cells. Each household adds to its cell once, and the cells are
// folded into the 21 groups at the end: one update per household, not seven.
// Tenure is that of the household's dwelling or, while it is away from home
// (displaced or rehoused after damage), of its dwelling of origin; "none"
// for households without either (homeless arrivals, say).
constexpr int kTenureGroups = kTenureCount + 1;
constexpr int kCombinations = 5 * 2 * 2 * 2 * kOriginCount * kTenureGroups;

constexpr int combination_of(int quintile, bool female, bool elderly, bool disability, int origin,
                             int tenure) {
  return ((((quintile * 2 + female) * 2 + elderly) * 2 + disability) * kOriginCount + origin) *
             kTenureGroups +
         tenure;
}

void add(GroupSums& x, const GroupSums& y) {
  x.members += y.members, x.housed += y.housed, x.burdened += y.burdened;
  x.severe += y.severe, x.informal += y.informal, x.homeless += y.homeless;
  x.displaced += y.displaced, x.flood_exposed += y.flood_exposed, x.income += y.income;
  x.owners += y.owners;
  x.away += y.away, x.displaced_now += y.displaced_now, x.months_displaced += y.months_displaced;
}

// What one chunk of households adds up: the sums, with the groups still by
// combination of traits.
struct ChunkSums {
  HouseholdSums sums;
  std::array<GroupSums, kCombinations> combinations{};
};

void add(ChunkSums& a, const ChunkSums& b) {
  HouseholdSums& x = a.sums;
  const HouseholdSums& y = b.sums;
  for (int k = 0; k < kStatusCount; ++k) x.status[k] += y.status[k];
  x.income += y.income;
  x.savings += y.savings;
  x.arrears += y.arrears;
  x.in_arrears += y.in_arrears;
  x.mortgaged += y.mortgaged;
  x.displaced_rental += y.displaced_rental;
  for (int w = 0; w < 3; ++w)
    x.cohort[w] += y.cohort[w], x.returned_within[w] += y.returned_within[w];
  x.months_displaced.insert(x.months_displaced.end(), y.months_displaced.begin(),
                            y.months_displaced.end());
  for (std::size_t n = 0; n < x.away_by_neighbourhood.size(); ++n) {
    x.away_by_neighbourhood[n] += y.away_by_neighbourhood[n];
  }
  for (int c = 0; c < kCombinations; ++c) add(a.combinations[c], b.combinations[c]);
}

// Fold the combinations into the groups, in combination order.
std::array<GroupSums, kGroupCount> fold_into_groups(
    const std::array<GroupSums, kCombinations>& combinations) {
  std::array<GroupSums, kGroupCount> groups{};
  for (int q = 0; q < 5; ++q) {
    for (int female = 0; female < 2; ++female) {
      for (int elderly = 0; elderly < 2; ++elderly) {
        for (int disability = 0; disability < 2; ++disability) {
          for (int origin = 0; origin < kOriginCount; ++origin) {
            for (int tenure = 0; tenure < kTenureGroups; ++tenure) {
              const GroupSums& c =
                  combinations[combination_of(q, female, elderly, disability, origin, tenure)];
              for (int g : {0, 1 + q, female ? 6 : 7, elderly ? 8 : 9, disability ? 10 : 11,
                            12 + origin, 16 + tenure}) {
                add(groups[g], c);
              }
            }
          }
        }
      }
    }
  }
  return groups;
}

// What the household pass needs of each dwelling, one byte each: its tenure
// (low bits) and whether its cell floods in the 100-year flood (top bit).
// Read by dwelling id in household order, this array stays in cache where
// the tenure, cell and flood columns behind it would miss.
constexpr std::uint8_t kFloodExposed = 0x80;

std::vector<std::uint8_t> dwelling_tenure_and_flood(const World& world) {
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const int flood_layer = grid.hazard_index(kFloodDepth100yrLayer);
  const float* flood = flood_layer >= 0 ? grid.hazards[flood_layer].value.data() : nullptr;
  std::vector<std::uint8_t> info(dw.count());
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    const bool exposed = flood && flood[dw.cell[d]] > 0.0f;
    info[d] =
        static_cast<std::uint8_t>(static_cast<int>(dw.tenure[d]) | (exposed ? kFloodExposed : 0));
  });
  return info;
}

// Return after an event counts everyone displaced by it, gone or not.
inline void count_return(const Households& hh, std::size_t i, std::int32_t tick, HouseholdSums& s) {
  const std::int32_t at = hh.displaced_at_tick[i];
  if (at <= 0) return;
  constexpr std::array<std::int32_t, 3> kWindows{6, 12, 24};
  for (int w = 0; w < 3; ++w) {
    if (tick - at < kWindows[w]) continue;
    ++s.cohort[w];
    const std::int32_t back = hh.returned_at_tick[i];
    s.returned_within[w] += back > 0 && back - at <= kWindows[w];
  }
}

// The households [begin, end): the loop body of the pass.
void sum_chunk(const World& world, const IncomeQuintiles& quintiles,
               const std::vector<std::uint8_t>& dwelling_info, std::size_t begin, std::size_t end,
               ChunkSums& chunk) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  HouseholdSums& s = chunk.sums;
  for (std::size_t i = begin; i < end; ++i) {
    const Status status = hh.status[i];
    ++s.status[static_cast<int>(status)];
    count_return(hh, i, world.tick, s);
    if (!is_in_city(status)) continue;
    const float income = hh.income_per_month[i];
    s.income += income;
    s.savings += hh.savings[i];
    if (hh.rent_arrears[i] > 0) ++s.in_arrears, s.arrears += hh.rent_arrears[i];
    s.mortgaged += status == Status::Owner && hh.mortgage_balance[i] > 0;
    const bool housed = is_housed(status);
    // Net of a housing voucher's payment (what the household itself pays).
    const float burden = housed ? (hh.housing_cost_per_month[i] - hh.housing_subsidy_per_month[i]) /
                                      std::max(income, 1.0f)
                                : 0.0f;
    const bool exposed = housed && (dwelling_info[hh.dwelling[i]] & kFloodExposed) != 0;
    const DwellingId home = hh.origin_dwelling[i] != kNone ? hh.origin_dwelling[i] : hh.dwelling[i];
    const int tenure = home != kNone ? dwelling_info[home] & ~kFloodExposed : kTenureCount;
    GroupSums& gs = chunk.combinations[combination_of(
        quintiles.quintile_of(income), hh.female_headed[i] != 0,
        hh.head_age[i] == HeadAgeBand::Over65, hh.disability[i] != 0,
        static_cast<int>(hh.origin[i]), tenure)];
    ++gs.members;
    gs.income += income;
    gs.housed += housed;
    gs.burdened += burden > 0.3f;
    gs.severe += burden > 0.5f;
    gs.informal += status == Status::InformalDweller || status == Status::Homeless;
    gs.homeless += status == Status::Homeless;
    gs.displaced += is_displaced(status);
    gs.flood_exposed += exposed;
    gs.owners += status == Status::Owner;
    const bool away = hh.origin_dwelling[i] != kNone;
    gs.away += away;
    s.displaced_rental += away && housed;
    if (away) ++s.away_by_neighbourhood[grid.neighbourhood[dw.cell[hh.origin_dwelling[i]]]];
    if (away || is_displaced(status)) {
      ++gs.displaced_now;
      gs.months_displaced += hh.months_displaced[i];
    }
    // Spells: finished ones (returned, settled) and ongoing ones so far.
    if (hh.months_displaced[i] > 0 || is_displaced(status))
      s.months_displaced.push_back(hh.months_displaced[i]);
  }
}

}  // namespace

HouseholdSums sum_households(const World& world, const IncomeQuintiles& quintiles) {
  const std::vector<std::uint8_t> dwelling_info = dwelling_tenure_and_flood(world);
  ChunkSums none;
  none.sums.away_by_neighbourhood.assign(static_cast<std::size_t>(world.grid.neighbourhood_count),
                                         0);
  ChunkSums total = parallel::reduce(
      world.households.count(), none,
      [&](std::size_t begin, std::size_t end) {
        ChunkSums chunk = none;
        sum_chunk(world, quintiles, dwelling_info, begin, end, chunk);
        return chunk;
      },
      [](ChunkSums& a, const ChunkSums& b) { add(a, b); });
  HouseholdSums sums = std::move(total.sums);
  sums.groups = fold_into_groups(total.combinations);
  return sums;
}

}  // namespace hearth
