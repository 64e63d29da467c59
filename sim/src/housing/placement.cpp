// Placement of displaced households (see placement.hpp): hosts, shelters,
// camps and departures when the places are full, and the re-placement of
// guests whose stay ended.
#include "housing/placement.hpp"

#include <algorithm>
#include <cmath>

#include "housing/household_economy.hpp"
#include "housing/market_model.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/tenancy.hpp"

namespace hearth::disasters {

HostPool::HostPool(const ScenarioDef& s, const World& world) : scenario_(s), world_(world) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  guests_.assign(hh.count(), 0);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (is_guest(hh.status[h]) && hh.host[h] != kNone) guests_[hh.host[h]] = 1;
  }
  // Willingness to host is a lasting trait of a household (drawn at tick 0).
  const double share = s.disasters.dislocation.host_share;
  std::vector<std::uint8_t> willing(hh.count(), 0);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    const DwellingId d = hh.dwelling[i];
    if (!is_housed(hh.status[i]) || d == kNone || dw.damage[d] > DamageState::Slight) return;
    Rng rng(s.seed, s.replicate, 0, RngStream::Hosting, static_cast<std::uint32_t>(i));
    willing[i] = rng.bernoulli(share) ? 1 : 0;
  });
  candidates_.assign(static_cast<std::size_t>(std::max(1, world.grid.neighbourhood_count)), {});
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (willing[h] && !guests_[h]) {
      candidates_[world.grid.neighbourhood[dw.cell[hh.dwelling[h]]]].push_back(h);
    }
  }
}

HouseholdId HostPool::take(std::int32_t tick, HouseholdId h) {
  const ScenarioDef& s = scenario_;
  const DislocationDef& p = s.disasters.dislocation;
  const Households& hh = world_.households;
  const Dwellings& dw = world_.dwellings;
  auto& list = candidates_[world_.grid.neighbourhood[hh.anchor_cell[h]]];
  if (list.empty()) return kNone;
  // A few candidates from a seeded start: hosts are friends and family nearby,
  // not the first name on a list.
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(tick), RngStream::Hosting, h);
  const auto start = rng.below(static_cast<std::uint32_t>(list.size()));
  constexpr std::size_t kTries = 16;
  for (std::size_t k = 0; k < std::min(kTries, list.size()); ++k) {
    const std::size_t at = (start + k) % list.size();
    const HouseholdId host = list[at];
    if (host == h || guests_[host] || !is_housed(hh.status[host])) continue;
    const DwellingId d = hh.dwelling[host];
    if (d == kNone || dw.damage[d] > DamageState::Slight) continue;
    const double persons = static_cast<double>(hh.size[host]) + hh.size[h];
    if (persons > p.persons_per_room_max * dw.rooms[d]) continue;
    const double needs =
        needs_per_month(s.economy, hh.size[host]) + needs_per_month(s.economy, hh.size[h]);
    if (hh.income_per_month[host] < p.host_min_income_multiple * needs) continue;
    guests_[host] = 1;
    list[at] = list.back();  // serial and seeded: the order stays deterministic
    list.pop_back();
    return host;
  }
  return kNone;
}

Placement::Placement(const PhaseContext& ctx, World& world)
    : ctx_(ctx),
      world_(world),
      hosts_(ctx.scenario, world),
      sites_(world.disasters.sites),
      occupancy_(site_occupancy(world, sites_.size())) {}

std::uint16_t Placement::choose_site(HouseholdId h, Status status) const {
  const DislocationDef& p = ctx_.scenario.disasters.dislocation;
  const Grid& grid = world_.grid;
  const CellId home = world_.households.anchor_cell[h];
  std::vector<double> weight(sites_.size(), 0.0);
  double total = 0;
  for (std::size_t k = 0; k < sites_.size(); ++k) {
    const Site& site = sites_[k];
    if (site.status != status || occupancy_[k] >= site.capacity) continue;
    const double dx = grid.x_of(home) - grid.x_of(site.cell);
    const double dy = grid.y_of(home) - grid.y_of(site.cell);
    const double km = std::hypot(dx, dy) * grid.cell_size_m / 1000.0;
    const double room =
        1.0 - static_cast<double>(occupancy_[k]) / static_cast<double>(site.capacity);
    weight[k] = std::pow(room, p.site_crowding_exponent) / std::max(km, p.site_distance_floor_km);
    total += weight[k];
  }
  if (!(total > 0)) return kNoSite;
  Rng rng(ctx_.scenario.seed, ctx_.scenario.replicate, static_cast<std::uint32_t>(ctx_.tick),
          RngStream::SiteChoice, h);
  double u = rng.uniform() * total;
  std::uint16_t last = kNoSite;
  for (std::size_t k = 0; k < sites_.size(); ++k) {
    if (weight[k] <= 0) continue;
    last = static_cast<std::uint16_t>(k);
    if (u < weight[k]) return last;
    u -= weight[k];
  }
  return last;  // rounding: the last site with a weight
}

void Placement::place(HouseholdId h, bool allow_host) {
  tenancy::leave_host(world_, h);
  if (allow_host) {
    const HouseholdId host = hosts_.take(ctx_.tick, h);
    if (host != kNone) {
      tenancy::place_with_host(world_, h, host);
      return;
    }
  }
  // Capacities: the scenario's, plus places a shelter_capacity programme keeps open.
  for (const Status kind : {Status::DisplacedShelter, Status::DisplacedCamp}) {
    const std::uint16_t site = choose_site(h, kind);
    if (site == kNoSite) continue;
    tenancy::place_at_site(world_, h, kind, site);
    ++occupancy_[site];
    return;
  }
  tenancy::leave_city(ctx_.scenario, world_, h);
}

void recount_occupancy(World& world) {
  std::int64_t shelter = 0, camp = 0;
  for (const Status st : world.households.status) {
    shelter += st == Status::DisplacedShelter;
    camp += st == Status::DisplacedCamp;
  }
  world.disasters.shelter_occupancy = shelter;
  world.disasters.camp_occupancy = camp;
}

void ensure_event_state(const ScenarioDef& s, World& world) {
  world.disasters.event_start_tick.resize(s.hazards.size(), 0);
  DisasterState& state = world.disasters;
  state.sites = resolve_sites(s, world);
  state.shelter_capacity = state.camp_capacity = 0;
  for (const Site& site : state.sites)
    (site.status == Status::DisplacedCamp ? state.camp_capacity : state.shelter_capacity) +=
        site.capacity;
}

void replace_orphaned_guests(const PhaseContext& ctx, World& world) {
  if (ctx.scenario.hazards.empty()) return;
  Households& hh = world.households;
  // Hosting fatigue: a stay with a host ends after host_max_months displaced.
  const double fatigue = ctx.scenario.disasters.dislocation.host_max_months;
  auto tired = [&](std::size_t i) { return hh.months_displaced[i] >= fatigue; };
  const auto orphans = market::collect_ids(hh.count(), [&](std::size_t i) {
    return hh.status[i] == Status::DisplacedHost &&
           (hh.host[i] == kNone || !is_housed(hh.status[hh.host[i]]) || tired(i));
  });
  if (orphans.empty()) return;
  for (const HouseholdId h : orphans) tenancy::leave_host(world, h);  // not counted as hosted below
  Placement placement(ctx, world);
  for (const HouseholdId h : orphans) placement.place(h, !tired(h));
}

}  // namespace hearth::disasters
