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
// size, count, bytes), output sizes, output checksums (FNV-1a 64 of each
// output's first <size> bytes, and of the whole cells.csv), then an FNV-1a 64
// checksum of all that precedes it. Every index and enum column is
// range-checked on reading, so that a file with a sound checksum but a wrong
// index is refused rather than followed out of bounds. The reader checks every length against the
// file's size before allocating, and refuses a wrong magic, version, build, scenario or checksum.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "hearth/errors.hpp"
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth::io {

// 2: disasters; 3: policy ledgers; 4: output checksums; 5: price index history,
// investors' balance sheet, migration reference, damage loss ratio, life cycle
// and mortgages (households.head_age_years, dwellings.forced_sale), the home a
// household was displaced from (households.displaced_from); 6: the recovery
// process (dwellings.recovery_*, repair_aid); 7: shelter and camp sites
// (households.site)
inline constexpr std::uint32_t kCheckpointFormatVersion = 7;

struct CheckpointMeta {
  std::string build_id;       // "hearth <version> <commit>"
  std::string scenario_hash;  // of the resolved scenario
  std::string scenario_json;  // the resolved scenario, dumped
  std::int32_t checkpoint_every = 0;
  std::vector<std::pair<std::string, std::uint64_t>> output_sizes;  // file name, bytes
  // File name, FNV-1a 64 of its first output_sizes bytes (of the whole file
  // for cells.csv, which is written once): what a resume appends to must be
  // what was written.
  std::vector<std::pair<std::string, std::uint64_t>> output_checksums;
};

// Bytes the checkpoint of `world` will take, about (its columns' sizes).
std::uint64_t estimated_checkpoint_bytes(const World& world);

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

// The checks that need the checkpoint's own scenario (read from it): the
// policy ledgers, waiting lists and event ticks match its lists, and the
// voucher and programme marks index its policies. Throws InputError naming
// `path` and the column.
void check_checkpoint_against_scenario(const std::string& path, const World& world,
                                       const ScenarioDef& scenario);

}  // namespace hearth::io
