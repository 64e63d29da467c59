#pragma once
// The one CSV reader of hearth's inputs: census tract tables
// (io/tract_reader), run tables read back by compare and report
// (report/csv_table) and the runs' indicator tables merged by
// `hearth sweep collect` (sweep/collect). RFC 4180: comma separated, fields
// may be quoted with "..." and "" for a quote (and may then hold commas and
// line breaks); CRLF or LF line ends. Every error is an InputError naming
// the file, the line and the reason.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::io {

// A UTF-8 byte order mark (Excel's "CSV UTF-8") is allowed: the text after it.
std::string_view without_utf8_bom(std::string_view text);

// Refuses what is not UTF-8 text: UTF-16/32 (by their byte order marks or
// NUL bytes), control characters other than tab and CR, and invalid UTF-8
// sequences. Call it on the text after without_utf8_bom.
void check_csv_text(std::string_view text, const std::string& file);

// Limits that keep a hostile file from asking for absurd memory.
struct CsvLimits {
  std::size_t max_fields = std::numeric_limits<std::size_t>::max();       // fields in a row
  std::size_t max_field_bytes = std::numeric_limits<std::size_t>::max();  // bytes in a field
};

struct CsvRow {
  std::int64_t line = 0;  // line where the row starts (1-based)
  std::vector<std::string> fields;
  std::string_view text;  // the row as written, without its line end
};

// Reads rows one by one; blank lines (nothing but spaces, tabs and CRs)
// are skipped. Refuses a quoted field that is not closed, a quote inside an
// unquoted field, text after a closing quote, a CR without an LF (classic
// Mac line ends), and rows or fields over the limits.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, CsvLimits limits = {});
  // The next row, or false at the end of the text.
  bool next(CsvRow& row);

 private:
  void push(CsvRow& row, std::string& field) const;
  void grow(const CsvRow& row, std::string& field, char c) const;
  [[noreturn]] void fail(std::int64_t line, const std::string& reason) const;

  std::string_view text_;
  const std::string& file_;
  CsvLimits limits_;
  std::size_t at_ = 0;
  std::int64_t line_ = 1;
};

}  // namespace hearth::io
