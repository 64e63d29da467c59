#include "cli/commands.hpp"

#include <iostream>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/scenario_json.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"

namespace hearth::cli {

namespace {

int finish_run(const RunArgs& args, const ScenarioDef& def, const RunResult& result) {
  if (!args.quiet || result.interrupted) print_summary(std::cout, def, result);
  if (args.profile) {
    print_profile(std::cout, result.profile,
                  args.threads > 0 ? args.threads : parallel::hardware_threads());
  }
  return result.interrupted ? 128 + (stop_signal() ? stop_signal() : 2) : kExitOk;
}

int resume_command(const RunArgs& args) {
  if (!args.scenario.empty() || args.seed || args.ticks) {
    throw InputError("--resume", {{"",
                                   "a resumed run continues its own scenario: give only the "
                                   "run directory (and --threads, --checkpoint-every)"}});
  }
  RunOptions options;
  options.out_dir = args.resume;
  options.threads = args.threads;
  options.quiet = args.quiet;
  options.check_invariants = args.check_invariants;
  options.checkpoint_every = args.checkpoint_every;
  const RunResult result = resume_run(options);
  const auto manifest =
      nlohmann::json::parse(io::read_text_file(result.out_dir + "/manifest.json"));
  return finish_run(args, io::scenario_from_json(manifest["scenario"]), result);
}

}  // namespace

int exit_code_of(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitInput;
  } catch (const OutputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitOutput;
  } catch (const InvariantViolation& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (const std::exception& e) {
    // Every reader throws InputError for bad input; anything else that gets
    // here is a bug, reported as one rather than aborting in std::terminate.
    std::cerr << "internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

int run_command(const RunArgs& args) {
  return exit_code_of([&] {
    install_stop_handlers();
    if (args.threads < 0) {
      throw InputError("--threads", {{"", "must be 0 (all cores) or more"}});
    }
    if (args.checkpoint_every < 0) {
      throw InputError("--checkpoint-every", {{"", "must be 0 (off) or a number of ticks"}});
    }
    if (args.record_frames_every < 0) {
      throw InputError("--record-frames", {{"", "must be 0 (off) or a number of ticks"}});
    }
    if (!args.resume.empty() && args.record_frames_every > 0) {
      throw InputError("--record-frames", {{"", "a resumed run keeps its own frame recording"}});
    }
    if (!args.resume.empty()) return resume_command(args);
    if (args.scenario.empty()) {
      throw InputError("hearth run", {{"", "give a scenario file, or --resume RUN_DIR"}});
    }
    io::LoadedScenario loaded = io::load_scenario_file(args.scenario);
    // Command-line overrides are applied before resolving, so the manifest's
    // scenario and hash describe the run that actually happened.
    ScenarioDef def = loaded.def;
    if (args.seed) def.seed = *args.seed;
    if (args.ticks) {
      if (*args.ticks < 1 || *args.ticks > 1200) {
        throw InputError("--ticks", {{"", "must be between 1 and 1200 (got " +
                                              std::to_string(*args.ticks) + ")"}});
      }
      def.ticks = *args.ticks;
    }
    loaded = io::resolve(def);
    // Events after the end are errors in a file, but a shorter run by
    // --ticks can be meant (a trial): warnings then.
    const std::string ticks_from = args.ticks ? "--ticks " + std::to_string(def.ticks) : "";
    for (const auto& warning : io::scenario_warnings(def, ticks_from)) {
      std::cerr << "warning: " << args.scenario << ": " << warning << "\n";
    }
    if (!args.quiet) {
      if (const std::string warning = io::long_run_warning(def); !warning.empty()) {
        std::cerr << "warning: " << args.scenario << ": " << warning
                  << "; --ticks shortens a trial run\n";
      }
    }

    RunOptions options;
    options.out_dir =
        args.out.empty() ? "runs/" + def.name + "-seed" + std::to_string(def.seed) : args.out;
    options.threads = args.threads;
    options.force = args.force;
    options.quiet = args.quiet;
    options.check_invariants = args.check_invariants;
    options.checkpoint_every = args.checkpoint_every;
    options.record_frames_every = args.record_frames_every;
    options.scenario_file = args.scenario;
    return finish_run(args, loaded.def,
                      run_scenario(loaded.def, loaded.resolved, loaded.hash, options));
  });
}

int validate_command(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const auto& file : files) {
    try {
      const io::LoadedScenario loaded = io::load_scenario_file(file);
      for (const auto& warning : io::scenario_warnings(loaded.def)) {
        std::cerr << "warning: " << file << ": " << warning << "\n";
      }
      std::cout << file << ": ok\n";
    } catch (const InputError& e) {
      std::cerr << e.what() << "\n";
      status = kExitInput;
    }
  }
  return status;
}

int defaults_command() {
  ScenarioDef with_items;
  with_items.hazards.resize(1);
  with_items.policies.resize(1);
  const nlohmann::json items = io::scenario_to_json(with_items);
  const nlohmann::json defaults = {{"scenario", io::scenario_to_json(ScenarioDef{})},
                                   {"hazard", items["hazards"][0]},
                                   {"policy", items["policies"][0]}};
  std::cout << defaults.dump(2) << "\n";
  return kExitOk;
}

}  // namespace hearth::cli
