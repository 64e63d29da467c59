// The viewer's screenshot target and window (window.hpp).
#include "viewer/window.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "hearth/errors.hpp"

namespace hearth::viz {
namespace {

// Where the window goes: the size asked for, shrunk to leave a margin of the
// desktop on every side, and centred. Without a window manager an X server
// neither shrinks nor moves a window, so one bigger than the screen would
// open partly off it (and SFML does not clamp it).
struct WindowPlacement {
  unsigned width = 0, height = 0;
  int left = 0, top = 0;
};

WindowPlacement place_window(unsigned width, unsigned height, const sf::VideoMode& desktop) {
  constexpr unsigned kDesktopMargin = 32;  // pixels left free on each side
  auto fit = [](unsigned wanted, unsigned available) {
    if (available == 0) return wanted;  // no desktop mode known: as asked
    const unsigned room =
        available > 4 * kDesktopMargin ? available - 2 * kDesktopMargin : available;
    return std::max(1u, std::min(wanted, room));
  };
  WindowPlacement p;
  p.width = fit(width, desktop.width);
  p.height = fit(height, desktop.height);
  p.left = static_cast<int>(desktop.width - std::min(p.width, desktop.width)) / 2;
  p.top = static_cast<int>(desktop.height - std::min(p.height, desktop.height)) / 2;
  return p;
}

}  // namespace

void save_screenshot(Viewer& viewer, const ViewerOptions& options) {
  sf::RenderTexture target;
  if (!target.create(static_cast<unsigned>(options.width), static_cast<unsigned>(options.height))) {
    throw OutputError("cannot create an offscreen OpenGL target for " + options.screenshot);
  }
  viewer.update(0);
  viewer.draw(target);
  target.display();
  const sf::Image image = target.getTexture().copyToImage();
  if (!image.saveToFile(options.screenshot))
    throw OutputError("cannot write " + options.screenshot);
}

int interactive(Viewer& viewer, FrameSource& source, const ViewerOptions& options,
                const std::string& title) {
  const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
  const WindowPlacement place = place_window(static_cast<unsigned>(options.width),
                                             static_cast<unsigned>(options.height), desktop);
  if (place.width != static_cast<unsigned>(options.width) ||
      place.height != static_cast<unsigned>(options.height)) {
    std::cerr << "hearth view: window " << place.width << " x " << place.height << " to fit the "
              << desktop.width << " x " << desktop.height << " desktop (asked for " << options.width
              << " x " << options.height << ")\n";
  }
  sf::RenderWindow window(sf::VideoMode(place.width, place.height), title);
  window.setPosition({place.left, place.top});
  viewer.resize(sf::Vector2f(static_cast<float>(place.width), static_cast<float>(place.height)));
  // As the X server has them (the benchmark line reports them).
  sf::Vector2u window_size = window.getSize();
  const sf::Vector2i window_position = window.getPosition();
  const bool benchmark = options.benchmark_frames > 0;
  window.setFramerateLimit(benchmark ? 0 : 60);
  if (benchmark) {
    source.set_speed(0);
    source.set_playing(true);
  }
  sf::Clock clock;
  // Frames are counted from the first Frame on screen (a live city is built first).
  auto started = std::chrono::steady_clock::now();
  double fps = 0, fps_window = 0;
  int frames_in_window = 0;
  std::int64_t frames = 0;
  std::int32_t first_tick = -1;
  while (window.isOpen()) {
    sf::Event event;
    while (window.pollEvent(event)) {
      if (event.type == sf::Event::Closed ||
          (event.type == sf::Event::KeyPressed &&
           (event.key.code == sf::Keyboard::Escape || event.key.code == sf::Keyboard::Q))) {
        window.close();
      } else if (event.type == sf::Event::Resized) {
        const sf::Vector2f size(static_cast<float>(event.size.width),
                                static_cast<float>(event.size.height));
        window.setView(sf::View(sf::FloatRect(0, 0, size.x, size.y)));
        viewer.resize(size);
        window_size = {event.size.width, event.size.height};
      } else {
        viewer.handle(event);
      }
    }
    if (!window.isOpen()) break;
    const double dt = clock.restart().asSeconds();
    fps_window += dt;
    if (++frames_in_window == 30) {
      fps = frames_in_window / fps_window;
      frames_in_window = 0;
      fps_window = 0;
    }
    viewer.update(dt);
    viewer.draw(window, fps);
    window.display();
    if (first_tick < 0 && viewer.frame()) {
      first_tick = viewer.frame()->tick;
      started = std::chrono::steady_clock::now();
      frames = 0;
    }
    if (first_tick >= 0) ++frames;
    if (!source.failure().empty()) {
      window.close();
      throw InvariantViolation("the simulation stopped: " + source.failure());
    }
    if (benchmark && frames >= options.benchmark_frames) window.close();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const Frame* frame = viewer.frame();
  const std::string grid = frame ? std::to_string(frame->map->grid->width) + " x " +
                                       std::to_string(frame->map->grid->height) + " cells"
                                 : "no frame";
  std::printf(
      "hearth view: %lld frames in %.2f s: %.1f frames/s%s (window %u x %u at %d,%d on a %u x "
      "%u desktop, %s, %.0f households in the city, ticks %d to %d meanwhile)\n",
      static_cast<long long>(frames), seconds, seconds > 0 ? frames / seconds : 0.0,
      benchmark ? "" : " (capped at 60)", window_size.x, window_size.y, window_position.x,
      window_position.y, desktop.width, desktop.height, grid.c_str(),
      frame ? (*frame)[CityIndicator::households_in_city] : 0.0, std::max(0, first_tick),
      frame ? frame->tick : 0);
  std::fflush(stdout);
  return 0;
}

}  // namespace hearth::viz
