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

// Where a damaged dwelling is in the recovery process (docs/MODEL.md 7.5):
// the steps in the order a dwelling passes them; a dwelling skips the steps
// that do not apply to it. None: undamaged, or repaired.
enum class RecoveryStage : std::uint8_t {
  None = 0,
  Inspection = 1,      // waiting for, or under, inspection
  InsuranceClaim = 2,  // the insurer settling the claim
  PublicAid = 3,       // an application for public aid being decided
  RepairLoan = 4,      // a repair loan application being decided
  Unfunded = 5,        // the owner cannot pay yet; reconsidered every month
  Permit = 6,          // the building permit being issued
  Contractor = 7,      // waiting for a contractor to mobilise
  Repair = 8,          // on the crews' queue, being repaired
};
inline constexpr int kRecoveryStageCount = 9;

// A dwelling served by a step and waiting out its time is done at
// recovery_until_tick; one still queued for the step has kQueued there.
inline constexpr std::int32_t kQueued = std::numeric_limits<std::int32_t>::max();

// Bits of Dwellings::recovery_flags.
inline constexpr std::uint8_t kAidDenied = 1, kLoanDenied = 2, kLoanApproved = 4;

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
  // The recovery process (docs/MODEL.md 7.5): the step the dwelling is at,
  // the tick it joined it (its place in the queue), the tick its time there
  // ends (kQueued while queued), public aid awarded towards its repair
  // (currency) and the decisions on its applications (kAidDenied, kLoanDenied, kLoanApproved).
  std::vector<RecoveryStage> recovery_stage;
  std::vector<std::int32_t> recovery_since_tick;
  std::vector<std::int32_t> recovery_until_tick;
  std::vector<float> repair_aid;
  std::vector<std::uint8_t> recovery_flags;
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
