#pragma once
// World: all mutable state of a run. Phases are free functions that take the
// World (const where they only read) and the scenario.
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "hearth/scenario.hpp"
#include "state/dwellings.hpp"
#include "state/grid.hpp"
#include "state/households.hpp"
#include "state/market_state.hpp"

namespace hearth {

// Where a household moves from or to in a displacement flow (flows.csv): a
// neighbourhood id (>= 0) or one of these places.
enum FlowPlace : std::int32_t {
  kFlowHomeless = -3,   // no place yet (just displaced, or out of a temporary place)
  kFlowOutside = -4,    // outside the city
  kFlowFirstSite = -5,  // shelter or camp site k is kFlowFirstSite - k (housing/sites.hpp)
};
enum class FlowKind : std::uint8_t {
  Displaced,  // out of a damaged home to a host, shelter or camp
  MovedOn,    // between temporary places (a host's stay ended, a shelter full)
  Rehoused,   // a household away from home (or displaced) takes a home on the market
  Returned,   // back in its home of origin
  LeftCity,   // a household away from home, or displaced, leaves the city
  Arrived,    // an arrival placed in a shelter, camp or with a host
};
inline constexpr int kFlowKindCount = 6;
struct FlowEvent {
  std::int32_t from = 0;
  std::int32_t to = 0;
  FlowKind kind = FlowKind::Displaced;
};

// Flows counted during a tick, reset at its start; the indicators read them.
struct TickFlows {
  std::int64_t arrivals = 0;
  std::int64_t departures = 0;
  std::int64_t moves = 0;
  // Of moves, by the mover's status just before it moved (mobility by
  // tenure, as the CPS counts it: the tenure of the home moved from).
  std::int64_t moves_owners = 0;
  std::int64_t moves_renters = 0;
  std::int64_t evictions = 0;
  std::int64_t damage_evictions = 0;  // of which: tenancies ended after damage (disasters)
  // Housing market flows (market, displacement and recovery phases).
  std::int64_t searchers = 0;            // households that searched this tick
  std::int64_t lettings = 0;             // private tenancies started
  std::int64_t sales = 0;                // dwellings bought
  std::int64_t informal_entries = 0;     // households that went into the informal sector
  std::int64_t informal_self_built = 0;  // informal dwellings self-built this tick
  std::int64_t construction_starts = 0;  // formal dwellings started
  std::int64_t completions = 0;          // formal dwellings completed
  // Disasters (hazard, displacement, recovery and return phases).
  std::int64_t hazard_events = 0;  // events that struck this tick (arrival waves when they start)
  std::int64_t dwellings_damaged = 0;  // dwellings that took damage (DS1+) this tick
  std::int64_t new_displacements = 0;  // households displaced from their home this tick
  std::int64_t displaced_again = 0;    // of which: already away from a home of origin (kept)
  std::int64_t wave_arrivals = 0;      // arrivals of arrival waves (also counted in arrivals)
  std::int64_t returns = 0;            // displaced households back in their home of origin
  std::int64_t settled = 0;            // displaced households that gave up on returning and settled
  std::int64_t displaced_departures = 0;  // displaced who left the city (also in departures)
  std::int64_t away_departures =
      0;  // of which: away from a home of origin here (origin_dwelling set)
  std::int64_t away_bought_out = 0;  // away from home, and a buyout took the home of origin
  // Tenants' right to return (docs/MODEL.md 7.6).
  std::int64_t return_holds_lapsed = 0;       // held rentals whose tenant's right ran out
  std::int64_t relet_after_displacement = 0;  // a waiting tenant's rental let to someone else
  std::int64_t relet_at_higher_rent = 0;      // of which: at a rent above the tenant's own
  // Every move of a displacement flow this tick, in the order committed
  // (serial commits only); the indicators count them by (kind, from, to).
  std::vector<FlowEvent> moves_log;
  // Households displaced this tick and not yet placed: their entry in
  // moves_log, whose destination the placement fills in.
  std::unordered_map<HouseholdId, std::size_t> awaiting_placement;
  std::int64_t repairs_completed = 0;  // damaged dwellings repaired this tick
  // The recovery process (docs/MODEL.md 7.5): steps completed this tick.
  std::int64_t inspections = 0;     // dwellings inspected
  std::int64_t claims_settled = 0;  // insurance claims settled
  std::int64_t aid_approved = 0;    // public aid applications approved
  std::int64_t aid_denied = 0;      // public aid applications denied
  std::int64_t aid_paid = 0;        // public aid awarded (currency, rounded)
  std::int64_t loans_approved = 0;  // repair loan applications approved
  std::int64_t loans_denied = 0;    // repair loan applications refused
  std::int64_t evacuations = 0;     // households evacuated for days (home habitable)
  std::int64_t evacuee_days = 0;    // days away of those evacuations
  std::int64_t structure_loss = 0;  // value lost by damaged dwellings (currency, rounded)
  std::int64_t contents_loss = 0;   // flood losses of contents (currency, rounded)
  // Disaster policy levers (docs/POLICIES.md).
  std::int64_t retrofits = 0;          // dwellings retrofitted by building_code programmes
  std::int64_t repair_grants = 0;      // dwellings granted a reconstruction grant
  std::int64_t buyouts = 0;            // dwellings bought out and demolished
  std::int64_t buyout_households = 0;  // households moved on by buyouts (owners and tenants)
  std::int64_t records_restored = 0;   // tenure records restored
  // Life cycle and mortgages (docs/MODEL.md 7.10, 7.11).
  std::int64_t formations = 0;    // households formed by young adults leaving home
  std::int64_t dissolutions = 0;  // households dissolved (death of the last member, merges)
  std::int64_t deaths = 0;        // heads or members who died (dissolving or shrinking a household)
  std::int64_t births = 0;        // children born into households
  std::int64_t mortgage_defaults = 0;  // owners whose arrears reached default this tick
  std::int64_t foreclosures = 0;       // foreclosed homes put up for sale this tick
  // Households away from a home of origin when the tick started, counted only
  // when the invariants are checked (-1: not counted), so that the flows
  // above can be checked against the change in that stock.
  std::int64_t away_at_start = -1;
};

// A shelter or camp as a place (docs/MODEL.md 7.3; housing/sites.hpp makes
// them from the scenario): where it is and its places this tick.
struct Site {
  std::string name;
  Status status = Status::DisplacedShelter;  // DisplacedShelter or DisplacedCamp
  CellId cell = 0;
  std::int64_t capacity = 0;  // the scenario's plus the programmes' places open
};

// State of the disaster submodels that is not a column (checkpointed).
struct DisasterState {
  std::int64_t shelter_occupancy = 0;  // households with status displaced_shelter
  std::int64_t camp_occupancy = 0;     // households with status displaced_camp
  std::int64_t shelter_capacity = 0;   // places, from the scenario (kept here for the invariants)
  std::int64_t camp_capacity = 0;
  // The shelter and camp sites of this tick, made with the capacities above
  // (ensure_event_state) when a Simulation starts or resumes and by the
  // policy and hazard phases of every tick of a scenario with hazards; not
  // checkpointed (made again from the scenario).
  std::vector<Site> sites;
  float repair_cost_multiplier = 1.0f;  // demand surge of the latest recovery phase
  double repair_capacity_left = 0;      // crew-months unused in the latest recovery phase
  // Per event of the scenario's hazards list: the tick it last struck (0: not
  // yet). Arrival waves run for duration_ticks from it.
  std::vector<std::int32_t> event_start_tick;
};

// Money a policy programme has spent (docs/POLICIES.md); one per entry of
// the scenario's policies list, in its order (checkpointed).
struct ProgrammeLedger {
  double spent_this_tick = 0;
  double spent_this_year = 0;  // in programme year `year`
  double spent_total = 0;
  std::int32_t year = 0;  // programme year of spent_this_year (12 ticks from start_tick each)
};

// State of the policy programmes that is not a column (checkpointed).
struct PolicyState {
  std::vector<ProgrammeLedger> programmes;
  // Per programme, in list order: its waiting list (vouchers; social_housing
  // allocated by waiting list), household ids in order of application.
  std::vector<std::vector<HouseholdId>> waiting;
  // shelter_capacity: places the programmes keep open this tick (added to the
  // scenario's shelter and camp capacities).
  std::int64_t shelter_extra_places = 0;
  std::int64_t camp_extra_places = 0;
};

struct World {
  Grid grid;
  Dwellings dwellings;
  Households households;

  std::int32_t tick = 0;  // ticks completed; tick t's phases run with tick = t - 1 -> t
  std::int64_t initial_households = 0;
  std::int64_t total_arrivals = 0;
  std::int64_t total_departures = 0;
  TickFlows flows;
  MarketState market;  // submarket indices and the market's bookkeeping
  DisasterState disasters;
  PolicyState policies;

  std::int64_t households_in_city() const;
};

}  // namespace hearth
