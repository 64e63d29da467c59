#include "state/city_generator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "city/tenure_match.hpp"
#include "city/tract_city.hpp"
#include "hearth/errors.hpp"
#include "housing/market_model.hpp"
#include "housing/placement.hpp"  // the hosts of households starting doubled up
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/demographics.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

constexpr double kTwoPi = 6.283185307179586;

struct CellGeometry {
  double distance_to_centre = 0;   // cells
  double distance_to_channel = 0;  // cells, from the channel's centre line
};

CellGeometry geometry(const ScenarioDef& s, std::int32_t x, std::int32_t y) {
  const auto& g = s.city.grid;
  const auto& layout = s.city.layout;
  const double cx = layout.job_centre_x_fraction * g.width_cells;
  const double cy = layout.job_centre_y_fraction * g.height_cells;
  CellGeometry out;
  out.distance_to_centre = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
  if (layout.river.enabled) {
    // One and a half meanders over the height of the city.
    const double channel_x = layout.river.x_fraction * g.width_cells +
                             layout.river.meander_amplitude_cells *
                                 std::sin(kTwoPi * (y + 0.5) / (g.height_cells / 1.5));
    out.distance_to_channel = std::fabs(x + 0.5 - channel_x);
  } else {
    out.distance_to_channel = 1e9;
  }
  return out;
}

// Splits `total` over weights so that the counts sum exactly to total and
// each count is the floor of the cumulative share difference (no randomness).
std::vector<std::uint32_t> apportion(std::int64_t total, const std::vector<double>& weights) {
  std::vector<std::uint32_t> counts(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (sum <= 0 || total <= 0) return counts;
  double cumulative = 0;
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    const auto upto = static_cast<std::int64_t>(std::floor(total * (cumulative / sum) + 1e-9));
    const std::int64_t until = std::min(total, std::max(upto, assigned));
    counts[i] = static_cast<std::uint32_t>(until - assigned);
    assigned = until;
  }
  // Rounding can leave a remainder on the last weighted entry.
  for (std::size_t i = weights.size(); assigned < total && i-- > 0;) {
    if (weights[i] > 0) {
      counts[i] += static_cast<std::uint32_t>(total - assigned);
      assigned = total;
    }
  }
  return counts;
}

// Integer counts per category that sum to n (largest remainder method).
std::vector<std::int64_t> split_by_shares(std::int64_t n, const std::vector<double>& shares) {
  std::vector<std::int64_t> counts(shares.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double exact = n * shares[i];
    counts[i] = static_cast<std::int64_t>(std::floor(exact));
    assigned += counts[i];
    remainders.push_back({-(exact - counts[i]), i});
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t k = 0; assigned < n; ++k, ++assigned)
    ++counts[remainders[k % shares.size()].second];
  return counts;
}

void build_grid(const ScenarioDef& s, World& world) {
  const auto& g = s.city.grid;
  const auto& layout = s.city.layout;
  Grid& grid = world.grid;
  grid.resize(g.width_cells, g.height_cells);
  grid.cell_size_m = g.cell_size_m;
  const int n = layout.neighbourhoods_per_side;
  grid.neighbourhood_count = n * n;
  const double city_radius = layout.city_radius_fraction * std::min(g.width_cells, g.height_cells);
  const double half_channel = layout.river.width_cells / 2.0;
  HazardLayer flood{kFloodDepth100yrLayer, "m", std::vector<float>(grid.cell_count(), 0.0f)};

  parallel::for_each_index(grid.cell_count(), [&](std::size_t c) {
    const auto x = static_cast<std::int32_t>(c % g.width_cells);
    const auto y = static_cast<std::int32_t>(c / g.width_cells);
    const CellGeometry geo = geometry(s, x, y);
    grid.neighbourhood[c] =
        static_cast<NeighbourhoodId>((x * n / g.width_cells) + n * (y * n / g.height_cells));
    grid.job_access[c] =
        static_cast<float>(std::exp(-geo.distance_to_centre / layout.job_access_decay_cells));
    const double bank_distance = geo.distance_to_channel - half_channel;
    grid.elevation_m[c] =
        static_cast<float>(5.0 + 0.3 * std::max(0.0, bank_distance) * g.cell_size_m / 100.0);
    if (bank_distance >= 0 && bank_distance < layout.river.floodplain_width_cells) {
      flood.value[c] =
          static_cast<float>(layout.river.flood_depth_100yr_m *
                             (1.0 - bank_distance / layout.river.floodplain_width_cells));
    }
    LandUse use = LandUse::Residential;
    if (bank_distance < 0)
      use = LandUse::Water;
    else if (geo.distance_to_centre <= layout.job_centre_radius_cells)
      use = LandUse::Jobs;
    else if (geo.distance_to_centre > city_radius)
      use = LandUse::Open;
    grid.land_use[c] = use;
    // Services fall from full at the centre to half at the city's edge.
    const double edge = std::min(1.0, geo.distance_to_centre / city_radius);
    const float served = use == LandUse::Open ? 0.2f : static_cast<float>(1.0 - 0.5 * edge * edge);
    grid.service_water[c] = served;
    grid.service_sanitation[c] = use == LandUse::Open ? 0.1f : served * 0.95f;
    grid.service_electricity[c] = use == LandUse::Open ? 0.3f : std::min(1.0f, served * 1.05f);
  });
  grid.hazards.push_back(std::move(flood));

  const auto site_x = std::min<std::int32_t>(
      g.width_cells - 1,
      static_cast<std::int32_t>(layout.relocation_site_x_fraction * g.width_cells));
  const auto site_y = std::min<std::int32_t>(
      g.height_cells - 1,
      static_cast<std::int32_t>(layout.relocation_site_y_fraction * g.height_cells));
  grid.relocation_site = grid.cell_at(site_x, site_y);
}

