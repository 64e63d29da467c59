// Housing market phase. Filled by the market issue; until then households
// stay where the generator put them.
#include "phases/phases.hpp"

namespace hearth {
void run_market(const PhaseContext&, World&) {}
}  // namespace hearth
