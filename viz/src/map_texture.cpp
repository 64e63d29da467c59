#include "map_texture.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace hearth::viz {
namespace {

std::array<LayerStyle, kMapLayerCount> make_styles() {
  std::array<LayerStyle, kMapLayerCount> s{};
  auto set = [&](MapLayer layer, bool categorical, Scale scale, double fixed_max, const char* title,
                 const char* unit) {
    s[static_cast<int>(layer)] = {categorical, scale, fixed_max, false, title, unit};
  };
  set(MapLayer::tenure, true, Scale::Viridis, 0, "Tenure (dominant in the cell)", "");
  set(MapLayer::rent, false, Scale::Viridis, 0, "Mean rent, private rentals", "currency / month");
  set(MapLayer::price, false, Scale::Viridis, 0, "Mean value, owner-occupied", "currency");
  set(MapLayer::cost_burden, false, Scale::Viridis, 1, "Cost-burdened households",
      "share paying > 30% of income");
  set(MapLayer::damage, false, Scale::Cividis, 4, "Damage state (mean)", "0 none .. 4 complete");
  set(MapLayer::displaced, false, Scale::Viridis, 0, "Displaced from the cell",
      "households away from home");
  set(MapLayer::flood_depth_100yr, false, Scale::Cividis, 0, "100-year flood depth", "m");
  set(MapLayer::last_event, false, Scale::Cividis, 0, "Latest event's intensity",
      "flood depth m / PGA g");
  set(MapLayer::informal, false, Scale::Viridis, 1, "Informal dwellings", "share of dwellings");
  set(MapLayer::services, false, Scale::Cividis, 1, "Basic services",
      "share served (water, sanitation, power)");
  set(MapLayer::households, false, Scale::Viridis, 0, "Households", "housed households per cell");
  set(MapLayer::dwellings, false, Scale::Viridis, 0, "Dwellings", "dwellings per cell");
  // An earthquake's ground motion varies over a narrow band: show that band.
  s[static_cast<int>(MapLayer::last_event)].from_minimum = true;
  return s;
}

const std::array<LayerStyle, kMapLayerCount> kStyles = make_styles();

}  // namespace

const LayerStyle& style_of(int layer) {
  return kStyles[static_cast<std::size_t>(layer)];
}

ScaleRange colour_layer(const MapFrame& map, int layer, std::vector<std::uint8_t>& rgba) {
  const auto& q = map.layers[static_cast<std::size_t>(layer)];
  const LayerStyle& style = style_of(layer);
  const double step = kMapLayerSteps[static_cast<std::size_t>(layer)];
  rgba.resize(q.size() * 4);
  double top = style.fixed_max, bottom = 0;
  if (!(top > 0)) {
    std::uint16_t highest = 0, lowest = kMapNoData;
    for (std::uint16_t v : q) {
      if (v != kMapNoData) highest = std::max(highest, v), lowest = std::min(lowest, v);
    }
    top = std::max(highest * step, step);
    if (style.from_minimum && lowest != kMapNoData && lowest < highest) bottom = lowest * step;
  }
  // One colour per quantised value would be a 64k table; 256 levels are plenty.
  std::array<Rgb, 256> ramp{};
  for (int k = 0; k < 256; ++k) ramp[k] = colour_of(style.scale, k / 255.0);
  const double to_level = step / (top - bottom) * 255.0, offset = bottom / (top - bottom) * 255.0;
  for (std::size_t c = 0; c < q.size(); ++c) {
    Rgb colour = kNoDataColour;
    if (q[c] != kMapNoData) {
      if (style.categorical) {
        colour = kOkabeIto[std::min<std::size_t>(q[c], 6)];
      } else {
        colour = ramp[static_cast<std::size_t>(std::clamp(q[c] * to_level - offset, 0.0, 255.0))];
      }
    }
    rgba[4 * c] = colour.r;
    rgba[4 * c + 1] = colour.g;
    rgba[4 * c + 2] = colour.b;
    rgba[4 * c + 3] = 255;
  }
  return {bottom, top};
}

}  // namespace hearth::viz
