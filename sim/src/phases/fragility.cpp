// Fragility curves (see fragility.hpp).
#include "phases/fragility.hpp"

namespace hearth::disasters {

const FragilityCurveDef& earthquake_curve(const FragilityDef& f, StructureClass c) {
  switch (c) {
    case StructureClass::InformalMakeshift:
      return f.earthquake_informal;
    case StructureClass::UnreinforcedMasonry:
      return f.earthquake_unreinforced_masonry;
    case StructureClass::ReinforcedConcreteFrame:
      return f.earthquake_rc_frame;
    case StructureClass::CodeCompliant:
      break;
  }
  return f.earthquake_code_compliant;
}

}  // namespace hearth::disasters
