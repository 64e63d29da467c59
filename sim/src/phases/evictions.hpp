#pragma once
// Evictions (docs/MODEL.md, "Submodel: housing market", evictions; 7.3 for
// tenancies ended after damage), part of the displacement phase. Private
// landlords evict tenants in arrears past their tolerance (not under an
// eviction moratorium); the public landlord does not (its rents follow
// income). Landlords also end some tenancies of dwellings damaged this tick
// that stay habitable, to repair and re-let.
// Reads: status, dwelling, rent_arrears, Dwellings::tenure, damage,
//        damaged_at_tick; the market's tolerance and the dislocation's
//        landlord eviction chances; an eviction_moratorium in force.
// Writes: slot i of months_in_arrears (decide, parallel); an eviction
//        (serial) writes status, the dwelling links (through the tenancy
//        seam) and rent_arrears, and counts flows.evictions and
//        damage_evictions.
#include <cstdint>

#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::evictions {

enum class Eviction : std::uint8_t { None, ForArrears, AfterDamage };

class Rule {
 public:
  Rule(const PhaseContext& ctx, const World& world);
  // Counts household i's months in arrears (its own slot) and says whether
  // its landlord evicts it this tick. Safe in a parallel loop over households.
  Eviction decide(World& world, HouseholdId i) const;

 private:
  const PhaseContext& ctx_;
  std::uint16_t tolerance_months_;
  bool moratorium_;
};

// Serial: the household leaves its dwelling, homeless; the landlord writes
// off the arrears it cannot collect.
void evict(const ScenarioDef& scenario, World& world, HouseholdId h, Eviction why);

}  // namespace hearth::evictions
