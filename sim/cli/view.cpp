#include "cli/view.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#if defined(HEARTH_HAS_VIEWER)
#include "viewer.hpp"
#endif

namespace hearth::cli {

std::unique_ptr<ViewCommand> add_view_command(CLI::App& app) {
  auto view = std::make_unique<ViewCommand>();
  auto* cmd = app.add_subcommand(
      "view", "Show a scenario live, or replay a run directory recorded with --record-frames");
  view->command = cmd;
  cmd->add_option("path", view->path, "Scenario JSON file or run directory")->required();
  cmd->add_option("--screenshot", view->screenshot,
                  "Render one picture offscreen to FILE.png and exit");
  cmd->add_option("--at-tick", view->at_tick, "Tick to show (screenshots; default: the last tick)");
  cmd->add_option("--layer", view->layer,
                  "Map layer to show (default: tenure; see docs/VIEWER.md)");
  cmd->add_option("--hover-cell", view->hover_cell,
                  "Show the figures of cell X Y as if the mouse were on it (screenshots)")
      ->expected(2);
  cmd->add_option("--threads,-t", view->threads, "Simulation worker threads (0 = all cores)");
  cmd->add_option("--benchmark-frames", view->benchmark_frames,
                  "Draw N frames without the 60 fps limit while the simulation runs, print "
                  "frames per second and exit");
  cmd->add_option("--width", view->width, "Window width in pixels (default 1280)");
  cmd->add_option("--height", view->height, "Window height in pixels (default 800)");
  return view;
}

#if defined(HEARTH_HAS_VIEWER)

int view_command(const ViewCommand& view) {
  return exit_code_of([&] {
    if (view.threads < 0) throw InputError("--threads", {{"", "must be 0 (all cores) or more"}});
    if (view.benchmark_frames < 0) {
      throw InputError("--benchmark-frames", {{"", "must be 0 (off) or a number of frames"}});
    }
    if (view.width < 640 || view.height < 480 || view.width > 8192 || view.height > 8192) {
      throw InputError("--width/--height", {{"", "must be between 640 x 480 and 8192 x 8192"}});
    }
    viz::ViewerOptions options;
    options.path = view.path;
    options.screenshot = view.screenshot;
    options.at_tick = view.at_tick;
    options.layer = view.layer;
    options.threads = view.threads;
    options.benchmark_frames = view.benchmark_frames;
    if (view.hover_cell.size() == 2)
      options.hover_cell = {{view.hover_cell[0], view.hover_cell[1]}};
    options.width = view.width;
    options.height = view.height;
    return viz::run_viewer(options);
  });
}

#else

int view_command(const ViewCommand&) {
  std::cerr
      << "hearth view: this build has no viewer. The SFML viewer is optional; build it with\n"
         "  scripts/install-deps.sh        (installs libsfml-dev, xvfb, fonts-dejavu-core)\n"
         "  cmake --preset release -DHEARTH_BUILD_VIEWER=ON && cmake --build --preset release\n"
         "(docs/VIEWER.md).\n";
  return kExitInput;
}

#endif

}  // namespace hearth::cli
