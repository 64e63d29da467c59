#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;
namespace fs = std::filesystem;

namespace {
RunResult run_into(const std::string& out, bool force = false) {
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 3), "test");
  RunOptions options;
  options.out_dir = out;
  options.quiet = true;
  options.force = force;
  return run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
}
}  // namespace

TEST_CASE("a run directory holds a complete manifest and one CSV row per tick", "[run][outputs]") {
  test::TempDir dir;
  run_into(dir.file("run"));
  const auto manifest = nlohmann::json::parse(test::read_file(dir.file("run/manifest.json")));
  CHECK(manifest["status"] == "complete");
  CHECK(manifest["seed"] == 7);
  CHECK(manifest["ticks"] == 3);
  CHECK(manifest["scenario_hash"].get<std::string>().size() == 16);
  CHECK(manifest["scenario"]["city"]["households"] == 1000);
  CHECK(manifest["scenario"]["economy"].contains("income_persistence"));  // defaults resolved
  CHECK(manifest["timings"]["phase_seconds"].contains("market"));
  CHECK(manifest.contains("git_commit"));
  CHECK(manifest.contains("threads"));

  const std::string csv = test::read_file(dir.file("run/indicators.csv"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 4);  // header, ticks 0..3
  CHECK(csv.rfind("tick,date,households_in_city,", 0) == 0);
  // Nothing temporary is left beside it.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename() == "run");
  }
}

TEST_CASE("an existing run directory is kept unless --force", "[run][outputs]") {
  test::TempDir dir;
  fs::create_directories(dir.file("run"));
  test::write_file(dir.file("run/precious.txt"), "keep me");
  CHECK_THROWS_AS(run_into(dir.file("run")), InputError);
  CHECK(test::read_file(dir.file("run/precious.txt")) == "keep me");
  run_into(dir.file("run"), true);
  CHECK_FALSE(fs::exists(dir.file("run/precious.txt")));
  CHECK(fs::exists(dir.file("run/manifest.json")));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("an unwritable output location fails clearly and leaves nothing", "[run][outputs]") {
  if (::geteuid() == 0) {
    // Root ignores directory modes; a path under a regular file fails for anyone.
    test::TempDir dir;
    test::write_file(dir.file("file"), "x");
    CHECK_THROWS_AS(run_into(dir.file("file/run")), OutputError);
    return;
  }
  test::TempDir dir;
  fs::create_directories(dir.file("locked"));
  ::chmod(dir.file("locked").c_str(), 0555);
  CHECK_THROWS_AS(run_into(dir.file("locked/run")), OutputError);
  CHECK(fs::is_empty(dir.file("locked")));
  ::chmod(dir.file("locked").c_str(), 0755);
}

TEST_CASE("docs/OUTPUTS.md documents every column the run writes", "[run][outputs][docs]") {
  test::TempDir dir;
  run_into(dir.file("run"));
  const std::string docs = test::read_file(HEARTH_SOURCE_DIR "/docs/OUTPUTS.md");
  for (const char* file : {"indicators.csv", "groups.csv", "neighbourhoods.csv"}) {
    const std::string csv = test::read_file(dir.file(std::string("run/") + file));
    std::stringstream header(csv.substr(0, csv.find('\n')));
    std::string column;
    while (std::getline(header, column, ',')) {
      INFO(file << " column " << column << " (run scripts/outputs_doc.py)");
      CHECK(docs.find("`" + column + "`") != std::string::npos);
    }
  }
}
