// Displacement phase: households leaving damaged dwellings, evictions,
// arrivals. Filled by the disasters and market issues; no one is displaced yet.
#include "phases/phases.hpp"

namespace hearth {
void run_displacement(const PhaseContext&, World&) {}
}  // namespace hearth
