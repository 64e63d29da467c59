#include "cli/sweep.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/collect.hpp"
#include "sweep/journal.hpp"
#include "sweep/plan.hpp"
#include "sweep/runner.hpp"

namespace hearth::cli {

namespace {

int plan_command(const SweepCommand& s) {
  if (s.out.empty())
    throw InputError("hearth sweep plan", {{"", "give the sweep directory with -o DIR"}});
  const std::string text = io::read_text_file(s.sweep_file);
  const sweep::SweepDef def = sweep::load_sweep_file(s.sweep_file);
  const sweep::Plan plan = sweep::expand(def, s.sweep_file);
  sweep::write_plan(plan, text, s.out, s.force);
  std::int64_t points = plan.runs.empty() ? 0 : plan.runs.back().point + 1;
  std::cout << "sweep " << def.name << ": " << plan.runs.size() << " runs (" << points
            << " points x " << def.replicates << " replicates) planned in " << s.out
            << "/plan.csv\n";
  return kExitOk;
}

// A run launched by mpirun without --mpi would run the whole sweep once per
// rank, every rank racing the others; refuse that outright.
bool launched_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
    if (const char* value = std::getenv(name); value && std::atoi(value) > 1) return true;
  }
  return false;
}

// A word of a shell command, quoted when the shell would split or expand it.
std::string shell_word(const std::string& word) {
  if (!word.empty() &&
      word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                             "-_./=:,+@%") == std::string::npos) {
    return word;
  }
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// What a stopped sweep tells its user, as `hearth run` does when stopped:
// what is finished, what happened to the runs in flight, and the command
// that goes on from here (the same runner, with the same options).
std::string stop_report(const SweepCommand& s, const sweep::Prepared& prepared,
                        const sweep::LocalOutcome& outcome, const std::string& program) {
  const std::int64_t runs = prepared.skipped + static_cast<std::int64_t>(prepared.pending.size());
  const std::int64_t done = prepared.skipped + outcome.done;
  const std::int64_t left = runs - done - outcome.failed;
  std::string command = shell_word(program) + " sweep run " + shell_word(s.dir);
  if (s.count > 0)
    command += " --index " + std::to_string(s.index) + " --count " + std::to_string(s.count);
  if (s.jobs != 1) command += " -j " + std::to_string(s.jobs);
  if (s.threads_per_run != 1) command += " --threads-per-run " + std::to_string(s.threads_per_run);
  if (s.force) command += " --force";
  if (s.quiet) command += " --quiet";
  std::string report =
      "sweep: stopped by " + std::string(outcome.signal == SIGTERM ? "SIGTERM" : "SIGINT") + ": " +
      std::to_string(done) + " of " + std::to_string(runs) + " runs" +
      (s.count > 0 ? " of this shard" : "") + " done, " + std::to_string(outcome.failed) +
      " failed, " + std::to_string(left) + " not finished";
  if (outcome.stopped > 0) {
    report += " (" + std::to_string(outcome.stopped) +
              " stopped in flight: not journalled as failed; they start again from the "
              "beginning)";
  }
  report += "\n  continue with: " + command + "\n";
  if (outcome.failed > 0) report += "  (it runs the failed runs again too)\n";
  return report;
}

int run_command(const SweepCommand& s, int* argc, char*** argv) {
  sweep::RunnerOptions options;
  options.jobs = s.jobs;
  options.threads_per_run = s.threads_per_run;
  options.force = s.force;
  options.quiet = s.quiet;
  if (s.jobs < 1) throw InputError("-j", {{"", "must be 1 or more"}});
  if (s.threads_per_run < 0)
    throw InputError("--threads-per-run", {{"", "must be 0 (all cores) or more"}});
  if ((s.index >= 0) != (s.count > 0)) {
    throw InputError("--index/--count",
                     {{"", "give both, e.g. --index $SLURM_ARRAY_TASK_ID --count 10"}});
  }
  if (s.count > 0) {
    if (s.index >= s.count) throw InputError("--index", {{"", "must be below --count (0-based)"}});
    options.shard_index = s.index;
    options.shard_count = s.count;
  }
  if (s.mpi) {
#ifdef HEARTH_HAS_MPI
    return sweep::run_mpi(s.dir, options, argc, argv);
#else
    (void)argc;
    (void)argv;
    throw InputError("--mpi",
                     {{"",
                       "this hearth was built without MPI. Install Open MPI "
                       "(scripts/install-deps.sh, or apt-get install "
                       "libopenmpi-dev openmpi-bin) and rebuild: cmake -S . -B build/release "
                       "-DHEARTH_WITH_MPI=ON && cmake --build build/release"}});
#endif
  }
  if (launched_by_mpirun()) {
    throw InputError("hearth sweep run", {{"",
                                           "started by mpirun without --mpi: every rank would run "
                                           "the whole sweep; add --mpi"}});
  }
  const sweep::Prepared prepared = sweep::prepare_sweep(s.dir, options);
  sweep::Journal journal(sweep::journal_path(s.dir, options));
  if (!s.quiet) {
    std::cerr << "sweep: " << prepared.pending.size() << " runs to do (" << prepared.skipped
              << " already complete), " << s.jobs << " at a time\n";
  }
  const sweep::LocalOutcome outcome = sweep::run_local(s.dir, prepared, options, journal);
  if (outcome.signal != 0) {
    std::cerr << stop_report(s, prepared, outcome, (*argv)[0]);
    return 128 + outcome.signal;
  }
  if (outcome.failed > 0) {
    std::cerr << "sweep: " << outcome.failed << " runs failed; `hearth sweep status " << s.dir
              << "` lists them\n";
    return kExitOutput;
  }
  return kExitOk;
}

