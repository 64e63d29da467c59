#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
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
  run_into(dir.file("run"));
  test::write_file(dir.file("run/precious.txt"), "keep me");
  CHECK_THROWS_AS(run_into(dir.file("run")), InputError);
  CHECK(test::read_file(dir.file("run/precious.txt")) == "keep me");
  run_into(dir.file("run"), true);
  CHECK_FALSE(fs::exists(dir.file("run/precious.txt")));
  CHECK(fs::exists(dir.file("run/manifest.json")));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("only a run directory is replaced by --force, never anything else", "[run][outputs]") {
  test::TempDir dir;
  auto refused = [&](const std::string& out) {
    try {
      run_into(out, true);
      FAIL("--force replaced " << out);
    } catch (const InputError& e) {
      CHECK(e.file() == out);
      CHECK_THAT(e.what(), Catch::Contains("not a Hearth run directory"));
    }
  };
  fs::create_directories(dir.file("precious/sub"));
  test::write_file(dir.file("precious/sub/thesis.tex"), "years of work");
  refused(dir.file("precious"));
  CHECK(test::read_file(dir.file("precious/sub/thesis.tex")) == "years of work");
  test::write_file(dir.file("notes.txt"), "a file");
  refused(dir.file("notes.txt"));
  CHECK(test::read_file(dir.file("notes.txt")) == "a file");
  // A manifest that does not name hearth is not enough.
  fs::create_directories(dir.file("other"));
  test::write_file(dir.file("other/manifest.json"), R"({"name": "something else"})");
  refused(dir.file("other"));
  // Nothing was left beside them either (no partial, no lock file).
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 3);
}

TEST_CASE("a replacement stopped between its two renames is recovered by the next run",
          "[run][outputs]") {
  test::TempDir dir;
  const std::string out = dir.file("run");
  auto ticks_of = [](const std::string& run) {
    return nlohmann::json::parse(test::read_file(run + "/manifest.json"))["ticks"].get<int>();
  };
  auto run_ticks = [&](int ticks, const std::string& to) {
    const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, ticks), "test");
    RunOptions options;
    options.out_dir = to;
    options.quiet = true;
    options.force = true;
    run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  };
  run_ticks(2, dir.file("old"));
  run_ticks(3, dir.file("new"));

  SECTION("killed after both renames: the old run is removed") {
    fs::rename(dir.file("new"), out);
    fs::rename(dir.file("old"), out + ".replaced");
    CHECK_THROWS_AS(run_into(out), InputError);  // exists: but the recovery ran first
    CHECK_FALSE(fs::exists(out + ".replaced"));
    CHECK(ticks_of(out) == 3);
  }
  SECTION("killed between the renames: the finished new run is put in place") {
    fs::rename(dir.file("new"), out + ".partial");  // a finished run not yet renamed
    fs::rename(dir.file("old"), out + ".replaced");
    CHECK_THROWS_AS(resume_run(test::run_options(out, 1)), InputError);  // already complete
    CHECK_FALSE(fs::exists(out + ".replaced"));
    CHECK_FALSE(fs::exists(out + ".partial"));
    CHECK(ticks_of(out) == 3);
  }
  SECTION("killed between the renames with the new run damaged: the old run is put back") {
    fs::rename(dir.file("new"), out + ".partial");
    fs::remove(out + ".partial/groups.csv");
    fs::rename(dir.file("old"), out + ".replaced");
    CHECK_THROWS_AS(run_into(out), InputError);
    CHECK_FALSE(fs::exists(out + ".replaced"));
    CHECK(ticks_of(out) == 2);
  }
  SECTION("a directory of that name that is not a run directory is left alone") {
    fs::create_directories(out + ".replaced");
    test::write_file(out + ".replaced/mine.txt", "mine");
    run_into(out);
    try {
      run_into(out, true);  // would need the name to replace the run safely
      FAIL("--force went ahead with " << out << ".replaced in the way");
    } catch (const InputError& e) {
      CHECK(e.file() == out + ".replaced");
    }
    CHECK(test::read_file(out + ".replaced/mine.txt") == "mine");
  }
}

TEST_CASE("a run directory being written by another process is refused, not mixed",
          "[run][outputs][lock]") {
  test::TempDir dir;
  const std::string out = dir.file("run");
  // Another process's lock (flock locks belong to an open file, so a second
  // open in this process conflicts as another process would).
  const int other = ::open((out + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(other >= 0);
  REQUIRE(::flock(other, LOCK_EX | LOCK_NB) == 0);
  REQUIRE(::write(other, "4242\n", 5) == 5);
  for (bool force : {false, true}) {
    try {
      run_into(out, force);
      FAIL("a locked run directory was written");
    } catch (const InputError& e) {
      CHECK(e.file() == out);
      CHECK_THAT(e.what(), Catch::Contains("another hearth process (pid 4242) is writing"));
    }
  }
  try {
    resume_run(test::run_options(out, 1));
    FAIL("a locked run directory was resumed");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("another hearth process (pid 4242) is writing"));
  }
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".partial"));
  ::close(other);  // the holder ends: its lock goes with it, the stale file is harmless
  run_into(out);
  CHECK(fs::exists(out + "/manifest.json"));
  CHECK_FALSE(fs::exists(out + ".lock"));  // removed by the run that held it
}

TEST_CASE("a file name that is not UTF-8 is kept in the manifest, escaped", "[run][outputs]") {
  CHECK(json_safe_file_name("scenarios/caf\xc3\xa9.json") == "scenarios/caf\xc3\xa9.json");
  CHECK(json_safe_file_name("bad\xff\xfe.json") == "bad\\xFF\\xFE.json");
  CHECK(json_safe_file_name("cut\xc3") == "cut\\xC3");              // a sequence cut short
  CHECK(json_safe_file_name("\xc0\xaf") == "\\xC0\\xAF");           // an overlong '/'
  CHECK(json_safe_file_name("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 2), "test");
  RunOptions options;
  options.out_dir = dir.file("run");
  options.quiet = true;
  options.scenario_file = "caf\xe9.json";  // Latin-1
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  const auto manifest = nlohmann::json::parse(test::read_file(dir.file("run/manifest.json")));
  CHECK(manifest["scenario_file"] == "caf\\xE9.json");
  CHECK(manifest["status"] == "complete");
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
  // A flood, so that outcomes.csv and flows.csv are written too.
  auto doc = test::small_scenario_json(1000, 4);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 2}}});
  const auto flooded = io::load_scenario_json(doc, "test");
  RunOptions options;
  options.out_dir = dir.file("run");
  options.quiet = true;
  options.force = true;
  run_scenario(flooded.def, flooded.resolved, flooded.hash, options);
  const std::string docs = test::read_file(HEARTH_SOURCE_DIR "/docs/OUTPUTS.md");
  for (const char* file :
       {"indicators.csv", "groups.csv", "neighbourhoods.csv", "outcomes.csv", "flows.csv"}) {
    const std::string csv = test::read_file(dir.file(std::string("run/") + file));
    std::stringstream header(csv.substr(0, csv.find('\n')));
    std::string column;
    while (std::getline(header, column, ',')) {
      INFO(file << " column " << column << " (run scripts/outputs_doc.py)");
      CHECK(docs.find("`" + column + "`") != std::string::npos);
    }
  }
}
