// The recovery process of damaged dwellings before the crews (docs/MODEL.md
// 7.5), called from run_repairs each month. Steps, in the order a dwelling
// passes them (it skips those that do not apply):
//   inspection       formal dwellings (informal builders need none);
//   insurance_claim  insured dwellings: the insurer settles the claim;
//   public_aid       owner-occupiers who cannot pay from savings, within the
//                    application deadline: approved or denied;
//   repair_loan      formal owner-occupiers who still cannot pay: approved
//                    or denied (credit);
//   (funding)        the owner pays (repairs.cpp) or the dwelling waits,
//                    Unfunded, reconsidered every month;
//   permit           formal dwellings with DS2+ damage;
//   contractor       formal dwellings: a contractor mobilises;
//   repair           on the crews' queue (repairs.cpp).
// A step is a queue: at most its capacity a month is served, first come
// first served (ties in a random order), and each dwelling served then waits
// a lognormal time, rounded to months at random (a step of days ends within
// the tick). Socially vulnerable owners wait longer at the financing steps
// and are refused loans more often.
// Reads: Dwellings (damage, tenure, owner, insured, damaged_at_tick),
//        owners' income; money questions through RepairMoney.
// Writes (serial, in id order; queues in arrival order): Dwellings::
//        recovery_stage, recovery_since_tick, recovery_until_tick,
//        repair_aid, recovery_flags, repair_funded (and what RepairMoney::fund
//        pays). Counts the process's flows (TickFlows).
#include "phases/recovery_process.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "housing/household_economy.hpp"
#include "parallel/rng.hpp"

namespace hearth::disasters {
namespace {

const RecoveryStepDef& step_def(const RecoveryDef& r, RecoveryStage stage) {
  switch (stage) {
    case RecoveryStage::Inspection:
      return r.inspection;
    case RecoveryStage::InsuranceClaim:
      return r.insurance_claim;
    case RecoveryStage::PublicAid:
      return r.public_aid;
    case RecoveryStage::RepairLoan:
      return r.repair_loan;
    case RecoveryStage::Permit:
      return r.permit;
    default:
      return r.contractor;
  }
}

bool financing(RecoveryStage stage) {
  return stage >= RecoveryStage::InsuranceClaim && stage <= RecoveryStage::Unfunded;
}

RecoveryStage after(RecoveryStage stage) {
  return static_cast<RecoveryStage>(static_cast<int>(stage) + 1);
}

// The longest a step may take (months): keeps ticks far from overflow.
constexpr double kMaxStepMonths = 1200;

}  // namespace

void start_recovery(World& world, DwellingId d, int tick) {
  Dwellings& dw = world.dwellings;
  dw.recovery_stage[d] = RecoveryStage::Inspection;
  dw.recovery_since_tick[d] = tick;
  dw.recovery_until_tick[d] = kQueued;
  dw.repair_aid[d] = 0;
  dw.recovery_flags[d] = 0;
}

RecoveryProcess::RecoveryProcess(const PhaseContext& ctx, World& world, RepairMoney& money,
                                 std::vector<DwellingId> damaged)
    : ctx_(ctx), world_(world), money_(money), in_process_(std::move(damaged)) {}

bool RecoveryProcess::household_owned(DwellingId d) const {
  const Dwellings& dw = world_.dwellings;
  return dw.owner_kind[d] == OwnerKind::Household && dw.owner_household[d] != kNone;
}

bool RecoveryProcess::vulnerable(DwellingId d) const {
  const Dwellings& dw = world_.dwellings;
  if (!household_owned(d) || dw.tenure[d] != Tenure::OwnerOccupied) return false;
  if (vulnerable_income_ < 0) {
    vulnerable_income_ =
        ctx_.scenario.disasters.recovery.vulnerable_income_share_of_median * median_income(world_);
  }
  return world_.households.income_per_month[dw.owner_household[d]] < vulnerable_income_;
}

bool RecoveryProcess::applies(DwellingId d, RecoveryStage stage) const {
  const RecoveryDef& r = ctx_.scenario.disasters.recovery;
  const Dwellings& dw = world_.dwellings;
  const bool formal = dw.tenure[d] != Tenure::Informal;
  switch (stage) {
    case RecoveryStage::Inspection:
      return formal;
    case RecoveryStage::InsuranceClaim:
      return dw.insured[d] != 0 && !dw.repair_funded[d];
    case RecoveryStage::PublicAid:
      return dw.tenure[d] == Tenure::OwnerOccupied && household_owned(d) && !dw.repair_funded[d] &&
             r.aid_max_per_household > 0 && r.aid_share_of_repair_cost > 0 &&
             (dw.recovery_flags[d] & kAidDenied) == 0 && dw.repair_aid[d] == 0 &&
             ctx_.tick - dw.damaged_at_tick[d] <= r.aid_application_deadline_months &&
             !money_.savings_cover(d);
    case RecoveryStage::RepairLoan:
      return formal && household_owned(d) && !dw.repair_funded[d] &&
             r.repair_loan_max_income_multiple > 0 &&
             (dw.recovery_flags[d] & (kLoanDenied | kLoanApproved)) == 0 &&
             !money_.savings_cover(d);
    case RecoveryStage::Permit:
      return formal && dw.damage[d] >= DamageState::Moderate;
    case RecoveryStage::Contractor:
      return formal;
    default:
      return true;
  }
}

int RecoveryProcess::months_for(DwellingId d, RecoveryStage stage) const {
  const ScenarioDef& s = ctx_.scenario;
  const RecoveryStepDef& def = step_def(s.disasters.recovery, stage);
  const bool major = world_.dwellings.damage[d] >= DamageState::Extensive;
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx_.tick), RngStream::RecoveryDuration,
          d);
  // Each step its own draws, so that two steps served in one tick differ.
  for (int k = 1; k < static_cast<int>(stage); ++k) rng.normal(), rng.uniform();
  const double z = rng.normal(), u = rng.uniform();
  double months = (major ? def.median_months_major : def.median_months) *
                  std::exp((major ? def.beta_major : def.beta) * z);
  const bool money_step = stage == RecoveryStage::InsuranceClaim ||
                          stage == RecoveryStage::PublicAid || stage == RecoveryStage::RepairLoan;
  if (money_step && vulnerable(d)) months *= s.disasters.recovery.vulnerable_delay_multiple;
  return static_cast<int>(std::floor(std::min(months, kMaxStepMonths) + u));
}

