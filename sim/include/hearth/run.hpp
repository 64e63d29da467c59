#pragma once
// One whole run, as `hearth run` does it: build, step, observe, write a run
// directory (docs/OUTPUTS.md) under a temporary name, rename when complete.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "hearth/simulation.hpp"

namespace hearth {

struct RunOptions {
  std::string out_dir;                   // the run directory to create
  int threads = 0;                       // 0: all hardware threads
  bool force = false;                    // replace an existing run directory
  bool quiet = false;                    // no progress on stderr
  bool check_invariants = false;         // heavy checks every tick
  std::string scenario_file;             // recorded in the manifest
  std::int32_t checkpoint_every = 0;     // write a checkpoint every K ticks (0: only when stopped)
  std::int32_t record_frames_every = 0;  // frames.bin every K ticks for `hearth view` (0: none)
  std::int32_t stop_after_tick = 0;  // behave as if interrupted after this tick (tests, 0: never)
  // Before the first checkpoint of a state at least this large (estimated),
  // say so on stderr unless quiet: a checkpoint of a big city takes a while
  // and a lot of disk. Tests lower it.
  std::uint64_t checkpoint_notice_bytes = std::uint64_t{1} << 30;
};

struct RunResult {
  std::string out_dir;       // the finished run, or the .partial directory when interrupted
  bool interrupted = false;  // stopped by a signal (or stop_after_tick) after `ticks_done`
  // --resume found a run that had finished but was stopped before its final
  // rename, and only renamed it (final_frame is then empty).
  bool finished_rename = false;
  std::int32_t ticks_done = 0;
  double seconds = 0;
  PhaseProfile profile;
  std::shared_ptr<const Frame> final_frame;
};

// Throws InputError (bad options, e.g. an existing out_dir without force, an
// existing out_dir that is not a run directory even with force, or another
// process writing out_dir), OutputError (cannot write) or InvariantViolation;
// never leaves a partial run directory under out_dir. Holds an exclusive lock
// on "<out_dir>.lock" from before it touches out_dir until it is done.
RunResult run_scenario(const ScenarioDef& scenario, const nlohmann::json& resolved,
                       const std::string& scenario_hash, const RunOptions& options);

// Continues an interrupted run from DIR.partial/checkpoint.bin (the scenario
// comes from the checkpoint), after checking that the outputs so far are what
// the checkpoint recorded. Threads and checkpoint_every may differ. A run
// that finished but was stopped before its final rename is checked and
// renamed (finished_rename). Takes the same lock as run_scenario.
RunResult resume_run(const RunOptions& options);

// SIGINT and SIGTERM ask a run to stop after its current tick, write a
// checkpoint and mark its manifest "interrupted". Returns the signal that
// stopped the last run (0 if none).
void install_stop_handlers();
int stop_signal();

// `name` for a JSON document (the manifest): valid UTF-8 is kept, every
// other byte is written as the four characters \xHH (docs/OUTPUTS.md).
std::string json_safe_file_name(const std::string& name);

// Human-readable summary of a finished run (what `hearth run` prints).
void print_summary(std::ostream& out, const ScenarioDef& scenario, const RunResult& result);
void print_profile(std::ostream& out, const PhaseProfile& profile, int threads);

}  // namespace hearth
