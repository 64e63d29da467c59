// groups.csv rows from HouseholdSums::groups (group_indicators.hpp).
#include "indicators/group_indicators.hpp"

#include "indicators/frame_values.hpp"

namespace hearth {

void set_group_indicators(Frame& frame, const std::array<GroupSums, kGroupCount>& groups) {
  for (int g = 0; g < kGroupCount; ++g) {
    const GroupSums& gs = groups[g];
    auto& out = frame.groups[g];
    auto put = [&](GroupIndicator which, double value) { out[static_cast<int>(which)] = value; };
    put(GroupIndicator::households, static_cast<double>(gs.members));
    put(GroupIndicator::cost_burdened_share, share(gs.burdened, gs.housed));
    put(GroupIndicator::severely_cost_burdened_share, share(gs.severe, gs.housed));
    put(GroupIndicator::informal_share, share(gs.informal, gs.members));
    put(GroupIndicator::homeless, static_cast<double>(gs.homeless));
    put(GroupIndicator::displaced, static_cast<double>(gs.displaced));
    put(GroupIndicator::mean_income_per_month, gs.members ? gs.income / gs.members : kNaN);
    put(GroupIndicator::flood_exposed_share, share(gs.flood_exposed, gs.housed));
    put(GroupIndicator::owner_share, share(gs.owners, gs.members));
    put(GroupIndicator::away_from_home, static_cast<double>(gs.away));
    put(GroupIndicator::mean_months_displaced,
        gs.displaced_now
            ? static_cast<double>(gs.months_displaced) / static_cast<double>(gs.displaced_now)
            : kNaN);
  }
}

}  // namespace hearth
