#include "io/csv_reader.hpp"

#include "hearth/errors.hpp"

namespace hearth::io {
namespace {

[[noreturn]] void fail_at(const std::string& file, std::int64_t line, const std::string& reason) {
  throw InputError(file, {{line > 0 ? "line " + std::to_string(line) : std::string(), reason}});
}

// The length of the UTF-8 sequence led by byte c (0 when c cannot lead
// one), and the bits of the code point that c holds.
std::size_t utf8_continuation_bytes(unsigned char c, std::uint32_t& code) {
  if (c >= 0xC2 && c <= 0xDF) return code = c & 0x1Fu, 1;
  if (c >= 0xE0 && c <= 0xEF) return code = c & 0x0Fu, 2;
  if (c >= 0xF0 && c <= 0xF4) return code = c & 0x07u, 3;
  return 0;
}

}  // namespace

std::string_view without_utf8_bom(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);
  }
  return text;
}

void check_csv_text(std::string_view text, const std::string& file) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    fail_at(file, 1, "the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8)");
  }
  std::int64_t line = 1;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = b[i];
    if (c == '\n') {
      ++line, ++i;
      continue;
    }
    if (c < 0x80) {
      if (c == 0) fail_at(file, line, "NUL byte: this is a binary file, not a CSV text file");
      if (c < 0x20 && c != '\t' && c != '\r') {
        fail_at(file, line,
                "control character " + std::to_string(c) +
                    ": this looks like a binary file, not a CSV text file");
      }
      if (c == 0x7f) fail_at(file, line, "control character 127: not a CSV text file");
      ++i;
      continue;
    }
    // Multi-byte UTF-8: lead byte, then 1..3 continuation bytes.
    std::uint32_t code = 0;
    const std::size_t extra = utf8_continuation_bytes(c, code);
    if (extra == 0) {
      fail_at(file, line,
              "byte " + std::to_string(c) +
                  " is not valid UTF-8 (is the file Latin-1 or Windows-1252? save it as UTF-8)");
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= n || (b[i + k] & 0xC0) != 0x80) {
        fail_at(file, line, "invalid UTF-8 sequence (is the file Latin-1? save it as UTF-8)");
      }
      code = (code << 6) | (b[i + k] & 0x3Fu);
    }
    const std::uint32_t min_code[] = {0, 0x80, 0x800, 0x10000};
    if (code < min_code[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      fail_at(file, line, "invalid UTF-8 sequence (overlong or a surrogate)");
    }
    i += extra + 1;
  }
}

CsvReader::CsvReader(std::string_view text, const std::string& file, CsvLimits limits)
    : text_(text), file_(file), limits_(limits) {}

void CsvReader::fail(std::int64_t line, const std::string& reason) const {
  fail_at(file_, line, reason);
}

void CsvReader::push(CsvRow& row, std::string& field) const {
  if (row.fields.size() >= limits_.max_fields) {
    fail(row.line, "more than " + std::to_string(limits_.max_fields) + " fields in a row");
  }
  row.fields.push_back(std::move(field));
  field.clear();
}

void CsvReader::grow(const CsvRow& row, std::string& field, char c) const {
  field += c;
  if (field.size() > limits_.max_field_bytes) {
    fail(row.line,
         "a field is longer than " + std::to_string(limits_.max_field_bytes >> 10) + " KiB");
  }
}

bool CsvReader::next(CsvRow& row) {
  // Skip blank lines.
  while (at_ < text_.size()) {
    std::size_t end = text_.find('\n', at_);
    if (end == std::string_view::npos) end = text_.size();
    if (text_.substr(at_, end - at_).find_first_not_of(" \t\r") != std::string_view::npos) break;
    at_ = end + 1;
    ++line_;
  }
  if (at_ >= text_.size()) return false;
  row.line = line_;
  row.fields.clear();
  const std::size_t start = at_;
  std::string field;
  std::int64_t quote_line = 0;  // where the open quoted field began; 0 outside one
  bool after_quote = false;
  while (true) {
    if (at_ >= text_.size()) {
      if (quote_line > 0) fail(quote_line, "a quoted field is not closed");
      row.text = text_.substr(start);
      push(row, field);
      return true;
    }
    const char c = text_[at_++];
    if (quote_line > 0) {
      if (c != '"') {
        if (c == '\n') ++line_;
        grow(row, field, c);
      } else if (at_ < text_.size() && text_[at_] == '"') {
        grow(row, field, '"');
        ++at_;
      } else {
        quote_line = 0;
        after_quote = true;
      }
      continue;
    }
    if (c == ',') {
      push(row, field);
      after_quote = false;
      continue;
    }
    if (c == '\n' || (c == '\r' && (at_ >= text_.size() || text_[at_] == '\n'))) {
      row.text = text_.substr(start, at_ - 1 - start);
      if (c == '\r') ++at_;
      ++line_;
      push(row, field);
      return true;
    }
    if (c == '\r') {
      // A CR not followed by LF ends no line here: the file has the CR-only
      // line ends of classic Mac OS (and of Excel's "CSV (Macintosh)"), and
      // would otherwise be read as one endless row.
      fail(line_,
           "a carriage return (CR) without a line feed: the file uses CR-only (classic Mac) line "
           "endings; convert it to LF or CRLF line endings");
    }
    if (c == '"') {
      if (!field.empty() || after_quote) {
        fail(line_, "a quote inside an unquoted field (quote the whole field)");
      }
      quote_line = line_;
      continue;
    }
    if (after_quote) {
      if (c == ' ' || c == '\t') continue;
      fail(line_, "text after the closing quote of a field");
    }
    grow(row, field, c);
  }
}

}  // namespace hearth::io
