// The one CSV reader (io/csv_reader): RFC 4180 quoting, CRLF and LF, blank
// lines, each row's text as written, and the errors naming file, line and
// reason that the tract table, CsvTable and sweep collect rely on.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hearth/errors.hpp"
#include "io/csv_reader.hpp"

using namespace hearth;

namespace {

std::vector<io::CsvRow> rows_of(const std::string& text, io::CsvLimits limits = {}) {
  const std::string file = "r.csv";
  io::CsvReader csv(text, file, limits);
  std::vector<io::CsvRow> rows;
  for (io::CsvRow row; csv.next(row);) rows.push_back(row);
  return rows;
}

// "LOCATION: REASON" of the error reading `text` gives, or "" when it reads.
std::string error_of(const std::string& text, io::CsvLimits limits = {}) {
  try {
    rows_of(text, limits);
  } catch (const InputError& e) {
    REQUIRE(e.file() == "r.csv");
    return e.problems().at(0).location + ": " + e.problems().at(0).reason;
  }
  return "";
}

}  // namespace

TEST_CASE("the CSV reader splits quoted fields, CRLF and LF rows, and skips blank lines",
          "[io][csv]") {
  const std::string text = "a,b\r\n\"x, \"\"y\"\"\",2\n  \n\"two\nlines\",3\n4,";
  const auto rows = rows_of(text);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"a", "b"});
  CHECK(rows[0].text == "a,b");
  CHECK(rows[1].fields == std::vector<std::string>{"x, \"y\"", "2"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == std::vector<std::string>{"two\nlines", "3"});
  CHECK(rows[2].line == 4);
  CHECK(rows[2].text == "\"two\nlines\",3");
  CHECK(rows[3].fields == std::vector<std::string>{"4", ""});
  CHECK(rows[3].line == 6);
  CHECK(rows[3].text == "4,");
  CHECK(rows_of("").empty());
  CHECK(io::without_utf8_bom("\xEF\xBB\xBFtick") == "tick");
}

TEST_CASE("the CSV reader refuses malformed CSV with the line and the reason", "[io][csv]") {
  CHECK(error_of("a\n\"open,\n1\n") == "line 2: a quoted field is not closed");
  CHECK(error_of("a,b\n1,x\"y\n") ==
        "line 2: a quote inside an unquoted field (quote the whole field)");
  CHECK(error_of("a\n\"q\"x\n") == "line 2: text after the closing quote of a field");
  CHECK(error_of("a\rb\r").rfind("line 1: a carriage return (CR) without a line feed", 0) == 0);
  CHECK(error_of("a,b,c\n", {2, 100}) == "line 1: more than 2 fields in a row");
  CHECK(error_of(std::string(3000, 'x'), {10, 2048}) == "line 1: a field is longer than 2 KiB");
  CHECK(error_of("\"a\" ,b\n") == "");  // spaces after a closing quote are allowed
}

TEST_CASE("CSV text that is not UTF-8 is refused with the line", "[io][csv]") {
  auto text_error = [](const std::string& text) -> std::string {
    try {
      io::check_csv_text(text, "r.csv");
    } catch (const InputError& e) {
      return e.problems().at(0).location + ": " + e.problems().at(0).reason;
    }
    return "";
  };
  CHECK(text_error("a\nb\n\xC3\xA9\n") == "");
  CHECK_THAT(text_error(std::string("\xFF\xFE"
                                    "a\0",
                                    4)),
             Catch::Contains("line 1: the file is UTF-16"));
  CHECK_THAT(text_error(std::string("a\nb\0", 4)), Catch::StartsWith("line 2: NUL byte"));
  CHECK_THAT(text_error("a\n\xFFt\n"), Catch::StartsWith("line 2: byte 255 is not valid UTF-8"));
}
