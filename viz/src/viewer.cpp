// `hearth view` (docs/VIEWER.md): reads and checks the input (a scenario or
// a recorded run) before anything needs a display, then shows it in the
// viewer (viewer/view.hpp) in a window or renders one screenshot.
#include "viewer.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "frame_source.hpp"
#include "hearth/errors.hpp"
#include "io/frames_file.hpp"
#include "io/scenario_loader.hpp"
#include "viewer/stepped_source.hpp"
#include "viewer/view.hpp"
#include "viewer/window.hpp"

namespace hearth::viz {
namespace {

namespace fs = std::filesystem;

// Debian's fonts-dejavu-core, or HEARTH_FONT.
sf::Font load_font() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("HEARTH_FONT"); env && *env) candidates.emplace_back(env);
  for (const char* path :
       {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf"}) {
    candidates.emplace_back(path);
  }
  sf::Font font;
  for (const std::string& path : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && font.loadFromFile(path)) return font;
  }
  throw InputError("font",
                   {{"",
                     "no DejaVu Sans font found: install fonts-dejavu-core "
                     "(scripts/install-deps.sh does) or set HEARTH_FONT=/path/to/font.ttf"}});
}

int layer_by_name(const std::string& name) {
  if (name.empty()) return static_cast<int>(MapLayer::tenure);
  std::string names;
  for (int k = 0; k < kMapLayerCount; ++k) {
    if (kMapLayerNames[k] == name) return k;
    names += (k ? ", " : "") + std::string(kMapLayerNames[k]);
  }
  throw InputError("--layer", {{"", "unknown layer '" + name + "'; layers: " + names}});
}

void require_display() {
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    throw InputError("DISPLAY", {{"",
                                  "no X display: the viewer (and its screenshots, which need an "
                                  "OpenGL context) must run under X; headless, use "
                                  "`xvfb-run -a hearth view ...`"}});
  }
}

std::string run_title(const fs::path& dir) {
  try {
    std::ifstream in(dir / "manifest.json");
    const auto manifest = nlohmann::json::parse(in);
    return "Hearth: " + manifest.value("scenario_name", std::string("run")) + " (replay)";
  } catch (const std::exception&) {
    return "Hearth: " + dir.filename().string() + " (replay)";
  }
}

// A pinned cell off the grid would show nothing and say nothing.
void check_hover_cell(const ViewerOptions& options, const MapGrid& grid) {
  if (!options.hover_cell) return;
  const auto [x, y] = *options.hover_cell;
  if (x >= 0 && x < grid.width && y >= 0 && y < grid.height) return;
  throw InputError(
      "--hover-cell",
      {{"", "cell " + std::to_string(x) + " " + std::to_string(y) + " is outside the grid of " +
                std::to_string(grid.width) + " x " + std::to_string(grid.height) + " cells (X 0.." +
                std::to_string(grid.width - 1) + ", Y 0.." + std::to_string(grid.height - 1) +
                ")"}});
}

}  // namespace

int run_viewer(const ViewerOptions& options) {
  const int layer = layer_by_name(options.layer);
  std::error_code ec;
  const fs::path path(options.path);
  if (!fs::exists(path, ec))
    throw InputError(options.path, {{"", "no such scenario file or run directory"}});
  // The input is read and checked before anything needs a display, so that a
  // bad frames.bin or scenario is refused for what it is, also headless.
  std::unique_ptr<FrameSource> source;
  std::string title;

  if (fs::is_directory(path, ec)) {
    const fs::path frames = path / io::kFramesFileName;
    if (!fs::exists(frames, ec)) {
      throw InputError(options.path, {{"",
                                       "no frames.bin here: record the run with `hearth run "
                                       "SCENARIO --record-frames K` to replay it"}});
    }
    auto replay = std::make_unique<ReplaySource>(frames.string(), 0);
    title = run_title(path);
    const io::FramesReader& reader = replay->reader();
    if (options.at_tick) {
      const std::int32_t t = *options.at_tick;
      if (t < reader.tick(0) || t > reader.tick(reader.size() - 1)) {
        throw InputError("--at-tick",
                         {{"", "tick " + std::to_string(t) + " is outside the recorded " +
                                   std::to_string(reader.tick(0)) + ".." +
                                   std::to_string(reader.tick(reader.size() - 1))}});
      }
      const std::int32_t shown = reader.tick(reader.index_at_or_before(t));
      if (shown != t) {
        std::cerr << "hearth view: no frame recorded at tick " << t << " (every "
                  << reader.every_ticks() << " ticks); showing tick " << shown << "\n";
      }
      replay->seek(t);
    } else if (!options.screenshot.empty()) {
      replay->seek(replay->last_tick());
    }
    check_hover_cell(options, *reader.grid());
    source = std::move(replay);
    require_display();
  } else {
    const io::LoadedScenario loaded = io::load_scenario_file(options.path);
    title = "Hearth: " + loaded.def.name;
    const std::int32_t t = options.at_tick.value_or(loaded.def.ticks);
    if (!options.screenshot.empty() && (t < 0 || t > loaded.def.ticks)) {
      throw InputError("--at-tick", {{"", "must be between 0 and the scenario's " +
                                              std::to_string(loaded.def.ticks) + " ticks"}});
    }
    // The generated city's grid is the scenario's (synthetic and tract cities alike).
    MapGrid grid;
    grid.width = loaded.def.city.grid.width_cells;
    grid.height = loaded.def.city.grid.height_cells;
    check_hover_cell(options, grid);
    require_display();  // before the city is built
    if (!options.screenshot.empty()) {
      source = std::make_unique<SteppedSource>(loaded.def, t, options.threads);
    } else {
      auto live = std::make_unique<LiveSource>(loaded.def, options.threads);
      live->set_playing(true);
      source = std::move(live);
    }
  }

  const sf::Font font = load_font();
  const sf::Vector2f size(static_cast<float>(options.width), static_cast<float>(options.height));
  Viewer viewer(*source, font, size, title, layer);
  if (options.hover_cell) viewer.pin_cell(options.hover_cell->first, options.hover_cell->second);
  if (!options.screenshot.empty()) {
    save_screenshot(viewer, options);
    const Frame* frame = viewer.frame();
    std::cout << "hearth view: wrote " << options.screenshot << " (" << kMapLayerNames[layer]
              << ", tick " << (frame ? frame->tick : 0) << ", " << (frame ? frame->date : "")
              << ")\n";
    return 0;
  }
  return interactive(viewer, *source, options, title);
}

}  // namespace hearth::viz
