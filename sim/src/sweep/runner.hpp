#pragma once
// Running a planned sweep. Every run is its own process (`hearth run` of the
// same binary, started with fork and exec), so a crash, an abort or an
// out-of-memory kill takes down one run, which is journalled as failed, and
// never the sweep. Children die with the sweep (PR_SET_PDEATHSIG), so after a
// SIGKILL of the sweep no orphan keeps writing into results/.
#include <sys/types.h>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sweep/journal.hpp"
#include "sweep/lock.hpp"
#include "sweep/plan.hpp"

namespace hearth::sweep {

struct RunnerOptions {
  int jobs = 1;                   // runs at a time (local runner)
  int threads_per_run = 1;        // `hearth run --threads`
  std::int64_t shard_index = -1;  // with shard_count: run only index % count == shard_index
  std::int64_t shard_count = 0;
  bool force = false;  // run even if sweep.json changed since planning
  bool quiet = false;
};

// Journal detail of a run that exited 0 without a complete results/<id> for
// its id: its manifest's hash differs, i.e. this hearth resolves the planned
// scenario differently (a newer version with new keys): replan.
inline constexpr const char* kNotComplete =
    "exit 0 but no complete result for this run id (replan with this hearth)";

struct RunOutcome {
  bool ok = false;
  std::string detail;  // "exit 0", "exit 1", "signal 9", "spawn failed: ..."
  double seconds = 0;
};

// What a (re)launch has to do: takes the sweep's locks (sweep/lock.hpp;
// refused, untouched, while a runner in the way works on it), checks the
// plan against sweep.json (unless force), removes stale results/<id>.partial
// and results/<id>.old-* that killed runs of this runner's own runs left,
// and lists the runs of this shard that are not complete yet.
struct Prepared {
  PlanIndex plan;
  std::vector<std::int64_t> pending;  // run indices, ascending
  std::int64_t skipped = 0;           // already complete
  std::unique_ptr<SweepLock> lock;    // held until the runner is done
};
Prepared prepare_sweep(const std::string& dir, const RunnerOptions& options);

// The journal file this runner writes (journal.csv, or journal-I-of-C.csv).
std::string journal_path(const std::string& dir, const RunnerOptions& options);

// Starts `hearth run runs/<id>.json --out results/<id> ...` in DIR, output to
// DIR/logs/<id>.log; returns the child's pid (or -1, with `error` set).
pid_t spawn_run(const std::string& dir, const std::string& run_id, int threads, std::string& error);
RunOutcome outcome_of(int wait_status, double seconds);

// What the local runner did with the pending runs.
struct LocalOutcome {
  std::int64_t done = 0;     // finished and complete
  std::int64_t failed = 0;   // journalled as failed
  std::int64_t stopped = 0;  // in flight when a stop signal came: stopped, not journalled
  int signal = 0;            // SIGINT or SIGTERM that stopped the sweep; 0: it ran to the end
};

// The local runner: `jobs` children at a time. SIGINT or SIGTERM stops it:
// no new run starts, the runs in flight get SIGINT (they stop after their
// current tick; a second signal kills them) and are waited for; neither is
// journalled as failed, and the next launch runs them again from the start.
LocalOutcome run_local(const std::string& dir, const Prepared& prepared,
                       const RunnerOptions& options, Journal& journal);

// The MPI runner (sim/src/sweep/mpi_runner.cpp, built only with MPI): rank 0
// hands out run indices to ranks that ask for work and is the only writer of
// the journal. Returns the process exit code.
int run_mpi(const std::string& dir, const RunnerOptions& options, int* argc, char*** argv);

}  // namespace hearth::sweep
