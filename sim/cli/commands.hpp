#pragma once
// The subcommands of `hearth`. Each returns the process exit code:
// 0 success, 1 output could not be written, 2 bad input (nothing written),
// 3 internal error (an invariant failed: a bug, please report it),
// 128 + signal when SIGINT or SIGTERM stopped a run (it can be resumed).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hearth::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitOutput = 1;
inline constexpr int kExitInput = 2;
inline constexpr int kExitInternal = 3;

struct RunArgs {
  std::string scenario;
  std::string out;
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  int threads = 0;
  bool quiet = false;
  bool force = false;
  bool profile = false;
  bool check_invariants = false;
  std::int32_t checkpoint_every = 0;
  std::int32_t record_frames_every = 0;  // frames.bin every K ticks (0: none)
  std::string resume;                    // run directory to continue
};

// Runs `body` and maps the project's errors to exit codes, printing them on
// stderr: InputError 2, OutputError 1, InvariantViolation 3.
int exit_code_of(const std::function<int()>& body);

int run_command(const RunArgs& args);
int validate_command(const std::vector<std::string>& files);

// `hearth defaults`: the engine's default of every scenario key, as JSON:
// {"scenario": ..., "hazard": one hazard event, "policy": one programme}.
// scripts/schema_defaults.py checks the schema's defaults against it.
int defaults_command();

}  // namespace hearth::cli
