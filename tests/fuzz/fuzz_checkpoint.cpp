// libFuzzer target: the checkpoint reader. Any file must be read or refused
// with an InputError, without crashing or allocating more than the file holds.
// Each input is read twice: as it is, and with its trailing checksum
// recomputed, so that mutations get past the checksum to the range checks of
// every column (a damaged index behind a sound checksum must be refused too).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "hearth/errors.hpp"
#include "io/checkpoint.hpp"
#include "io/hash.hpp"
#include "state/invariants.hpp"

namespace {

void read_as_resume_does(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    hearth::io::CheckpointMeta meta;
    const hearth::World world = hearth::io::read_checkpoint(path, meta, "", false);
    hearth::check_invariants(world);  // what --resume does next
  } catch (const hearth::InputError&) {
  } catch (const hearth::InvariantViolation&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/hearth-fuzz-checkpoint-" + std::to_string(::getpid());
  read_as_resume_does(path, data, size);
  constexpr std::size_t kChecksumBytes = sizeof(std::uint64_t);
  if (size > kChecksumBytes) {
    std::string fixed(reinterpret_cast<const char*>(data), size);
    const std::uint64_t checksum =
        hearth::io::fnv1a64(std::string_view(fixed.data(), size - kChecksumBytes));
    std::memcpy(fixed.data() + size - kChecksumBytes, &checksum, kChecksumBytes);
    read_as_resume_does(path, reinterpret_cast<const std::uint8_t*>(fixed.data()), size);
  }
  return 0;
}
