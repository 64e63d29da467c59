// The viewer's window: the map (one texture per layer and frame), the
// displacement flows, the legend, the hover read-out, the indicator plots
// and the timeline (docs/VIEWER.md). The same drawing code renders the
// window and the offscreen screenshots.
#include "viewer.hpp"

#include <SFML/Graphics.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "frame_source.hpp"
#include "hearth/errors.hpp"
#include "hearth/simulation.hpp"
#include "io/frames_file.hpp"
#include "io/scenario_loader.hpp"
#include "map_texture.hpp"
#include "parallel/parallel.hpp"

namespace hearth::viz {
namespace {

namespace fs = std::filesystem;

constexpr float kPanelWidth = 390.f;
constexpr float kTimelineHeight = 60.f;
constexpr double kSpeeds[] = {0.5, 1,  2,  4,
                              8,   16, 32, 0};  // ticks per second; 0 = as fast as it goes
const sf::Color kBackground(22, 22, 26);
const sf::Color kPanel(34, 34, 40);
const sf::Color kText(230, 230, 230);
const sf::Color kDim(160, 160, 168);
const sf::Color kAccent(230, 159, 0);  // Okabe-Ito orange: current tick, selection, flows

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

std::string format(double value, int decimals = 0) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  if (decimals == 0 && std::fabs(value) >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.2fM", value / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  }
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "n/a" : format(100 * share, 1) + "%";
}

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

// A source for one screenshot of a scenario: the simulation stepped here to
// the tick asked for, its last Frame and the history on the way.
class SteppedSource : public FrameSource {
 public:
  SteppedSource(const ScenarioDef& scenario, std::int32_t to_tick, int threads)
      : ticks_(scenario.ticks) {
    parallel::ThreadLimit limit(threads);
    SimulationOptions options;
    options.map_frames = true;
    options.map_every_ticks = std::max(1, to_tick);
    Simulation simulation(scenario, options);
    history_.push_back({0, simulation.latest_frame()->city});
    while (simulation.tick() < to_tick) {
      simulation.step();
      history_.push_back({simulation.tick(), simulation.latest_frame()->city});
    }
    frame_ = simulation.latest_frame();
  }
  bool live() const override { return true; }
  std::string kind() const override { return "simulated"; }
  std::shared_ptr<const Frame> current() override { return frame_; }
  void history(std::vector<HistoryPoint>& out) override {
    for (std::size_t i = out.size(); i < history_.size(); ++i) out.push_back(history_[i]);
  }
  void set_playing(bool) override {}
  bool playing() const override { return false; }
  void step(int) override {}
  void seek(std::int32_t) override {}
  void advance(double) override {}
  std::int32_t last_tick() const override { return ticks_; }

 private:
  std::int32_t ticks_;
  std::shared_ptr<const Frame> frame_;
  std::vector<HistoryPoint> history_;
};

class Viewer {
 public:
  Viewer(FrameSource& source, const sf::Font& font, sf::Vector2f size, std::string title, int layer)
      : source_(source), font_(font), size_(size), title_(std::move(title)), layer_(layer) {}

  void resize(sf::Vector2f size) {
    size_ = size;
    fitted_ = false;
  }

