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

// A scheduled event or programme that starts after the last tick never
// happens. In a scenario file that is a mistake (refused); where the ticks
// come from elsewhere, a sweep parameter or `hearth run --ticks`, a shorter
// run can be meant (allowed; scenario_warnings says so), and a checkpoint's
// scenario holds such overrides.
enum class EventsAfterEnd { allowed, refused };

// All problems found in a document (empty when valid).
std::vector<InputProblem> validate_scenario_json(
    const nlohmann::json& document, EventsAfterEnd events_after_end = EventsAfterEnd::allowed);

// JSON nested deeper than this is refused: no input of hearth needs more
// than a few levels, and deep nesting would exhaust the stack of the code
// that walks a document (printing, validating, freeing it).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses text; throws InputError naming `file`, line and column on malformed
// JSON, the line where nesting passes kMaxJsonDepth, and the JSON pointer of
// every key repeated within one object. Every JSON input file is read
// through it (scenarios, sweep files, plans, manifests, checkpoints' scenarios).
nlohmann::json parse_json_text(const std::string& text, const std::string& file);

// Reads a file whole; throws InputError when it is missing, unreadable, not a
// regular file, or larger than max_bytes.
std::string read_text_file(const std::string& path, std::size_t max_bytes = 16u << 20);

// Throws InputError listing every problem; never returns a half-valid
// scenario. A file refuses events after its end; a document, by default, not.
LoadedScenario load_scenario_file(const std::string& path);
LoadedScenario load_scenario_json(const nlohmann::json& document, const std::string& label,
                                  EventsAfterEnd events_after_end = EventsAfterEnd::allowed);

// Above this many households per hectare of the whole grid a city is
// denser than any on record (an assumption; docs/SCENARIOS.md, "Plausible
// sizes"): a warning, not an error.
inline constexpr double kMaxPlausibleHouseholdsPerHectare = 500;
// Above this many household-ticks `hearth run` says the run will be long.
inline constexpr double kLongRunHouseholdTicks = 1e9;

// Sentences for stderr ("POINTER: reason") about a valid scenario that is
// probably not what was meant: an event or programme after the last tick
// (in a file an error; after a --ticks override a warning, since a shorter
// trial run can be meant) and a density beyond any real city.
// `ticks_from` (such as "--ticks 60") is added to the after-the-end ones.
std::vector<std::string> scenario_warnings(const ScenarioDef& def,
                                           const std::string& ticks_from = "");
// A sentence when the run will take long (households x ticks above
// kLongRunHouseholdTicks), else "".
std::string long_run_warning(const ScenarioDef& def);

// Re-resolves after a command-line override (seed, ticks), keeping the hash honest.
LoadedScenario resolve(const ScenarioDef& def);

}  // namespace hearth::io
