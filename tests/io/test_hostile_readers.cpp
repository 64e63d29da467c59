// Regressions from tests/cli/test_hostile_files.sh for the file readers of
// the io module: the .asc raster reader, JSON text and frames.bin. Each
// hostile file is an InputError naming the file and the reason, in words a
// terminal can show, without allocating for what the file cannot hold.
#include <catch2/catch.hpp>

#include <filesystem>

#include "hearth/errors.hpp"
#include "io/asc_reader.hpp"
#include "io/frames_file.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

const std::string kHeader =
    "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 10\nNODATA_value -9999\n";

std::string asc_error(const std::string& path, std::int32_t cols = 3, std::int32_t rows = 2) {
  try {
    io::read_asc(path, cols, rows, 0.0f, 0.0, 100.0);
  } catch (const InputError& e) {
    CHECK(e.file() == path);
    return e.what();
  }
  return "";
}

std::string json_error(const std::string& text) {
  try {
    io::parse_json_text(text, "f.json");
  } catch (const InputError& e) {
    CHECK(e.file() == "f.json");
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the .asc reader: BOM, UTF-16, binary, endless lines, promised sizes",
          "[io][asc][hostile]") {
  test::TempDir dir;
  const std::string body = "1 2 3\n4 5 -9999\n";
  test::write_file(dir.file("bom.asc"), "\xEF\xBB\xBF" + kHeader + body);
  CHECK(io::read_asc(dir.file("bom.asc"), 3, 2, 0.0f, 0.0, 100.0).value[0] == 4.0f);

  test::write_file(dir.file("utf16.asc"), std::string("\xFF\xFEn\0c\0", 6));
  CHECK_THAT(asc_error(dir.file("utf16.asc")), Catch::Contains("UTF-16"));
  test::write_file(dir.file("binary.asc"), kHeader + std::string("1 2\0 3\n", 7));
  CHECK_THAT(asc_error(dir.file("binary.asc")),
             Catch::Contains("line 7: NUL byte") && Catch::Contains("binary"));

  // A 1 MB key was quoted whole; now 40 bytes of it.
  test::write_file(dir.file("long.asc"), std::string(1 << 20, 'a'));
  const std::string long_error = asc_error(dir.file("long.asc"));
  CHECK_THAT(long_error, Catch::Contains("unknown header key 'aaaa"));
  CHECK(long_error.size() < 300);

  // 16384 x 16384 cells (a 1 GiB grid) promised by a file of a few lines: refused
  // before the grid is allocated.
  test::write_file(dir.file("promise.asc"),
                   "ncols 16384\nnrows 16384\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n");
  CHECK_THAT(asc_error(dir.file("promise.asc"), 0, 0),
             Catch::Contains("the header promises 268435456 cells"));
}

TEST_CASE("an .asc raster of nothing but NODATA is refused", "[io][asc][hostile]") {
  test::TempDir dir;
  test::write_file(dir.file("nodata.asc"), kHeader + "-9999 -9999 -9999\n-9999 -9999 -9999\n");
  CHECK_THAT(asc_error(dir.file("nodata.asc")),
             Catch::Contains("nodata.asc: every cell is NODATA (NODATA_value -9999)"));
  // One cell with a value is a raster.
  test::write_file(dir.file("one.asc"), kHeader + "-9999 -9999 -9999\n-9999 0.5 -9999\n");
  CHECK(io::read_asc(dir.file("one.asc"), 3, 2, 0.0f, 0.0, 100.0).value[1] == 0.5f);
}

TEST_CASE("JSON text: UTF-16, binary, numbers too large, and what is quoted",
          "[io][json][hostile]") {
  CHECK_THAT(json_error(std::string("\xFF\xFE{\0}\0", 6)), Catch::Contains("UTF-16"));
  CHECK_THAT(json_error(std::string("{\"a\":\n 1\0}", 10)),
             Catch::Contains("line 2, column 3: NUL byte"));
  const std::string overflow = json_error("{\n  \"households\": 1e999\n}");
  CHECK_THAT(overflow, Catch::Contains("line 2, column 17: malformed JSON: number overflow"));
  CHECK_THAT(overflow, !Catch::Contains("json.exception"));
  // An unclosed string of 1 MB: the parser quotes all it read; the message does not.
  const std::string endless = json_error("{\"name\": \"" + std::string(1 << 20, 'x'));
  CHECK_THAT(endless, Catch::Contains("malformed JSON"));
  CHECK(endless.size() < 400);
  CHECK_THAT(json_error("{\"a\": \"\x01\x02\"}"), !Catch::Contains("\x01"));
}

TEST_CASE("frames.bin given as a directory is refused as one", "[io][frames][hostile]") {
  test::TempDir dir;
  std::filesystem::create_directory(dir.file("frames.bin"));
  try {
    io::FramesReader reader(dir.file("frames.bin"));
    FAIL("a directory was read as a frames file");
  } catch (const InputError& e) {
    CHECK(e.file() == dir.file("frames.bin"));
    CHECK_THAT(e.what(), Catch::Contains("is a directory"));
  }
}
