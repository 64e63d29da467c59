#pragma once
// The policy indicators of indicators.csv and the per-programme spending of
// policies.csv (Frame::programme_spent, programme_spent_total): public money
// by lever, and the outcomes of the housing and disaster levers.
#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

void set_policy_indicators(Frame& frame, const ScenarioDef& scenario, const World& world);

}  // namespace hearth
