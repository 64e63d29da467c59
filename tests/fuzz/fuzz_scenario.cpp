// libFuzzer target: the scenario loader (JSON parsing, schema validation,
// semantic checks). Any input must give either a scenario or an InputError,
// never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto loaded =
        hearth::io::load_scenario_json(hearth::io::parse_json_text(text, "fuzz.json"), "fuzz.json");
    // A valid scenario must round-trip through its resolved form.
    const auto again = hearth::io::load_scenario_json(loaded.resolved, "resolved");
    if (again.hash != loaded.hash) __builtin_trap();
  } catch (const hearth::InputError&) {
  }
  return 0;
}
