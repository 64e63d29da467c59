#pragma once
// A source for one screenshot of a scenario: the simulation stepped to the
// tick asked for, its last Frame and the history on the way.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "frame_source.hpp"
#include "hearth/scenario.hpp"

namespace hearth::viz {

class SteppedSource : public FrameSource {
 public:
  SteppedSource(const ScenarioDef& scenario, std::int32_t to_tick, int threads);
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

}  // namespace hearth::viz
