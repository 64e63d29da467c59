#include "io/csv_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "hearth/errors.hpp"

namespace hearth::io {
namespace {
[[noreturn]] void output_failure(const std::string& path, int error) {
  throw OutputError("cannot write " + path + ": " + std::strerror(error));
}
}  // namespace

CsvWriter::CsvWriter(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (!file_) output_failure(path_, errno);
  row_.reserve(4096);
}

CsvWriter::CsvWriter(std::string path, std::uint64_t size) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "r+b");
  if (!file_) output_failure(path_, errno);
  if (::ftruncate(fileno(file_), static_cast<off_t>(size)) != 0) output_failure(path_, errno);
  if (std::fseek(file_, 0, SEEK_END) != 0) output_failure(path_, errno);
  row_.reserve(4096);
}

std::uint64_t CsvWriter::sync() {
  if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) output_failure(path_, errno);
  const long size = std::ftell(file_);
  if (size < 0) output_failure(path_, errno);
  return static_cast<std::uint64_t>(size);
}

CsvWriter::~CsvWriter() {
  if (file_) std::fclose(file_);  // only after an exception; close() reports errors
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (!first_in_row_) row_ += ',';
  first_in_row_ = false;
  const bool quote = text.find_first_of(",\"\n") != std::string_view::npos;
  if (!quote) {
    row_ += text;
    return *this;
  }
  row_ += '"';
  for (char c : text) {
    if (c == '"') row_ += '"';
    row_ += c;
  }
  row_ += '"';
  return *this;
}

CsvWriter& CsvWriter::field(double value) {
  if (std::isnan(value)) return field(std::string_view{});
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return field(std::string_view{buffer});
}

CsvWriter& CsvWriter::field(long long value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld", value);
  return field(std::string_view{buffer});
}

void CsvWriter::end_row() {
  row_ += '\n';
  put(row_);
  row_.clear();
  first_in_row_ = true;
}

void CsvWriter::put(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    output_failure(path_, errno);
}

void CsvWriter::close() {
  if (!file_) return;
  std::FILE* file = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(file) == 0 && ::fsync(fileno(file)) == 0;
  const int error = errno;
  if (std::fclose(file) != 0 || !flushed) output_failure(path_, flushed ? errno : error);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) output_failure(path, errno);
  const bool ok = std::fwrite(content.data(), 1, content.size(), file) == content.size() &&
                  std::fflush(file) == 0 && ::fsync(fileno(file)) == 0;
  const int error = errno;
  if (std::fclose(file) != 0 || !ok) {
    std::remove(temporary.c_str());
    output_failure(path, ok ? errno : error);
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw OutputError("cannot write " + path + ": " + ec.message());
  }
}

}  // namespace hearth::io
