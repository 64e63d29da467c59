#pragma once
// The recovery process of a damaged dwelling before the crews repair it
// (docs/MODEL.md 7.5): inspection, the insurance claim, public aid, a repair
// loan, the permit and a contractor. Each step is a queue with a capacity
// and a time; a dwelling passes the steps that apply to it, in that order.
#include <vector>

#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// The money questions the process asks of the repairs' funding rules
// (phases/repairs.cpp): what the owner has to find, and paying for it.
class RepairMoney {
 public:
  virtual ~RepairMoney() = default;
  // What d's repair costs this month less what insurance pays.
  virtual double uninsured_cost(DwellingId d) const = 0;
  // Whether the owner-occupier of d can pay for its repair from savings
  // (after any public aid) without borrowing.
  virtual bool savings_cover(DwellingId d) const = 0;
  // Pays for d's repair now (savings, public aid, a loan when `may_borrow`;
  // a landlord when it pays); false, and nothing paid, if it cannot.
  virtual bool fund(DwellingId d, bool may_borrow) = 0;
};

// A dwelling newly damaged: it starts the process at inspection (hazard phase).
void start_recovery(World& world, DwellingId d, int tick);

// Recovery phase, before the crews: inspection, then the financing steps
// (pay_grants runs between them on the inspected dwellings not yet funded:
// reconstruction grants), then permits and contractors. Dwellings that pass
// the contractor step are at RecoveryStage::Repair, on the crews' queue.
class RecoveryProcess {
 public:
  // `damaged`: the damaged dwellings in id order (each is at a step).
  RecoveryProcess(const PhaseContext& ctx, World& world, RepairMoney& money,
                  std::vector<DwellingId> damaged);
  void inspect();
  // Inspected dwellings whose repair is not funded yet (the grants' candidates).
  std::vector<DwellingId> awaiting_funding() const;
  void finance_and_prepare();

 private:
  void run_step(RecoveryStage stage);
  void complete(DwellingId d, RecoveryStage stage);
  void enter_after(DwellingId d, RecoveryStage done);
  bool applies(DwellingId d, RecoveryStage stage) const;
  bool vulnerable(DwellingId d) const;
  bool household_owned(DwellingId d) const;
  int months_for(DwellingId d, RecoveryStage stage) const;

  const PhaseContext& ctx_;
  World& world_;
  RepairMoney& money_;
  std::vector<DwellingId> in_process_;  // dwellings at any step, in id order
  // Income below which an owner is vulnerable, worked out (from the median
  // income) the first time a step asks in the phase; -1 until then.
  mutable double vulnerable_income_ = -1;
};

}  // namespace hearth::disasters
