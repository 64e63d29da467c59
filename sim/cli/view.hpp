#pragma once
// `hearth view (SCENARIO | RUN_DIR)` (docs/VIEWER.md): the SFML viewer, live
// or replaying a recorded run, or one offscreen screenshot. The viewer is
// optional at build time; without it the command says how to enable it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace hearth::cli {

struct ViewCommand {
  CLI::App* command = nullptr;
  std::string path;        // scenario JSON or run directory
  std::string screenshot;  // PNG to write, then exit
  std::optional<std::int32_t> at_tick;
  std::string layer;  // map layer to show first
  int threads = 0;
  std::vector<std::int32_t> hover_cell;  // X Y: show this cell's figures as if hovered
  std::int32_t benchmark_frames = 0;     // draw this many frames unthrottled, print fps, exit
  std::int32_t width = 1280;
  std::int32_t height = 800;
};

std::unique_ptr<ViewCommand> add_view_command(CLI::App& app);
int view_command(const ViewCommand& view);

}  // namespace hearth::cli
