// The MPI runner: compiled only when CMake finds MPI (HEARTH_WITH_MPI).
// Rank 0 owns the plan and the journal; every rank asks rank 0 for a run
// index, runs it as a child process (as the local runner does) and reports
// back with its next request. Work is handed out on request, not split up
// front, so long and short runs balance themselves across ranks. Rank 0 also
// runs one child of its own between messages, so no rank sits idle.
#include <mpi.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>

#include "sweep/runner.hpp"

namespace hearth::sweep {

namespace {

constexpr int kTagRequest =
    1;  // worker -> 0: {finished index or -1, ok, exit or -signal, milliseconds}
constexpr int kTagAssign = 2;  // 0 -> worker: {index, or -1 for "no more work"}
using Message = std::array<long long, 4>;

void pause_briefly() {
  // MPI_Recv would spin a core in Open MPI; the runs need the cores more.
  const timespec delay{0, 5'000'000};
  ::nanosleep(&delay, nullptr);
}

Message encode(std::int64_t index, const RunOutcome& outcome, int wait_status) {
  long long code = 0;
  if (WIFEXITED(wait_status))
    code = WEXITSTATUS(wait_status);
  else if (WIFSIGNALED(wait_status))
    code = -WTERMSIG(wait_status);
  return {index, outcome.ok ? 1 : 0, code, static_cast<long long>(outcome.seconds * 1000.0)};
}

RunOutcome decode(const Message& m) {
  RunOutcome outcome;
  outcome.ok = m[1] == 1;
  outcome.detail = m[2] < 0 ? "signal " + std::to_string(-m[2]) : "exit " + std::to_string(m[2]);
  if (m[2] == 1000) outcome.detail = "spawn failed";
  outcome.seconds = static_cast<double>(m[3]) / 1000.0;
  return outcome;
}

// Runs one run to its end on this rank.
Message run_here(const std::string& dir, const PlanIndex& plan, std::int64_t index, int threads) {
  const auto started = std::chrono::steady_clock::now();
  std::string error;
  const pid_t pid =
      spawn_run(dir, plan.runs[static_cast<std::size_t>(index)].run_id, threads, error);
  if (pid < 0) return {index, 0, 1000, 0};
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return encode(index, outcome_of(status, seconds), status);
}

int coordinator(const std::string& dir, const Prepared& prepared, const RunnerOptions& options,
                int size, Journal& journal) {
  std::deque<std::int64_t> queue(prepared.pending.begin(), prepared.pending.end());
  std::int64_t failed = 0, finished = 0;
  const auto total = static_cast<std::int64_t>(queue.size());
  auto record = [&](const Message& m, int rank) {
    if (m[0] < 0) return;
    const PlannedRun& run = prepared.plan.runs[static_cast<std::size_t>(m[0])];
    RunOutcome outcome = decode(m);
    const bool ok = outcome.ok && run_complete(dir, run.run_id);
    journal.append({m[0], run.run_id, ok ? "done" : "failed",
                    ok || !outcome.ok ? outcome.detail : kNotComplete, outcome.seconds});
    ++finished;
    if (!ok) {
      ++failed;
      std::cerr << "sweep: run " << m[0] << " (" << run.run_id << ") failed on rank " << rank
                << ": " << outcome.detail << "; see " << dir << "/logs/" << run.run_id << ".log\n";
    } else if (!options.quiet) {
      std::cerr << "sweep: " << finished << "/" << total << " run " << m[0] << " done on rank "
                << rank << "\n";
    }
  };

  int workers = size - 1;
  Message incoming{};
  MPI_Request request = MPI_REQUEST_NULL;
  pid_t own_pid = -1;
  std::int64_t own_index = -1;
  auto own_started = std::chrono::steady_clock::now();
  while (workers > 0 || own_pid > 0 || !queue.empty()) {
    bool busy = false;
    if (workers > 0) {
      if (request == MPI_REQUEST_NULL) {
        MPI_Irecv(incoming.data(), 4, MPI_LONG_LONG, MPI_ANY_SOURCE, kTagRequest, MPI_COMM_WORLD,
                  &request);
      }
      int arrived = 0;
      MPI_Status status;
      MPI_Test(&request, &arrived, &status);
      if (arrived) {
        busy = true;
        record(incoming, status.MPI_SOURCE);
        long long next = -1;
        if (!queue.empty()) {
          next = queue.front();
          queue.pop_front();
        } else {
          --workers;
        }
        MPI_Send(&next, 1, MPI_LONG_LONG, status.MPI_SOURCE, kTagAssign, MPI_COMM_WORLD);
      }
    }
    if (own_pid > 0) {
      int status = 0;
      const pid_t done = ::waitpid(own_pid, &status, WNOHANG);
      if (done == own_pid) {
        busy = true;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - own_started).count();
        record(encode(own_index, outcome_of(status, seconds), status), 0);
        own_pid = -1;
      }
    }
    if (own_pid <= 0 && !queue.empty()) {
      own_index = queue.front();
      queue.pop_front();
      std::string error;
      own_started = std::chrono::steady_clock::now();
      own_pid = spawn_run(dir, prepared.plan.runs[static_cast<std::size_t>(own_index)].run_id,
                          options.threads_per_run, error);
      if (own_pid < 0) record({own_index, 0, 1000, 0}, 0);
      busy = true;
    }
    if (!busy) pause_briefly();
  }
  return failed > 0 ? 1 : 0;
}

void worker(const std::string& dir, const PlanIndex& plan, const RunnerOptions& options) {
  Message report{-1, 0, 0, 0};
  while (true) {
    MPI_Send(report.data(), 4, MPI_LONG_LONG, 0, kTagRequest, MPI_COMM_WORLD);
    long long index = -1;
    MPI_Request request;
    MPI_Irecv(&index, 1, MPI_LONG_LONG, 0, kTagAssign, MPI_COMM_WORLD, &request);
    int arrived = 0;
    while (!arrived) {
      MPI_Test(&request, &arrived, MPI_STATUS_IGNORE);
      if (!arrived) pause_briefly();
    }
    if (index < 0) return;
    report = run_here(dir, plan, index, options.threads_per_run);
  }
}

}  // namespace

