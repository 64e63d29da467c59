#pragma once
// The frames file of a run directory (frames.bin; docs/OUTPUTS.md): the
// Frames of every K-th tick with their map payload, for `hearth view RUN_DIR`.
// A versioned little-endian binary: a header with the static grid, then one
// record per recorded tick, each with its length and an FNV-1a 64 checksum.
// The writer works like CsvWriter (OutputError on failure, sync for
// checkpoints, reopen cut back on resume); the reader checks the whole file
// and rejects anything corrupt or truncated with an InputError.
#include <array>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "hearth/frame.hpp"

namespace hearth::io {

inline constexpr const char* kFramesFileName = "frames.bin";
inline constexpr std::uint32_t kFramesFormatVersion = 1;

class FramesWriter {
 public:
  // A new file with its header; frames are appended with append().
  FramesWriter(std::string path, std::int32_t every_ticks, const MapGrid& grid);
  // Reopens an existing file cut back to `size` bytes (a resumed run).
  FramesWriter(std::string path, std::uint64_t size);
  ~FramesWriter();
  FramesWriter(const FramesWriter&) = delete;
  FramesWriter& operator=(const FramesWriter&) = delete;

  // Appends one record; the frame must carry a map payload of this grid.
  void append(const Frame& frame);
  std::uint64_t sync();
  void close();
  std::int32_t every_ticks() const { return every_ticks_; }

 private:
  void put(const std::string& bytes);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::int32_t every_ticks_ = 0;
  std::size_t cells_ = 0;
};

// The record interval of an existing frames file (reads the header only).
std::int32_t read_frames_every(const std::string& path);

class FramesReader {
 public:
  // Reads and checks the whole file: InputError(path, byte offset, reason)
  // when it is not a frames file, of another version, truncated or corrupt.
  explicit FramesReader(std::string path);

  std::int32_t every_ticks() const { return every_ticks_; }
  const std::shared_ptr<const MapGrid>& grid() const { return grid_; }
  std::size_t size() const { return index_.size(); }
  std::int32_t tick(std::size_t i) const { return index_[i].tick; }
  const std::string& date(std::size_t i) const { return index_[i].date; }
  // The city indicators of frame i, in this build's order (NaN for an
  // indicator the file does not have).
  const std::array<double, kCityIndicatorCount>& city(std::size_t i) const {
    return index_[i].city;
  }
  // The whole frame i (read again from disk and checked).
  std::shared_ptr<const Frame> read(std::size_t i) const;
  // The last frame at or before `tick` (the first frame if none is).
  std::size_t index_at_or_before(std::int32_t tick) const;

 private:
  struct Entry {
    std::int32_t tick = 0;
    std::string date;
    std::uint64_t offset = 0;  // of the record's body
    std::uint64_t bytes = 0;   // body length
    std::array<double, kCityIndicatorCount> city{};
  };
  Frame parse_body(const std::string& body, std::uint64_t offset) const;

  std::string path_;
  std::int32_t every_ticks_ = 0;
  std::shared_ptr<const MapGrid> grid_;
  std::vector<int> indicator_slot_;  // file's indicator k -> this build's index or -1
  std::vector<int> layer_slot_;      // file's layer k -> this build's layer or -1
  std::vector<Entry> index_;
};

}  // namespace hearth::io
