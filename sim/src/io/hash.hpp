#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hearth::io {

// FNV-1a 64-bit: a stable content hash for scenarios and output comparisons
// (not cryptographic; it names a configuration, it does not protect one).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state = 0xcbf29ce484222325ULL);
std::string to_hex(std::uint64_t value);

}  // namespace hearth::io
