#pragma once
// The life-cycle and mortgage indicators that are stocks (docs/OUTPUTS.md):
// the mean age of heads, owners in arrears and in default, and the mortgage
// rate of the tick. (Their flows, formations to foreclosures, are in
// flow_indicators.) Reads Households (status, head_age_years, rent_arrears,
// months_in_arrears) in one reduction of fixed chunks.
#include "hearth/scenario.hpp"
#include "indicators/frame_values.hpp"
#include "state/world.hpp"

namespace hearth {

void set_life_cycle_indicators(CityValues& city, const ScenarioDef& scenario, const World& world);

}  // namespace hearth
