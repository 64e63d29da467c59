#pragma once
// Dwellings as struct-of-arrays: column i belongs to dwelling i. One dwelling
// holds at most one household (occupant); the link is kept both ways with
// Households::dwelling, which the invariant checks verify.
#include <cstdint>
#include <limits>
#include <vector>

#include "hearth/ids.hpp"

namespace hearth {

inline constexpr std::uint8_t kDemolished = 255;

struct Dwellings {
  std::vector<CellId> cell;
  std::vector<Tenure> tenure;
  std::vector<StructureClass> structure;
  std::vector<std::uint8_t> rooms;
  std::vector<float> quality;         // 0..1
  std::vector<float> value;           // market value, currency
  std::vector<float> rent_per_month;  // current rent (contract or asking)
  std::vector<DamageState> damage;
  std::vector<float> work_remaining_months;  // repair or construction left, crew-months
  std::vector<HouseholdId> occupant;         // kNone when vacant
  std::vector<OwnerKind> owner_kind;
  std::vector<HouseholdId>
      owner_household;  // owning household, kNone unless owner_kind is Household
  std::vector<std::uint8_t> record_intact;      // tenure record exists (0 or 1)
  std::vector<std::uint16_t> months_on_market;  // months listed and vacant (asking prices decay)

  // Housing market caches (market and recovery phases): refreshed when quality changes.
  std::vector<float> hedonic;               // hedonic factor: asking = submarket index x hedonic
  std::vector<std::uint32_t> submarket;     // neighbourhood x quality band
  std::vector<std::uint16_t> lease_months;  // months since the tenancy started (rent reviews)

  // Disasters (hazard and recovery phases; docs/MODEL.md 7.2, 7.5).
  std::vector<std::uint8_t> insured;  // hazard insurance in force (0 or 1), drawn when damaged
  std::vector<std::uint8_t> repair_funded;    // repair paid for and under way (0 or 1)
  std::vector<std::int32_t> damaged_at_tick;  // tick of the latest damage, 0 if never
  std::vector<float> damage_loss_ratio;       // share of value lost in the latest damage (0..1)
  // Reconstruction grant paid for the repair of the latest damage (currency,
  // 0 if none; docs/POLICIES.md#reconstruction_grants): a landlord's grant
  // binds the rent of the displaced tenant's return to its pre-event rent.
  std::vector<float> repair_grant;
  // The displaced tenant a landlord's grant-funded repair is for: the
  // dwelling is held (not listed) for it until it returns or gives up.
  std::vector<HouseholdId> grant_tenant;

  // Housing policy levers (docs/POLICIES.md): 0 none; k + 1 built (social
  // housing, relocation units) or upgraded in situ by programme k;
  // kDemolished: cleared by an upgrading programme (never occupied again).
  std::vector<std::uint8_t> programme;
  // 1 while a foreclosed home is listed: its asking price carries the
  // forced-sale discount (mortgages.foreclosure_discount) until it is sold.
  std::vector<std::uint8_t> forced_sale;

  std::size_t count() const { return cell.size(); }
  void resize(std::size_t n);
};

// Whether an upgrading programme has cleared the dwelling (it is never occupied again).
inline bool demolished(const Dwellings& dw, DwellingId d) {
  return dw.programme[d] == kDemolished;
}

// A dwelling bought out and demolished keeps its row (ids are stable) but
// leaves the stock for good: its work never ends, so the market, the hazard,
// repairs and the construction pipeline pass it by, and its place in the cell
// keeps the land from being built on again.
inline constexpr float kDemolishedWorkMonths = std::numeric_limits<float>::max();
inline bool bought_out(const Dwellings& dw, DwellingId d) {
  return dw.work_remaining_months[d] == kDemolishedWorkMonths;
}

}  // namespace hearth
