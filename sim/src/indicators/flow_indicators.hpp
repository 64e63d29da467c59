#pragma once
// The city indicators that are this tick's flows (World::flows, TickFlows)
// copied as they are: arrivals, moves, lettings, damage, returns, the
// disaster levers' counts, and the like.
#include <vector>

#include "hearth/frame.hpp"
#include "indicators/frame_values.hpp"
#include "state/world.hpp"

namespace hearth {

void set_flow_indicators(CityValues& city, const TickFlows& flows);

// The tick's displacement moves (TickFlows::moves_log) counted by (kind,
// from, to), in that order: the rows of flows.csv.
std::vector<FlowRow> count_flows(const std::vector<FlowEvent>& log);

}  // namespace hearth