int status_command(const SweepCommand& s) {
  const sweep::PlanIndex plan = sweep::read_plan(s.dir);
  const sweep::SweepStatus status = sweep::sweep_status(s.dir, plan);
  std::cout << "sweep " << plan.name << ": " << plan.runs.size() << " runs: " << status.done
            << " done, " << status.failed << " failed, " << status.missing << " missing\n";
  std::string failed, resubmit;
  std::vector<bool> shards(static_cast<std::size_t>(std::max<std::int64_t>(s.count, 0)), false);
  for (std::size_t i = 0; i < status.states.size(); ++i) {
    if (status.states[i] == sweep::RunState::done) continue;
    if (status.states[i] == sweep::RunState::failed) {
      failed +=
          "  " + std::to_string(i) + " " + plan.runs[i].run_id + " (" + status.details[i] + ")\n";
    }
    resubmit += (resubmit.empty() ? "" : " ") + std::to_string(i);
    if (s.count > 0) shards[i % static_cast<std::size_t>(s.count)] = true;
  }
  if (!failed.empty()) std::cout << "failed:\n" << failed;
  std::cout << "resubmit: " << (resubmit.empty() ? "none" : resubmit) << "\n";
  if (s.count > 0) {
    std::string list;
    for (std::size_t k = 0; k < shards.size(); ++k) {
      if (shards[k]) list += (list.empty() ? "" : ",") + std::to_string(k);
    }
    std::cout << "shards to resubmit (of " << s.count << "): " << (list.empty() ? "none" : list)
              << "\n";
  }
  return kExitOk;
}

int collect_command(const SweepCommand& s) {
  sweep::CollectOptions options;
  options.out = s.out;
  options.allow_missing = s.allow_missing;
  const sweep::CollectResult result = sweep::collect(s.dir, options);
  if (!result.missing.empty()) {
    std::cerr << "sweep: " << result.missing.size()
              << " runs missing and left out (--allow-missing)\n";
  }
  std::cout << "collected " << result.runs << " runs, " << result.rows << " rows into "
            << result.out << "; summary in " << result.summary << "\n";
  return kExitOk;
}

}  // namespace

std::unique_ptr<SweepCommand> add_sweep_command(CLI::App& app) {
  auto s = std::make_unique<SweepCommand>();
  s->command =
      app.add_subcommand("sweep", "Plan, run, check and collect many runs (docs/SWEEPS.md)");
  s->command->require_subcommand(1);

  s->plan = s->command->add_subcommand(
      "plan", "Expand a sweep file into runs: DIR/plan.csv, DIR/runs/*.json");
  s->plan->add_option("sweep", s->sweep_file, "Sweep JSON file")->required();
  s->plan->add_option("--out,-o", s->out, "Sweep directory")->required();
  s->plan->add_flag("--force", s->force, "Replan a directory planned from another sweep file");

  s->run = s->command->add_subcommand("run", "Run the sweep's runs that are not complete yet");
  s->run->add_option("dir", s->dir, "Sweep directory (from `sweep plan`)")->required();
  s->run->add_option("--jobs,-j", s->jobs, "Runs at a time (local runner)");
  s->run->add_option("--threads-per-run", s->threads_per_run,
                     "Threads of each run (0 = all cores)");
  s->run->add_flag("--mpi", s->mpi, "Spread the runs over MPI ranks (under mpirun)");
  s->run->add_option("--index", s->index, "Shard to run (0-based), e.g. $SLURM_ARRAY_TASK_ID");
  s->run->add_option("--count", s->count, "Number of shards: runs with index % count == --index");
  s->run->add_flag("--force", s->force, "Run even though sweep.json changed since planning");
  s->run->add_flag("--quiet,-q", s->quiet, "Report only failures");

  s->status = s->command->add_subcommand(
      "status", "Count done, failed and missing runs; list what to resubmit");
  s->status->add_option("dir", s->dir, "Sweep directory")->required();
  s->status->add_option("--count", s->count,
                        "Also list the job-array shards (of this many) to resubmit");

  s->collect =
      s->command->add_subcommand("collect", "Merge the runs into one tidy CSV and DIR/summary.csv");
  s->collect->add_option("dir", s->dir, "Sweep directory")->required();
  s->collect->add_option("--out,-o", s->out, "Output CSV (default DIR/collected.csv)");
  s->collect->add_flag("--allow-missing", s->allow_missing,
                       "Collect the complete runs even if some are missing");
  return s;
}

int sweep_command(const SweepCommand& s, int* argc, char*** argv) {
  return exit_code_of([&] {
    if (*s.plan) return plan_command(s);
    if (*s.run) return run_command(s, argc, argv);
    if (*s.status) return status_command(s);
    if (*s.collect) return collect_command(s);
    return kExitInput;
  });
}

}  // namespace hearth::cli
