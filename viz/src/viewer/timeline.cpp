// The indicator plots of the side panel and the timeline under the map:
// playback buttons, speed, date and the scrubber over the whole run.
#include "viewer/view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace hearth::viz {

namespace {

// The plots of the side panel, top down.
struct PlotSpec {
  CityIndicator which;
  const char* label;
  bool share;
};
constexpr PlotSpec kPlots[] = {{CityIndicator::displaced_total, "Displaced households", false},
                               {CityIndicator::homeless, "Homeless households", false},
                               {CityIndicator::cost_burdened_share, "Cost-burdened share", true},
                               {CityIndicator::median_rent_per_month, "Median rent / month", false},
                               {CityIndicator::returns, "Returns home this month", false}};

}  // namespace

void Viewer::draw_plots(sf::RenderTarget& target, float x, float y) {
  const float width = kPanelWidth - 30, height = 34;
  const std::int32_t last = std::max(1, source_.last_tick());
  for (const PlotSpec& plot : kPlots) {
    const int k = static_cast<int>(plot.which);
    double top = 0, now = std::nan("");
    for (const HistoryPoint& p : history_) {
      if (!std::isnan(p.city[k])) top = std::max(top, p.city[k]);
      if (frame_ && p.tick == frame_->tick) now = p.city[k];
    }
    if (frame_ && std::isnan(now)) now = frame_->city[k];
    text(target, std::string(plot.label) + ":  " + (plot.share ? percent(now) : format(now)), x, y,
         12);
    const float top_y = y + 16;
    rect(target, {x, top_y, width, height}, sf::Color(26, 26, 30), sf::Color(70, 70, 78));
    text(target, plot.share ? percent(top) : format(top), x + width - 60, top_y, 10, kDim);
    sf::VertexArray line(sf::LineStrip);
    const double scale = top > 0 ? top : 1;
    for (const HistoryPoint& p : history_) {
      if (std::isnan(p.city[k])) continue;
      line.append(sf::Vertex({x + width * static_cast<float>(p.tick) / last,
                              top_y + height - static_cast<float>(height * p.city[k] / scale)},
                             sf::Color(86, 180, 233)));
    }
    target.draw(line);
    if (frame_) {
      const float cx = x + width * static_cast<float>(frame_->tick) / last;
      rect(target, {cx - 1, top_y, 2, height}, kAccent);
    }
    y += 54;
  }
}

void Viewer::draw_timeline(sf::RenderTarget& target, double fps) {
  const float y0 = size_.y - kTimelineHeight;
  const float width = size_.x - kPanelWidth;
  rect(target, {0, y0, width, kTimelineHeight}, kPanel);
  float x = 10;
  auto button = [&](sf::FloatRect& r, const std::string& label, float w) {
    r = {x, y0 + 8, w, 22};
    rect(target, r, sf::Color(52, 52, 60), sf::Color(90, 90, 100));
    text(target, label, x + 6, y0 + 10, 13);
    x += w + 6;
  };
  button(back_button_, "|<", 30);
  button(play_button_, source_.playing() ? "pause" : "play", 56);
  button(step_button_, ">|", 30);
  button(slower_button_, "slower", 56);
  button(faster_button_, "faster", 56);
  const double speed = source_.speed();
  text(target, speed > 0 ? format(speed, speed < 1 ? 1 : 0) + " ticks/s" : "max speed", x, y0 + 10,
       13, kDim);
  x += 96;
  if (frame_) text(target, frame_->date, x, y0 + 9, 15);
  if (fps > 0) text(target, format(fps) + " fps", width - 70, y0 + 10, 12, kDim);
  // The scrubber: the whole run; recorded frames as ticks; click or drag (replay).
  scrubber_ = {10, y0 + 38, width - 20, 12};
  rect(target, scrubber_, sf::Color(26, 26, 30), sf::Color(90, 90, 100));
  const std::int32_t last = std::max(1, source_.last_tick());
  if (!history_.empty()) {
    const float done = static_cast<float>(history_.back().tick) / last;
    rect(target, {scrubber_.left, scrubber_.top, scrubber_.width * done, scrubber_.height},
         sf::Color(60, 60, 70));
  }
  if (frame_) {
    const float cx = scrubber_.left + scrubber_.width * static_cast<float>(frame_->tick) / last;
    rect(target, {cx - 2, scrubber_.top - 3, 4, scrubber_.height + 6}, kAccent);
  }
}

}  // namespace hearth::viz
