// A run interrupted at any tick and resumed gives byte-identical outputs to
// an uninterrupted one (docs/RELIABILITY.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/checkpoint.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const char* const kFiles[] = {"indicators.csv", "groups.csv", "neighbourhoods.csv"};

std::string outputs(const std::string& dir) {
  std::string all;
  for (const char* f : kFiles) all += test::read_file(dir + "/" + f) + "\n--\n";
  return all;
}

}  // namespace

TEST_CASE("a run interrupted and resumed at several ticks matches an uninterrupted one",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(3000, 30), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file("whole"), 2));
  const std::string reference = outputs(dir.file("whole"));

  for (int stop : {1, 7, 12, 29}) {
    for (int every : {0, 5}) {
      DYNAMIC_SECTION("stopped after tick " << stop << ", checkpoint every " << every) {
        const std::string out =
            dir.file("cut-" + std::to_string(stop) + "-" + std::to_string(every));
        RunOptions first = test::run_options(out, 1);
        first.stop_after_tick = stop;
        first.checkpoint_every = every;
        const RunResult cut = run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
        REQUIRE(cut.interrupted);
        CHECK(cut.ticks_done == stop);
        CHECK_FALSE(fs::exists(out));
        const auto manifest =
            nlohmann::json::parse(test::read_file(out + ".partial/manifest.json"));
        CHECK(manifest["status"] == "interrupted");
        CHECK(manifest["ticks_done"] == stop);

        // Resume on another thread count.
        const RunResult rest = resume_run(test::run_options(out, 4));
        CHECK_FALSE(rest.interrupted);
        CHECK(rest.out_dir == out);
        CHECK(outputs(out) == reference);
        CHECK_FALSE(fs::exists(out + ".partial"));
        CHECK_FALSE(fs::exists(out + "/checkpoint.bin"));
        const auto done = nlohmann::json::parse(test::read_file(out + "/manifest.json"));
        CHECK(done["status"] == "complete");
      }
    }
  }
}

TEST_CASE("a resume that is interrupted again still ends identical", "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(2000, 20), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file("whole"), 2));
  const std::string out = dir.file("twice");
  RunOptions first = test::run_options(out, 2);
  first.stop_after_tick = 4;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
  RunOptions second = test::run_options(out, 1);
  second.stop_after_tick = 11;
  CHECK(resume_run(second).interrupted);
  CHECK_FALSE(resume_run(test::run_options(out, 2)).interrupted);
  CHECK(outputs(out) == outputs(dir.file("whole")));
}

TEST_CASE("an interrupted run blocks a fresh start until resumed or forced", "[run][checkpoint]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 10), "test");
  RunOptions first = test::run_options(dir.file("run"), 1);
  first.stop_after_tick = 3;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
  CHECK_THROWS_AS(
      run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file("run"), 1)),
      InputError);
  RunOptions forced = test::run_options(dir.file("run"), 1);
  forced.force = true;
  CHECK_FALSE(run_scenario(loaded.def, loaded.resolved, loaded.hash, forced).interrupted);
  CHECK_THROWS_AS(resume_run(test::run_options(dir.file("run"), 1)),
                  InputError);  // already complete
  CHECK_THROWS_AS(resume_run(test::run_options(dir.file("nothing"), 1)), InputError);
}

namespace {

// A run of 30 ticks with a checkpoint every 5, stopped after tick 17:
// checkpoint.bin holds tick 17, checkpoint.prev.bin tick 15.
std::string interrupted_run(const io::LoadedScenario& loaded, const std::string& out) {
  RunOptions first = test::run_options(out, 1);
  first.stop_after_tick = 17;
  first.checkpoint_every = 5;
  REQUIRE(run_scenario(loaded.def, loaded.resolved, loaded.hash, first).interrupted);
  REQUIRE(fs::exists(out + ".partial/checkpoint.prev.bin"));
  return out + ".partial/checkpoint.bin";
}

void cut_in_half(const std::string& path) {
  fs::resize_file(path, fs::file_size(path) / 2);
}

}  // namespace

