// Shelters and camps as places (see sites.hpp).
#include "housing/sites.hpp"

#include <algorithm>
#include <cmath>

namespace hearth::disasters {

std::vector<SiteDef> site_defs(const ScenarioDef& s) {
  const DislocationDef& p = s.disasters.dislocation;
  if (!p.sites.empty()) return p.sites;
  return {SiteDef{"shelter", "shelter", 0.5, 0.5, p.shelter_capacity_households},
          SiteDef{"camp", "camp", 0.5, 0.5, p.camp_capacity_households}};
}

namespace {

// Shares `extra` places among the sites of one kind in proportion to their
// capacity (largest remainders; all to the first if they have none).
void share_out(std::vector<Site>& sites, Status kind, std::int64_t extra) {
  if (extra <= 0) return;
  std::vector<std::size_t> of_kind;
  std::int64_t total = 0;
  for (std::size_t k = 0; k < sites.size(); ++k) {
    if (sites[k].status != kind) continue;
    of_kind.push_back(k);
    total += sites[k].capacity;
  }
  if (of_kind.empty()) return;  // the loader refuses such programmes
  if (total == 0) {
    sites[of_kind[0]].capacity += extra;
    return;
  }
  std::int64_t given = 0;
  std::vector<std::pair<double, std::size_t>> remainders;
  for (std::size_t i = 0; i < of_kind.size(); ++i) {
    const double exact = static_cast<double>(extra) *
                         static_cast<double>(sites[of_kind[i]].capacity) /
                         static_cast<double>(total);
    const auto whole = static_cast<std::int64_t>(std::floor(exact));
    sites[of_kind[i]].capacity += whole;
    given += whole;
    remainders.emplace_back(-(exact - static_cast<double>(whole)), i);
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t r = 0; given < extra && r < remainders.size(); ++r, ++given)
    ++sites[of_kind[remainders[r].second]].capacity;
}

}  // namespace

std::vector<Site> resolve_sites(const ScenarioDef& s, const World& world) {
  const Grid& grid = world.grid;
  std::vector<Site> sites;
  for (const SiteDef& def : site_defs(s)) {
    const auto clamp = [](double f, std::int32_t n) {
      return std::clamp(static_cast<std::int32_t>(std::floor(f * n)), 0, std::max(0, n - 1));
    };
    Site site;
    site.name = def.name;
    site.status = def.kind == "camp" ? Status::DisplacedCamp : Status::DisplacedShelter;
    site.cell = grid.cell_at(clamp(def.x_fraction, grid.width), clamp(def.y_fraction, grid.height));
    site.capacity = def.capacity_households;
    sites.push_back(site);
  }
  share_out(sites, Status::DisplacedShelter, world.policies.shelter_extra_places);
  share_out(sites, Status::DisplacedCamp, world.policies.camp_extra_places);
  return sites;
}

std::vector<std::int64_t> site_occupancy(const World& world, std::size_t sites) {
  const Households& hh = world.households;
  std::vector<std::int64_t> count(sites, 0);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (is_at_site(hh.status[h]) && hh.site[h] < sites) ++count[hh.site[h]];
  }
  return count;
}

std::vector<SiteRow> site_rows(const World& world) {
  const auto& sites = world.disasters.sites;
  const auto occupancy = site_occupancy(world, sites.size());
  std::vector<SiteRow> rows;
  for (std::size_t k = 0; k < sites.size(); ++k) {
    SiteRow row;
    row.name = sites[k].name;
    row.kind = sites[k].status == Status::DisplacedCamp ? "camp" : "shelter";
    row.x = world.grid.x_of(sites[k].cell);
    row.y = world.grid.y_of(sites[k].cell);
    row.capacity = sites[k].capacity;
    row.occupancy = occupancy[k];
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hearth::disasters