  // Pulls the newest frame and history; rebuilds the texture when needed.
  void update(double seconds) {
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

  void handle(const sf::Event& event) {
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

  void draw(sf::RenderTarget& target, double fps = 0) {
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

  const Frame* frame() const { return frame_.get(); }
  void set_layer(int layer) { layer_ = layer; }
  // Shows a cell's figures as if hovered (screenshots for reports).
  void pin_cell(std::int32_t x, std::int32_t y) { pinned_ = {x, y}; }

 private:
  // ---- geometry ------------------------------------------------------------
  sf::FloatRect map_area() const {
    return {0, 0, size_.x - kPanelWidth, size_.y - kTimelineHeight};
  }
  bool in_map(int x, int y) const {
    return map_area().contains(static_cast<float>(x), static_cast<float>(y));
  }
  sf::Vector2f to_screen(float cx, float cy) const {
    const sf::FloatRect a = map_area();
    return {a.left + a.width / 2 + (cx - centre_.x) / zoom_,
            a.top + a.height / 2 + (cy - centre_.y) / zoom_};
  }
  sf::Vector2f to_cells(sf::Vector2f p) const {
    const sf::FloatRect a = map_area();
    return {centre_.x + (p.x - a.left - a.width / 2) * zoom_,
            centre_.y + (p.y - a.top - a.height / 2) * zoom_};
  }
  void fit() {
    const MapGrid& g = *frame_->map->grid;
    const sf::FloatRect a = map_area();
    zoom_ = std::max(g.width / (a.width - 20), g.height / (a.height - 20));
    centre_ = {g.width / 2.f, g.height / 2.f};
    fitted_ = true;
  }
  void zoom_at(sf::Vector2f screen, float factor) {
    const sf::Vector2f before = to_cells(screen);
    zoom_ = std::clamp(zoom_ * factor, 0.005f, 50.f);
    const sf::Vector2f after = to_cells(screen);
    centre_ += before - after;
  }
  // The cell under the mouse, or -1.
  long hovered_cell() const {
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

  // ---- input ---------------------------------------------------------------
  void key(const sf::Event::KeyEvent& k) {
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
  sf::Vector2f centre_of_map() const {
    const sf::FloatRect a = map_area();
    return {a.left + a.width / 2, a.top + a.height / 2};
  }
  void change_speed(int direction) {
    constexpr int n = sizeof kSpeeds / sizeof kSpeeds[0];
    int k = 0;
    while (k < n - 1 && kSpeeds[k] != source_.speed()) ++k;
    source_.set_speed(kSpeeds[std::clamp(k + direction, 0, n - 1)]);
  }
  void press(int x, int y) {
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
  void move(int x, int y) {
    mouse_ = {x, y};
    if (dragging_) {
      centre_.x -= (x - drag_from_.x) * zoom_;
      centre_.y -= (y - drag_from_.y) * zoom_;
      drag_from_ = {x, y};
    }
    if (scrubbing_) scrub(static_cast<float>(x));
  }
  void scrub(float x) {
    const double f = std::clamp((x - scrubber_.left) / scrubber_.width, 0.f, 1.f);
    source_.seek(static_cast<std::int32_t>(std::lround(f * source_.last_tick())));
  }

  // ---- data ----------------------------------------------------------------
  void on_new_frame() {
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
  void rebuild_texture() {
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
  bool shows_flows() const {
    return layer_ == static_cast<int>(MapLayer::displaced) ||
           layer_ == static_cast<int>(MapLayer::damage) ||
           layer_ == static_cast<int>(MapLayer::last_event) ||
           layer_ == static_cast<int>(MapLayer::flood_depth_100yr);
  }

  // ---- drawing -------------------------------------------------------------
  void text(sf::RenderTarget& target, const std::string& s, float x, float y, unsigned size = 13,
            sf::Color colour = kText) const {
    sf::Text t(sf::String::fromUtf8(s.begin(), s.end()), font_, size);
    t.setFillColor(colour);
    t.setPosition(std::round(x), std::round(y));
    target.draw(t);
  }
  static void rect(sf::RenderTarget& target, sf::FloatRect r, sf::Color fill,
                   sf::Color outline = sf::Color::Transparent) {
    sf::RectangleShape shape({r.width, r.height});
    shape.setPosition(r.left, r.top);
    shape.setFillColor(fill);
    if (outline != sf::Color::Transparent) {
      shape.setOutlineColor(outline);
      shape.setOutlineThickness(1);
    }
    target.draw(shape);
  }

  void draw_map(sf::RenderTarget& target) {
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
  void draw_flows(sf::RenderTarget& target) {
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

  void draw_hover_outline(sf::RenderTarget& target) {
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

  void draw_panel(sf::RenderTarget& target) {
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

  float draw_legend(sf::RenderTarget& target, float x, float y) {
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
      text(target, format((scale_.bottom + scale_.top) / 2, decimals), x + width / 2 - 12, y + 13,
           11, kDim);
      text(target, format(scale_.top, decimals) + (style.fixed_max > 0 ? "" : " (max)"),
           x + width - 40, y + 13, 11, kDim);
      y += 30;
    }
    rect(target, {x, y + 2, 14, 12}, sf::Color(kNoDataColour.r, kNoDataColour.g, kNoDataColour.b),
         kDim);
    text(target, "no data", x + 20, y, 12, kDim);
    flows_button_ = {x + 120, y - 1, 240, 17};
    text(target, std::string("[F] flows ") + (flows_ ? "on" : "off") + " (disaster layers)",
         x + 120, y, 12, flows_ ? kAccent : kDim);
    return y + 20;
  }

  float draw_hover(sf::RenderTarget& target, float x, float y) {
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
        "  households " + format(v(MapLayer::households)) + " in " +
            format(v(MapLayer::dwellings)) + " dwellings, mostly " +
            (std::isnan(tenure) ? std::string("n/a") : kTenureNames[static_cast<int>(tenure)]),
        "  rent " + format(v(MapLayer::rent)) + "/month   price " + format(v(MapLayer::price)) +
            "   cost-burdened " + percent(v(MapLayer::cost_burden)),
        "  damage state " + format(v(MapLayer::damage), 2) + "   displaced from here " +
            format(v(MapLayer::displaced)),
        "  100-yr flood " + format(v(MapLayer::flood_depth_100yr), 2) + " m   latest event " +
            (m.last_event_type.empty() ? std::string("none")
                                       : format(v(MapLayer::last_event), 2) +
                                             (m.last_event_type == "flood" ? " m" : " g")),
        "  informal " + percent(v(MapLayer::informal)) + "   services " +
            percent(v(MapLayer::services)),
        "Neighbourhood " + std::to_string(nb) + ": " + format(nb_households_[nb]) +
            " households, " + format(nb_displaced_[nb]) + " displaced from it",
        "  moved out to other neighbourhoods " + format(nb_out_[nb]) + ", moved in " +
            format(nb_in_[nb])};
    for (const std::string& line : lines) {
      text(target, line, x, y, 12);
      y += 16;
    }
    return y;
  }

  void draw_plots(sf::RenderTarget& target, float x, float y) {
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
      text(target, std::string(plot.label) + ":  " + (plot.share ? percent(now) : format(now)), x,
           y, 12);
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

  void draw_timeline(sf::RenderTarget& target, double fps) {
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
    text(target, speed > 0 ? format(speed, speed < 1 ? 1 : 0) + " ticks/s" : "max speed", x,
         y0 + 10, 13, kDim);
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

  FrameSource& source_;
  const sf::Font& font_;
  sf::Vector2f size_;
  std::string title_;
  int layer_;
  bool flows_ = true;
  std::shared_ptr<const Frame> frame_;
  sf::Texture texture_;
  std::vector<std::uint8_t> rgba_;
  int texture_layer_ = -1;
  ScaleRange scale_;
  std::vector<HistoryPoint> history_;
  std::vector<double> nb_households_, nb_displaced_, nb_out_, nb_in_;
  sf::Vector2f centre_;
  float zoom_ = 1;  // cells per pixel
  bool fitted_ = false;
  bool dragging_ = false, scrubbing_ = false;
  sf::Vector2i drag_from_, mouse_{-1, -1}, pinned_{-1, -1};
  std::array<sf::FloatRect, kMapLayerCount> legend_rows_{};
  sf::FloatRect flows_button_, play_button_, back_button_, step_button_, slower_button_,
      faster_button_, scrubber_;
};

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
