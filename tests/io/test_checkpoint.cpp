#include <catch2/catch.hpp>

#include <filesystem>

#include "hearth/errors.hpp"
#include "io/checkpoint.hpp"
#include "io/scenario_loader.hpp"
#include "state/city_generator.hpp"
#include "state/columns.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

io::CheckpointMeta meta_for(const std::string& hash) {
  io::CheckpointMeta meta;
  meta.build_id = io::current_build_id();
  meta.scenario_hash = hash;
  meta.scenario_json = "{}";
  meta.output_sizes = {{"indicators.csv", 123}};
  return meta;
}

std::string error_reading(const std::string& path, const std::string& hash = "") {
  io::CheckpointMeta meta;
  try {
    io::read_checkpoint(path, meta, hash);
  } catch (const InputError& e) {
    CHECK(e.file() == path);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a checkpoint restores every column exactly", "[io][checkpoint]") {
  test::TempDir dir;
  World world = generate_city(test::small_scenario(2000));
  world.tick = 17;
  world.total_arrivals = 5;
  world.households.savings[3] = 1234.5f;
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev"), world, meta_for("abc"));
  io::CheckpointMeta meta;
  World back = io::read_checkpoint(dir.file("c.bin"), meta, "abc");
  CHECK(back.tick == 17);
  CHECK(back.total_arrivals == 5);
  CHECK(meta.output_sizes == meta_for("abc").output_sizes);
  // Compare every listed column byte for byte.
  auto compare = [](auto& a, auto& b) {
    std::vector<std::string> differ;
    std::vector<std::pair<const char*, std::string>> left, right;
    auto bytes = [](auto& column) {
      return std::string(reinterpret_cast<const char*>(column.data()),
                         column.size() * sizeof(column[0]));
    };
    visit_columns(a, [&](const char* name, auto& c, auto) { left.emplace_back(name, bytes(c)); });
    visit_columns(b, [&](const char* name, auto& c, auto) { right.emplace_back(name, bytes(c)); });
    REQUIRE(left.size() == right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
      INFO("column " << left[i].first);
      CHECK(left[i].second == right[i].second);
    }
  };
  compare(world.households, back.households);
  compare(world.dwellings, back.dwellings);
  compare(world.grid, back.grid);
  CHECK(back.grid.hazards.size() == world.grid.hazards.size());
  CHECK(back.grid.hazards[0].value == world.grid.hazards[0].value);
}

TEST_CASE("writing keeps the previous checkpoint", "[io][checkpoint]") {
  test::TempDir dir;
  World world = generate_city(test::small_scenario(500));
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev"), world, meta_for("a"));
  world.tick = 2;
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev"), world, meta_for("a"));
  io::CheckpointMeta meta;
  CHECK(io::read_checkpoint(dir.file("c.bin"), meta).tick == 2);
  CHECK(io::read_checkpoint(dir.file("c.prev"), meta).tick == 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("c.bin.tmp")));
}

TEST_CASE("damaged, foreign and missing checkpoints are refused with a reason",
          "[io][checkpoint]") {
  test::TempDir dir;
  World world = generate_city(test::small_scenario(500));
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev"), world, meta_for("abc"));
  const std::string good = test::read_file(dir.file("c.bin"));

  CHECK(error_reading(dir.file("c.bin"), "other").find("not of this scenario") !=
        std::string::npos);
  CHECK(error_reading(dir.file("missing.bin")).find("no checkpoint") != std::string::npos);

  test::write_file(dir.file("short.bin"), good.substr(0, good.size() / 2));
  CHECK(error_reading(dir.file("short.bin")).find("truncated") != std::string::npos);

  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  test::write_file(dir.file("flipped.bin"), flipped);
  CHECK_FALSE(error_reading(dir.file("flipped.bin")).empty());

  std::string magic = good;
  magic[0] = 'X';
  test::write_file(dir.file("magic.bin"), magic);
  CHECK(error_reading(dir.file("magic.bin")).find("bad magic") != std::string::npos);

  std::string version = good;
  version[8] = 99;  // the format version follows the 8-byte magic
  test::write_file(dir.file("version.bin"), version);
  CHECK(error_reading(dir.file("version.bin")).find("format version 99") != std::string::npos);

  test::write_file(dir.file("empty.bin"), "");
  CHECK(error_reading(dir.file("empty.bin")).find("truncated") != std::string::npos);

  // A huge claimed length must not be allocated: it is checked against the file size.
  std::string huge =
      good.substr(0, 12) + std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) + good.substr(20);
  test::write_file(dir.file("huge.bin"), huge);
  CHECK(error_reading(dir.file("huge.bin")).find("corrupt") != std::string::npos);
}

TEST_CASE("a foreign checkpoint is a mismatch only when its checksum holds", "[io][checkpoint]") {
  // `hearth run --resume` falls back to the previous checkpoint when the
  // newest is damaged, but not when it is sound and of something else.
  test::TempDir dir;
  World world = generate_city(test::small_scenario(500));
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev"), world, meta_for("abc"));
  io::CheckpointMeta meta;
  CHECK_THROWS_AS(io::read_checkpoint(dir.file("c.bin"), meta, "other"), io::CheckpointMismatch);

  // The version field damaged (the checksum no longer holds): damage, not a mismatch.
  std::string version = test::read_file(dir.file("c.bin"));
  version[8] = 99;
  test::write_file(dir.file("version.bin"), version);
  try {
    io::read_checkpoint(dir.file("version.bin"), meta);
    FAIL("no error");
  } catch (const io::CheckpointMismatch&) {
    FAIL("a damaged version field was taken for another format version");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("format version 99") &&
                             Catch::Contains("the checksum does not match either"));
  }

  std::filesystem::create_directory(dir.file("dir.bin"));
  CHECK_THAT(error_reading(dir.file("dir.bin")), Catch::Contains("is a directory"));
}
