// Hazard phase: scheduled and stochastic events and the damage they do.
// Filled by the disasters issue; until then no hazard occurs, and the phase
// is still called and timed so that profiles keep their shape.
#include "phases/phases.hpp"

namespace hearth {
void run_hazard(const PhaseContext&, World&) {}
}  // namespace hearth
