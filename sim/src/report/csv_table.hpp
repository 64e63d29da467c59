#pragma once
// A CSV file read whole, for `hearth compare` and `hearth report`: a header
// row and data rows, columns looked up by name so that tables written by
// older or newer builds (with columns added or missing) can still be read.
// Cells are kept as text; numbers are parsed on request, an empty cell (or
// a column the file lacks) reading as NaN ("not defined", docs/OUTPUTS.md).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::report {

class CsvTable {
 public:
  CsvTable() = default;
  // Parses RFC 4180 CSV with io::CsvReader (quoted cells may hold commas,
  // quotes, line breaks). Throws InputError naming `file`, the line and the
  // reason when the text is empty or not UTF-8 text, the CSV is malformed,
  // or a row's cell count differs from the header's.
  static CsvTable parse(std::string_view text, const std::string& file);
  // Reads and parses `path`; a missing or unreadable file is an InputError.
  static CsvTable read(const std::string& path);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_; }
  // Index of the column called `name`, or -1 when the file has none.
  int column(std::string_view name) const;
  bool has(std::string_view name) const { return column(name) >= 0; }
  const std::string& text(std::size_t row, int col) const;
  // The cell as a number: NaN when empty or col < 0. A cell that is not a
  // number throws InputError (file, "line L, column NAME", reason).
  double number(std::size_t row, int col) const;
  // A whole column as numbers (all NaN when the column is missing).
  std::vector<double> numbers(std::string_view name) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<std::string> cells_;  // row-major, rows_ x header_.size()
  std::vector<std::size_t> lines_;  // line number in the file of each row (1-based)
  std::size_t rows_ = 0;
};

// Parses a number as the CSV writers print it; false if `text` is not one.
bool parse_number(std::string_view text, double& value);

}  // namespace hearth::report
