#pragma once
// Where the viewer's Frames come from: a live simulation stepped by a worker
// thread (LiveSource), or a recorded frames file (ReplaySource). Both hand
// out immutable Frames and a history of the city indicators for the plots.
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "io/frames_file.hpp"

namespace hearth {
class Simulation;
}

namespace hearth::viz {

struct HistoryPoint {
  std::int32_t tick = 0;
  std::array<double, kCityIndicatorCount> city{};
};

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  virtual bool live() const = 0;
  virtual std::string kind() const { return live() ? "live" : "replay"; }
  // The frame to show now (null while a live city is still being built).
  virtual std::shared_ptr<const Frame> current() = 0;
  // A copy of the indicator history so far (appended to `out` from out.size()).
  virtual void history(std::vector<HistoryPoint>& out) = 0;
  virtual void set_playing(bool playing) = 0;
  virtual bool playing() const = 0;
  virtual void step(int delta) = 0;          // one tick (live: forward only) or one recorded frame
  virtual void seek(std::int32_t tick) = 0;  // replay only
  virtual void advance(double seconds) = 0;  // replay: move the play head
  virtual std::int32_t last_tick() const = 0;  // the scenario's end
  virtual std::string failure() const { return {}; }
  // Ticks per second while playing (0: as fast as it goes).
  void set_speed(double ticks_per_second) { speed_ = ticks_per_second; }
  double speed() const { return speed_; }

 protected:
  std::atomic<double> speed_{4.0};
};

class LiveSource : public FrameSource {
 public:
  LiveSource(const ScenarioDef& scenario, int threads);
  ~LiveSource() override;
  bool live() const override { return true; }
  std::shared_ptr<const Frame> current() override;
  void history(std::vector<HistoryPoint>& out) override;
  void set_playing(bool playing) override;
  bool playing() const override { return playing_; }
  void step(int delta) override;
  void seek(std::int32_t) override {}
  void advance(double) override {}
  std::int32_t last_tick() const override { return scenario_.ticks; }
  std::string failure() const override;

 private:
  void work();
  ScenarioDef scenario_;
  int threads_;
  std::thread worker_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool quit_ = false;
  std::atomic<bool> playing_{false};
  int steps_ = 0;
  std::shared_ptr<const Frame> latest_;
  std::vector<HistoryPoint> history_;
  std::string failure_;
};

class ReplaySource : public FrameSource {
 public:
  explicit ReplaySource(const std::string& frames_path, std::int32_t scenario_ticks);
  bool live() const override { return false; }
  std::shared_ptr<const Frame> current() override;
  void history(std::vector<HistoryPoint>& out) override;
  void set_playing(bool playing) override { playing_ = playing; }
  bool playing() const override { return playing_; }
  void step(int delta) override;
  void seek(std::int32_t tick) override;
  void advance(double seconds) override;
  std::int32_t last_tick() const override { return reader_.tick(reader_.size() - 1); }
  const io::FramesReader& reader() const { return reader_; }

 private:
  io::FramesReader reader_;
  double head_ = 0;  // play head, ticks
  bool playing_ = false;
  std::size_t loaded_index_ = static_cast<std::size_t>(-1);
  std::shared_ptr<const Frame> loaded_;
};

}  // namespace hearth::viz