// Informal settlements: a share on the floodplain (hazardous land the formal
// market avoids), the rest on the periphery just beyond the built-up edge.
void place_informal_settlements(const ScenarioDef& s, World& world) {
  Grid& grid = world.grid;
  const auto& layout = s.city.layout;
  const double informal_share = s.city.tenure.informal;
  if (informal_share <= 0) return;
  std::size_t residential = 0;
  for (LandUse u : grid.land_use) residential += u == LandUse::Residential ? 1 : 0;
  const auto wanted = static_cast<std::size_t>(
      std::max(1.0, std::round(informal_share * static_cast<double>(residential))));
  const auto& flood = grid.hazards[0].value;
  const double city_radius =
      layout.city_radius_fraction * std::min(s.city.grid.width_cells, s.city.grid.height_cells);

  // Candidates ranked by a key: floodplain cells by random order, peripheral
  // open cells by distance beyond the edge plus a little noise.
  std::vector<std::pair<double, CellId>> floodplain, periphery;
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    Rng rng(s.seed, s.replicate, 0, RngStream::CityCells, c);
    const LandUse use = grid.land_use[c];
    if (flood[c] > 0 && (use == LandUse::Residential || use == LandUse::Open)) {
      floodplain.push_back({rng.uniform(), c});
    } else if (use == LandUse::Open) {
      const double beyond =
          geometry(s, grid.x_of(c), grid.y_of(c)).distance_to_centre - city_radius;
      periphery.push_back({beyond + 3.0 * rng.uniform(), c});
    }
  }
  std::sort(floodplain.begin(), floodplain.end());
  std::sort(periphery.begin(), periphery.end());
  std::size_t on_hazard =
      std::min(floodplain.size(),
               static_cast<std::size_t>(std::round(wanted * layout.informal_on_hazard_share)));
  std::size_t on_periphery = std::min(periphery.size(), wanted - on_hazard);
  // Top up from the other kind of land when one runs out.
  on_hazard = std::min(floodplain.size(), wanted - on_periphery);
  auto mark = [&](CellId c) {
    grid.land_use[c] = LandUse::Informal;
    grid.service_water[c] = 0.25f;
    grid.service_sanitation[c] = 0.10f;
    grid.service_electricity[c] = 0.35f;
  };
  for (std::size_t i = 0; i < on_hazard; ++i) mark(floodplain[i].second);
  for (std::size_t i = 0; i < on_periphery; ++i) mark(periphery[i].second);
}

struct TenurePlan {
  std::int64_t doubled_up = 0;           // households without a dwelling of their own
  std::vector<std::int64_t> households;  // per tenure
  std::vector<std::int64_t> dwellings;   // per tenure
};