int run_mpi(const std::string& dir, const RunnerOptions& options, int* argc, char*** argv) {
  MPI_Init(argc, argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);

  // Rank 0 checks and cleans; the others wait for its verdict so that every
  // rank exits with the same code instead of hanging on a failed rank 0.
  int verdict = 0;
  Prepared prepared;
  std::unique_ptr<Journal> journal;
  if (rank == 0) {
    try {
      prepared = prepare_sweep(dir, options);
      journal = std::make_unique<Journal>(journal_path(dir, options));
      if (!options.quiet) {
        std::cerr << "sweep: " << prepared.pending.size() << " runs to do (" << prepared.skipped
                  << " already complete) on " << size << " MPI ranks\n";
      }
    } catch (const InputError& e) {
      std::cerr << "error: " << e.what() << "\n";
      verdict = 2;
    } catch (const OutputError& e) {
      std::cerr << "error: " << e.what() << "\n";
      verdict = 1;
    }
  }
  MPI_Bcast(&verdict, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (verdict != 0) {
    MPI_Finalize();
    return verdict;
  }
  int code = 0;
  if (rank == 0) {
    try {
      code = coordinator(dir, prepared, options, size, *journal);
    } catch (const OutputError& e) {
      // Without its journal the sweep cannot go on; stop every rank.
      std::cerr << "error: " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
  } else {
    PlanIndex plan;
    try {
      plan = read_plan(dir);
    } catch (const InputError& e) {
      std::cerr << "error: rank " << rank << ": " << e.what() << "\n";
      MPI_Abort(MPI_COMM_WORLD, 2);
    }
    worker(dir, plan, options);
  }
  // Everyone learns the result from rank 0, for the exit code.
  MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize();
  return code;
}

}  // namespace hearth::sweep
