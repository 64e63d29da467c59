#pragma once
// The SFML viewer (docs/VIEWER.md): `hearth view SCENARIO.json` runs the
// simulation in a worker thread and shows it live; `hearth view RUN_DIR`
// replays the frames recorded with `hearth run --record-frames K`. It reads
// Frames only, never the World.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace hearth::viz {

struct ViewerOptions {
  std::string path;        // scenario JSON or run directory
  std::string screenshot;  // when set: render offscreen to this PNG and exit
  std::optional<std::int32_t> at_tick;
  std::string layer;  // first layer shown (default tenure)
  int threads = 0;
  std::optional<std::pair<std::int32_t, std::int32_t>> hover_cell;  // show this cell's figures
  std::int32_t benchmark_frames = 0;
  std::int32_t width = 1280;
  std::int32_t height = 800;
};

// Returns the process exit code; throws InputError / OutputError like the
// other commands.
int run_viewer(const ViewerOptions& options);

}  // namespace hearth::viz
