// Construction and recovery phase: repairs, new supply, depreciation.
// Filled by the disasters and market issues.
#include "phases/phases.hpp"

namespace hearth {
void run_recovery(const PhaseContext&, World&) {}
}  // namespace hearth
