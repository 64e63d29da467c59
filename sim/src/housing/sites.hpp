#pragma once
// Shelters and camps as places (docs/MODEL.md 7.3): the scenario's
// disasters.dislocation.sites, or one shelter and one camp at the city's
// centre; their cells, and capacities with the places a shelter_capacity
// programme keeps open.
#include <cstdint>
#include <string>
#include <vector>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

inline constexpr std::uint16_t kNoSite = 0xFFFF;

// The sites' names and kinds from the scenario alone (flows.csv, sites.csv).
std::vector<SiteDef> site_defs(const ScenarioDef& s);

// The sites with their cells on this grid and this tick's capacities: the
// extra places of shelter_capacity programmes (PolicyState) are shared out
// among the sites of their kind in proportion to their own capacity
// (largest remainders, ties to the earlier site). ensure_event_state
// (placement.hpp) keeps them in DisasterState::sites, which everything
// else reads.
std::vector<Site> resolve_sites(const ScenarioDef& s, const World& world);

// Households staying at each site now (status shelter or camp).
std::vector<std::int64_t> site_occupancy(const World& world, std::size_t sites);

// The sites of DisasterState as rows of sites.csv: cell, places and
// households this tick.
std::vector<SiteRow> site_rows(const World& world);

// A site as a place of flows.csv (world.hpp's FlowPlace codes), and back.
inline std::int32_t flow_place_of_site(std::uint16_t site) {
  return kFlowFirstSite - static_cast<std::int32_t>(site);
}
inline int site_of_flow_place(std::int32_t place) {
  return place <= kFlowFirstSite ? kFlowFirstSite - place : -1;
}

}  // namespace hearth::disasters
