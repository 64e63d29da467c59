// libFuzzer target: the ESRI ASCII grid (.asc) reader. Any file must be read
// or refused with an InputError naming the file and line, never crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "hearth/errors.hpp"
#include "io/asc_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/hearth-fuzz-asc-" + std::to_string(::getpid()) + ".asc";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  try {
    // Any size (0, 0), and the size of a small city grid.
    hearth::io::read_asc(path, 0, 0, 0.0f, 0.0, 100.0, std::size_t{1} << 20);
    hearth::io::read_asc(path, 40, 40, 0.0f, 0.0, 100.0, std::size_t{1} << 20);
  } catch (const hearth::InputError&) {
  }
  return 0;
}
