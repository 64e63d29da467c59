#pragma once
// A strict reader of census tract tables (CSV), the input of the tract-based
// city (docs/TRACTS.md gives the form a user must give for their own city).
// One row a tract; columns are found by name (case-insensitive) in the
// header, so their order does not matter and unknown columns are ignored.
//
// Required: poltract (tract id), LON, LAT (degrees of the tract's centroid),
// POP (persons), units (owner-occupied dwellings counted in the value bands),
// the nine value bands cu5k, c5_7_5, C7_5_10, C10_15, C15_20, C20_25,
// C25_35, C35_50, co50k (owner-occupied dwellings by value; they must sum to
// units), DIS (weighted distance to employment centres).
// Optional: TOWN, CMEDV (median value, 1000s), LSTAT (% lower status), CHAS
// (0 or 1: bounds the river), RM (mean rooms), AGE (% built before 1940).
//
// Everything that does not fit (a missing or repeated column, a field that is
// not a number, NaN or infinity, a negative count, an absurd size, a
// duplicate tract id, a row with the wrong number of fields, an empty file,
// binary content, a file that is not UTF-8) throws InputError naming the
// file, the line, the column and the reason. The CSV itself is read by
// io/csv_reader. Memory is bounded by the file
// size limit: nothing is allocated from a number read in the file.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hearth::io {

inline constexpr int kValueBands = 9;
// Lower and upper edges of the value bands in the currency of the table (USD
// of 1970 for Boston): under 5k, 5-7.5k, ..., 35-50k, over 50k. The open
// ends are closed at 2.5k and 75k (an assumption; docs/MODEL.md).
inline constexpr std::array<double, kValueBands + 1> kValueBandEdges{
    2500, 5000, 7500, 10000, 15000, 20000, 25000, 35000, 50000, 75000};
// Column names of the bands, in band order.
inline constexpr std::array<const char*, kValueBands> kValueBandColumns{
    "cu5k", "c5_7_5", "C7_5_10", "C10_15", "C15_20", "C20_25", "C25_35", "C35_50", "co50k"};

// Limits that keep a hostile file from asking for absurd memory or time.
inline constexpr std::size_t kMaxTracts = 60000;    // neighbourhood ids are 16-bit
inline constexpr double kMaxTractPopulation = 1e8;  // persons in one tract
inline constexpr double kMaxTotalPopulation = 2e9;  // persons in all tracts
inline constexpr std::size_t kMaxTractFileBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxFields = 1000;                      // columns in a row
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 16;  // bytes in a field

struct Tract {
  std::string id;    // poltract
  std::string town;  // TOWN, or empty
  double lon_deg = 0;
  double lat_deg = 0;
  double population = 0;                               // POP, persons
  double owner_units = 0;                              // units
  std::array<double, kValueBands> value_band_units{};  // units by value band
  double median_value_thousands = -1;                  // CMEDV; -1 when absent
  double lower_status_percent = -1;                    // LSTAT; -1 when absent
  double employment_distance = 0;     // DIS (the table's units; Boston: miles-like index)
  bool bounds_river = false;          // CHAS
  double rooms = -1;                  // RM; -1 when absent
  double built_pre1940_percent = -1;  // AGE; -1 when absent
  std::int64_t line = 0;              // line in the file (for later error messages)
};

struct TractTable {
  std::vector<Tract> tracts;  // in file order
  bool has_lstat = false;
  double total_population = 0;
};

// Reads and checks `path` (files over max_bytes are refused).
TractTable read_tracts(const std::string& path, std::size_t max_bytes = kMaxTractFileBytes);
// The same for text already in memory; `label` names it in errors.
TractTable parse_tracts(const std::string& text, const std::string& label);

}  // namespace hearth::io
