// What is drawn on the map: the layer's texture, the displacement flows
// and the outline of the hovered cell.
#include "viewer/view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hearth::viz {

void Viewer::draw_map(sf::RenderTarget& target) {
  sf::Sprite sprite(texture_);
  sf::Transform t;
  const sf::Vector2f origin = to_screen(0, 0);
  t.translate(origin);
  t.scale(1 / zoom_, 1 / zoom_);
  target.draw(sprite, t);
}

// Arrows from origin to current neighbourhood, width and opacity by
// households: the 40 largest flows between different neighbourhoods, and
// none under 5% of the largest, so that a million households stay readable.
void Viewer::draw_flows(sf::RenderTarget& target) {
  const MapFrame& map = *frame_->map;
  const MapGrid& g = *map.grid;
  std::vector<MapFlow> flows;
  for (const MapFlow& f : map.flows) {
    if (f.from != f.to) flows.push_back(f);
  }
  std::sort(flows.begin(), flows.end(), [](const MapFlow& a, const MapFlow& b) {
    return a.households != b.households ? a.households > b.households
                                        : (a.from != b.from ? a.from < b.from : a.to < b.to);
  });
  if (flows.size() > 40) flows.resize(40);
  if (flows.empty()) return;
  const double most = flows.front().households;
  // Each arrow over a dark outline, so that it reads on light and dark cells.
  sf::VertexArray triangles(sf::Triangles);
  for (auto it = flows.rbegin(); it != flows.rend(); ++it) {  // the largest on top
    const MapFlow& f = *it;
    if (f.households < 0.05 * most) continue;
    const double weight = std::sqrt(f.households / most);
    const auto alpha = static_cast<sf::Uint8>(70 + 160 * weight);
    const sf::Color body(230, 159, 0, alpha), head(213, 94, 0, alpha);
    const sf::Vector2f a = to_screen(g.centroid_x[f.from], g.centroid_y[f.from]);
    const sf::Vector2f b = to_screen(g.centroid_x[f.to], g.centroid_y[f.to]);
    const sf::Vector2f d = b - a;
    const float length = std::sqrt(d.x * d.x + d.y * d.y);
    if (length < 4) continue;
    const sf::Vector2f u = d / length, n(-u.y, u.x);
    const float w = static_cast<float>(1.0 + 9.0 * weight) / 2;
    const float arrow = std::min(length * 0.4f, 6 + 2.5f * w);
    const sf::Vector2f tip = b, base = b - u * arrow;
    const float hw = w + 4;
    const sf::Color shade(20, 20, 24, static_cast<sf::Uint8>(alpha * 0.8));
    for (const float outline : {1.5f, 0.f}) {
      const float bw = w + outline, tw = hw + outline;
      const sf::Vector2f t = tip + u * outline, s = base - u * outline;
      for (const sf::Vector2f& p :
           {a + n * bw, a - n * bw, s + n * bw, a - n * bw, s - n * bw, s + n * bw}) {
        triangles.append(sf::Vertex(p, outline > 0 ? shade : body));
      }
      for (const sf::Vector2f& p : {t, s + n * tw, s - n * tw}) {
        triangles.append(sf::Vertex(p, outline > 0 ? shade : head));
      }
    }
  }
  target.draw(triangles);
}

void Viewer::draw_hover_outline(sf::RenderTarget& target) {
  const long cell = hovered_cell();
  if (cell < 0) return;
  const MapGrid& g = *frame_->map->grid;
  const sf::Vector2f a =
      to_screen(static_cast<float>(cell % g.width), static_cast<float>(cell / g.width));
  const float side = std::max(3.f, 1 / zoom_);
  sf::RectangleShape box({side, side});
  box.setPosition(a);
  box.setFillColor(sf::Color::Transparent);
  box.setOutlineColor(sf::Color::White);
  box.setOutlineThickness(1.5f);
  target.draw(box);
}

}  // namespace hearth::viz
