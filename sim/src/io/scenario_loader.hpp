#pragma once
// Loading a scenario: read the file, parse JSON (errors with line and column),
// validate against the embedded JSON Schema (draft 7; errors with JSON pointer,
// unknown keys with a did-you-mean), check what a schema cannot say (shares
// that must sum to one), then build the immutable ScenarioDef.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"
#include "hearth/scenario.hpp"

namespace hearth::io {

struct LoadedScenario {
  ScenarioDef def;
  nlohmann::json resolved;  // every key, defaults filled in
  std::string hash;         // FNV-1a 64 of resolved.dump(), 16 hex digits
};

// All problems found in a document (empty when valid). `file` only labels messages.
std::vector<InputProblem> validate_scenario_json(const nlohmann::json& document);

// Parses text; throws InputError naming `file`, line and column on malformed JSON.
nlohmann::json parse_json_text(const std::string& text, const std::string& file);

// Reads a file whole; throws InputError when it is missing, unreadable, not a
// regular file, or larger than max_bytes.
std::string read_text_file(const std::string& path, std::size_t max_bytes = 16u << 20);

// Throws InputError listing every problem; never returns a half-valid scenario.
LoadedScenario load_scenario_file(const std::string& path);
LoadedScenario load_scenario_json(const nlohmann::json& document, const std::string& label);

// Re-resolves after a command-line override (seed, ticks), keeping the hash honest.
LoadedScenario resolve(const ScenarioDef& def);

}  // namespace hearth::io
