#pragma once
// Checks and help shared by the subcommands' options: seeds, and a "did you
// mean" for an option that does not exist.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <ostream>
#include <string>

namespace hearth::cli {

// The largest seed: scenario.schema.json's maximum, 2^53 - 1 (a seed is
// written to JSON manifests, and readers that hold numbers as doubles keep
// every integer up to this one exactly).
inline constexpr std::uint64_t kMaxSeed = 9007199254740991;

// A check for --seed, run on the text before CLI11 converts it: CLI11 reads
// "-5" into an unsigned integer as 2^64 - 5, and a seed above kMaxSeed would
// be refused only later, by the scenario's schema.
CLI::Validator seed_check();

// After CLI11 refused arguments it did not expect ("--tick 24"): for each
// one that looks like an option, the closest option of the subcommand given
// ("did you mean '--ticks'?"), on `out`.
void suggest_options(const CLI::App& app, std::ostream& out);

}  // namespace hearth::cli
