// The tract CSV reader: the Boston table reads, and every class of bad input
// is refused with an InputError naming the file, the line, the column and
// the reason (docs/TRACTS.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "city/tract_city.hpp"
#include "hearth/errors.hpp"
#include "io/tract_reader.hpp"
#include "state/invariants.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

const std::string kHeader =
    "poltract,TOWN,LON,LAT,POP,units,cu5k,c5_7_5,C7_5_10,C10_15,C15_20,C20_25,C25_35,C35_50,co50k,"
    "CMEDV,LSTAT,DIS,CHAS,RM,AGE\n";
const std::string kRow1 =
    "0001,Alpha,-71.10,42.35,4000,100,0,0,0,10,40,30,20,0,0,18.5,12.0,2.5,1,6.2,80\n";
const std::string kRow2 =
    "0002,\"Beta, North\",-71.05,42.37,3000,50,0,0,5,5,10,10,10,10,0,22.0,8.0,3.1,0,6.5,40\n";

// The location and reason of the error `text` gives, or "" when it reads.
std::string error_of(const std::string& text) {
  try {
    io::parse_tracts(text, "t.csv");
  } catch (const InputError& e) {
    REQUIRE(e.file() == "t.csv");
    REQUIRE(e.problems().size() == 1);
    return e.problems()[0].location + ": " + e.problems()[0].reason;
  }
  return "";
}

}  // namespace

TEST_CASE("the Boston tract table reads whole", "[io][tracts]") {
  const io::TractTable table =
      io::read_tracts(HEARTH_SOURCE_DIR "/scenarios/data/boston/boston_tracts.csv");
  REQUIRE(table.tracts.size() == 506);
  CHECK(table.total_population == 2702002);
  int river = 0;
  for (const auto& t : table.tracts) river += t.bounds_river;
  CHECK(river == 35);
  CHECK(table.tracts[0].id == "0001");
  CHECK(table.tracts[0].town == "Boston Allston-Brighton");
  CHECK(table.tracts[0].owner_units == 126);
  CHECK(table.tracts[0].value_band_units[4] == 43);
  CHECK(table.tracts[0].median_value_thousands == Approx(17.8));
  CHECK(table.has_lstat);
}

TEST_CASE("a small table reads, with quoted fields, CRLF and a UTF-8 BOM", "[io][tracts]") {
  std::string crlf = kHeader + kRow1 + kRow2;
  std::string with_cr;
  for (char c : crlf) with_cr += c == '\n' ? std::string("\r\n") : std::string(1, c);
  for (const std::string& text : {crlf, with_cr, "\xEF\xBB\xBF" + crlf, crlf + "\n\n"}) {
    const io::TractTable table = io::parse_tracts(text, "t.csv");
    REQUIRE(table.tracts.size() == 2);
    CHECK(table.tracts[1].town == "Beta, North");
    CHECK(table.tracts[1].line == 3);
    CHECK(table.tracts[0].bounds_river);
    CHECK_FALSE(table.tracts[1].bounds_river);
  }
}

TEST_CASE("optional columns may be left out, columns are found by name in any case",
          "[io][tracts]") {
  const std::string text =
      "DIS,Poltract,lon,lat,pop,UNITS,cu5k,c5_7_5,c7_5_10,c10_15,c15_20,c20_25,c25_35,c35_50,"
      "co50k\n"
      "2.0,A,-71,42,1000,10,0,0,0,0,10,0,0,0,0\n";
  const io::TractTable table = io::parse_tracts(text, "t.csv");
  REQUIRE(table.tracts.size() == 1);
  CHECK(table.tracts[0].median_value_thousands == -1);
  CHECK(table.tracts[0].lower_status_percent == -1);
  CHECK_FALSE(table.tracts[0].bounds_river);
  CHECK_FALSE(table.has_lstat);
}

