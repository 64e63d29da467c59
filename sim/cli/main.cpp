// hearth: the command line. `hearth --help` lists the subcommands; the
// README shows an example of each.
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <iostream>

#include "cli/bench.hpp"
#include "cli/calibrate.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "cli/sweep.hpp"
#include "cli/tracts.hpp"
#include "cli/view.hpp"

int main(int argc, char** argv) {
  // Large blocks (a column, a phase's scratch of a million entries) are
  // mapped and unmapped on their own. glibc otherwise raises this threshold
  // after the first such block is freed, and the per-tick scratch then stays
  // in the heap, fragmented: 272 instead of 209 bytes per household at the
  // peak of a 1M-household run (docs/PERFORMANCE.md, memory).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  using namespace hearth::cli;
  CLI::App app{"Hearth: households, homes, hazards and displacement in a city"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("hearth ") + HEARTH_VERSION);

  RunArgs run;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write a run directory");
  run_cmd->add_option("scenario", run.scenario, "Scenario JSON file");
  run_cmd->add_option("--out,-o", run.out, "Run directory (default runs/<name>-seed<seed>)");
  run_cmd->add_option("--seed", run.seed, "Override the scenario's seed")->check(seed_check());
  run_cmd->add_option("--ticks", run.ticks, "Override the number of monthly ticks");
  run_cmd->add_option("--threads,-t", run.threads, "Worker threads (0 = all cores)");
  run_cmd->add_flag("--quiet,-q", run.quiet, "No progress and no summary");
  run_cmd->add_flag("--force", run.force, "Replace an existing run directory");
  run_cmd->add_flag("--profile", run.profile, "Print time per phase at the end");
  run_cmd->add_flag("--check-invariants", run.check_invariants,
                    "Check the state's invariants after every tick (slower)");
  run_cmd->add_option("--checkpoint-every", run.checkpoint_every,
                      "Write an exact checkpoint every K ticks into RUN_DIR.partial");
  run_cmd->add_option("--resume", run.resume, "Continue the interrupted run RUN_DIR");
  run_cmd->add_option("--record-frames", run.record_frames_every,
                      "Write frames.bin (map frames for `hearth view RUN_DIR`) every K ticks");

  std::vector<std::string> validate_files;
  auto* validate_cmd =
      app.add_subcommand("validate", "Check scenario files and report every problem");
  validate_cmd->add_option("files", validate_files, "Scenario JSON files")->required();

  auto* defaults_cmd =
      app.add_subcommand("defaults", "Print the engine's default of every scenario key, as JSON");

  auto view = add_view_command(app);

  auto bench = add_bench_command(app);
  auto sweep = add_sweep_command(app);
  auto tracts = add_tracts_commands(app);
  auto report = add_report_commands(app);
  auto calibrate = add_calibrate_command(app);
  auto sensitivity = add_sensitivity_command(app);
  auto targets = add_targets_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) suggest_options(app, std::cerr);
    return kExitInput;
  }
  if (*run_cmd) return run_command(run);
  if (*validate_cmd) return validate_command(validate_files);
  if (*defaults_cmd) return defaults_command();
  if (*view->command) return view_command(*view);
  if (*bench->command) return bench_command(*bench);
  if (*sweep->command) return sweep_command(*sweep, &argc, &argv);
  if (*tracts->import) return import_tracts_command(tracts->import_args);
  if (*tracts->fit) return tracts_fit_command(tracts->fit_args);
  if (*report->compare) return compare_command(*report);
  if (*report->report) return report_command(*report);
  if (*calibrate->command) return calibrate_command(*calibrate, argv[0]);
  if (*sensitivity->command) return sensitivity_command(*sensitivity, argv[0]);
  if (*targets->command) return targets_command(*targets);
  return kExitInput;
}
