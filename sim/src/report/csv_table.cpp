#include "hearth/frame.hpp"
#include "report/csv_table.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::report {

namespace {
}

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
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);  // a UTF-8 byte order mark from a spreadsheet
  }
  // Name what the file is when it is plainly not CSV text.
  if (text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF &&
                            static_cast<unsigned char>(text[1]) == 0xFE) ||
                           (static_cast<unsigned char>(text[0]) == 0xFE &&
                            static_cast<unsigned char>(text[1]) == 0xFF))) {
    throw InputError(file, {{"line 1", "the file is UTF-16 encoded; save it as UTF-8"}});
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto line_of_nul =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
    throw InputError(file, {{"line " + std::to_string(line_of_nul),
                             "NUL byte: this is a binary file, not a CSV table"}});
  }
  std::vector<std::string> row;
  std::string cell;
  std::size_t line = 1, row_line = 1;
  bool header_done = false;
  auto finish_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    if (row.size() == 1 && row[0].empty()) {  // a blank line
      row.clear();
      return;
    }
    if (!header_done) {
      table.header_ = std::move(row);
      header_done = true;
    } else {
      if (row.size() != table.header_.size()) {
        throw InputError(file, {{"line " + std::to_string(row_line),
                                 std::to_string(row.size()) + " cells, but the header has " +
                                     std::to_string(table.header_.size())}});
      }
      for (auto& c : row) table.cells_.push_back(std::move(c));
      table.lines_.push_back(row_line);
      ++table.rows_;
    }
    row.clear();
  };
  std::size_t i = 0;
  bool at_cell_start = true;
  while (i < text.size()) {
    const char c = text[i];
    if (at_cell_start && c == '"') {
      const std::size_t quote_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          throw InputError(file,
                           {{"line " + std::to_string(quote_line), "a quoted cell is not closed"}});
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        cell += text[i++];
      }
      at_cell_start = false;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      at_cell_start = true;
    } else if (c == '\n') {
      finish_row();
      ++line;
      row_line = line;
      at_cell_start = true;
    } else if (c != '\r') {
      cell += c;
      at_cell_start = false;
    }
    ++i;
  }
  if (!cell.empty() || !row.empty()) finish_row();
  if (!header_done) throw InputError(file, {{"", "empty file: no header row"}});
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
