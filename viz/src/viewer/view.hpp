#pragma once
// The viewer's window contents: the map (one texture per layer and frame),
// the displacement flows, the legend, the hover read-out, the indicator
// plots and the timeline (docs/VIEWER.md). The same drawing code renders
// the window and the offscreen screenshots. Its members are defined by
// concern: view.cpp (state, geometry, the picture in order), input.cpp,
// map_layers.cpp, panel.cpp, hover.cpp and timeline.cpp.
#include <SFML/Graphics.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "frame_source.hpp"
#include "map_texture.hpp"
#include "viewer/style.hpp"

namespace hearth::viz {

class Viewer {
 public:
  Viewer(FrameSource& source, const sf::Font& font, sf::Vector2f size, std::string title, int layer)
      : source_(source), font_(font), size_(size), title_(std::move(title)), layer_(layer) {}

  void resize(sf::Vector2f size);
  // Pulls the newest frame and history; rebuilds the texture when needed.
  void update(double seconds);
  void handle(const sf::Event& event);
  void draw(sf::RenderTarget& target, double fps = 0);

  const Frame* frame() const { return frame_.get(); }
  void set_layer(int layer) { layer_ = layer; }
  // Shows a cell's figures as if hovered (screenshots for reports).
  void pin_cell(std::int32_t x, std::int32_t y) { pinned_ = {x, y}; }

 private:
  // ---- geometry (view.cpp) -------------------------------------------------
  sf::FloatRect map_area() const;
  bool in_map(int x, int y) const;
  sf::Vector2f to_screen(float cx, float cy) const;
  sf::Vector2f to_cells(sf::Vector2f p) const;
  void fit();
  void zoom_at(sf::Vector2f screen, float factor);
  // The cell under the mouse (or the pinned one), or -1.
  long hovered_cell() const;

  // ---- input (input.cpp) ---------------------------------------------------
  void key(const sf::Event::KeyEvent& k);
  sf::Vector2f centre_of_map() const;
  void change_speed(int direction);
  void press(int x, int y);
  void move(int x, int y);
  void scrub(float x);

  // ---- data (view.cpp) -----------------------------------------------------
  void on_new_frame();
  void rebuild_texture();
  bool shows_flows() const;

  // ---- drawing -------------------------------------------------------------
  void text(sf::RenderTarget& target, const std::string& s, float x, float y, unsigned size = 13,
            sf::Color colour = kText) const;
  static void rect(sf::RenderTarget& target, sf::FloatRect r, sf::Color fill,
                   sf::Color outline = sf::Color::Transparent);
  void draw_map(sf::RenderTarget& target);            // map_layers.cpp
  void draw_flows(sf::RenderTarget& target);          // map_layers.cpp
  void draw_hover_outline(sf::RenderTarget& target);  // map_layers.cpp
  void draw_panel(sf::RenderTarget& target);          // panel.cpp
  // Each returns the y below what it drew.
  float draw_legend(sf::RenderTarget& target, float x, float y);  // panel.cpp
  float draw_hover(sf::RenderTarget& target, float x, float y);   // hover.cpp
  void draw_plots(sf::RenderTarget& target, float x, float y);    // timeline.cpp
  void draw_timeline(sf::RenderTarget& target, double fps);       // timeline.cpp

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

}  // namespace hearth::viz
