// Indicators phase (docs/OUTPUTS.md): reads the World, writes only the Frame.
// Counts are integer sums and money sums use fixed-chunk reductions, so every
// figure is identical at any thread count.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "hearth/frame.hpp"
#include "parallel/parallel.hpp"
#include "phases/phases.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"
#include "state/city_generator.hpp"

namespace hearth {

namespace {
constexpr std::string_view kCityNames[] = {
#define HEARTH_NAME_ENTRY(name, description) #name,
    HEARTH_CITY_INDICATORS(HEARTH_NAME_ENTRY)
#undef HEARTH_NAME_ENTRY
};
constexpr std::string_view kCityDescriptions[] = {
#define HEARTH_DESCRIPTION_ENTRY(name, description) description,
    HEARTH_CITY_INDICATORS(HEARTH_DESCRIPTION_ENTRY)
#undef HEARTH_DESCRIPTION_ENTRY
};
constexpr std::string_view kGroupIndicatorNames[] = {
#define HEARTH_NAME_ENTRY(name, description) #name,
    HEARTH_GROUP_INDICATORS(HEARTH_NAME_ENTRY)
#undef HEARTH_NAME_ENTRY
};
constexpr std::string_view kGroupKinds[kGroupCount] = {"all",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "income_quintile",
                                                       "female_headed",
                                                       "female_headed",
                                                       "elderly_head",
                                                       "elderly_head",
                                                       "disability",
                                                       "disability",
                                                       "origin",
                                                       "origin",
                                                       "origin",
                                                       "origin",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure",
                                                       "tenure"};
constexpr std::string_view kGroupValues[kGroupCount] = {"all",
                                                        "q1",
                                                        "q2",
                                                        "q3",
                                                        "q4",
                                                        "q5",
                                                        "yes",
                                                        "no",
                                                        "yes",
                                                        "no",
                                                        "yes",
                                                        "no",
                                                        "resident",
                                                        "rural_migrant",
                                                        "internally_displaced",
                                                        "refugee",
                                                        "owner_occupied",
                                                        "private_rental",
                                                        "social_rental",
                                                        "informal",
                                                        "none"};


// Sums per group, reduced per fixed chunk.
struct GroupSums {
  std::int64_t members = 0, housed = 0, burdened = 0, severe = 0, informal = 0, homeless = 0,
               displaced = 0, flood_exposed = 0, owners = 0, away = 0, displaced_now = 0,
               months_displaced = 0;
  double income = 0;
};

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

struct Sums {
  std::array<std::int64_t, kStatusCount> status{};
  double income = 0, savings = 0, arrears = 0;
  std::int64_t in_arrears = 0, mortgaged = 0;
  std::int64_t displaced_rental = 0;
  // Households displaced by an event at least 6/12/24 months ago, and those of
  // them back home within that time.
  std::array<std::int64_t, 3> cohort{}, returned_within{};
  std::vector<std::uint16_t> months_displaced;  // of the households in the city ever displaced
  std::vector<std::int64_t>
      away_by_neighbourhood;  // households away, by the neighbourhood of their home
  std::array<GroupSums, kCombinations> combinations{};
};

void add(GroupSums& x, const GroupSums& y) {
  x.members += y.members, x.housed += y.housed, x.burdened += y.burdened;
  x.severe += y.severe, x.informal += y.informal, x.homeless += y.homeless;
  x.displaced += y.displaced, x.flood_exposed += y.flood_exposed, x.income += y.income;
  x.owners += y.owners;
  x.away += y.away, x.displaced_now += y.displaced_now, x.months_displaced += y.months_displaced;
}

double median_of(std::vector<float>& values) {
  if (values.empty()) return kNaN;
  auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

double share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : kNaN;
}

std::string date_of(const std::string& start, std::int32_t tick) {
  const int year = std::stoi(start.substr(0, 4));
  const int month0 = std::stoi(start.substr(5, 2)) - 1 + tick;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year + month0 / 12, month0 % 12 + 1);
  return buffer;
}

}  // namespace

