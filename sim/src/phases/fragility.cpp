// Fragility curves (see fragility.hpp).
#include "phases/fragility.hpp"

namespace hearth::disasters {

const FragilityCurveDef& curve_for(const FragilityDef& f, bool earthquake, StructureClass c) {
  switch (c) {
    case StructureClass::InformalMakeshift:
      return earthquake ? f.earthquake_informal : f.flood_informal;
    case StructureClass::UnreinforcedMasonry:
      return earthquake ? f.earthquake_unreinforced_masonry : f.flood_unreinforced_masonry;
    case StructureClass::ReinforcedConcreteFrame:
      return earthquake ? f.earthquake_rc_frame : f.flood_rc_frame;
    case StructureClass::CodeCompliant:
      break;
  }
  return earthquake ? f.earthquake_code_compliant : f.flood_code_compliant;
}

}  // namespace hearth::disasters