// Dwellings of each tenure are spread over cells; ids run cell by cell so
// that a cell's dwellings are contiguous in memory.
void place_dwellings(const ScenarioDef& s, const TenurePlan& plan, World& world) {
  Grid& grid = world.grid;
  const auto& layout = s.city.layout;
  const std::size_t cells = grid.cell_count();
  std::vector<double> formal_weight(cells, 0.0), informal_weight(cells, 0.0);
  for (CellId c = 0; c < cells; ++c) {
    const double d = geometry(s, grid.x_of(c), grid.y_of(c)).distance_to_centre;
    const double density = std::exp(-d / layout.density_decay_cells);
    if (grid.land_use[c] == LandUse::Residential)
      formal_weight[c] = density;
    else if (grid.land_use[c] == LandUse::Jobs)
      formal_weight[c] = 0.3 * density;  // mixed use
    else if (grid.land_use[c] == LandUse::Informal)
      informal_weight[c] = 1.0;
  }
  if (std::accumulate(formal_weight.begin(), formal_weight.end(), 0.0) <= 0) {
    throw InputError("scenario", {{"/city/layout",
                                   "the layout leaves no residential land; "
                                   "widen city_radius_fraction or the grid"}});
  }
  std::vector<std::vector<std::uint32_t>> per_tenure(kTenureCount);
  for (int t = 0; t < kTenureCount; ++t) {
    const bool informal = t == static_cast<int>(Tenure::Informal);
    // Informal dwellings fall back to formal land if no informal land exists.
    const bool has_informal_land =
        std::accumulate(informal_weight.begin(), informal_weight.end(), 0.0) > 0;
    per_tenure[t] = apportion(plan.dwellings[t],
                              informal && has_informal_land ? informal_weight : formal_weight);
  }
  std::vector<std::uint64_t> offset(cells + 1, 0);
  for (CellId c = 0; c < cells; ++c) {
    std::uint64_t in_cell = 0;
    for (int t = 0; t < kTenureCount; ++t) in_cell += per_tenure[t][c];
    offset[c + 1] = offset[c] + in_cell;
    // Builders may add a quarter again (the market issue's supply), informal land half again.
    const double headroom = grid.land_use[c] == LandUse::Informal ? 1.5 : 1.25;
    grid.zoning_capacity[c] = static_cast<std::uint32_t>(std::ceil(in_cell * headroom)) +
                              (formal_weight[c] > 0 || informal_weight[c] > 0 ? 2 : 0);
  }
  create_dwellings(world, offset, [&](std::size_t c, int t) { return per_tenure[t][c]; });
}

