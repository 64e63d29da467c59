#pragma once
// Colouring a map layer: one RGBA pixel per cell, uploaded to one texture
// whenever the frame or the layer changes (never one shape per cell).
#include <cstdint>
#include <string>
#include <vector>

#include "colormaps.hpp"
#include "hearth/frame.hpp"

namespace hearth::viz {

struct LayerStyle {
  bool categorical = false;  // tenure: Okabe-Ito categories
  Scale scale = Scale::Viridis;
  double fixed_max = 0;       // > 0: the scale runs 0..fixed_max; else 0..the frame's maximum
  bool from_minimum = false;  // an automatic scale starts at the frame's minimum, not 0
  std::string title;          // legend title
  std::string unit;           // legend unit
};

const LayerStyle& style_of(int layer);
// Tenure categories as the legend names them.
inline constexpr const char* kTenureNames[4] = {"owner-occupied", "private rental", "social rental",
                                                "informal"};
inline constexpr Rgb kNoDataColour{48, 48, 52};

struct ScaleRange {
  double bottom = 0, top = 1;
};
// Fills `rgba` (width x height x 4) and returns the range of the scale used.
ScaleRange colour_layer(const MapFrame& map, int layer, std::vector<std::uint8_t>& rgba);

}  // namespace hearth::viz