TEST_CASE("every kind of bad tract table is refused with its line, column and reason",
          "[io][tracts]") {
  auto replace = [](std::string row, const std::string& from, const std::string& to) {
    const auto at = row.find(from);
    REQUIRE(at != std::string::npos);
    return row.replace(at, from.size(), to);
  };
  SECTION("empty") {
    CHECK_THAT(error_of(""), Catch::Contains("file is empty"));
    CHECK_THAT(error_of("  \n\r\n"), Catch::Contains("file is empty"));
  }
  SECTION("CR-only line ends (classic Mac)") {
    // Read as one endless row, they gave "more than 1000 fields in a row".
    std::string mac = kHeader + kRow1 + kRow2;
    for (char& c : mac) c = c == '\n' ? '\r' : c;
    CHECK_THAT(error_of(mac),
               Catch::Contains("line 1: a carriage return (CR) without a line feed: the file uses "
                               "CR-only (classic Mac) line endings; convert it to LF or CRLF"));
    CHECK_THAT(error_of(kHeader + kRow1 + "0003,Gamma\r" + kRow2),
               Catch::Contains("line 3:") && Catch::Contains("CR-only"));
  }
  SECTION("header only") {
    CHECK_THAT(error_of(kHeader), Catch::Contains("not followed by any tract"));
  }
  SECTION("missing column") {
    const std::string header = replace(kHeader, "DIS,", "");
    CHECK_THAT(error_of(header), Catch::Contains("column DIS: required column missing"));
  }
  SECTION("repeated column") {
    CHECK_THAT(error_of("POP," + kHeader + "1," + kRow1),
               Catch::Contains("line 1, column POP: the column appears twice"));
  }
  SECTION("not a number") {
    CHECK_THAT(error_of(kHeader + replace(kRow1, "4000", "4k")),
               Catch::Contains("line 2, column POP: '4k' is not a number"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, ",2.5,", ",,")),
               Catch::Contains("line 2, column DIS: empty"));
  }
  SECTION("NaN and infinity") {
    CHECK_THAT(error_of(kHeader + replace(kRow1, "12.0", "nan")),
               Catch::Contains("line 2, column LSTAT: NaN or infinity"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, "-71.10", "-inf")),
               Catch::Contains("column LON: NaN or infinity"));
  }
  SECTION("negative and fractional counts") {
    CHECK_THAT(error_of(kHeader + replace(kRow1, "4000", "-4000")),
               Catch::Contains("column POP: a count cannot be negative"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, "4000", "4000.5")),
               Catch::Contains("column POP: a count must be a whole number"));
  }
  SECTION("absurd sizes and out-of-range values") {
    CHECK_THAT(error_of(kHeader + replace(kRow1, "4000", "1e12")),
               Catch::Contains("column POP: must lie in [0, 1e+08]"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, "42.35", "142.35")),
               Catch::Contains("column LAT: must lie in [-90, 90]"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, ",1,6.2", ",2,6.2")),
               Catch::Contains("column CHAS: must lie in [0, 1]"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, "12.0", "112.0")),
               Catch::Contains("column LSTAT: must lie in [0, 100]"));
  }
  SECTION("value bands that do not add up to units") {
    CHECK_THAT(error_of(kHeader + replace(kRow1, "0,0,0,10,40", "0,0,0,11,40")),
               Catch::Contains("line 2, column units: the value bands cu5k..co50k add up to 101"));
  }
  SECTION("duplicate tract ids") {
    CHECK_THAT(
        error_of(kHeader + kRow1 + kRow2 + kRow1),
        Catch::Contains("line 4, column poltract: tract id '0001' repeats the tract on line 2"));
  }
  SECTION("rows of the wrong length and broken quotes") {
    CHECK_THAT(error_of(kHeader + "0001,Alpha,1\n"),
               Catch::Contains("line 2: the row has 3 fields"));
    CHECK_THAT(error_of(kHeader + replace(kRow2, "\"Beta, North\"", "\"Beta")),
               Catch::Contains("quoted field is not closed"));
    CHECK_THAT(error_of(kHeader + replace(kRow2, "\"Beta, North\"", "Be\"ta")),
               Catch::Contains("a quote inside an unquoted field"));
  }
  SECTION("binary garbage") {
    CHECK_THAT(error_of(std::string("\x7f"
                                    "ELF\x02\x01\x01\0\0\0",
                                    10)),
               Catch::Contains("not a CSV text file"));
    CHECK_THAT(error_of(kHeader +
                        std::string("00\0"
                                    "01",
                                    5) +
                        "\n"),
               Catch::Contains("NUL byte"));
  }
  SECTION("wrong encodings") {
    CHECK_THAT(error_of("\xFF\xFEp\0o\0"), Catch::Contains("UTF-16"));
    // Latin-1 "Dorchester Lower Mills" with a byte that is not UTF-8.
    CHECK_THAT(error_of(kHeader + replace(kRow1, "Alpha", "Alph\xE9")),
               Catch::Contains("line 2: invalid UTF-8"));
    CHECK_THAT(error_of(kHeader + replace(kRow1, "Alpha", "Alph\xC0\xAF")),
               Catch::Contains("not valid UTF-8"));
  }
  SECTION("a missing or unreadable file") {
    CHECK_THROWS_AS(io::read_tracts("/nonexistent/tracts.csv"), InputError);
    test::TempDir dir;
    test::write_file(dir.file("big.csv"), kHeader + kRow1);
    CHECK_THROWS_WITH(io::read_tracts(dir.file("big.csv"), 16),
                      Catch::Contains("larger than 16 bytes"));
  }
}

// The fuzzer's seed corpus and every input it found a problem with (kept as
// regression inputs, e.g. regression_slow_sparse.csv: far-apart tracts made
// the nearest-centroid search cost the cube of the distance): each is read
// or refused with an InputError, and what reads is built into a small city
// whose invariants hold, as tests/fuzz/fuzz_tracts.cpp does under ASan.
TEST_CASE("every input of the tract fuzz corpus reads or is refused cleanly",
          "[io][tracts][fuzz]") {
  int inputs = 0, built = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(HEARTH_SOURCE_DIR "/tests/fuzz/corpus/tracts")) {
    ++inputs;
    INFO(entry.path().string());
    const std::string text = test::read_file(entry.path().string());
    io::TractTable table;
    try {
      table = io::parse_tracts(text, "corpus.csv");
    } catch (const InputError& e) {
      CHECK_FALSE(e.problems().empty());
      continue;
    }
    REQUIRE_FALSE(table.tracts.empty());
    ScenarioDef s;
    s.city.tracts.file = "corpus.csv";
    s.city.tracts.population_scale = 0.01;
    s.city.tracts.max_distance_m = 1000;
    try {
      s.city.grid = grid_for_tracts(table, 1000, 1000);
      const World w = generate_tract_city(s, table);
      CHECK_NOTHROW(check_invariants(w));
      for (NeighbourhoodId n : w.grid.neighbourhood) REQUIRE(n < table.tracts.size());
      ++built;
    } catch (const InputError& e) {
      CHECK_FALSE(e.problems().empty());
    }
  }
  CHECK(inputs >= 5);
  CHECK(built >= 4);
}
