#pragma once
// The tenancy seam: every move of a household into, out of or between homes
// goes through these functions, so the household-dwelling links
// (Households::dwelling, host, origin_dwelling; Dwellings::occupant,
// owner_household) are written in this one place and nowhere else.
// check_invariants (state/invariants.hpp) checks that the links agree.
//
// Serial only: each function writes another household's or dwelling's slots
// (a landlord's unit, a host), so phases call them in their id-ordered
// commit, never inside a parallel loop. Rents are set through state/rents.hpp.
//
// The moves of displacement (displaced, moved on, rehoused, returned, left
// the city, arrived) are logged in TickFlows::moves_log here, the one place
// that sees them all (flows.csv).
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth::tenancy {

// The city at tick 0: household h lives in dwelling d under tenure t (the
// generator's tenure match by income rank). Sets the status, the ownership
// of owner-occupied and self-built homes, and the housing cost (an owner's
// is the dwelling's value x monthly_owner_cost; a social tenant's rent is
// set from its income). Not counted as a move.
void settle_at_start(const ScenarioDef& scenario, World& world, HouseholdId h, DwellingId d,
                     Tenure t, double monthly_owner_cost);

// Moves household h into the free dwelling d on the given terms; counts a move.
void occupy(World& world, HouseholdId h, DwellingId d, Status status, float housing_cost_per_month);

// Household h moves into the free dwelling d as its owner (a purchase, a
// squat or a self-built shack): the dwelling's owner is the household.
void occupy_owned(World& world, HouseholdId h, DwellingId d, Status status,
                  float housing_cost_per_month);

// Frees household h's dwelling (it goes back on the market) and clears its
// housing cost. An owner sells: its net equity goes to savings (a negative
// equity is written off) and the mortgage is repaid. The caller sets the status.
void vacate(const ScenarioDef& scenario, World& world, HouseholdId h);

// Household h leaves its damaged home at tick `tick`. The first time, the
// home becomes its home of origin (status and housing cost kept for the
// return; displaced_from records it for good); a household already away
// keeps the claim it has and its time away. Owners keep their home (and
// mortgage, in forbearance); a tenancy's rent and arrears end, but a private
// tenant keeps a right to return: the landlord holds the unit for it
// (Dwellings::grant_tenant) until it returns, gives up, or the return phase
// lets the right lapse (ReturnDef::right_to_return_months). The household
// is Homeless until placed. Returns true for a first displacement, false
// for displaced again.
bool displace(World& world, HouseholdId h, std::int32_t tick);

// Placement of a displaced household: with a host household, or at a
// shelter or camp site (`status` DisplacedShelter or DisplacedCamp; `site`
// its index in housing/sites.hpp's list), counted in the occupancy of
// DisasterState.
void place_with_host(World& world, HouseholdId h, HouseholdId host);
void place_at_site(World& world, HouseholdId h, Status status, std::uint16_t site);
// Ends a stay with a host (the household is placed anew or housed). Writes
// only h's slot, so a parallel loop over households may call it.
void leave_host(World& world, HouseholdId h);

// Doubling up (docs/MODEL.md 7.4): unhoused household h moves in with the
// housed household `host` (status DoubledUp, no housing cost of its own);
// the stay ends when h finds a home (occupy) or leaves the city, or through
// end_doubling_up when the host can no longer have it (Homeless again).
void double_up(World& world, HouseholdId h, HouseholdId host);
void end_doubling_up(World& world, HouseholdId h);

// Household h takes up its home of origin d again at housing cost `cost`:
// leaves whatever it holds meanwhile (keeping the mortgage of the home of
// origin), the landlord's unit is let to it at `cost`, the claim and any
// grant's hold on d end. Counted as a return at `tick`.
void return_home(const ScenarioDef& scenario, World& world, HouseholdId h, float cost,
                 std::int32_t tick);

// The right to return of the tenant a private rental d is held for has run
// out: the landlord may let it again. The tenant keeps hoping (its claim
// stays) until the unit is let or it gives up. Counted in return_holds_lapsed.
void lapse_hold(World& world, DwellingId d);

// A waiting tenant of dwelling d learns it was let to someone else: counted
// in relet_after_displacement, and in relet_at_higher_rent when the rent now
// asked exceeds the tenant's own before the event.
void count_relet(World& world, HouseholdId h, DwellingId d);

// Household h gives up its claim on its home of origin: a held grant unit is
// released to the landlord; an owner's empty home is sold as it stands.
void release_origin(const ScenarioDef& scenario, World& world, HouseholdId h);

// A home of origin bought by a buyout programme: the claim ends without a
// sale (the programme paid); counted as away_bought_out.
void end_claim_bought_out(World& world, HouseholdId h);

// Household h leaves the city: its place and any claim are given up.
void leave_city(const ScenarioDef& scenario, World& world, HouseholdId h);

// Household h dissolves (its last member died, or it merged into another
// household): as leave_city (an owned home is sold through the market), but
// counted in flows.dissolutions, not departures. Status LeftCity.
void dissolve(const ScenarioDef& scenario, World& world, HouseholdId h);

// The lender forecloses on owner h: its home is sold at the forced-sale
// discount (mortgages.foreclosure_discount) and listed with it until sold;
// the loan and the arrears are repaid from the proceeds (a shortfall is
// written off). The household is Homeless and searches.
void foreclose(const ScenarioDef& scenario, World& world, HouseholdId h);

// The owning household hands dwelling d over without a market sale (a
// buyout programme paid for it); it moves out afterwards through vacate.
void hand_over(World& world, DwellingId d);

// Dwelling d is demolished: no occupant and no owning household remain.
void clear_for_demolition(World& world, DwellingId d);

}  // namespace hearth::tenancy