void RecoveryProcess::enter_after(DwellingId d, RecoveryStage done) {
  Dwellings& dw = world_.dwellings;
  const auto join = [&](RecoveryStage stage) {
    dw.recovery_stage[d] = stage;
    dw.recovery_since_tick[d] = ctx_.tick;
    dw.recovery_until_tick[d] = kQueued;
  };
  // Inspected: the financing steps run after the reconstruction grants.
  if (done == RecoveryStage::Inspection) return join(RecoveryStage::InsuranceClaim);
  for (RecoveryStage stage = after(done); stage != RecoveryStage::Repair; stage = after(stage)) {
    if (stage == RecoveryStage::Unfunded) {
      if (dw.repair_funded[d]) continue;
      if (money_.fund(d, (dw.recovery_flags[d] & kLoanApproved) != 0)) {
        dw.repair_funded[d] = 1;
        continue;
      }
      return join(RecoveryStage::Unfunded);
    }
    if (applies(d, stage)) return join(stage);
  }
  join(RecoveryStage::Repair);
  dw.recovery_until_tick[d] = ctx_.tick;
}

void RecoveryProcess::complete(DwellingId d, RecoveryStage stage) {
  const ScenarioDef& s = ctx_.scenario;
  const RecoveryDef& r = s.disasters.recovery;
  Dwellings& dw = world_.dwellings;
  TickFlows& flows = world_.flows;
  // Decisions are drawn once per damage: the first uniform decides aid,
  // the second the loan.
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(dw.damaged_at_tick[d]),
          RngStream::RecoveryDecisions, d);
  const double u_aid = rng.uniform(), u_loan = rng.uniform();
  switch (stage) {
    case RecoveryStage::Inspection:
      ++flows.inspections;
      break;
    case RecoveryStage::InsuranceClaim:
      ++flows.claims_settled;
      break;
    case RecoveryStage::PublicAid:
      if (u_aid < r.aid_approval_share) {
        const double award = std::min(r.aid_max_per_household,
                                      r.aid_share_of_repair_cost * money_.uninsured_cost(d));
        dw.repair_aid[d] = static_cast<float>(award);
        ++flows.aid_approved;
        flows.aid_paid += std::llround(award);
      } else {
        dw.recovery_flags[d] |= kAidDenied;
        ++flows.aid_denied;
      }
      break;
    case RecoveryStage::RepairLoan:
      if (u_loan < (vulnerable(d) ? r.loan_denial_share_vulnerable : r.loan_denial_share)) {
        dw.recovery_flags[d] |= kLoanDenied;
        ++flows.loans_denied;
      } else {
        dw.recovery_flags[d] |= kLoanApproved;
        ++flows.loans_approved;
      }
      break;
    default:
      break;
  }
  enter_after(d, stage);
}

