#include "cli/calibrate.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "calibrate/target_check.hpp"
#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"

namespace hearth::cli {

namespace {

void add_run_options(CLI::App* command, StudyCommand& c) {
  command->add_option("--analyse", c.analyse,
                      "Continue the study in DIR: plan the next step, or analyse finished runs");
  command->add_flag("--plan-only", c.plan_only,
                    "Plan the runs and stop (run them with `hearth sweep run`, MPI or shards)");
  command->add_option("--jobs,-j", c.jobs, "Runs at a time");
  command->add_option("--threads-per-run", c.threads_per_run, "Threads of each run (0 = all)");
  command->add_flag("--quiet,-q", c.quiet, "Report only failures and the result");
}

calibrate::CalibrationRun run_options(const StudyCommand& c, const std::string& resume) {
  if (c.jobs < 1) throw InputError("-j", {{"", "must be 1 or more"}});
  if (c.threads_per_run < 0)
    throw InputError("--threads-per-run", {{"", "must be 0 (all cores) or more"}});
  calibrate::CalibrationRun run;
  run.jobs = c.jobs;
  run.threads_per_run = c.threads_per_run;
  run.quiet = c.quiet;
  run.run_locally = !c.plan_only && c.analyse.empty();
  run.resume_command = resume;
  return run;
}

// The positional arguments a fresh study needs, or none with --analyse.
void check_arguments(const StudyCommand& c, const std::vector<std::string>& needed,
                     const std::string& usage) {
  if (!c.analyse.empty()) {
    if (!c.scenario.empty() || !c.out.empty())
      throw InputError("--analyse", {{"", "give only the study directory: " + usage}});
    return;
  }
  for (const auto& value : needed) {
    if (value.empty()) throw InputError("arguments", {{"", "usage: " + usage}});
  }
}

}  // namespace

std::unique_ptr<StudyCommand> add_calibrate_command(CLI::App& app) {
  auto c = std::make_unique<StudyCommand>();
  c->command = app.add_subcommand(
      "calibrate", "Fit scenario parameters to targets by history matching (docs/CALIBRATION.md)");
  c->command->add_option("scenario", c->scenario, "Scenario JSON file");
  c->command->add_option("targets", c->targets,
                         "Targets JSON file (e.g. scenarios/targets/us_metro.json)");
  c->command->add_option("--params", c->params, "Parameters JSON file: pointers with ranges");
  c->command->add_option("--out,-o", c->out, "Calibration directory");
  c->command->add_option("--points", c->calibration.points, "Latin hypercube points per wave");
  c->command->add_option("--replicates", c->calibration.replicates, "Runs per point");
  c->command->add_option("--waves", c->calibration.waves, "History matching waves");
  c->command->add_option("--seed", c->calibration.seed, "Seed of the designs");
  c->command->add_option("--cutoff", c->calibration.cutoff, "Implausibility cutoff");
  add_run_options(c->command, *c);
  return c;
}

std::unique_ptr<StudyCommand> add_sensitivity_command(CLI::App& app) {
  auto c = std::make_unique<StudyCommand>();
  c->command = app.add_subcommand(
      "sensitivity", "Morris screening and Sobol indices of run outputs (docs/CALIBRATION.md)");
  c->command->add_option("scenario", c->scenario, "Scenario JSON file");
  c->command->add_option("--params", c->params, "Parameters JSON file: pointers with ranges");
  c->command->add_option("--outputs", c->outputs,
                         "Targets JSON file (its moments), or indicator columns a,b,c "
                         "(each the mean over the run)");
  c->command->add_option("--out,-o", c->out, "Sensitivity directory");
  c->command->add_option("--method", c->method, "morris, sobol or both")
      ->check(CLI::IsMember({"morris", "sobol", "both"}));
  c->command->add_option("--trajectories", c->sensitivity.trajectories, "Morris trajectories r");
  c->command->add_option("--levels", c->sensitivity.levels, "Morris grid levels p (even)");
  c->command->add_option("--samples", c->sensitivity.samples, "Saltelli base samples N");
  c->command->add_option("--replicates", c->sensitivity.replicates, "Runs per point");
  c->command->add_option("--seed", c->sensitivity.seed, "Seed of the designs and bootstrap");
  c->command->add_option("--bootstrap", c->sensitivity.bootstrap, "Bootstrap resamples");
  add_run_options(c->command, *c);
  return c;
}

std::unique_ptr<TargetsCommand> add_targets_command(CLI::App& app) {
  auto c = std::make_unique<TargetsCommand>();
  c->command = app.add_subcommand(
      "targets",
      "Evaluate a targets file's moments over runs: mean, 95% interval, within tolerance or not");
  c->command
      ->add_option("targets", c->targets,
                   "Targets JSON file (e.g. scenarios/targets/us_metro.json)")
      ->required();
  c->command->add_option("runs", c->run_dirs, "Run directories (replicates, e.g. seeds)")
      ->required()
      ->expected(1, -1);
  c->command->add_option("--out,-o", c->out, "Also write the table as a CSV file");
  return c;
}

int targets_command(const TargetsCommand& c) {
  return exit_code_of([&] {
    const calibrate::Targets targets = calibrate::load_targets_file(c.targets);
    const calibrate::TargetCheck check = calibrate::check_targets(targets, c.run_dirs);
    // The CSV is written before anything is printed: a failed write leaves
    // no table that looks like success.
    if (!c.out.empty()) io::write_file_atomically(c.out, calibrate::target_check_csv(check));
    std::cout << calibrate::target_check_table(check);
    if (!c.out.empty()) std::cout << "csv: " << c.out << "\n";
    return kExitOk;
  });
}

int calibrate_command(const StudyCommand& c, const std::string& program) {
  return exit_code_of([&] {
    const std::string usage =
        "hearth calibrate SCENARIO TARGETS --params PARAMS.json -o DIR, or hearth calibrate "
        "--analyse DIR";
    check_arguments(c, {c.scenario, c.targets, c.params, c.out}, usage);
    const std::string resume = c.analyse.empty() ? program + " calibrate " + c.scenario + " " +
                                                       c.targets + " --params " + c.params +
                                                       " -o " + c.out + " (same options)"
                                                 : program + " calibrate --analyse " + c.analyse;
    const calibrate::CalibrationRun run = run_options(c, resume);
    if (!c.analyse.empty()) return calibrate::calibrate_continue(c.analyse, run);
    return calibrate::calibrate(c.scenario, c.targets, c.params, c.out, c.calibration, run);
  });
}

int sensitivity_command(const StudyCommand& c, const std::string& program) {
  return exit_code_of([&] {
    const std::string usage =
        "hearth sensitivity SCENARIO --params PARAMS.json --outputs NAMES -o DIR, or hearth "
        "sensitivity --analyse DIR";
    check_arguments(c, {c.scenario, c.params, c.outputs, c.out}, usage);
    const std::string resume =
        c.analyse.empty() ? program + " sensitivity " + c.scenario + " --params " + c.params +
                                " --outputs " + c.outputs + " -o " + c.out + " (same options)"
                          : program + " sensitivity --analyse " + c.analyse;
    const calibrate::CalibrationRun run = run_options(c, resume);
    if (!c.analyse.empty()) return calibrate::sensitivity_continue(c.analyse, run);
    calibrate::SensitivitySettings settings = c.sensitivity;
    settings.morris = c.method != "sobol";
    settings.sobol = c.method != "morris";
    return calibrate::sensitivity(c.scenario, c.params, c.outputs, c.out, settings, run);
  });
}

}  // namespace hearth::cli
