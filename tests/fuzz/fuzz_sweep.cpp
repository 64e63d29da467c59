// libFuzzer target: the sweep file loader (JSON, sweep schema, parameter
// pointers and values). Any input must give a sweep or an InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto document = hearth::io::parse_json_text(text, "fuzz-sweep.json");
    // A base given as a path is looked up in a folder that does not exist.
    hearth::sweep::load_sweep_json(document, "fuzz-sweep.json", "/nonexistent-hearth-fuzz");
  } catch (const hearth::InputError&) {
  }
  return 0;
}