void RecoveryProcess::run_step(RecoveryStage stage) {
  const RecoveryStepDef& def = step_def(ctx_.scenario.disasters.recovery, stage);
  Dwellings& dw = world_.dwellings;
  const ScenarioDef& s = ctx_.scenario;
  // Those the step does not apply to (any more) move on; the rest queue.
  std::vector<std::tuple<std::int32_t, std::uint32_t, DwellingId>> queued;
  for (const DwellingId d : in_process_) {
    if (dw.recovery_stage[d] != stage) continue;
    if (!applies(d, stage)) {
      enter_after(d, stage);
      continue;
    }
    if (dw.recovery_until_tick[d] != kQueued) continue;
    const std::int32_t since = dw.recovery_since_tick[d];
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(since), RngStream::RecoveryQueue, d);
    queued.emplace_back(since, rng.next_u32(), d);
  }
  std::sort(queued.begin(), queued.end());
  const double capacity =
      def.capacity_per_month_per_1000_dwellings * static_cast<double>(dw.count()) / 1000.0;
  double served = 0;
  for (const auto& [since, key, d] : queued) {
    if (served >= capacity) break;
    dw.recovery_until_tick[d] = ctx_.tick + months_for(d, stage);
    served += 1;
  }
  for (const DwellingId d : in_process_) {
    if (dw.recovery_stage[d] == stage && dw.recovery_until_tick[d] <= ctx_.tick) complete(d, stage);
  }
}

void RecoveryProcess::inspect() {
  run_step(RecoveryStage::Inspection);
}

std::vector<DwellingId> RecoveryProcess::awaiting_funding() const {
  std::vector<DwellingId> out;
  const Dwellings& dw = world_.dwellings;
  for (const DwellingId d : in_process_)
    if (financing(dw.recovery_stage[d]) && !dw.repair_funded[d]) out.push_back(d);
  return out;
}

void RecoveryProcess::finance_and_prepare() {
  Dwellings& dw = world_.dwellings;
  // Funded by a grant: the rest of the financing steps are skipped.
  for (const DwellingId d : in_process_)
    if (financing(dw.recovery_stage[d]) && dw.repair_funded[d])
      enter_after(d, RecoveryStage::Unfunded);
  run_step(RecoveryStage::InsuranceClaim);
  run_step(RecoveryStage::PublicAid);
  run_step(RecoveryStage::RepairLoan);
  // Unfunded since an earlier month: an owner who has not asked for a loan
  // yet and needs one applies; otherwise the owner tries again to pay.
  for (const DwellingId d : in_process_) {
    if (dw.recovery_stage[d] != RecoveryStage::Unfunded || dw.recovery_since_tick[d] >= ctx_.tick)
      continue;
    if (!dw.repair_funded[d] && applies(d, RecoveryStage::RepairLoan)) {
      dw.recovery_stage[d] = RecoveryStage::RepairLoan;
      dw.recovery_since_tick[d] = ctx_.tick;
      dw.recovery_until_tick[d] = kQueued;
      continue;
    }
    if (dw.repair_funded[d] || money_.fund(d, (dw.recovery_flags[d] & kLoanApproved) != 0)) {
      dw.repair_funded[d] = 1;
      enter_after(d, RecoveryStage::Unfunded);
    }
  }
  run_step(RecoveryStage::Permit);
  run_step(RecoveryStage::Contractor);
}

}  // namespace hearth::disasters
