#pragma once
// A buffered CSV file writer that notices failures (full disk, I/O error)
// and reports them as OutputError naming the file, instead of leaving a
// silently short file. Numbers are printed with %.10g; NaN as an empty cell.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace hearth::io {

class CsvWriter {
 public:
  explicit CsvWriter(std::string path);
  // Reopens an existing file cut back to `size` bytes, to continue a resumed run.
  CsvWriter(std::string path, std::uint64_t size);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  CsvWriter& field(std::string_view text);
  CsvWriter& field(double value);
  CsvWriter& field(long long value);
  void end_row();
  // Flushes to disk (fsync) and returns the file's size: a point to resume from.
  std::uint64_t sync();
  // Flushes, fsyncs and closes; throws OutputError if any write failed.
  void close();
  const std::string& path() const { return path_; }

 private:
  void put(std::string_view bytes);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string row_;
  bool first_in_row_ = true;
};

// Writes `content` to `path` whole: to a temporary name, fsync, rename.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace hearth::io
