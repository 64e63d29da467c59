// Return phase: displaced households going back to their dwelling of origin.
// Filled by the disasters issue. ("return" is a keyword, hence the file name.)
#include "phases/phases.hpp"

namespace hearth {
void run_return(const PhaseContext&, World&) {}
}  // namespace hearth
