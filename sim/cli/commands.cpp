#include "cli/commands.hpp"

#include <iostream>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"

namespace hearth::cli {

int run_command(const RunArgs& args) {
  try {
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
    if (args.threads < 0) {
      throw InputError("--threads", {{"", "must be 0 (all cores) or more"}});
    }
    loaded = io::resolve(def);

    RunOptions options;
    options.out_dir = args.out.empty() ? "runs/" + def.name + "-seed" + std::to_string(def.seed) : args.out;
    options.threads = args.threads;
    options.force = args.force;
    options.quiet = args.quiet;
    options.check_invariants = args.check_invariants;
    options.scenario_file = args.scenario;
    const RunResult result = run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
    if (!args.quiet) print_summary(std::cout, loaded.def, result);
    if (args.profile) {
      print_profile(std::cout, result.profile,
                    args.threads > 0 ? args.threads : parallel::hardware_threads());
    }
    return kExitOk;
  } catch (const InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitInput;
  } catch (const OutputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitOutput;
  } catch (const InvariantViolation& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

int validate_command(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const auto& file : files) {
    try {
      io::load_scenario_file(file);
      std::cout << file << ": ok\n";
    } catch (const InputError& e) {
      std::cerr << e.what() << "\n";
      status = kExitInput;
    }
  }
  return status;
}

int view_command(const std::vector<std::string>&) {
  std::cerr << "hearth view: this build has no viewer. The SFML viewer is optional; build it with\n"
               "  HEARTH_WITH_VIEWER=1 scripts/install-deps.sh\n"
               "  cmake --preset release -DHEARTH_BUILD_VIEWER=ON && cmake --build --preset release\n"
               "(the viewer itself is tracked in the viewer issue and not yet written).\n";
  return kExitInput;
}

}  // namespace hearth::cli
