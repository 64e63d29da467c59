#pragma once
// Exact checkpoints of a run (docs/RELIABILITY.md). A checkpoint holds the
// whole World (every column of state/columns.hpp, the hazard layers and the
// market's state), the resolved scenario, and the byte sizes of the output
// files at that tick, so that a resumed run truncates its outputs to the
// checkpoint and continues to byte-identical results. Randomness is
// counter-based, so there is no generator state to save.
//
// Layout (little-endian): "HEARTHCK", u32 format version, build id, scenario
// hash, resolved scenario JSON, world scalars, named columns (name, element
// size, count, bytes), output sizes, then an FNV-1a 64 checksum of all that
// precedes it. The reader checks every length against the file's size before
// allocating, and refuses a wrong magic, version, build, scenario or checksum.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "hearth/errors.hpp"
#include "state/world.hpp"

namespace hearth::io {

inline constexpr std::uint32_t kCheckpointFormatVersion = 3;  // 2: disasters; 3: policy ledgers

struct CheckpointMeta {
  std::string build_id;       // "hearth <version> <commit>"
  std::string scenario_hash;  // of the resolved scenario
  std::string scenario_json;  // the resolved scenario, dumped
  std::int32_t checkpoint_every = 0;
  std::vector<std::pair<std::string, std::uint64_t>> output_sizes;  // file name, bytes
};

// This binary's build id.
std::string current_build_id();

// Writes atomically: to path + ".tmp", fsync, then the previous checkpoint is
// renamed to `previous_path` (kept) and the new one renamed to `path`.
// Throws OutputError.
void write_checkpoint(const std::string& path, const std::string& previous_path, const World& world,
                      const CheckpointMeta& meta);

// A sound checkpoint that does not fit: another format version, another
// build or another scenario. Every other InputError from read_checkpoint
// means the file is damaged (missing, unreadable, truncated, corrupt), and
// `hearth run --resume` may fall back to the previous checkpoint; from a
// mismatch it may not (the previous one comes from the same place).
class CheckpointMismatch : public InputError {
 public:
  using InputError::InputError;
};

// Reads and verifies; throws InputError naming the file and the reason
// (CheckpointMismatch when the file is sound but not for this run).
// `expected_scenario_hash` empty accepts any scenario.
// `require_same_build` false skips the build check (the fuzzer's seed corpus
// must stay readable across commits); resuming always requires it.
World read_checkpoint(const std::string& path, CheckpointMeta& meta,
                      const std::string& expected_scenario_hash = "",
                      bool require_same_build = true);

}  // namespace hearth::io
