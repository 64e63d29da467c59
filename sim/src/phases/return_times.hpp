#pragma once
// When a household away from its home will be ready to return and when it
// would give up (docs/MODEL.md 7.6): shared by the return phase and the
// return diagnostic (tests/phases/test_return_diagnostic.cpp).
#include <cmath>
#include <limits>

#include <algorithm>

#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "phases/depth_damage.hpp"
#include "state/dwellings.hpp"
#include "state/households.hpp"

namespace hearth::return_times {

inline bool owns_origin(Status origin_status) {
  return origin_status == Status::Owner || origin_status == Status::InformalDweller;
}

// The damage state (1 or 2) of home d if the event that began household i's
// spell left it habitable (Hazus: single-family homes with slight or
// moderate damage are not uninhabitable), else 0. The state is read back from
// the loss of that damage, which repairs keep: floods define it by
// damage_state_min_loss, and the earthquakes' loss ratios of DS1..DS4 fall
// into the same states.
inline int habitable_damage_state(const ScenarioDef& s, const Dwellings& dw, DwellingId d,
                                  std::int32_t spell_tick) {
  if (d == kNone || spell_tick <= 0 || dw.damaged_at_tick[d] != spell_tick) return 0;
  const int ds = static_cast<int>(disasters::damage_state_of_loss(
      s.disasters.fragility.flood.damage_state_min_loss, dw.damage_loss_ratio[d]));
  return ds <= 2 ? ds : 0;
}

// Exponential times, in months away, at the tenure's rates, drawn once per
// spell (keyed by its start tick), so no state is kept and a checkpoint
// needs nothing. An infinite time for a zero rate. The surveys the rates are
// fitted to describe homes made uninhabitable; a household whose home the
// event left habitable is ready by the home's Hazus loss of function at the
// latest (habitable_home_ready_months).
struct SpellTimes {
  double ready = 0;
  double give_up = 0;
};
// `origin` is the home the spell began from.
inline SpellTimes spell_times(const ScenarioDef& s, const Households& hh, const Dwellings& dw,
                              std::size_t i, DwellingId origin) {
  const ReturnDef& r = s.disasters.return_home;
  const bool owner = owns_origin(hh.origin_status[i]);
  const double return_rate = owner ? r.return_rate_owner_per_month : r.return_rate_renter_per_month;
  const double give_up_rate =
      owner ? r.give_up_rate_owner_per_month : r.give_up_rate_renter_per_month;
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(hh.displaced_at_tick[i]),
          RngStream::ReturnTimes, static_cast<std::uint32_t>(i));
  const double u_ready = rng.uniform(), u_give_up = rng.uniform();
  constexpr double kNever = std::numeric_limits<double>::infinity();
  SpellTimes times{return_rate > 0 ? -std::log(u_ready) / return_rate : kNever,
                   give_up_rate > 0 ? -std::log(u_give_up) / give_up_rate : kNever};
  const int ds = habitable_damage_state(s, dw, origin, hh.displaced_at_tick[i]);
  if (ds > 0) times.ready = std::min(times.ready, r.habitable_home_ready_months[ds - 1]);
  return times;
}

}  // namespace hearth::return_times
