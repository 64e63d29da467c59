#include "io/tract_reader.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "hearth/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::io {
namespace {

[[noreturn]] void fail(const std::string& file, std::int64_t line, const std::string& column,
                       const std::string& reason) {
  std::string where;
  if (line > 0) where = "line " + std::to_string(line);
  if (!column.empty()) where += (where.empty() ? "" : ", ") + std::string("column ") + column;
  throw InputError(file, {{where, reason}});
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Printable excerpt of a field for an error message.
std::string excerpt(std::string_view s) {
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out += c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?';
  }
  if (s.size() > 40) out += "...";
  return out + "'";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct Column {
  const char* name;
  bool required;
};

}  // namespace

TractTable parse_tracts(const std::string& raw, const std::string& file) {
  const std::string_view text = without_utf8_bom(raw);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    fail(file, 0, "", "file is empty; expected a CSV table of tracts with a header row");
  }
  check_csv_text(text, file);

  CsvReader csv(text, file, {kMaxFields, kMaxFieldBytes});
  CsvRow header;
  csv.next(header);

  // Columns by name; the value band columns follow the fixed ones.
  std::vector<Column> columns = {{"poltract", true}, {"LON", true},    {"LAT", true},
                                 {"POP", true},      {"units", true},  {"DIS", true},
                                 {"TOWN", false},    {"CMEDV", false}, {"LSTAT", false},
                                 {"CHAS", false},    {"RM", false},    {"AGE", false}};
  const std::size_t first_band = columns.size();
  for (const char* band : kValueBandColumns) columns.push_back({band, true});
  std::unordered_map<std::string, std::size_t> position;  // lower-case name -> field index
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    const std::string name = lower(trim(header.fields[f]));
    if (name.empty()) continue;
    if (position.count(name)) {
      fail(file, header.line, std::string(trim(header.fields[f])),
           "the column appears twice in the header");
    }
    position[name] = f;
  }
  std::vector<std::optional<std::size_t>> index(columns.size());
  std::string missing;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const auto it = position.find(lower(columns[k].name));
    if (it != position.end())
      index[k] = it->second;
    else if (columns[k].required)
      missing += (missing.empty() ? "" : ", ") + std::string(columns[k].name);
  }
  if (!missing.empty()) {
    fail(file, header.line, missing,
         "required column missing from the header (docs/TRACTS.md lists the required columns; is "
         "this the tract table, with a header row, comma separated?)");
  }

  TractTable table;
  table.has_lstat = index[8].has_value();
  std::unordered_map<std::string, std::int64_t> seen;  // tract id -> line
  CsvRow row;
  while (csv.next(row)) {
    if (table.tracts.size() >= kMaxTracts) {
      fail(file, row.line, "", "more than " + std::to_string(kMaxTracts) + " tracts");
    }
    if (row.fields.size() != header.fields.size()) {
      fail(file, row.line, "",
           "the row has " + std::to_string(row.fields.size()) + " fields; the header has " +
               std::to_string(header.fields.size()));
    }
    auto field = [&](std::size_t k) { return trim(row.fields[*index[k]]); };
    auto number = [&](std::size_t k, double lo, double hi, bool whole) {
      const std::string_view s = field(k);
      const char* name = columns[k].name;
      if (s.empty()) fail(file, row.line, name, "empty; a number is required");
      const std::string copy(s);
      char* end = nullptr;
      errno = 0;
      const double v = std::strtod(copy.c_str(), &end);
      if (end != copy.c_str() + copy.size()) {
        fail(file, row.line, name, excerpt(s) + " is not a number");
      }
      if (!std::isfinite(v)) fail(file, row.line, name, "NaN or infinity is not allowed");
      if (whole && v < 0)
        fail(file, row.line, name, "a count cannot be negative (got " + copy + ")");
      if (whole && v != std::floor(v)) {
        fail(file, row.line, name, "a count must be a whole number (got " + copy + ")");
      }
      if (v < lo || v > hi) {
        char bounds[96];
        std::snprintf(bounds, sizeof bounds, "must lie in [%g, %g] (got %s)", lo, hi,
                      excerpt(s).c_str());
        fail(file, row.line, name, bounds);
      }
      return v;
    };
    Tract t;
    t.line = row.line;
    t.id = std::string(field(0));
    if (t.id.empty()) fail(file, row.line, "poltract", "empty; every tract needs an id");
    if (const auto [it, inserted] = seen.emplace(t.id, row.line); !inserted) {
      fail(
          file, row.line, "poltract",
          "tract id " + excerpt(t.id) + " repeats the tract on line " + std::to_string(it->second));
    }
    t.lon_deg = number(1, -180, 180, false);
    t.lat_deg = number(2, -90, 90, false);
    t.population = number(3, 0, kMaxTractPopulation, true);
    t.owner_units = number(4, 0, kMaxTractPopulation, true);
    t.employment_distance = number(5, 1e-6, 1e4, false);
    if (index[6]) t.town = std::string(field(6));
    if (index[7]) t.median_value_thousands = number(7, 0, 1e6, false);
    if (index[8]) t.lower_status_percent = number(8, 0, 100, false);
    if (index[9]) {
      const double chas = number(9, 0, 1, true);
      t.bounds_river = chas == 1;
    }
    if (index[10]) t.rooms = number(10, 0.5, 50, false);
    if (index[11]) t.built_pre1940_percent = number(11, 0, 100, false);
    double band_sum = 0;
    for (int b = 0; b < kValueBands; ++b) {
      t.value_band_units[b] = number(first_band + b, 0, kMaxTractPopulation, true);
      band_sum += t.value_band_units[b];
    }
    if (band_sum != t.owner_units) {
      fail(file, row.line, "units",
           "the value bands cu5k..co50k add up to " +
               std::to_string(static_cast<std::int64_t>(band_sum)) +
               " units, not units = " + std::to_string(static_cast<std::int64_t>(t.owner_units)));
    }
    table.total_population += t.population;
    if (table.total_population > kMaxTotalPopulation) {
      fail(file, row.line, "POP", "the tracts hold more than 2 billion persons in all");
    }
    table.tracts.push_back(std::move(t));
  }
  if (table.tracts.empty()) fail(file, header.line, "", "the header is not followed by any tract");
  if (table.total_population <= 0) fail(file, 0, "POP", "no tract has any population");
  return table;
}

TractTable read_tracts(const std::string& path, std::size_t max_bytes) {
  return parse_tracts(read_text_file(path, max_bytes), path);
}

}  // namespace hearth::io
