// libFuzzer target: the checkpoint reader. Any file must be read or refused
// with an InputError, without crashing or allocating more than the file holds.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "hearth/errors.hpp"
#include "io/checkpoint.hpp"
#include "state/invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/hearth-fuzz-checkpoint-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    hearth::io::CheckpointMeta meta;
    const hearth::World world = hearth::io::read_checkpoint(path, meta, "", false);
    hearth::check_invariants(world);  // what --resume does next
  } catch (const hearth::InputError&) {
  } catch (const hearth::InvariantViolation&) {
  }
  return 0;
}
