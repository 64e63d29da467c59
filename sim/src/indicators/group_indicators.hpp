#pragma once
// The group indicators of groups.csv (Frame::groups), one row per group,
// from the per-group sums of the pass over the households (household_sums.hpp).
#include <array>

#include "hearth/frame.hpp"
#include "indicators/household_sums.hpp"

namespace hearth {

void set_group_indicators(Frame& frame, const std::array<GroupSums, kGroupCount>& groups);

}  // namespace hearth
