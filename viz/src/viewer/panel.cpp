// The side panel: title and date, the layer list, the legend of the
// layer shown, the hover read-out and the plots below.
#include "viewer/view.hpp"

#include <algorithm>
#include <string>

#include "colormaps.hpp"

namespace hearth::viz {

void Viewer::draw_panel(sf::RenderTarget& target) {
  const float x0 = size_.x - kPanelWidth;
  rect(target, {x0, 0, kPanelWidth, size_.y}, kPanel);
  float y = 8;
  const float x = x0 + 12;
  text(target, title_, x, y, 16);
  y += 22;
  if (frame_) {
    text(target,
         frame_->date + "   (tick " + std::to_string(frame_->tick) + " of " +
             std::to_string(source_.last_tick()) + ")   " + source_.kind(),
         x, y, 13, kDim);
  }
  y += 22;
  // The layers: click one, or press its key.
  text(target, "Layers (keys 1-9, 0; Tab)", x, y, 12, kDim);
  y += 17;
  const float column = (kPanelWidth - 24) / 2;
  for (int k = 0; k < kMapLayerCount; ++k) {
    const float rx = x + (k % 2) * column, ry = y + static_cast<float>(k / 2) * 18;
    legend_rows_[k] = {rx - 3, ry - 1, column - 4, 17};
    if (k == layer_) rect(target, legend_rows_[k], sf::Color(70, 62, 40), kAccent);
    const std::string key = k < 9 ? std::to_string(k + 1) : k == 9 ? "0" : " ";
    text(target, key + "  " + std::string(kMapLayerNames[k]), rx, ry, 12,
         k == layer_ ? kText : kDim);
  }
  y += 18 * ((kMapLayerCount + 1) / 2) + 6;
  y = draw_legend(target, x, y);
  y = draw_hover(target, x, y + 4);
  draw_plots(target, x, std::max(y + 6, size_.y - kTimelineHeight - 5 * 54.f - 4));
}

float Viewer::draw_legend(sf::RenderTarget& target, float x, float y) {
  const LayerStyle& style = style_of(layer_);
  std::string unit = style.unit;
  if (layer_ == static_cast<int>(MapLayer::last_event) && frame_) {
    const std::string& type = frame_->map->last_event_type;
    unit = type == "flood"        ? "flood depth, m"
           : type == "earthquake" ? "peak ground acceleration, g"
                                  : "no event yet";
  }
  text(target, style.title + (unit.empty() ? "" : "  (" + unit + ")"), x, y, 13);
  y += 19;
  if (style.categorical) {
    for (int k = 0; k < 4; ++k) {
      const float rx = x + (k % 2) * 180.f, ry = y + static_cast<float>(k / 2) * 18;
      const Rgb c = kOkabeIto[k];
      rect(target, {rx, ry + 2, 14, 12}, sf::Color(c.r, c.g, c.b));
      text(target, kTenureNames[k], rx + 20, ry, 12);
    }
    y += 36;
  } else {
    const float width = kPanelWidth - 40;
    sf::VertexArray bar(sf::TriangleStrip);
    for (int k = 0; k <= 32; ++k) {
      const Rgb c = colour_of(style.scale, k / 32.0);
      const float bx = x + width * static_cast<float>(k) / 32;
      bar.append(sf::Vertex({bx, y}, sf::Color(c.r, c.g, c.b)));
      bar.append(sf::Vertex({bx, y + 12}, sf::Color(c.r, c.g, c.b)));
    }
    target.draw(bar);
    const int decimals = scale_.top < 10 ? 2 : 0;
    text(target, format(scale_.bottom, decimals) + (scale_.bottom > 0 ? " (min)" : ""), x, y + 13,
         11, kDim);
    text(target, format((scale_.bottom + scale_.top) / 2, decimals), x + width / 2 - 12, y + 13, 11,
         kDim);
    text(target, format(scale_.top, decimals) + (style.fixed_max > 0 ? "" : " (max)"),
         x + width - 40, y + 13, 11, kDim);
    y += 30;
  }
  rect(target, {x, y + 2, 14, 12}, sf::Color(kNoDataColour.r, kNoDataColour.g, kNoDataColour.b),
       kDim);
  text(target, "no data", x + 20, y, 12, kDim);
  flows_button_ = {x + 120, y - 1, 240, 17};
  text(target, std::string("[F] flows ") + (flows_ ? "on" : "off") + " (disaster layers)", x + 120,
       y, 12, flows_ ? kAccent : kDim);
  return y + 20;
}

}  // namespace hearth::viz
