// The viewer's keyboard and mouse: layers, playback, speed, zoom and pan,
// the buttons and the scrubber (docs/VIEWER.md lists the keys).
#include "viewer/view.hpp"

#include <algorithm>
#include <cmath>

namespace hearth::viz {

void Viewer::handle(const sf::Event& event) {
  switch (event.type) {
    case sf::Event::KeyPressed:
      key(event.key);
      break;
    case sf::Event::MouseWheelScrolled:
      if (in_map(event.mouseWheelScroll.x, event.mouseWheelScroll.y)) {
        zoom_at(sf::Vector2f(event.mouseWheelScroll.x, event.mouseWheelScroll.y),
                event.mouseWheelScroll.delta > 0 ? 1 / 1.25f : 1.25f);
      }
      break;
    case sf::Event::MouseButtonPressed:
      if (event.mouseButton.button == sf::Mouse::Left)
        press(event.mouseButton.x, event.mouseButton.y);
      break;
    case sf::Event::MouseButtonReleased:
      dragging_ = false;
      scrubbing_ = false;
      break;
    case sf::Event::MouseMoved:
      move(event.mouseMove.x, event.mouseMove.y);
      break;
    case sf::Event::MouseLeft:
      mouse_ = {-1, -1};
      break;
    default:
      break;
  }
}

void Viewer::key(const sf::Event::KeyEvent& k) {
  using K = sf::Keyboard;
  if (k.code >= K::Num1 && k.code <= K::Num9)
    layer_ = std::min(kMapLayerCount - 1, k.code - K::Num1);
  if (k.code == K::Num0) layer_ = 9;
  switch (k.code) {
    case K::Tab:
      layer_ = (layer_ + (k.shift ? kMapLayerCount - 1 : 1)) % kMapLayerCount;
      break;
    case K::Space:
      source_.set_playing(!source_.playing());
      break;
    case K::Right:
    case K::Period:
      source_.step(1);
      break;
    case K::Left:
    case K::Comma:
      source_.step(-1);
      break;
    case K::LBracket:
      change_speed(-1);
      break;
    case K::RBracket:
      change_speed(1);
      break;
    case K::Home:
      source_.seek(0);
      break;
    case K::End:
      source_.seek(source_.last_tick());
      break;
    case K::F:
      flows_ = !flows_;
      break;
    case K::R:
      fitted_ = false;
      break;
    case K::Equal:
    case K::Add:
      zoom_at(centre_of_map(), 1 / 1.25f);
      break;
    case K::Hyphen:
    case K::Subtract:
      zoom_at(centre_of_map(), 1.25f);
      break;
    case K::W:
    case K::Up:
      centre_.y -= 40 * zoom_;
      break;
    case K::S:
    case K::Down:
      centre_.y += 40 * zoom_;
      break;
    case K::A:
      centre_.x -= 40 * zoom_;
      break;
    case K::D:
      centre_.x += 40 * zoom_;
      break;
    default:
      break;
  }
}

sf::Vector2f Viewer::centre_of_map() const {
  const sf::FloatRect a = map_area();
  return {a.left + a.width / 2, a.top + a.height / 2};
}

void Viewer::change_speed(int direction) {
  constexpr int n = sizeof kSpeeds / sizeof kSpeeds[0];
  int k = 0;
  while (k < n - 1 && kSpeeds[k] != source_.speed()) ++k;
  source_.set_speed(kSpeeds[std::clamp(k + direction, 0, n - 1)]);
}

void Viewer::press(int x, int y) {
  const sf::Vector2f p(static_cast<float>(x), static_cast<float>(y));
  for (int k = 0; k < kMapLayerCount; ++k) {
    if (legend_rows_[k].contains(p)) {
      layer_ = k;
      return;
    }
  }
  if (flows_button_.contains(p))
    flows_ = !flows_;
  else if (play_button_.contains(p))
    source_.set_playing(!source_.playing());
  else if (back_button_.contains(p))
    source_.step(-1);
  else if (step_button_.contains(p))
    source_.step(1);
  else if (slower_button_.contains(p))
    change_speed(-1);
  else if (faster_button_.contains(p))
    change_speed(1);
  else if (scrubber_.contains(p) && !source_.live()) {
    scrubbing_ = true;
    scrub(p.x);
  } else if (in_map(x, y)) {
    dragging_ = true;
    drag_from_ = {x, y};
  }
}

void Viewer::move(int x, int y) {
  mouse_ = {x, y};
  if (dragging_) {
    centre_.x -= (x - drag_from_.x) * zoom_;
    centre_.y -= (y - drag_from_.y) * zoom_;
    drag_from_ = {x, y};
  }
  if (scrubbing_) scrub(static_cast<float>(x));
}

void Viewer::scrub(float x) {
  const double f = std::clamp((x - scrubber_.left) / scrubber_.width, 0.f, 1.f);
  source_.seek(static_cast<std::int32_t>(std::lround(f * source_.last_tick())));
}

}  // namespace hearth::viz