TEST_CASE("a damaged newest checkpoint falls back to the previous one, byte-identical",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(2000, 30), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file("whole"), 2));
  const std::string reference = outputs(dir.file("whole"));

  const std::vector<std::pair<const char*, void (*)(const std::string&)>> damages = {
      {"truncated", cut_in_half},
      {"checksum",
       [](const std::string& path) {
         std::string bytes = test::read_file(path);
         bytes[bytes.size() / 2] ^= 0x5a;
         test::write_file(path, bytes);
       }},
      {"empty", [](const std::string& path) { test::write_file(path, ""); }},
      {"missing", [](const std::string& path) { fs::remove(path); }},
      {"a directory", [](const std::string& path) {
         fs::remove(path);
         fs::create_directory(path);
       }}};
  for (const auto& [name, damage] : damages) {
    DYNAMIC_SECTION("newest checkpoint " << name) {
      const std::string out = dir.file(std::string("cut-") + name);
      const std::string newest = interrupted_run(loaded, out);
      damage(newest);
      const RunResult rest = resume_run(test::run_options(out, 2));
      CHECK_FALSE(rest.interrupted);
      CHECK(outputs(out) == reference);
      CHECK_FALSE(fs::exists(out + "/checkpoint.damaged.bin"));
      CHECK_FALSE(fs::exists(out + ".partial"));
    }
  }
}

TEST_CASE("a fallback that is interrupted again resumes from the checkpoint it used",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(2000, 30), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file("whole"), 2));
  const std::string out = dir.file("cut");
  const std::string newest = interrupted_run(loaded, out);
  cut_in_half(newest);
  RunOptions second = test::run_options(out, 1);
  second.stop_after_tick = 16;  // before the next checkpoint would be written
  CHECK(resume_run(second).interrupted);
  // The damaged file was moved aside; the checkpoints are sound again.
  CHECK(fs::exists(out + ".partial/checkpoint.damaged.bin"));
  CHECK_FALSE(resume_run(test::run_options(out, 2)).interrupted);
  CHECK(outputs(out) == outputs(dir.file("whole")));
}

TEST_CASE("no fallback from a foreign checkpoint, and none when both are damaged",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(2000, 30), "test");
  const auto other = io::load_scenario_json(test::small_scenario_json(1500, 30), "other");

  // A sound checkpoint of another scenario put into this run's directory.
  const std::string foreign = interrupted_run(loaded, dir.file("foreign"));
  fs::copy_file(interrupted_run(other, dir.file("other")), foreign,
                fs::copy_options::overwrite_existing);
  const std::string foreign_bytes = test::read_file(foreign);
  try {
    resume_run(test::run_options(dir.file("foreign"), 1));
    FAIL("a foreign checkpoint was resumed");
  } catch (const io::CheckpointMismatch& e) {
    CHECK_THAT(e.what(), Catch::Contains("not of this scenario"));
  }
  CHECK(test::read_file(foreign) == foreign_bytes);  // not replaced by the previous one

  const std::string both = interrupted_run(loaded, dir.file("both"));
  cut_in_half(both);
  cut_in_half(dir.file("both.partial/checkpoint.prev.bin"));
  try {
    resume_run(test::run_options(dir.file("both"), 1));
    FAIL("two damaged checkpoints were resumed");
  } catch (const InputError& e) {
    CHECK(e.file() == both);
    CHECK_THAT(e.what(), Catch::Contains("and the previous checkpoint " +
                                         dir.file("both.partial/checkpoint.prev.bin")));
  }

  // Outputs shorter than the checkpoint records: refused, not padded with zeros.
  interrupted_run(loaded, dir.file("short"));
  fs::resize_file(dir.file("short.partial/groups.csv"), 100);
  try {
    resume_run(test::run_options(dir.file("short"), 1));
    FAIL("outputs shorter than the checkpoint were resumed");
  } catch (const InputError& e) {
    CHECK(e.file() == dir.file("short.partial/groups.csv"));
    CHECK_THAT(e.what(), Catch::Contains("holds 100 bytes"));
  }
}

TEST_CASE("a finished run stopped before its final rename is renamed by --resume, once checked",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 4), "test");
  const std::string out = dir.file("run");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(out, 1));
  const std::string reference = outputs(out);
  // What SIGKILL just before the rename leaves: a complete manifest (and, if
  // killed just after it, the checkpoints not yet removed).
  fs::rename(out, out + ".partial");
  test::write_file(out + ".partial/checkpoint.bin", "left from before the manifest");
  try {
    run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(out, 1));
    FAIL("a plain run went ahead over a finished run");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("finish it with `hearth run --resume " + out + "`"));
  }
  const RunResult done = resume_run(test::run_options(out, 1));
  CHECK(done.finished_rename);
  CHECK(done.ticks_done == 4);
  CHECK(outputs(out) == reference);
  CHECK_FALSE(fs::exists(out + ".partial"));
  CHECK_FALSE(fs::exists(out + "/checkpoint.bin"));

  // Damaged since it finished: refused, and left as it is.
  for (const char* file : {"indicators.csv", "cells.csv"}) {
    DYNAMIC_SECTION("damaged " << file) {
      fs::rename(out, out + ".partial");
      std::string bytes = test::read_file(out + ".partial/" + file);
      bytes[bytes.size() / 2] ^= 0x01;
      test::write_file(out + ".partial/" + file, bytes);
      try {
        resume_run(test::run_options(out, 1));
        FAIL("a damaged finished run was renamed");
      } catch (const InputError& e) {
        CHECK(e.file() == out + ".partial/" + file);
        CHECK_THAT(e.what(), Catch::Contains("damaged since the run finished"));
      }
      CHECK_FALSE(fs::exists(out));
    }
  }
}