void draw_dwelling_attributes(const ScenarioDef& s, World& world) {
  Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const auto& flood = grid.hazards[0].value;
  parallel::for_each_index(dw.count(), [&](std::size_t i) {
    Rng rng(s.seed, s.replicate, 0, RngStream::CityDwellings, static_cast<std::uint32_t>(i));
    const CellId c = dw.cell[i];
    const Tenure t = dw.tenure[i];
    const float services = grid.services(c);
    if (t == Tenure::Informal) {
      dw.structure[i] = StructureClass::InformalMakeshift;
      dw.rooms[i] = static_cast<std::uint8_t>(1 + rng.below(2));
      dw.quality[i] = static_cast<float>(std::clamp(0.15 + 0.05 * rng.normal(), 0.02, 0.35));
      dw.record_intact[i] = 0;  // no formal title
    } else {
      // Building stock mix (docs/MODEL.md): a quarter old unreinforced
      // masonry, half reinforced-concrete frame, a quarter to current code.
      const double u = rng.uniform();
      dw.structure[i] = u < 0.25   ? StructureClass::UnreinforcedMasonry
                        : u < 0.75 ? StructureClass::ReinforcedConcreteFrame
                                   : StructureClass::CodeCompliant;
      const std::uint32_t min_rooms = t == Tenure::OwnerOccupied ? 2 : 1;
      dw.rooms[i] = static_cast<std::uint8_t>(min_rooms + rng.below(4));
      dw.quality[i] =
          static_cast<float>(std::clamp(0.3 + 0.4 * services + 0.15 * rng.normal(), 0.05, 1.0));
    }
    // Hedonic value index (before scaling to the scenario's median price),
    // with the market's coefficients so that the indices start flat whatever
    // the scenario sets them to, and a dwelling's own noise.
    const MarketDef& m = s.market;
    const double hedonic = std::exp(
        m.hedonic_quality * (dw.quality[i] - 0.6) + m.hedonic_rooms * (dw.rooms[i] - 3.0) +
        m.hedonic_job_access * (grid.job_access[c] - 0.5) + m.hedonic_services * (services - 0.8) -
        m.hedonic_flood_per_m * flood[c] + 0.15 * rng.normal());
    dw.value[i] = static_cast<float>(hedonic);
    rents::set_rent(world, static_cast<DwellingId>(i),
                    t == Tenure::Informal ? static_cast<float>(s.city.informal_rent_per_month *
                                                               (0.7 + 0.6 * rng.uniform()))
                                          : 0.0f);
    dw.owner_kind[i] = t == Tenure::OwnerOccupied   ? OwnerKind::None  // for sale until matched
                       : t == Tenure::PrivateRental ? OwnerKind::PrivateLandlord
                       : t == Tenure::SocialRental  ? OwnerKind::Public
                                                    : OwnerKind::None;
  });
  // Scale so that the median formal value is the scenario's median price.
  std::vector<float> formal;
  formal.reserve(dw.count());
  for (std::size_t i = 0; i < dw.count(); ++i) {
    if (dw.tenure[i] != Tenure::Informal) formal.push_back(dw.value[i]);
  }
  if (formal.empty()) return;
  auto mid = formal.begin() + static_cast<std::ptrdiff_t>(formal.size() / 2);
  std::nth_element(formal.begin(), mid, formal.end());
  const double scale = s.city.median_price / *mid;
  const double monthly_yield = s.city.gross_rent_yield_per_year / 12.0;
  parallel::for_each_index(dw.count(), [&](std::size_t i) {
    dw.value[i] = static_cast<float>(dw.value[i] * scale);
    if (dw.tenure[i] == Tenure::Informal) dw.value[i] *= 0.1f;  // no title: a fraction of formal
    if (dw.tenure[i] == Tenure::PrivateRental || dw.tenure[i] == Tenure::OwnerOccupied) {
      rents::set_rent(world, static_cast<DwellingId>(i),
                      static_cast<float>(dw.value[i] * monthly_yield));
    }
  });
}

void draw_households(const ScenarioDef& s, World& world) {
  Households& hh = world.households;
  hh.resize(static_cast<std::size_t>(s.city.households));
  const HeadAgeTable ages = head_age_table(s);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    draw_initial_household(s, s.city.income.sigma_log, ages, hh, static_cast<HouseholdId>(i));
  });
  // Scale so that the median income is the scenario's median.
  std::vector<float> relative(hh.base_income_per_month);
  auto mid = relative.begin() + static_cast<std::ptrdiff_t>(relative.size() / 2);
  std::nth_element(relative.begin(), mid, relative.end());
  const double scale = s.city.income.median_per_month / *mid;
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    hh.base_income_per_month[i] = static_cast<float>(hh.base_income_per_month[i] * scale);
    hh.income_per_month[i] = hh.base_income_per_month[i];
    hh.savings[i] = static_cast<float>(hh.savings[i] * scale);
  });
}

// The households that start doubled up (ascending ids) live with a host in
// the neighbourhood of a household drawn at random among the housed (kin
// live anywhere in the city); with no host there that has room and means
// (the hosts' rules of 7.3), a household starts homeless.
void start_doubled_up(const ScenarioDef& s, World& world, const std::vector<HouseholdId>& ids) {
  if (ids.empty()) return;
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const std::vector<HouseholdId> housed =
      market::collect_ids(hh.count(), [&](std::size_t i) { return hh.dwelling[i] != kNone; });
  if (housed.empty()) return;
  for (const HouseholdId h : ids) {
    Rng rng(s.seed, s.replicate, 0, RngStream::DoublingUp, h);
    const HouseholdId kin = housed[rng.below(static_cast<std::uint32_t>(housed.size()))];
    hh.anchor_cell[h] = dw.cell[hh.dwelling[kin]];
  }
  disasters::HostPool hosts(s, world);
  for (const HouseholdId h : ids) {
    const HouseholdId host = hosts.take(0, h);
    if (host != kNone) tenancy::double_up(world, h, host);
  }
}

