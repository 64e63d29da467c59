#include "io/tract_reader.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "hearth/errors.hpp"
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

// Rejects what is not UTF-8 text: UTF-16/32 (by their byte order marks or
// NUL bytes), other control characters, and invalid UTF-8 sequences.
void check_encoding(const std::string& text, const std::string& file) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    fail(file, 1, "", "the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8)");
  }
  std::int64_t line = 1;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = b[i];
    if (c == '\n') {
      ++line, ++i;
      continue;
    }
    if (c < 0x80) {
      if (c == 0) fail(file, line, "", "NUL byte: this is a binary file, not a CSV text file");
      if (c < 0x20 && c != '\t' && c != '\r') {
        fail(file, line, "",
             "control character " + std::to_string(c) +
                 ": this looks like a binary file, not a CSV text file");
      }
      if (c == 0x7f) fail(file, line, "", "control character 127: not a CSV text file");
      ++i;
      continue;
    }
    // Multi-byte UTF-8: lead byte, then 1..3 continuation bytes.
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF)
      extra = 1, code = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
      extra = 2, code = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
      extra = 3, code = c & 0x07u;
    else {
      fail(file, line, "",
           "byte " + std::to_string(c) +
               " is not valid UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)");
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= n || (b[i + k] & 0xC0) != 0x80) {
        fail(file, line, "", "invalid UTF-8 sequence (is the file Latin-1? save it as UTF-8)");
      }
      code = (code << 6) | (b[i + k] & 0x3Fu);
    }
    const std::uint32_t min_code[] = {0, 0x80, 0x800, 0x10000};
    if (code < min_code[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      fail(file, line, "", "invalid UTF-8 sequence (overlong or a surrogate)");
    }
    i += extra + 1;
  }
}

struct Row {
  std::int64_t line = 0;  // line where the row starts
  std::vector<std::string> fields;
};

// RFC 4180 CSV: comma separated, fields may be quoted with "..." and "" for
// a quote; CRLF or LF line ends. Blank lines are skipped.
class CsvReader {
 public:
  CsvReader(const std::string& text, const std::string& file) : text_(text), file_(file) {}

  bool next(Row& row) {
    // Skip blank lines.
    while (at_ < text_.size()) {
      std::size_t end = text_.find('\n', at_);
      if (end == std::string::npos) end = text_.size();
      std::string_view line(text_.data() + at_, end - at_);
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) break;
      at_ = end + 1;
      ++line_;
    }
    if (at_ >= text_.size()) return false;
    row.line = line_;
    row.fields.clear();
    std::string field;
    bool quoted_field = false, after_quote = false;
    while (true) {
      if (at_ >= text_.size()) {
        if (quoted_field) fail(file_, row.line, "", "a quoted field is not closed");
        push(row, field);
        return true;
      }
      const char c = text_[at_++];
      if (quoted_field) {
        if (c == '"') {
          if (at_ < text_.size() && text_[at_] == '"') {
            field += '"';
            ++at_;
          } else {
            quoted_field = false;
            after_quote = true;
          }
        } else {
          if (c == '\n') ++line_;
          field += c;
          if (field.size() > (1u << 16)) fail(file_, row.line, "", "a field is longer than 64 KiB");
        }
        continue;
      }
      if (c == ',') {
        push(row, field);
        field.clear();
        after_quote = false;
        continue;
      }
      if (c == '\n' || (c == '\r' && (at_ >= text_.size() || text_[at_] == '\n'))) {
        if (c == '\r') ++at_;
        ++line_;
        push(row, field);
        return true;
      }
      if (c == '\r') {
        // A CR not followed by LF ends no line here: the file has the
        // CR-only line ends of classic Mac OS (and of Excel's "CSV
        // (Macintosh)"), and would otherwise be read as one endless row.
        fail(file_, line_, "",
             "a carriage return (CR) without a line feed: the file uses CR-only (classic Mac) "
             "line endings; convert it to LF or CRLF line endings");
      }
      if (c == '"') {
        if (!field.empty() || after_quote) {
          fail(file_, line_, "", "a quote inside an unquoted field (quote the whole field)");
        }
        quoted_field = true;
        continue;
      }
      if (after_quote) {
        if (c == ' ' || c == '\t') continue;
        fail(file_, line_, "", "text after the closing quote of a field");
      }
      field += c;
      if (field.size() > (1u << 16)) fail(file_, row.line, "", "a field is longer than 64 KiB");
    }
  }

 private:
  void push(Row& row, const std::string& field) {
    if (row.fields.size() >= kMaxFields) {
      fail(file_, row.line, "", "more than " + std::to_string(kMaxFields) + " fields in a row");
    }
    row.fields.push_back(field);
  }

  const std::string& text_;
  const std::string& file_;
  std::size_t at_ = 0;
  std::int64_t line_ = 1;
};

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
  std::string_view body(raw);
  // A UTF-8 byte order mark (Excel's "CSV UTF-8") is allowed and skipped.
  if (body.size() >= 3 && static_cast<unsigned char>(body[0]) == 0xEF &&
      static_cast<unsigned char>(body[1]) == 0xBB && static_cast<unsigned char>(body[2]) == 0xBF) {
    body.remove_prefix(3);
  }
  const std::string text(body);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fail(file, 0, "", "file is empty; expected a CSV table of tracts with a header row");
  }
  check_encoding(text, file);

  CsvReader csv(text, file);
  Row header;
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
  Row row;
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