TEST_CASE("a run stopped before its first checkpoint gets the same advice from run and --resume",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 4), "test");
  const std::string out = dir.file("run");
  // What SIGKILL before the first checkpoint leaves: outputs begun, nothing else.
  fs::create_directories(out + ".partial");
  test::write_file(out + ".partial/indicators.csv", "tick,date\n0,2025-01\n");
  const std::string advice = "it cannot be resumed; start again with `hearth run SCENARIO --out " +
                             out + " --force` (which replaces it)";
  try {
    resume_run(test::run_options(out, 1));
    FAIL("resumed without a checkpoint");
  } catch (const InputError& e) {
    CHECK(e.file() == out + ".partial");
    CHECK_THAT(e.what(), Catch::Contains(advice));
  }
  try {
    run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(out, 1));
    FAIL("a plain run went ahead over a stale partial");
  } catch (const InputError& e) {
    CHECK(e.file() == out + ".partial");
    CHECK_THAT(e.what(), Catch::Contains(advice));
  }
  RunOptions forced = test::run_options(out, 1);
  forced.force = true;  // as advised
  CHECK_FALSE(run_scenario(loaded.def, loaded.resolved, loaded.hash, forced).interrupted);
  CHECK(fs::exists(out + "/manifest.json"));
}

TEST_CASE("resume refuses outputs damaged since the checkpoint", "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 10), "test");
  auto flip_byte = [](const std::string& path) {
    std::string bytes = test::read_file(path);
    bytes[bytes.size() / 3] ^= 0x10;
    test::write_file(path, bytes);
  };
  const std::vector<std::pair<const char*, std::function<void(const std::string&)>>> damages = {
      {"frames.bin", flip_byte},
      {"indicators.csv", flip_byte},
      {"cells.csv", [](const std::string& path) { fs::remove(path); }}};
  for (const auto& [file, damage] : damages) {
    DYNAMIC_SECTION(file) {
      const std::string out = dir.file("run");
      RunOptions first = test::run_options(out, 1);
      first.stop_after_tick = 5;
      first.checkpoint_every = 2;
      first.record_frames_every = 2;
      REQUIRE(run_scenario(loaded.def, loaded.resolved, loaded.hash, first).interrupted);
      const std::string path = out + ".partial/" + file;
      damage(path);
      try {
        resume_run(test::run_options(out, 1));
        FAIL("resumed onto a damaged " << file);
      } catch (const InputError& e) {
        CHECK(e.file() == path);
        CHECK_THAT(e.what(), Catch::Contains("since the checkpoint") &&
                                 Catch::Contains("start again with --force"));
      }
      CHECK_FALSE(fs::exists(out));
      CHECK(nlohmann::json::parse(test::read_file(out + ".partial/manifest.json"))["status"] ==
            "interrupted");
    }
  }
}

TEST_CASE("a large checkpoint is announced with its size, unless quiet", "[run][checkpoint]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 4), "test");
  auto notice_of = [&](bool quiet, const std::string& name) {
    RunOptions options = test::run_options(dir.file(name), 1);
    options.quiet = quiet;
    options.checkpoint_every = 2;
    options.checkpoint_notice_bytes = 1000;  // a small city's state is larger than this
    std::ostringstream captured;
    std::streambuf* saved = std::cerr.rdbuf(captured.rdbuf());
    run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
    std::cerr.rdbuf(saved);
    return captured.str();
  };
  CHECK_THAT(notice_of(false, "loud"),
             Catch::Contains("hearth: note: writing a checkpoint of about") &&
                 Catch::Contains("iB to " + dir.file("loud.partial/checkpoint.bin")));
  CHECK_THAT(notice_of(true, "quiet"), !Catch::Contains("note: writing a checkpoint"));
}
