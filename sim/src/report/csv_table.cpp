#include "report/csv_table.hpp"
#include "hearth/frame.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "hearth/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::report {

bool parse_number(std::string_view text, double& value) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (text.empty()) {
    value = kNaN;
    return true;
  }
  if (text == "nan" || text == "NaN" || text == "NA") {
    value = kNaN;
    return true;
  }
  const char* first = text.data();
  const char* last = first + text.size();
  if (*first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, value);
  // Hearth writes no infinities (an undefined value is an empty cell), and
  // a number too large for a double (1e999) is out of range: neither is a
  // value to chart or compare.
  return error == std::errc() && end == last && !std::isinf(value);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& file) {
  CsvTable table;
  table.file_ = file;
  text = io::without_utf8_bom(text);  // a UTF-8 byte order mark from a spreadsheet
  // Name what the file is when it is plainly not CSV text.
  io::check_csv_text(text, file);
  io::CsvReader csv(text, file);
  io::CsvRow row;
  if (!csv.next(row)) throw InputError(file, {{"", "empty file: no header row"}});
  table.header_ = std::move(row.fields);
  while (csv.next(row)) {
    if (row.fields.size() != table.header_.size()) {
      throw InputError(file, {{"line " + std::to_string(row.line),
                               std::to_string(row.fields.size()) + " cells, but the header has " +
                                   std::to_string(table.header_.size())}});
    }
    for (auto& c : row.fields) table.cells_.push_back(std::move(c));
    table.lines_.push_back(static_cast<std::size_t>(row.line));
    ++table.rows_;
  }
  return table;
}

CsvTable CsvTable::read(const std::string& path) {
  return parse(io::read_text_file(path, std::size_t{1} << 30), path);
}

int CsvTable::column(std::string_view name) const {
  for (std::size_t c = 0; c < header_.size(); ++c) {
    if (header_[c] == name) return static_cast<int>(c);
  }
  return -1;
}

const std::string& CsvTable::text(std::size_t row, int col) const {
  static const std::string empty;
  if (col < 0 || row >= rows_) return empty;
  return cells_[row * header_.size() + static_cast<std::size_t>(col)];
}

double CsvTable::number(std::size_t row, int col) const {
  if (col < 0 || row >= rows_) return kNaN;
  const std::string& cell = cells_[row * header_.size() + static_cast<std::size_t>(col)];
  double value = kNaN;
  if (!parse_number(cell, value)) {
    std::string shown;  // at most 40 printable bytes of the cell
    for (std::size_t i = 0; i < cell.size() && i < 40; ++i) {
      const auto c = static_cast<unsigned char>(cell[i]);
      shown += c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?';
    }
    if (cell.size() > 40) shown += "...";
    throw InputError(file_,
                     {{"line " + std::to_string(lines_[row]) + ", column " +
                           header_[static_cast<std::size_t>(col)],
                       (std::isinf(std::strtod(cell.c_str(), nullptr)) ? "not a finite number: '"
                                                                       : "not a number: '") +
                           shown + "'"}});
  }
  return value;
}

std::vector<double> CsvTable::numbers(std::string_view name) const {
  const int col = column(name);
  std::vector<double> values(rows_, kNaN);
  if (col < 0) return values;
  for (std::size_t r = 0; r < rows_; ++r) values[r] = number(r, col);
  return values;
}

}  // namespace hearth::report
