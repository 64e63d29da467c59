#include "io/asc_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string_view>

#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::io {
namespace {

// Grids beyond this many cells are not a city raster (and would exhaust memory).
constexpr std::int64_t kMaxCells = std::int64_t{1} << 28;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Lines {
  const std::string& text;
  std::size_t at = 0;
  std::int64_t number = 0;
  // The next line (without its end), or false at the end of the text.
  bool next(std::string_view& line) {
    if (at >= text.size()) return false;
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    line = std::string_view(text).substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = end + 1;
    ++number;
    return true;
  }
};

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Splits on spaces and tabs.
std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// A token quoted in a message: at most 40 bytes, non-printable bytes as '?'
// (a binary file or one endless line must not flood the terminal).
std::string excerpt(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size() && i < 40; ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    out += c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?';
  }
  if (token.size() > 40) out += "...";
  return out;
}

// A finite number that uses the whole token, or false.
bool parse_number(std::string_view token, double& out) {
  const std::string s(token);
  char* end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || s.empty()) return false;
  return true;
}

}  // namespace

AscGrid read_asc(const std::string& path, std::int32_t expected_cols, std::int32_t expected_rows,
                 float nodata_fill, double min_value, double max_value, std::size_t max_bytes) {
  std::string text = read_text_file(path, max_bytes);
  auto fail = [&](std::int64_t line, const std::string& reason) -> void {
    throw InputError(path, {{line > 0 ? "line " + std::to_string(line) : "", reason}});
  };
  // A UTF-8 byte order mark (some Windows editors write one) is skipped;
  // UTF-16 and binary files are named as such.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0) {
    fail(1, "the file is UTF-16 encoded; save it as ASCII or UTF-8");
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    fail(1 + static_cast<std::int64_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n')),
         "NUL byte: this is a binary file, not an ESRI ASCII grid");
  }
  Lines lines{text};
  std::map<std::string, double> header;
  std::string_view line;
  // Header: key value pairs until the first line that starts with a number.
  std::int64_t first_data_line = 0;
  std::string_view pending;
  while (lines.next(line)) {
    if (blank(line)) continue;
    const auto parts = tokens(line);
    double dummy;
    if (parse_number(parts[0], dummy)) {
      pending = line;
      first_data_line = lines.number;
      break;
    }
    const std::string key = lower(parts[0]);
    static const char* const kKnown[] = {"ncols",     "nrows",     "xllcorner", "yllcorner",
                                         "xllcenter", "yllcenter", "cellsize",  "nodata_value"};
    bool known = false;
    for (const char* k : kKnown) known |= key == k;
    if (!known) fail(lines.number, "unknown header key '" + excerpt(parts[0]) + "'");
    if (parts.size() != 2)
      fail(lines.number, "header key '" + excerpt(key) + "' needs exactly one value");
    double value = 0;
    if (!parse_number(parts[1], value) || !std::isfinite(value)) {
      fail(lines.number, "header key '" + excerpt(key) +
                             "' has a value that is not a finite number: '" + excerpt(parts[1]) +
                             "'");
    }
    if (header.count(key)) fail(lines.number, "header key '" + key + "' is repeated");
    header[key] = value;
  }
  for (const char* k : {"ncols", "nrows", "cellsize"}) {
    if (!header.count(k)) fail(0, std::string("header key '") + k + "' is missing");
  }
  if (header.count("xllcorner") + header.count("xllcenter") != 1) {
    fail(0, "the header needs exactly one of xllcorner and xllcenter");
  }
  if (header.count("yllcorner") + header.count("yllcenter") != 1) {
    fail(0, "the header needs exactly one of yllcorner and yllcenter");
  }
  AscGrid grid;
  const double ncols = header["ncols"], nrows = header["nrows"];
  if (ncols < 1 || nrows < 1 || ncols != std::floor(ncols) || nrows != std::floor(nrows)) {
    fail(0, "ncols and nrows must be positive integers");
  }
  if (ncols * nrows > static_cast<double>(kMaxCells)) {
    // The count may be far beyond any integer type (ncols 4e56): printed as a double.
    char cells[32];
    std::snprintf(cells, sizeof cells, "%.6g", ncols * nrows);
    fail(0, std::string("the grid has ") + cells + " cells, more than the " +
                std::to_string(kMaxCells) + " this reader accepts");
  }
  grid.ncols = static_cast<std::int32_t>(ncols);
  grid.nrows = static_cast<std::int32_t>(nrows);
  grid.cellsize = header["cellsize"];
  if (!(grid.cellsize > 0)) fail(0, "cellsize must be positive");
  if (header.count("nodata_value")) grid.has_nodata = true, grid.nodata = header["nodata_value"];
  if ((expected_cols > 0 && grid.ncols != expected_cols) ||
      (expected_rows > 0 && grid.nrows != expected_rows)) {
    fail(0, "the raster is " + std::to_string(grid.ncols) + " x " + std::to_string(grid.nrows) +
                " cells; the city grid is " + std::to_string(expected_cols) + " x " +
                std::to_string(expected_rows));
  }
  if (first_data_line == 0) fail(0, "no data rows after the header");
  // Every cell takes at least two bytes (a digit and a separator): a header
  // that promises more cells than the file can hold is refused before the
  // grid is allocated.
  if (ncols * nrows * 2 > static_cast<double>(text.size())) {
    fail(0, "the header promises " + std::to_string(static_cast<std::int64_t>(ncols * nrows)) +
                " cells, more than a file of " + std::to_string(text.size()) +
                " bytes can hold (truncated?)");
  }

  const auto cols = static_cast<std::size_t>(grid.ncols);
  grid.value.assign(cols * static_cast<std::size_t>(grid.nrows), nodata_fill);
  std::int32_t row = 0;
  std::int64_t data_cells = 0;  // cells that are not NODATA
  bool have = true;
  line = pending;
  while (have) {
    if (!blank(line)) {
      const std::int64_t here = lines.number;
      if (row >= grid.nrows)
        fail(here, "more data rows than nrows (" + std::to_string(grid.nrows) + ")");
      const auto parts = tokens(line);
      if (parts.size() != cols) {
        fail(here, "row " + std::to_string(row + 1) + " has " + std::to_string(parts.size()) +
                       " values; expected ncols = " + std::to_string(cols));
      }
      // The file's first row is the northernmost; the city's row 0 is the southernmost.
      const std::size_t y = static_cast<std::size_t>(grid.nrows - 1 - row);
      for (std::size_t x = 0; x < cols; ++x) {
        double v = 0;
        if (!parse_number(parts[x], v)) {
          fail(here,
               "column " + std::to_string(x + 1) + ": '" + excerpt(parts[x]) + "' is not a number");
        }
        if (!std::isfinite(v)) fail(here, "column " + std::to_string(x + 1) + ": NaN or infinity");
        if (grid.has_nodata && v == grid.nodata) continue;
        if (v < min_value || v > max_value) {
          fail(here, "column " + std::to_string(x + 1) + ": value " + excerpt(parts[x]) +
                         " outside [" + std::to_string(min_value) + ", " +
                         std::to_string(max_value) + "]");
        }
        grid.value[y * cols + x] = static_cast<float>(v);
        ++data_cells;
      }
      ++row;
    }
    have = lines.next(line);
  }
  if (row != grid.nrows) {
    fail(lines.number, "only " + std::to_string(row) +
                           " data rows; expected nrows = " + std::to_string(grid.nrows));
  }
  // A raster of nothing but NODATA is read fine but would do nothing (a
  // flood that floods no cell): almost surely the wrong file or the wrong
  // NODATA_value.
  if (data_cells == 0) {
    char nodata[32];
    std::snprintf(nodata, sizeof nodata, "%g", grid.nodata);
    fail(0, std::string("every cell is NODATA (NODATA_value ") + nodata +
                "): the raster holds no values; is it the right file, or the right NODATA_value?");
  }
  return grid;
}

}  // namespace hearth::io