// Ranks households into tenures by noisy income (richest own), then matches
// each tenure's households to its dwellings by noisy value rank
// (city/tenure_match.hpp).
void match_households_to_dwellings(const ScenarioDef& s, const TenurePlan& plan, World& world) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  std::vector<RankKey> by_income(hh.count());
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    Rng rng(s.seed, s.replicate, 0, RngStream::CityTenureSort, static_cast<std::uint32_t>(i));
    by_income[i] = {static_cast<float>(std::log(hh.base_income_per_month[i]) +
                                       s.city.tenure.sorting_noise_log * rng.normal()),
                    static_cast<std::uint32_t>(i)};
  });
  parallel::sort(by_income);
  std::vector<std::vector<RankKey>> tenure_households(kTenureCount);
  // The poorest start doubled up (no dwelling of their own), then the ladder.
  std::size_t next = static_cast<std::size_t>(plan.doubled_up);
  for (Tenure t : kIncomeLadder) {
    const auto n = static_cast<std::size_t>(plan.households[static_cast<int>(t)]);
    auto& bucket = tenure_households[static_cast<int>(t)];
    bucket.reserve(n);
    for (std::size_t k = 0; k < n; ++k, ++next) {
      bucket.push_back(household_match_key(s, hh, by_income[next].second));
    }
  }
  std::vector<std::vector<RankKey>> tenure_dwellings(kTenureCount);
  for (DwellingId d = 0; d < dw.count(); ++d) {
    tenure_dwellings[static_cast<int>(dw.tenure[d])].push_back(dwelling_match_key(s, dw, d));
  }
  const double monthly_owner_cost = s.economy.owner_cost_rate_per_year / 12.0;
  for (int t = 0; t < kTenureCount; ++t) {
    match_by_rank(tenure_households[t], tenure_dwellings[t], [&](HouseholdId h, DwellingId d) {
      tenancy::settle_at_start(s, world, h, d, static_cast<Tenure>(t), monthly_owner_cost);
    });
  }
  std::vector<HouseholdId> doubled(static_cast<std::size_t>(plan.doubled_up));
  for (std::size_t k = 0; k < doubled.size(); ++k) doubled[k] = by_income[k].second;
  std::sort(doubled.begin(), doubled.end());
  start_doubled_up(s, world, doubled);
}

}  // namespace

World generate_city(const ScenarioDef& s) {
  if (!s.city.tracts.file.empty()) return generate_tract_city(s);
  World world;
  build_grid(s, world);
  place_informal_settlements(s, world);

  const auto& t = s.city.tenure;
  TenurePlan plan;
  plan.doubled_up = std::llround(static_cast<double>(s.city.households) * s.city.doubled_up_share);
  plan.households = split_by_shares(s.city.households - plan.doubled_up,
                                    {t.owner, t.private_renter, t.social_renter, t.informal});
  plan.dwellings.resize(kTenureCount);
  for (int k = 0; k < kTenureCount; ++k) {
    // Formal stock has the scenario's vacancy, the owners' stock its own;
    // informal stock is built by its occupants, so it has none at the start.
    const double vacancy = k == static_cast<int>(Tenure::Informal) ? 0.0
                           : k == static_cast<int>(Tenure::OwnerOccupied)
                               ? s.city.owner_vacancy_rate
                               : s.city.vacancy_rate;
    plan.dwellings[k] =
        plan.households[k] + static_cast<std::int64_t>(std::llround(plan.households[k] * vacancy));
  }
  place_dwellings(s, plan, world);
  draw_dwelling_attributes(s, world);
  draw_households(s, world);
  match_households_to_dwellings(s, plan, world);

  world.initial_households = s.city.households;
  world.tick = 0;
  return world;
}

void create_dwellings(World& world, const std::vector<std::uint64_t>& offset,
                      const std::function<std::uint32_t(std::size_t cell, int tenure)>& count) {
  Dwellings& dw = world.dwellings;
  const std::size_t cells = offset.size() - 1;
  dw.resize(offset[cells]);
  parallel::for_each_index(
      cells,
      [&](std::size_t c) {
        std::uint64_t id = offset[c];
        for (int t = 0; t < kTenureCount; ++t) {
          const std::uint32_t n = count(c, t);
          for (std::uint32_t k = 0; k < n; ++k, ++id) {
            dw.cell[id] = static_cast<CellId>(c);
            dw.tenure[id] = static_cast<Tenure>(t);
          }
        }
      },
      256);
}

}  // namespace hearth
