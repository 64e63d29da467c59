#pragma once
// ScenarioDef <-> JSON. from_json overlays the keys present on the defaults
// (the document must already have passed schema validation); to_json writes
// every key, defaults included: the "resolved scenario" of the manifest.
#include <nlohmann/json.hpp>

#include "hearth/scenario.hpp"

namespace hearth::io {

ScenarioDef scenario_from_json(const nlohmann::json& document);
nlohmann::json scenario_to_json(const ScenarioDef& scenario);

}  // namespace hearth::io