std::string_view city_indicator_name(int index) {
  return kCityNames[index];
}
std::string_view city_indicator_description(int index) {
  return kCityDescriptions[index];
}
std::string_view group_indicator_name(int index) {
  return kGroupIndicatorNames[index];
}
std::string_view group_kind(int group) {
  return kGroupKinds[group];
}
std::string_view group_value(int group) {
  return kGroupValues[group];
}

Frame compute_indicators(const ScenarioDef& scenario, const World& world, bool neighbourhoods) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const int flood_layer = grid.hazard_index(kFloodDepth100yrLayer);
  const float* flood = flood_layer >= 0 ? grid.hazards[flood_layer].value.data() : nullptr;
  Frame frame;
  frame.tick = world.tick;
  frame.date = date_of(scenario.start_date, world.tick);

  // Income quintile bounds of the households in the city. The k-th smallest
  // value does not depend on the order of the values, so they are gathered
  // by chunks in parallel.
  std::vector<float> incomes = parallel::gather(
      hh.count(), [&](std::size_t i) { return is_in_city(hh.status[i]); },
      [&](std::size_t i) { return hh.income_per_month[i]; });
  // Median first, then each quintile bound inside the half that holds it
  // (and the 20% and 80% bounds inside the 40% and 60% partitions): about
  // 2.8 passes over the incomes instead of 5 for five separate selections.
  std::array<float, 4> quintile_bound{};
  double median_income = kNaN;
  if (!incomes.empty()) {
    const std::size_t n = incomes.size();
    auto at = [&](std::size_t k) { return incomes.begin() + static_cast<std::ptrdiff_t>(k); };
    std::nth_element(incomes.begin(), at(n / 2), incomes.end());
    median_income = *at(n / 2);
    const std::size_t k20 = n / 5, k40 = n * 2 / 5, k60 = n * 3 / 5, k80 = n * 4 / 5;
    // Each bound is read as soon as it is selected: a later selection over
    // a range that includes its position may move it. The two halves are
    // disjoint, so they are selected at the same time.
    parallel::invoke(
        [&] {
          std::nth_element(incomes.begin(), at(k40), at(n / 2));
          quintile_bound[1] = *at(k40);
          std::nth_element(incomes.begin(), at(k20), at(k40));
          quintile_bound[0] = *at(k20);
        },
        [&] {
          std::nth_element(at(n / 2), at(k60), incomes.end());
          quintile_bound[2] = *at(k60);
          std::nth_element(at(k60 + 1), at(k80), incomes.end());
          quintile_bound[3] = *at(k80);
        });
  }
  auto quintile_of = [&](float income) {
    int q = 0;
    while (q < 4 && income >= quintile_bound[q]) ++q;
    return q;  // 0..4
  };

  // What the household pass needs of each dwelling, one byte each: its tenure
  // (low bits) and whether its cell floods in the 100-year flood (top bit).
  // Read by dwelling id in household order, this array stays in cache where
  // the tenure, cell and flood columns behind it would miss.
  constexpr std::uint8_t kFloodExposed = 0x80;
  std::vector<std::uint8_t> dwelling_info(dw.count());
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    const bool exposed = flood && flood[dw.cell[d]] > 0.0f;
    dwelling_info[d] =
        static_cast<std::uint8_t>(static_cast<int>(dw.tenure[d]) | (exposed ? kFloodExposed : 0));
  });
  auto tenure_of = [&](DwellingId d) { return dwelling_info[d] & ~kFloodExposed; };

  Sums no_sums;
  no_sums.away_by_neighbourhood.assign(static_cast<std::size_t>(grid.neighbourhood_count), 0);
  const Sums sums = parallel::reduce(
      hh.count(), no_sums,
      [&](std::size_t begin, std::size_t end) {
        Sums s = no_sums;
        for (std::size_t i = begin; i < end; ++i) {
          const Status status = hh.status[i];
          ++s.status[static_cast<int>(status)];
          // Return after an event counts everyone displaced by it, gone or not.
          if (const std::int32_t at = hh.displaced_at_tick[i]; at > 0) {
            constexpr std::array<std::int32_t, 3> kWindows{6, 12, 24};
            for (int w = 0; w < 3; ++w) {
              if (world.tick - at < kWindows[w]) continue;
              ++s.cohort[w];
              const std::int32_t back = hh.returned_at_tick[i];
              s.returned_within[w] += back > 0 && back - at <= kWindows[w];
            }
          }
          if (!is_in_city(status)) continue;
          const float income = hh.income_per_month[i];
          s.income += income;
          s.savings += hh.savings[i];
          if (hh.rent_arrears[i] > 0) ++s.in_arrears, s.arrears += hh.rent_arrears[i];
          s.mortgaged += status == Status::Owner && hh.mortgage_balance[i] > 0;
          const bool housed = is_housed(status);
          // Net of a housing voucher's payment (what the household itself pays).
          const float burden =
              housed ? (hh.housing_cost_per_month[i] - hh.housing_subsidy_per_month[i]) /
                           std::max(income, 1.0f)
                     : 0.0f;
          const bool exposed = housed && (dwelling_info[hh.dwelling[i]] & kFloodExposed) != 0;
          const int q = quintile_of(income);
          const DwellingId home =
              hh.origin_dwelling[i] != kNone ? hh.origin_dwelling[i] : hh.dwelling[i];
          const int tenure = home != kNone ? tenure_of(home) : kTenureCount;
          GroupSums& gs = s.combinations[combination_of(
              q, hh.female_headed[i] != 0, hh.head_age[i] == HeadAgeBand::Over65,
              hh.disability[i] != 0, static_cast<int>(hh.origin[i]), tenure)];
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
        return s;
      },
      [](Sums& a, const Sums& b) {
        for (int k = 0; k < kStatusCount; ++k) a.status[k] += b.status[k];
        a.income += b.income;
        a.savings += b.savings;
        a.arrears += b.arrears;
        a.in_arrears += b.in_arrears;
        a.mortgaged += b.mortgaged;
        a.displaced_rental += b.displaced_rental;
        for (int w = 0; w < 3; ++w)
          a.cohort[w] += b.cohort[w], a.returned_within[w] += b.returned_within[w];
        a.months_displaced.insert(a.months_displaced.end(), b.months_displaced.begin(),
                                  b.months_displaced.end());
        for (std::size_t n = 0; n < a.away_by_neighbourhood.size(); ++n) {
          a.away_by_neighbourhood[n] += b.away_by_neighbourhood[n];
        }
        for (int c = 0; c < kCombinations; ++c) add(a.combinations[c], b.combinations[c]);
      });
  // Fold the combinations into the groups, in combination order.
  std::array<GroupSums, kGroupCount> groups{};
  for (int q = 0; q < 5; ++q) {
    for (int female = 0; female < 2; ++female) {
      for (int elderly = 0; elderly < 2; ++elderly) {
        for (int disability = 0; disability < 2; ++disability) {
          for (int origin = 0; origin < kOriginCount; ++origin) {
            for (int tenure = 0; tenure < kTenureGroups; ++tenure) {
              const GroupSums& c =
                  sums.combinations[combination_of(q, female, elderly, disability, origin, tenure)];
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

  // Dwelling-side figures, and per-neighbourhood counts for segregation,
  // reduced over fixed chunks of dwellings (rents and prices are gathered
  // for medians, which do not depend on order; sums are combined in chunk
  // order). Chunks grow with the neighbourhood count so that the per-chunk
  // neighbourhood tables stay small.
  const std::size_t n_neighbourhoods = static_cast<std::size_t>(grid.neighbourhood_count);
  struct PerNeighbourhood {
    std::int64_t q1 = 0, q5 = 0, households = 0, dwellings = 0, vacant = 0, rentals = 0,
                 burdened = 0;
    std::int64_t damaged = 0, uninhabitable = 0;
    double income = 0, rent = 0;
  };
  struct DwellingSums {
    std::int64_t formal = 0, vacant = 0, building = 0, months_on_market = 0;
    std::array<std::int64_t, 5> damage{};
    std::int64_t awaiting_repair = 0;
    double backlog = 0;
    std::vector<PerNeighbourhood> by_neighbourhood;
  };
  DwellingSums empty;
  empty.by_neighbourhood.resize(n_neighbourhoods);
  const std::size_t dwelling_chunk = std::max<std::size_t>(16384, 8 * n_neighbourhoods);
  DwellingSums ds = parallel::reduce(
      dw.count(), empty,
      [&](std::size_t begin, std::size_t end) {
        DwellingSums p = empty;
        for (std::size_t d = begin; d < end; ++d) {
          const Tenure tenure = dw.tenure[d];
          const HouseholdId h = dw.occupant[d];
          PerNeighbourhood& nb = p.by_neighbourhood[grid.neighbourhood[dw.cell[d]]];
          const DamageState damage = dw.damage[d];
          ++p.damage[static_cast<int>(damage)];
          if (damage != DamageState::None) {
            ++nb.damaged;
            nb.uninhabitable += damage >= DamageState::Extensive;
            p.backlog += dw.work_remaining_months[d];
            p.awaiting_repair += dw.repair_funded[d] == 0;
          }
          if (tenure != Tenure::Informal) {
            // Dwellings still being built are neither stock nor vacancies yet
            // (damaged ones under repair are stock, vacant or not).
            if (dw.work_remaining_months[d] > 0 && h == kNone && damage == DamageState::None) {
              if (policy::bought_out(dw, static_cast<DwellingId>(d))) continue;  // demolished
              ++p.building;
              continue;
            }
            ++p.formal;
            if (h == kNone) ++p.vacant, p.months_on_market += dw.months_on_market[d];
          }
          ++nb.dwellings;
          nb.vacant += h == kNone;
          if (h == kNone) continue;
          const float income = hh.income_per_month[h];
          if (tenure == Tenure::PrivateRental) {
            nb.rent += dw.rent_per_month[d];
            ++nb.rentals;
          }
          const int q = quintile_of(income);
          nb.q1 += q == 0;
          nb.q5 += q == 4;
          ++nb.households;
          nb.income += income;
          nb.burdened += hh.housing_cost_per_month[h] - hh.housing_subsidy_per_month[h] >
                         0.3f * std::max(income, 1.0f);
        }
        return p;
      },
      [](DwellingSums& a, const DwellingSums& b) {
        a.formal += b.formal, a.vacant += b.vacant, a.building += b.building;
        a.months_on_market += b.months_on_market;
        for (int k = 0; k < 5; ++k) a.damage[k] += b.damage[k];
        a.awaiting_repair += b.awaiting_repair;
        a.backlog += b.backlog;
        for (std::size_t n = 0; n < a.by_neighbourhood.size(); ++n) {
          PerNeighbourhood& x = a.by_neighbourhood[n];
          const PerNeighbourhood& y = b.by_neighbourhood[n];
          x.q1 += y.q1, x.q5 += y.q5, x.households += y.households, x.dwellings += y.dwellings;
          x.vacant += y.vacant, x.rentals += y.rentals, x.burdened += y.burdened;
          x.income += y.income, x.rent += y.rent;
          x.damaged += y.damaged, x.uninhabitable += y.uninhabitable;
        }
      },
      dwelling_chunk);
  // Rents, rent-to-income ratios and prices of the occupied rentals and
  // owner-occupied homes, for their medians (gathered apart from the sums
  // so that each is one vector of exact size: docs/PERFORMANCE.md, memory).
  auto occupied = [&](std::size_t d, Tenure tenure) {
    return dw.occupant[d] != kNone && dw.tenure[d] == tenure;
  };
  auto rental = [&](std::size_t d) { return occupied(d, Tenure::PrivateRental); };
  std::vector<float> rents =
      parallel::gather(dw.count(), rental, [&](std::size_t d) { return dw.rent_per_month[d]; });
  std::vector<float> rent_ratios = parallel::gather(dw.count(), rental, [&](std::size_t d) {
    return dw.rent_per_month[d] / std::max(hh.income_per_month[dw.occupant[d]], 1.0f);
  });
  std::vector<float> prices = parallel::gather(
      dw.count(), [&](std::size_t d) { return occupied(d, Tenure::OwnerOccupied); },
      [&](std::size_t d) { return dw.value[d]; });
  const std::int64_t formal = ds.formal, vacant = ds.vacant, building = ds.building;
  const std::int64_t months_on_market = ds.months_on_market;
  std::vector<std::int64_t> q1_in(n_neighbourhoods), q5_in(n_neighbourhoods);
  std::vector<NeighbourhoodRow> rows(neighbourhoods ? n_neighbourhoods : 0);
  std::vector<std::int64_t> rows_burdened(rows.size()), rows_rentals(rows.size());
  for (std::size_t n = 0; n < n_neighbourhoods; ++n) {
    const PerNeighbourhood& nb = ds.by_neighbourhood[n];
    q1_in[n] = nb.q1;
    q5_in[n] = nb.q5;
    if (rows.empty()) continue;
    rows[n].households = nb.households;
    rows[n].dwellings = nb.dwellings;
    rows[n].vacant_dwellings = nb.vacant;
    rows[n].damaged_dwellings = nb.damaged;
    rows[n].uninhabitable_dwellings = nb.uninhabitable;
    rows[n].away_from_home = sums.away_by_neighbourhood[n];
    rows[n].mean_income_per_month = nb.income;
    rows[n].mean_rent_per_month = nb.rent;
    rows_rentals[n] = nb.rentals;
    rows_burdened[n] = nb.burdened;
  }
  for (std::size_t n = 0; n < rows.size(); ++n) {
    NeighbourhoodRow& row = rows[n];
    row.mean_income_per_month = row.households ? row.mean_income_per_month / row.households : kNaN;
    row.mean_rent_per_month = rows_rentals[n] ? row.mean_rent_per_month / rows_rentals[n] : kNaN;
    row.cost_burdened_share = share(rows_burdened[n], row.households);
  }
  frame.neighbourhoods = std::move(rows);

  // Dissimilarity: D = 1/2 sum_n |q1_n / Q1 - q5_n / Q5| (Duncan and Duncan 1955).
  std::int64_t q1_total = 0, q5_total = 0;
  for (std::size_t n = 0; n < n_neighbourhoods; ++n) q1_total += q1_in[n], q5_total += q5_in[n];
  double dissimilarity = kNaN;
  if (q1_total > 0 && q5_total > 0) {
    dissimilarity = 0;
    for (std::size_t n = 0; n < n_neighbourhoods; ++n) {
      dissimilarity += std::fabs(static_cast<double>(q1_in[n]) / q1_total -
                                 static_cast<double>(q5_in[n]) / q5_total);
    }
    dissimilarity *= 0.5;
  }

  auto& c = frame.city;
  auto set = [&](CityIndicator which, double value) { c[static_cast<int>(which)] = value; };
  auto count = [&](Status s) { return static_cast<double>(sums.status[static_cast<int>(s)]); };
  const GroupSums& all = groups[0];
  const std::int64_t in_city = all.members;
  set(CityIndicator::households_in_city, static_cast<double>(in_city));
  set(CityIndicator::owners, count(Status::Owner));
  set(CityIndicator::renters, count(Status::Renter));
  set(CityIndicator::social_tenants, count(Status::SocialTenant));
  set(CityIndicator::informal_dwellers, count(Status::InformalDweller));
  set(CityIndicator::homeless, count(Status::Homeless));
  set(CityIndicator::displaced_shelter, count(Status::DisplacedShelter));
  set(CityIndicator::displaced_host, count(Status::DisplacedHost));
  set(CityIndicator::displaced_camp, count(Status::DisplacedCamp));
  set(CityIndicator::left_city, count(Status::LeftCity));
  set(CityIndicator::arrivals, static_cast<double>(world.flows.arrivals));
  set(CityIndicator::departures, static_cast<double>(world.flows.departures));
  set(CityIndicator::moves, static_cast<double>(world.flows.moves));
  set(CityIndicator::evictions, static_cast<double>(world.flows.evictions));
  set(CityIndicator::dwellings, static_cast<double>(dw.count()));
  set(CityIndicator::vacant_dwellings, static_cast<double>(vacant));
  set(CityIndicator::vacancy_rate, share(vacant, formal));
  set(CityIndicator::median_income_per_month, median_income);
  set(CityIndicator::mean_income_per_month, in_city ? sums.income / in_city : kNaN);
  // Three independent selections, at the same time.
  double median_price = kNaN, median_rent = kNaN, median_rent_ratio = kNaN;
  parallel::invoke([&] { median_price = median_of(prices); },
                   [&] { median_rent = median_of(rents); },
                   [&] { median_rent_ratio = median_of(rent_ratios); });
  set(CityIndicator::median_rent_per_month, median_rent);
  set(CityIndicator::median_price, median_price);
  set(CityIndicator::rent_to_income, median_rent_ratio);
  set(CityIndicator::price_to_income, median_price / (12.0 * median_income));
  set(CityIndicator::cost_burdened_share, share(all.burdened, all.housed));
  set(CityIndicator::severely_cost_burdened_share, share(all.severe, all.housed));
  set(CityIndicator::informal_share, share(all.informal, in_city));
  set(CityIndicator::mean_savings, in_city ? sums.savings / in_city : kNaN);
  set(CityIndicator::households_in_arrears, static_cast<double>(sums.in_arrears));
  set(CityIndicator::total_arrears, sums.arrears);
  set(CityIndicator::flood_exposed_share, share(all.flood_exposed, all.housed));
  set(CityIndicator::flood_exposed_share_q1, share(groups[1].flood_exposed, groups[1].housed));
  set(CityIndicator::flood_exposed_share_q5, share(groups[5].flood_exposed, groups[5].housed));
  set(CityIndicator::dissimilarity_q1_q5, dissimilarity);
  set(CityIndicator::owner_share, share(all.owners, in_city));
  set(CityIndicator::searchers, static_cast<double>(world.flows.searchers));
  set(CityIndicator::lettings, static_cast<double>(world.flows.lettings));
  set(CityIndicator::sales, static_cast<double>(world.flows.sales));
  set(CityIndicator::informal_entries, static_cast<double>(world.flows.informal_entries));
  set(CityIndicator::informal_self_built, static_cast<double>(world.flows.informal_self_built));
  set(CityIndicator::construction_starts, static_cast<double>(world.flows.construction_starts));
  set(CityIndicator::completions, static_cast<double>(world.flows.completions));
  set(CityIndicator::dwellings_under_construction, static_cast<double>(building));
  set(CityIndicator::mean_months_on_market,
      vacant ? static_cast<double>(months_on_market) / vacant : kNaN);
  const MarketState& market = world.market;
  double rent_index = 0, price_index = 0;
  for (std::size_t k = 0; k < market.submarket_count(); ++k) {
    rent_index += market.rent_index[k], price_index += market.price_index[k];
  }
  const double submarkets = static_cast<double>(market.submarket_count());
  // Relative to the start, so 1 at tick 0 by definition (the stored initial
  // means are floats: dividing by them there would give 1 +- rounding).
  const bool started = market.initialised && world.tick > 0;
  set(CityIndicator::rent_index_relative,
      started ? rent_index / submarkets / market.initial_mean_rent_index : 1.0);
  set(CityIndicator::price_index_relative,
      started ? price_index / submarkets / market.initial_mean_price_index : 1.0);
  set(CityIndicator::households_with_mortgage, static_cast<double>(sums.mortgaged));

  // Disasters.
  const TickFlows& flows = world.flows;
  set(CityIndicator::hazard_events, static_cast<double>(flows.hazard_events));
  set(CityIndicator::dwellings_damaged, static_cast<double>(flows.dwellings_damaged));
  set(CityIndicator::dwellings_ds1, static_cast<double>(ds.damage[1]));
  set(CityIndicator::dwellings_ds2, static_cast<double>(ds.damage[2]));
  set(CityIndicator::dwellings_ds3, static_cast<double>(ds.damage[3]));
  set(CityIndicator::dwellings_ds4, static_cast<double>(ds.damage[4]));
  set(CityIndicator::displaced_rental, static_cast<double>(sums.displaced_rental));
  set(CityIndicator::displaced_total,
      count(Status::DisplacedShelter) + count(Status::DisplacedHost) +
          count(Status::DisplacedCamp) + static_cast<double>(sums.displaced_rental));
  set(CityIndicator::away_from_home, static_cast<double>(all.away));
  set(CityIndicator::new_displacements, static_cast<double>(flows.new_displacements));
  set(CityIndicator::damage_evictions, static_cast<double>(flows.damage_evictions));
  set(CityIndicator::wave_arrivals, static_cast<double>(flows.wave_arrivals));
  set(CityIndicator::returns, static_cast<double>(flows.returns));
  set(CityIndicator::settled_after_displacement, static_cast<double>(flows.settled));
  set(CityIndicator::displaced_departures, static_cast<double>(flows.displaced_departures));
  set(CityIndicator::displaced_again, static_cast<double>(flows.displaced_again));
  set(CityIndicator::away_departures, static_cast<double>(flows.away_departures));
  set(CityIndicator::away_bought_out, static_cast<double>(flows.away_bought_out));
  std::vector<std::uint16_t> months = sums.months_displaced;
  auto quantile = [&](double q) {
    if (months.empty()) return kNaN;
    auto at =
        months.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(months.size() - 1));
    std::nth_element(months.begin(), at, months.end());
    return static_cast<double>(*at);
  };
  set(CityIndicator::median_months_displaced, quantile(0.5));
  set(CityIndicator::p90_months_displaced, quantile(0.9));
  set(CityIndicator::returned_share_6m, share(sums.returned_within[0], sums.cohort[0]));
  set(CityIndicator::returned_share_12m, share(sums.returned_within[1], sums.cohort[1]));
  set(CityIndicator::returned_share_24m, share(sums.returned_within[2], sums.cohort[2]));
  set(CityIndicator::repair_backlog_crew_months, ds.backlog);
  set(CityIndicator::dwellings_awaiting_repair, static_cast<double>(ds.awaiting_repair));
  set(CityIndicator::repairs_completed, static_cast<double>(flows.repairs_completed));
  set(CityIndicator::repair_cost_multiplier, world.disasters.repair_cost_multiplier);
  const auto& places = scenario.disasters.dislocation;
  const double shelter = count(Status::DisplacedShelter), camp = count(Status::DisplacedCamp);
  set(CityIndicator::shelter_occupancy, shelter);
  // Capacities: the scenario's plus places kept open by shelter_capacity programmes.
  const double shelter_places =
      static_cast<double>(places.shelter_capacity_households + world.policies.shelter_extra_places);
  const double camp_places =
      static_cast<double>(places.camp_capacity_households + world.policies.camp_extra_places);
  set(CityIndicator::shelter_occupancy_share, shelter_places > 0 ? shelter / shelter_places : kNaN);
  set(CityIndicator::camp_occupancy, camp);
  set(CityIndicator::camp_occupancy_share, camp_places > 0 ? camp / camp_places : kNaN);

  // Public spending, by lever and per programme.
  std::array<double, policy::kLeverCount> spent_by_lever{};
  double spent_total = 0, spent_cumulative = 0;
  for (std::size_t k = 0; k < world.policies.programmes.size(); ++k) {
    const ProgrammeLedger& ledger = world.policies.programmes[k];
    spent_by_lever[static_cast<int>(policy::lever_of(scenario.policies[k].type))] +=
        ledger.spent_this_tick;
    spent_total += ledger.spent_this_tick;
    spent_cumulative += ledger.spent_total;
    frame.programme_spent.push_back(ledger.spent_this_tick);
    frame.programme_spent_total.push_back(ledger.spent_total);
  }
  auto spent_on = [&](policy::Lever lever) { return spent_by_lever[static_cast<int>(lever)]; };
  // Outcomes of the housing levers (all 0 without their programmes).
  const policy::HousingCounts housing = policy::count_housing(scenario, world);
  set(CityIndicator::voucher_households, static_cast<double>(housing.voucher_households));
  set(CityIndicator::voucher_waiting_list, static_cast<double>(housing.voucher_waiting_list));
  set(CityIndicator::social_programme_units, static_cast<double>(housing.social_programme_units));
  set(CityIndicator::social_programme_tenants,
      static_cast<double>(housing.social_programme_tenants));
  set(CityIndicator::evictions_deferred, static_cast<double>(housing.evictions_deferred));
  set(CityIndicator::upgraded_dwellings, static_cast<double>(housing.upgraded_dwellings));
  set(CityIndicator::relocated_households, static_cast<double>(housing.relocated_households));
  set(CityIndicator::cleared_dwellings, static_cast<double>(housing.cleared_dwellings));
  // Outcomes of the disaster levers (all 0 without their programmes).
  set(CityIndicator::retrofits, static_cast<double>(flows.retrofits));
  set(CityIndicator::repair_grants, static_cast<double>(flows.repair_grants));
  set(CityIndicator::buyouts, static_cast<double>(flows.buyouts));
  set(CityIndicator::buyout_households, static_cast<double>(flows.buyout_households));
  set(CityIndicator::policy_shelter_places,
      static_cast<double>(world.policies.shelter_extra_places));
  set(CityIndicator::policy_camp_places, static_cast<double>(world.policies.camp_extra_places));
  set(CityIndicator::records_restored, static_cast<double>(flows.records_restored));
  std::int64_t bought_out = 0, records_lost = 0;
  if (!scenario.policies.empty() || !scenario.hazards.empty()) {
    for (DwellingId d = 0; d < dw.count(); ++d) {
      bought_out += policy::bought_out(dw, d);
      records_lost += !dw.record_intact[d] && dw.tenure[d] != Tenure::Informal &&
                      dw.owner_kind[d] == OwnerKind::Household && dw.owner_household[d] != kNone;
    }
  }
  set(CityIndicator::bought_out_dwellings, static_cast<double>(bought_out));
  set(CityIndicator::records_lost, static_cast<double>(records_lost));
  set(CityIndicator::spending_vouchers, spent_on(policy::Lever::Vouchers));
  set(CityIndicator::spending_social_housing, spent_on(policy::Lever::SocialHousing));
  set(CityIndicator::spending_upgrading, spent_on(policy::Lever::Upgrading));
  set(CityIndicator::spending_building_code, spent_on(policy::Lever::BuildingCode));
  set(CityIndicator::spending_reconstruction_grants, spent_on(policy::Lever::ReconstructionGrants));
  set(CityIndicator::spending_buyouts, spent_on(policy::Lever::Buyout));
  set(CityIndicator::spending_shelter_capacity, spent_on(policy::Lever::ShelterCapacity));
  set(CityIndicator::spending_record_restoration, spent_on(policy::Lever::RecordRestoration));
  set(CityIndicator::spending_total, spent_total);
  set(CityIndicator::spending_cumulative, spent_cumulative);

  for (int g = 0; g < kGroupCount; ++g) {
    const GroupSums& gs = groups[g];
    auto& out = frame.groups[g];
    auto put = [&](GroupIndicator which, double value) { out[static_cast<int>(which)] = value; };
    put(GroupIndicator::households, static_cast<double>(gs.members));
    put(GroupIndicator::cost_burdened_share, share(gs.burdened, gs.housed));
    put(GroupIndicator::severely_cost_burdened_share, share(gs.severe, gs.housed));
    put(GroupIndicator::informal_share, share(gs.informal, gs.members));
    put(GroupIndicator::homeless, static_cast<double>(gs.homeless));
    put(GroupIndicator::displaced, static_cast<double>(gs.displaced));
    put(GroupIndicator::mean_income_per_month, gs.members ? gs.income / gs.members : kNaN);
    put(GroupIndicator::flood_exposed_share, share(gs.flood_exposed, gs.housed));
    put(GroupIndicator::owner_share, share(gs.owners, gs.members));
    put(GroupIndicator::away_from_home, static_cast<double>(gs.away));
    put(GroupIndicator::mean_months_displaced,
        gs.displaced_now
            ? static_cast<double>(gs.months_displaced) / static_cast<double>(gs.displaced_now)
            : kNaN);
  }
  return frame;
}

}  // namespace hearth
