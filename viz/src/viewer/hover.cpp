// The hover read-out: the figures of the cell under the mouse (or the
// pinned cell) and of its neighbourhood.
#include "viewer/view.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "colormaps.hpp"

namespace hearth::viz {

float Viewer::draw_hover(sf::RenderTarget& target, float x, float y) {
  const long cell = hovered_cell();
  if (cell < 0 || !frame_) {
    text(target, "Hover over the map for a cell's figures", x, y, 12, kDim);
    return y + 18;
  }
  const MapFrame& m = *frame_->map;
  const MapGrid& g = *m.grid;
  const auto c = static_cast<std::size_t>(cell);
  const std::uint16_t nb = g.neighbourhood[c];
  auto v = [&](MapLayer l) { return m.value(l, c); };
  const double tenure = v(MapLayer::tenure);
  std::vector<std::string> lines = {
      "Cell " + std::to_string(cell % g.width) + ", " + std::to_string(cell / g.width) +
          "   neighbourhood " + std::to_string(nb),
      "  households " + format(v(MapLayer::households)) + " in " + format(v(MapLayer::dwellings)) +
          " dwellings, mostly " +
          (std::isnan(tenure) ? std::string("n/a") : kTenureNames[static_cast<int>(tenure)]),
      "  rent " + format(v(MapLayer::rent)) + "/month   price " + format(v(MapLayer::price)) +
          "   cost-burdened " + percent(v(MapLayer::cost_burden)),
      "  damage state " + format(v(MapLayer::damage), 2) + "   displaced from here " +
          format(v(MapLayer::displaced)),
      "  100-yr flood " + format(v(MapLayer::flood_depth_100yr), 2) + " m   latest event " +
          (m.last_event_type.empty()
               ? std::string("none")
               : format(v(MapLayer::last_event), 2) + (m.last_event_type == "flood" ? " m" : " g")),
      "  informal " + percent(v(MapLayer::informal)) + "   services " +
          percent(v(MapLayer::services)),
      "Neighbourhood " + std::to_string(nb) + ": " + format(nb_households_[nb]) + " households, " +
          format(nb_displaced_[nb]) + " displaced from it",
      "  moved out to other neighbourhoods " + format(nb_out_[nb]) + ", moved in " +
          format(nb_in_[nb])};
  for (const std::string& line : lines) {
    text(target, line, x, y, 12);
    y += 16;
  }
  return y;
}

}  // namespace hearth::viz
