#include "frame_source.hpp"

#include <chrono>

#include "hearth/errors.hpp"
#include "hearth/simulation.hpp"
#include "parallel/parallel.hpp"

namespace hearth::viz {

LiveSource::LiveSource(const ScenarioDef& scenario, int threads)
    : scenario_(scenario), threads_(threads) {
  worker_ = std::thread([this] { work(); });
}

LiveSource::~LiveSource() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

// The worker owns the Simulation; the viewer sees only the Frames it
// publishes. Per tick the worker holds the lock just long enough to keep a
// pointer to the new Frame and copy its city indicators.
void LiveSource::work() {
  try {
    parallel::ThreadLimit limit(threads_);
    SimulationOptions options;
    options.neighbourhood_frames = true;
    options.map_frames = true;
    Simulation simulation(scenario_, options);
    auto publish = [&] {
      std::shared_ptr<const Frame> frame = simulation.latest_frame();
      std::lock_guard lock(mutex_);
      latest_ = frame;
      history_.push_back({frame->tick, frame->city});
    };
    publish();
    while (true) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::milliseconds(50), [&] {
          return quit_ || (simulation.tick() < scenario_.ticks && (playing_ || steps_ > 0));
        });
        if (quit_) return;
        if (simulation.tick() >= scenario_.ticks) {
          steps_ = 0;
          continue;
        }
        if (steps_ > 0) {
          --steps_;
        } else if (!playing_) {
          continue;
        }
      }
      const auto started = std::chrono::steady_clock::now();
      simulation.step();
      publish();
      const double speed = speed_;
      if (speed > 0 && playing_) {
        const auto until = started + std::chrono::duration<double>(1.0 / speed);
        std::unique_lock lock(mutex_);
        wake_.wait_until(lock, until, [&] { return quit_ || steps_ > 0; });
      }
    }
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    failure_ = e.what();
  }
}

std::shared_ptr<const Frame> LiveSource::current() {
  std::lock_guard lock(mutex_);
  return latest_;
}

void LiveSource::history(std::vector<HistoryPoint>& out) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = out.size(); i < history_.size(); ++i) out.push_back(history_[i]);
}

void LiveSource::set_playing(bool playing) {
  playing_ = playing;
  wake_.notify_all();
}

void LiveSource::step(int delta) {
  if (delta <= 0) return;  // the live city only goes forward
  {
    std::lock_guard lock(mutex_);
    steps_ += delta;
  }
  wake_.notify_all();
}

std::string LiveSource::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

ReplaySource::ReplaySource(const std::string& frames_path, std::int32_t) : reader_(frames_path) {
  head_ = reader_.tick(0);
}

std::shared_ptr<const Frame> ReplaySource::current() {
  const std::size_t index = reader_.index_at_or_before(static_cast<std::int32_t>(head_));
  if (index != loaded_index_) {
    loaded_ = reader_.read(index);
    loaded_index_ = index;
  }
  return loaded_;
}

void ReplaySource::history(std::vector<HistoryPoint>& out) {
  for (std::size_t i = out.size(); i < reader_.size(); ++i) {
    out.push_back({reader_.tick(i), reader_.city(i)});
  }
}

void ReplaySource::step(int delta) {
  playing_ = false;
  auto index =
      static_cast<std::int64_t>(reader_.index_at_or_before(static_cast<std::int32_t>(head_)));
  index = std::clamp<std::int64_t>(index + delta, 0, static_cast<std::int64_t>(reader_.size()) - 1);
  head_ = reader_.tick(static_cast<std::size_t>(index));
}

void ReplaySource::seek(std::int32_t tick) {
  head_ = std::clamp<double>(tick, reader_.tick(0), last_tick());
}

void ReplaySource::advance(double seconds) {
  if (!playing_) return;
  const double speed = speed_ > 0 ? speed_.load() : 60.0;
  head_ += seconds * speed;
  if (head_ >= last_tick()) {
    head_ = last_tick();
    playing_ = false;
  }
}

}  // namespace hearth::viz
