// The viewer's state: the frame shown and its texture, the neighbourhood
// totals for the read-out, the view onto the map (zoom, centre) and the
// whole picture drawn in order.
#include "viewer/view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "hearth/errors.hpp"

namespace hearth::viz {

void Viewer::resize(sf::Vector2f size) {
  size_ = size;
  fitted_ = false;
}

// Pulls the newest frame and history; rebuilds the texture when needed.
void Viewer::update(double seconds) {
  source_.advance(seconds);
  std::shared_ptr<const Frame> frame = source_.current();
  if (frame && frame != frame_ && frame->map) {
    frame_ = frame;
    on_new_frame();
  }
  source_.history(history_);
  if (frame_ && texture_layer_ != layer_) rebuild_texture();
  if (frame_ && !fitted_) fit();
}

void Viewer::draw(sf::RenderTarget& target, double fps) {
  target.clear(kBackground);
  if (frame_) {
    draw_map(target);
    if (flows_ && shows_flows()) draw_flows(target);
    draw_hover_outline(target);
  } else {
    text(target, source_.failure().empty() ? "building the city..." : "simulation failed", 20, 20,
         18);
  }
  draw_panel(target);
  draw_timeline(target, fps);
}

sf::FloatRect Viewer::map_area() const {
  return {0, 0, size_.x - kPanelWidth, size_.y - kTimelineHeight};
}

bool Viewer::in_map(int x, int y) const {
  return map_area().contains(static_cast<float>(x), static_cast<float>(y));
}

sf::Vector2f Viewer::to_screen(float cx, float cy) const {
  const sf::FloatRect a = map_area();
  return {a.left + a.width / 2 + (cx - centre_.x) / zoom_,
          a.top + a.height / 2 + (cy - centre_.y) / zoom_};
}

sf::Vector2f Viewer::to_cells(sf::Vector2f p) const {
  const sf::FloatRect a = map_area();
  return {centre_.x + (p.x - a.left - a.width / 2) * zoom_,
          centre_.y + (p.y - a.top - a.height / 2) * zoom_};
}

void Viewer::fit() {
  const MapGrid& g = *frame_->map->grid;
  const sf::FloatRect a = map_area();
  zoom_ = std::max(g.width / (a.width - 20), g.height / (a.height - 20));
  centre_ = {g.width / 2.f, g.height / 2.f};
  fitted_ = true;
}

void Viewer::zoom_at(sf::Vector2f screen, float factor) {
  const sf::Vector2f before = to_cells(screen);
  zoom_ = std::clamp(zoom_ * factor, 0.005f, 50.f);
  const sf::Vector2f after = to_cells(screen);
  centre_ += before - after;
}

// The cell under the mouse, or -1.
long Viewer::hovered_cell() const {
  if (!frame_) return -1;
  const MapGrid& g = *frame_->map->grid;
  if (pinned_.x >= 0 && pinned_.x < g.width && pinned_.y >= 0 && pinned_.y < g.height) {
    return static_cast<long>(pinned_.y) * g.width + pinned_.x;
  }
  if (!in_map(mouse_.x, mouse_.y)) return -1;
  const sf::Vector2f c = to_cells(sf::Vector2f(mouse_));
  if (c.x < 0 || c.y < 0 || c.x >= g.width || c.y >= g.height) return -1;
  return static_cast<long>(c.y) * g.width + static_cast<long>(c.x);
}

void Viewer::on_new_frame() {
  const MapFrame& map = *frame_->map;
  const MapGrid& g = *map.grid;
  const auto n = static_cast<std::size_t>(g.neighbourhood_count);
  nb_households_.assign(n, 0);
  nb_displaced_.assign(n, 0);
  nb_out_.assign(n, 0);
  nb_in_.assign(n, 0);
  const auto& households = map.layers[static_cast<int>(MapLayer::households)];
  const auto& displaced = map.layers[static_cast<int>(MapLayer::displaced)];
  for (std::size_t c = 0; c < g.neighbourhood.size(); ++c) {
    if (households[c] != kMapNoData) nb_households_[g.neighbourhood[c]] += households[c];
    if (displaced[c] != kMapNoData) nb_displaced_[g.neighbourhood[c]] += displaced[c];
  }
  for (const MapFlow& f : map.flows) {
    if (f.from == f.to) continue;
    nb_out_[f.from] += f.households;
    nb_in_[f.to] += f.households;
  }
  texture_layer_ = -1;
}

void Viewer::rebuild_texture() {
  const MapGrid& g = *frame_->map->grid;
  if (texture_.getSize() !=
      sf::Vector2u(static_cast<unsigned>(g.width), static_cast<unsigned>(g.height))) {
    if (!texture_.create(static_cast<unsigned>(g.width), static_cast<unsigned>(g.height))) {
      throw OutputError("cannot create a " + std::to_string(g.width) + " x " +
                        std::to_string(g.height) + " texture (OpenGL limit?)");
    }
  }
  scale_ = colour_layer(*frame_->map, layer_, rgba_);
  texture_.update(rgba_.data());
  texture_layer_ = layer_;
}

bool Viewer::shows_flows() const {
  return layer_ == static_cast<int>(MapLayer::displaced) ||
         layer_ == static_cast<int>(MapLayer::damage) ||
         layer_ == static_cast<int>(MapLayer::last_event) ||
         layer_ == static_cast<int>(MapLayer::flood_depth_100yr);
}

void Viewer::text(sf::RenderTarget& target, const std::string& s, float x, float y, unsigned size,
                  sf::Color colour) const {
  sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), font_, size);
  t.setFillColor(colour);
  t.setPosition(std::round(x), std::round(y));
  target.draw(t);
}

void Viewer::rect(sf::RenderTarget& target, sf::FloatRect r, sf::Color fill, sf::Color outline) {
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(fill);
  if (outline != sf::Color::Transparent) {
    shape.setOutlineColor(outline);
    shape.setOutlineThickness(1);
  }
  target.draw(shape);
}

}  // namespace hearth::viz
