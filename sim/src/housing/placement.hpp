#pragma once
// Placement of displaced households (docs/MODEL.md 7.3): with a host
// household nearby, in a public shelter, in a camp, or away from the city.
// Shelter and camp capacities and occupancy are kept in DisasterState.
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "housing/sites.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// Willing hosts per neighbourhood (docs/MODEL.md 7.3): housed households in
// a home with at most slight damage, willing to host (a lasting trait drawn
// at tick 0, share disasters.dislocation.host_share) and hosting no one.
// Displaced households (Placement) and households doubling up (7.4) draw
// on them alike. Serial and seeded: the order of take() calls decides.
class HostPool {
 public:
  HostPool(const ScenarioDef& s, const World& world);
  // A host in the neighbourhood of h's anchor cell with room and means for
  // both households (persons_per_room_max, host_min_income_multiple), tried
  // from a seeded start among a few candidates; the host is taken (it hosts
  // no one else). kNone if none.
  HouseholdId take(std::int32_t tick, HouseholdId h);

 private:
  const ScenarioDef& scenario_;
  const World& world_;
  std::vector<std::uint8_t> guests_;                  // guests per household (0 or 1)
  std::vector<std::vector<HouseholdId>> candidates_;  // willing hosts per neighbourhood, ascending
};

// Serial placement of displaced households (and arrivals of waves), in the
// order given: a host household nearby, a public shelter, a camp, or away
// from the city (the Flee rule: move on when the places are full). Among the
// shelters with room (then the camps with room) a household draws one with
// weight (1 - occupancy / capacity)^site_crowding_exponent / max(distance
// from its anchor cell, site_distance_floor_km) (docs/MODEL.md 7.3). Built
// once per phase from the World; place() commits one household.
class Placement {
 public:
  Placement(const PhaseContext& ctx, World& world);
  // `h` has no dwelling. Sets its status (DisplacedHost/Shelter/Camp or
  // LeftCity), host and site; counts departures. Capacities are never exceeded.
  void place(HouseholdId h, bool allow_host = true);

 private:
  // The site of kind `status` h goes to, or kNoSite if every one is full.
  std::uint16_t choose_site(HouseholdId h, Status status) const;

  const PhaseContext& ctx_;
  World& world_;
  HostPool hosts_;
  const std::vector<Site>& sites_;       // DisasterState::sites
  std::vector<std::int64_t> occupancy_;  // per site
};

// Recounts shelter and camp occupancy from the statuses.
void recount_occupancy(World& world);

// The hazard events' schedule state, sized to the scenario's list, and this
// tick's shelter and camp sites (DisasterState::sites) with their capacities.
// Runs before any placement of the tick (policy and hazard phases).
void ensure_event_state(const ScenarioDef& s, World& world);

// Guests whose host left, was evicted or was displaced move on (host, shelter,
// camp or away); called at the end of the displacement phase.
void replace_orphaned_guests(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
