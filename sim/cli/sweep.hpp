#pragma once
// `hearth sweep plan | run | status | collect` (docs/SWEEPS.md): many runs
// of one scenario, on a workstation, across MPI ranks or as job-array shards.
#include <cstdint>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace hearth::cli {

struct SweepCommand {
  CLI::App* command = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* run = nullptr;
  CLI::App* status = nullptr;
  CLI::App* collect = nullptr;
  std::string sweep_file;  // plan
  std::string dir;         // the sweep directory
  std::string out;         // plan: -o DIR; collect: -o FILE
  bool force = false;
  int jobs = 1;
  int threads_per_run = 1;
  bool mpi = false;
  std::int64_t index = -1;
  std::int64_t count = 0;
  bool quiet = false;
  bool allow_missing = false;
};

// Registers `sweep` and its subcommands on `app`; the returned object holds
// the parsed options and must outlive the parse.
std::unique_ptr<SweepCommand> add_sweep_command(CLI::App& app);
// argc and argv go to MPI_Init for `sweep run --mpi`.
int sweep_command(const SweepCommand& sweep, int* argc, char*** argv);

}  // namespace hearth::cli
