// Writing a run directory (docs/OUTPUTS.md, docs/RELIABILITY.md). Everything
// goes into "<out>.partial" first; only a complete run is renamed to <out>,
// so a directory named <out> always holds a finished run. An interrupted run
// leaves <out>.partial with its outputs so far, a checkpoint and a manifest
// saying "interrupted"; `hearth run --resume <out>` continues it.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <ostream>

#include "build_info.hpp"
#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/cells_file.hpp"
#include "io/checkpoint.hpp"
#include "io/csv_writer.hpp"
#include "io/frames_file.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"
#include "report/csv_table.hpp"
#include "run/progress.hpp"
#include "state/invariants.hpp"
#include "state/world.hpp"

namespace hearth {
namespace fs = std::filesystem;

namespace {

std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_stop_signal(int signal) {
  g_stop_signal.store(signal);
}

constexpr const char* kIndicators = "indicators.csv";
constexpr const char* kGroups = "groups.csv";
constexpr const char* kNeighbourhoods = "neighbourhoods.csv";
constexpr const char* kPolicies = "policies.csv";

std::string partial_dir(const std::string& out) {
  return out + ".partial";
}
std::string checkpoint_path(const std::string& out) {
  return partial_dir(out) + "/checkpoint.bin";
}
std::string previous_checkpoint_path(const std::string& out) {
  return partial_dir(out) + "/checkpoint.prev.bin";
}
// Where a damaged newest checkpoint is kept when a resume falls back to the
// previous one (for a look; removed with the other checkpoints at the end).
std::string damaged_checkpoint_path(const std::string& out) {
  return partial_dir(out) + "/checkpoint.damaged.bin";
}

class RunWriters {
 public:
  // Fresh files with headers.
  RunWriters(const std::string& dir, const ScenarioDef& scenario)
      : indicators_(dir + "/" + kIndicators),
        groups_(dir + "/" + kGroups),
        policies_def_(scenario.policies) {
    if (scenario.outputs.neighbourhood_table) {
      neighbourhoods_.emplace(dir + "/" + kNeighbourhoods);
    }
    if (!policies_def_.empty()) policies_.emplace(dir + "/" + kPolicies);
    write_headers();
  }
  // Files of an interrupted run, cut back to the checkpoint's sizes.
  RunWriters(const std::string& dir, const io::CheckpointMeta& meta, const ScenarioDef& scenario)
      : indicators_(dir + "/" + kIndicators, size_of(meta, kIndicators)),
        groups_(dir + "/" + kGroups, size_of(meta, kGroups)),
        policies_def_(scenario.policies) {
    for (const auto& [name, size] : meta.output_sizes) {
      if (name == kNeighbourhoods) neighbourhoods_.emplace(dir + "/" + kNeighbourhoods, size);
      if (name == kPolicies) policies_.emplace(dir + "/" + kPolicies, size);
      if (name == io::kFramesFileName) frames_.emplace(dir + "/" + io::kFramesFileName, size);
    }
  }

  // --record-frames: frames.bin with every K-th tick's Frame and the last tick's.
  void record_frames(const std::string& dir, std::int32_t every, const MapGrid& grid) {
    frames_.emplace(dir + "/" + io::kFramesFileName, every, grid);
  }
  void set_last_tick(std::int32_t tick) { last_tick_ = tick; }

  void append(const Frame& frame) {
    const auto tick = static_cast<long long>(frame.tick);
    if (frames_ && (frame.tick % frames_->every_ticks() == 0 || frame.tick == last_tick_)) {
      frames_->append(frame);
    }
    indicators_.field(tick).field(frame.date);
    for (double value : frame.city) indicators_.field(value);
    indicators_.end_row();
    for (int g = 0; g < kGroupCount; ++g) {
      groups_.field(tick).field(frame.date).field(group_kind(g)).field(group_value(g));
      for (double value : frame.groups[g]) groups_.field(value);
      groups_.end_row();
    }
    if (neighbourhoods_) {
      for (std::size_t n = 0; n < frame.neighbourhoods.size(); ++n) {
        const NeighbourhoodRow& row = frame.neighbourhoods[n];
        neighbourhoods_->field(tick).field(frame.date).field(static_cast<long long>(n));
        neighbourhoods_->field(static_cast<long long>(row.households));
        neighbourhoods_->field(static_cast<long long>(row.dwellings));
        neighbourhoods_->field(static_cast<long long>(row.vacant_dwellings));
        neighbourhoods_->field(row.mean_income_per_month).field(row.mean_rent_per_month);
        neighbourhoods_->field(row.cost_burdened_share);
        neighbourhoods_->field(static_cast<long long>(row.damaged_dwellings));
        neighbourhoods_->field(static_cast<long long>(row.uninhabitable_dwellings));
        neighbourhoods_->field(static_cast<long long>(row.away_from_home));
        neighbourhoods_->end_row();
      }
    }
    if (policies_) {
      for (std::size_t k = 0; k < policies_def_.size(); ++k) {
        const PolicyDef& programme = policies_def_[k];
        policies_->field(tick).field(frame.date).field(static_cast<long long>(k));
        policies_->field(programme.type)
            .field(programme.label.empty() ? programme.type : programme.label);
        policies_->field(
            static_cast<long long>(frame.tick >= programme.start_tick &&
                                   (programme.end_tick == 0 || frame.tick <= programme.end_tick)));
        policies_->field(frame.programme_spent.at(k)).field(frame.programme_spent_total.at(k));
        policies_->end_row();
      }
    }
  }

  // Flushes everything to disk and returns each file's size.
  std::vector<std::pair<std::string, std::uint64_t>> sync() {
    std::vector<std::pair<std::string, std::uint64_t>> sizes{{kIndicators, indicators_.sync()},
                                                             {kGroups, groups_.sync()}};
    if (neighbourhoods_) sizes.emplace_back(kNeighbourhoods, neighbourhoods_->sync());
    if (policies_) sizes.emplace_back(kPolicies, policies_->sync());
    if (frames_) sizes.emplace_back(io::kFramesFileName, frames_->sync());
    return sizes;
  }

  void close() {
    indicators_.close();
    groups_.close();
    if (neighbourhoods_) neighbourhoods_->close();
    if (policies_) policies_->close();
    if (frames_) frames_->close();
  }

  bool has_neighbourhoods() const { return neighbourhoods_.has_value(); }

 private:
  static std::uint64_t size_of(const io::CheckpointMeta& meta, const char* name) {
    for (const auto& [file, size] : meta.output_sizes) {
      if (file == name) return size;
    }
    throw InputError(name, {{"", "the checkpoint does not record this output"}});
  }

  void write_headers() {
    indicators_.field("tick").field("date");
    for (int k = 0; k < kCityIndicatorCount; ++k) indicators_.field(city_indicator_name(k));
    indicators_.end_row();
    groups_.field("tick").field("date").field("group_kind").field("group");
    for (int k = 0; k < kGroupIndicatorCount; ++k) groups_.field(group_indicator_name(k));
    groups_.end_row();
    if (neighbourhoods_) {
      neighbourhoods_->field("tick").field("date").field("neighbourhood").field("households");
      neighbourhoods_->field("dwellings").field("vacant_dwellings").field("mean_income_per_month");
      neighbourhoods_->field("mean_rent_per_month").field("cost_burdened_share");
      neighbourhoods_->field("damaged_dwellings")
          .field("uninhabitable_dwellings")
          .field("away_from_home");
      neighbourhoods_->end_row();
    }
    if (policies_) {
      policies_->field("tick").field("date").field("programme").field("type").field("label");
      policies_->field("active").field("spent").field("spent_total");
      policies_->end_row();
    }
  }

  io::CsvWriter indicators_;
  io::CsvWriter groups_;
  std::optional<io::CsvWriter> neighbourhoods_;
  std::optional<io::CsvWriter> policies_;
  std::optional<io::FramesWriter> frames_;
  std::int32_t last_tick_ = 0;
  std::vector<PolicyDef> policies_def_;
};

nlohmann::json profile_json(const PhaseProfile& profile) {
  nlohmann::json phases = nlohmann::json::object();
  for (int p = 0; p < kProfiledPhases; ++p) phases[std::string(phase_name(p))] = profile.seconds[p];
  return {{"generate_seconds", profile.generate_seconds}, {"phase_seconds", phases}};
}

struct RunContext {
  const ScenarioDef& scenario;
  const nlohmann::json& resolved;
  const std::string& hash;
  const RunOptions& options;
  std::string scenario_file;
};

void write_manifest(const RunContext& run, const std::string& dir, const std::string& status,
                    const RunResult& result, int threads) {
  const ScenarioDef& scenario = run.scenario;
  nlohmann::json manifest = {
      {"hearth_version", build_info::kVersion},
      {"git_commit", build_info::kGitCommit},
      {"build_type", build_info::kBuildType},
      {"scenario_file", run.scenario_file},
      {"scenario_name", scenario.name},
      {"scenario_hash", run.hash},
      {"seed", scenario.seed},
      {"replicate", scenario.replicate},
      {"ticks", scenario.ticks},
      {"ticks_done", result.ticks_done},
      {"threads", threads},
      {"check_invariants", run.options.check_invariants},
      {"checkpoint_every", run.options.checkpoint_every},
      {"wall_seconds", result.seconds},
      {"timings", profile_json(result.profile)},
      {"outputs", scenario.outputs.neighbourhood_table
                      ? nlohmann::json{kIndicators, kGroups, kNeighbourhoods, io::kCellsFile}
                      : nlohmann::json{kIndicators, kGroups, io::kCellsFile}},
      {"status", status},
      {"scenario", run.resolved}};
  if (!scenario.policies.empty()) manifest["outputs"].push_back(kPolicies);
  if (run.options.record_frames_every > 0) manifest["outputs"].push_back(io::kFramesFileName);
  io::write_file_atomically(dir + "/manifest.json", manifest.dump(2) + "\n");
}

// Steps the simulation to the scenario's end (or a stop), writing each
// tick's Frame and checkpoints; then finishes or marks the run interrupted.
RunResult execute(const RunContext& run, Simulation& simulation, RunWriters& writers,
                  const parallel::ThreadLimit& limit,
                  std::chrono::steady_clock::time_point started) {
  const RunOptions& options = run.options;
  const std::string dir = partial_dir(options.out_dir);
  // A checkpoint of the state now, with the outputs flushed to match it.
  auto checkpoint_to = [&](const std::string& path, const std::string& previous) {
    io::CheckpointMeta meta;
    meta.build_id = io::current_build_id();
    meta.scenario_hash = run.hash;
    meta.scenario_json = run.resolved.dump();
    meta.checkpoint_every = options.checkpoint_every;
    meta.output_sizes = writers.sync();
    io::write_checkpoint(path, previous, simulation.world(), meta);
  };
  auto checkpoint = [&] {
    checkpoint_to(checkpoint_path(options.out_dir), previous_checkpoint_path(options.out_dir));
  };

  Progress progress(run.scenario.ticks, !options.quiet);
  RunResult result;
  bool stopped = false;
  while (simulation.tick() < run.scenario.ticks) {
    try {
      simulation.step();
    } catch (const InvariantViolation& e) {
      // Keep the state that broke for debugging, next to the outputs so far.
      const std::string dump = dir + "/invariant-failure.bin";
      checkpoint_to(dump, dump + ".prev");
      throw InvariantViolation(std::string(e.what()) + "; state dumped to " + dump);
    }
    writers.append(*simulation.latest_frame());
    progress.update(simulation.tick());
    const std::int32_t tick = simulation.tick();
    stopped = g_stop_signal.load() != 0 ||
              (options.stop_after_tick > 0 && tick >= options.stop_after_tick);
    if (stopped && tick < run.scenario.ticks) break;
    stopped = false;
    if (options.checkpoint_every > 0 && tick % options.checkpoint_every == 0 &&
        tick < run.scenario.ticks) {
      checkpoint();
    }
  }
  progress.finish();
  result.ticks_done = simulation.tick();
  result.profile = simulation.profile();
  result.final_frame = simulation.latest_frame();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (stopped) {
    checkpoint();
    writers.close();
    write_manifest(run, dir, "interrupted", result, limit.threads());
    result.interrupted = true;
    result.out_dir = dir;
    return result;
  }
  writers.close();
  // The manifest goes last: its presence with status "complete" marks a finished run.
  write_manifest(run, dir, "complete", result, limit.threads());
  std::error_code ec;
  fs::remove(checkpoint_path(options.out_dir), ec);
  fs::remove(previous_checkpoint_path(options.out_dir), ec);
  fs::remove(damaged_checkpoint_path(options.out_dir), ec);
  const std::string target = options.out_dir;
  const std::string displaced = target + ".old-" + std::to_string(::getpid());
  const bool had_target = fs::exists(target, ec);
  if (had_target) {
    fs::rename(target, displaced, ec);
    if (ec) throw OutputError("cannot replace " + target + ": " + ec.message());
  }
  fs::rename(dir, target, ec);
  if (ec) throw OutputError("cannot rename " + dir + " to " + target + ": " + ec.message());
  if (had_target) fs::remove_all(displaced, ec);
  result.out_dir = target;
  return result;
}

// Removes the working directory if the run fails before it could be resumed.
class PartialGuard {
 public:
  explicit PartialGuard(std::string dir) : dir_(std::move(dir)) {}
  ~PartialGuard() {
    if (armed_) {
      std::error_code ec;
      // A checkpoint or a failure dump makes the directory worth keeping.
      if (!fs::exists(dir_ + "/checkpoint.bin", ec) &&
          !fs::exists(dir_ + "/invariant-failure.bin", ec)) {
        fs::remove_all(dir_, ec);
      }
    }
  }
  void disarm() { armed_ = false; }

 private:
  std::string dir_;
  bool armed_ = true;
};

}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  // Past a file-size limit (ulimit -f), writes should fail with EFBIG and be
  // reported, not kill the process with SIGXFSZ and leave a half-written run.
  std::signal(SIGXFSZ, SIG_IGN);
}

int stop_signal() {
  return g_stop_signal.load();
}

RunResult run_scenario(const ScenarioDef& scenario, const nlohmann::json& resolved,
                       const std::string& scenario_hash, const RunOptions& options) {
  const std::string target = options.out_dir;
  if (target.empty()) throw InputError("--out", {{"", "an output directory is required"}});
  if (options.checkpoint_every < 0) {
    throw InputError("--checkpoint-every", {{"", "must be 0 (off) or a number of ticks"}});
  }
  std::error_code ec;
  if (fs::exists(target, ec) && !options.force) {
    throw InputError(target, {{"",
                               "output directory exists; pass --force to replace it, or "
                               "choose another with --out"}});
  }
  const std::string dir = partial_dir(target);
  if (fs::exists(dir, ec)) {
    if (!options.force) {
      throw InputError(dir, {{"",
                              "an interrupted run is here: continue it with `hearth run "
                              "--resume " +
                                  target + "`, or pass --force to start again"}});
    }
    fs::remove_all(dir, ec);
  }
  const auto started = std::chrono::steady_clock::now();
  if (!fs::create_directories(dir, ec) || ec) {
    throw OutputError("cannot create " + dir + ": " + (ec ? ec.message() : "it already exists"));
  }
  PartialGuard guard(dir);
  parallel::ThreadLimit limit(options.threads);

  SimulationOptions sim_options;
  sim_options.check_invariants = options.check_invariants;
  sim_options.neighbourhood_frames = scenario.outputs.neighbourhood_table;
  sim_options.map_frames = options.record_frames_every > 0;
  sim_options.map_every_ticks = std::max(1, options.record_frames_every);
  Simulation simulation(scenario, sim_options);
  // The static map (cells.csv) for `hearth report`; a resumed run keeps it.
  io::write_cells_file(simulation.world().grid, dir);
  RunWriters writers(dir, scenario);
  writers.set_last_tick(scenario.ticks);
  if (options.record_frames_every > 0) {
    writers.record_frames(dir, options.record_frames_every, *simulation.latest_frame()->map->grid);
  }
  writers.append(*simulation.latest_frame());

  RunContext run{scenario, resolved, scenario_hash, options, options.scenario_file};
  RunResult result = execute(run, simulation, writers, limit, started);
  guard.disarm();
  return result;
}

namespace {

// A checkpoint read, checked and ready to continue from.
struct ResumePoint {
  io::CheckpointMeta meta;
  World world;
  io::LoadedScenario loaded;
};

// Reads `path` and checks it as untrusted input: the file itself, its
// scenario, and its state against the invariants. `expected_hash` (from the
// run's manifest; empty when there is none) must match its scenario.
ResumePoint read_resume_point(const std::string& path, const std::string& expected_hash) {
  ResumePoint point;
  point.world = io::read_checkpoint(path, point.meta, expected_hash);
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(point.meta.scenario_json);
  } catch (const nlohmann::json::exception&) {
    throw InputError(path, {{"", "corrupt: the scenario is not JSON"}});
  }
  point.loaded = io::load_scenario_json(document, path);
  if (point.loaded.hash != point.meta.scenario_hash) {
    throw InputError(path, {{"", "corrupt: scenario hash does not match"}});
  }
  try {
    check_invariants(point.world);
  } catch (const InvariantViolation& e) {
    throw InputError(path, {{"", std::string("inconsistent state: ") + e.what()}});
  }
  return point;
}

std::string reasons_of(const InputError& error) {
  std::string reasons;
  for (const auto& p : error.problems()) {
    reasons += (reasons.empty() ? "" : "; ") + (p.location.empty() ? "" : p.location + ": ");
    reasons += p.reason;
  }
  return reasons;
}

// The newest checkpoint, or, when it is damaged (missing, unreadable,
// truncated, corrupt, inconsistent), the previous one: both are exact states
// of the same run, so either continues it to the same bytes. A checkpoint of
// another version, build or scenario is not damaged but foreign, and is
// refused outright (the previous one would come from the same place).
ResumePoint choose_resume_point(const std::string& target, const std::string& expected_hash) {
  const std::string newest = checkpoint_path(target), previous = previous_checkpoint_path(target);
  std::error_code ec;
  try {
    if (!fs::exists(newest, ec) && fs::exists(previous, ec)) {
      // Stopped between the two renames of write_checkpoint.
      throw InputError(newest, {{"", "missing (the previous checkpoint is here)"}});
    }
    return read_resume_point(newest, expected_hash);
  } catch (const io::CheckpointMismatch&) {
    throw;
  } catch (const InputError& damaged) {
    if (!fs::exists(previous, ec)) throw;
    ResumePoint point;
    try {
      point = read_resume_point(previous, expected_hash);
    } catch (const InputError& also) {
      throw InputError(newest, {{"", reasons_of(damaged)},
                                {"and the previous checkpoint " + previous, reasons_of(also)}});
    }
    const bool keep_damaged = fs::exists(fs::symlink_status(newest, ec));
    std::cerr << "hearth: warning: " << newest << " is damaged (" << reasons_of(damaged)
              << "); resuming from the previous checkpoint " << previous << " (tick "
              << point.world.tick << ") instead";
    if (keep_damaged)
      std::cerr << "; the damaged file is kept as " << damaged_checkpoint_path(target);
    std::cerr << ".\n";
    // Make the previous checkpoint the newest, so that the next checkpoint
    // written keeps it as the previous one (and not the damaged file).
    fs::remove_all(damaged_checkpoint_path(target), ec);
    if (keep_damaged) {
      fs::rename(newest, damaged_checkpoint_path(target), ec);
      if (ec) throw OutputError("cannot move the damaged " + newest + " aside: " + ec.message());
    }
    fs::rename(previous, newest, ec);
    if (ec) throw OutputError("cannot rename " + previous + " to " + newest + ": " + ec.message());
    return point;
  }
}

// Each output must hold at least the bytes the checkpoint recorded: cutting
// a shorter file "back" would pad it with zeros.
void check_output_sizes(const std::string& dir, const io::CheckpointMeta& meta,
                        const std::string& checkpoint) {
  for (const auto& [name, size] : meta.output_sizes) {
    const std::string path = dir + "/" + name;
    std::error_code ec;
    const bool regular = fs::is_regular_file(path, ec);
    const std::uintmax_t bytes = regular ? fs::file_size(path, ec) : 0;
    if (!regular || ec || bytes < size) {
      throw InputError(path, {{"", (regular ? "holds " + std::to_string(bytes) + " bytes"
                                            : std::string("is missing or not a file")) +
                                       ", but " + checkpoint + " recorded " + std::to_string(size) +
                                       ": the outputs so far are damaged; start again "
                                       "with --force"}});
    }
  }
}

}  // namespace

RunResult resume_run(const RunOptions& options) {
  const std::string target = options.out_dir;
  const std::string dir = partial_dir(target);
  std::error_code ec;
  if (!fs::exists(checkpoint_path(target), ec) &&
      !fs::exists(previous_checkpoint_path(target), ec)) {
    throw InputError(
        dir, {{"", fs::exists(target, ec) ? "the run is already complete (" + target + ")"
                                          : "no interrupted run to resume (no checkpoint.bin)"}});
  }
  const auto started = std::chrono::steady_clock::now();
  // The run's own manifest (written when it was interrupted; absent after
  // kill -9) names its scenario: a checkpoint of another one was put here by
  // mistake.
  nlohmann::json previous;
  try {
    previous = nlohmann::json::parse(io::read_text_file(dir + "/manifest.json"));
  } catch (const std::exception&) {
  }
  std::string expected_hash;
  if (previous.is_object() && previous.contains("scenario_hash") &&
      previous["scenario_hash"].is_string()) {
    expected_hash = previous["scenario_hash"].get<std::string>();
  }
  parallel::ThreadLimit limit(options.threads);
  ResumePoint point = choose_resume_point(target, expected_hash);
  const io::CheckpointMeta& meta = point.meta;
  const io::LoadedScenario& loaded = point.loaded;
  check_output_sizes(dir, meta, checkpoint_path(target));
  SimulationOptions sim_options;
  sim_options.check_invariants = options.check_invariants;
  sim_options.neighbourhood_frames = loaded.def.outputs.neighbourhood_table;
  std::int32_t frames_every = 0;
  for (const auto& [name, size] : meta.output_sizes) {
    if (name == io::kFramesFileName) frames_every = io::read_frames_every(dir + "/" + name);
  }
  sim_options.map_frames = frames_every > 0;
  sim_options.map_every_ticks = std::max(1, frames_every);
  Simulation simulation(loaded.def, sim_options, std::make_unique<World>(std::move(point.world)));
  RunWriters writers(dir, meta, loaded.def);
  writers.set_last_tick(loaded.def.ticks);

  RunOptions effective = options;
  effective.record_frames_every = frames_every;
  if (effective.checkpoint_every == 0) effective.checkpoint_every = meta.checkpoint_every;
  const std::string scenario_file = previous.is_object() && previous.contains("scenario_file") &&
                                            previous["scenario_file"].is_string()
                                        ? previous["scenario_file"].get<std::string>()
                                        : std::string();
  RunContext run{loaded.def, loaded.resolved, loaded.hash, effective, scenario_file};
  return execute(run, simulation, writers, limit, started);
}

namespace {

// The files a finished run wrote, as its manifest lists them (the manifest
// itself first): what the summary names is what is there, whichever options
// added files. Just the manifest if it cannot be read.
std::string written_outputs(const std::string& dir) {
  std::string names = "manifest.json";
  try {
    std::ifstream in(dir + "/manifest.json");
    const nlohmann::json manifest = nlohmann::json::parse(in);
    for (const auto& name : manifest.at("outputs")) {
      names += ',';  // appended apart: `"," + string` trips a false GCC 12 -Wrestrict
      names += name.get<std::string>();
    }
  } catch (const std::exception&) {
  }
  return names;
}

// Displacement over the whole run, from indicators.csv (the final Frame has
// this tick's flows only): households displaced from a home of origin (not
// counting those displaced again while away), and where they are at the end:
// back home, settled elsewhere, gone from the city, bought out, still away.
struct DisplacementTotals {
  double displaced = 0, returned = 0, settled = 0, left_city = 0, bought_out = 0, still_away = 0;
};

std::optional<DisplacementTotals> displacement_totals(const std::string& dir) {
  try {
    const auto table = report::CsvTable::read(dir + "/" + std::string(kIndicators));
    auto sum = [&](std::string_view column) {
      double total = 0;
      for (double v : table.numbers(column)) total += std::isnan(v) ? 0 : v;
      return total;
    };
    DisplacementTotals totals;
    totals.displaced = sum("new_displacements") - sum("displaced_again");
    totals.returned = sum("returns");
    totals.settled = sum("settled_after_displacement");
    totals.left_city = sum("away_departures");
    totals.bought_out = sum("away_bought_out");
    if (table.rows() > 0) {
      totals.still_away = table.number(table.rows() - 1, table.column("away_from_home"));
    }
    return totals;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

void print_summary(std::ostream& out, const ScenarioDef& scenario, const RunResult& result) {
  const Frame& f = *result.final_frame;
  auto pct = [](double share) {
    return std::isnan(share) ? std::string("n/a") : std::to_string(std::lround(100 * share)) + "%";
  };
  if (result.interrupted) {
    out << "hearth: " << scenario.name << " interrupted after tick " << result.ticks_done << " of "
        << scenario.ticks << "; checkpoint and outputs so far in " << result.out_dir
        << "\n  continue with: hearth run --resume "
        << result.out_dir.substr(0, result.out_dir.size() - std::string(".partial").size()) << "\n";
    return;
  }
  out << "hearth: " << scenario.name << ", seed " << scenario.seed << ", " << f.tick
      << " months to " << f.date << " in " << std::fixed << std::setprecision(2) << result.seconds
      << " s\n";
  out << std::setprecision(0);
  out << "  households in city   " << f[CityIndicator::households_in_city] << "  (owners "
      << f[CityIndicator::owners] << ", renters " << f[CityIndicator::renters] << ", social "
      << f[CityIndicator::social_tenants] << ", informal " << f[CityIndicator::informal_dwellers]
      << ", homeless " << f[CityIndicator::homeless] << ")\n";
  out << "  median income/month  " << f[CityIndicator::median_income_per_month]
      << "   median rent/month " << f[CityIndicator::median_rent_per_month] << "   median price "
      << f[CityIndicator::median_price] << "\n";
  out << "  cost-burdened        " << pct(f[CityIndicator::cost_burdened_share]) << " (severely "
      << pct(f[CityIndicator::severely_cost_burdened_share]) << ")   informal/inadequate "
      << pct(f[CityIndicator::informal_share]) << "   vacancy "
      << pct(f[CityIndicator::vacancy_rate]) << "\n";
  // Only a run that displaced anyone says so (most runs have no hazard).
  if (const auto moved = displacement_totals(result.out_dir); moved && moved->displaced > 0) {
    out << "  displacement         " << moved->displaced
        << " displaced from home so far: " << moved->returned << " returned, " << moved->settled
        << " settled elsewhere, " << moved->left_city << " left the city, ";
    if (moved->bought_out > 0) out << moved->bought_out << " bought out, ";
    out << (std::isnan(moved->still_away) ? 0 : moved->still_away) << " still away\n";
  }
  out << "  outputs              " << result.out_dir << "/{" << written_outputs(result.out_dir)
      << "}\n";
  out.unsetf(std::ios::fixed);
}

void print_profile(std::ostream& out, const PhaseProfile& profile, int threads) {
  double total = 0;
  for (double s : profile.seconds) total += s;
  out << "profile (" << profile.ticks << " ticks, " << threads << " threads)\n";
  out << "  phase          total s   ms/tick   share\n";
  auto line = [&](std::string_view name, double seconds, bool per_tick) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "  %-12s %9.3f %9.3f %6.1f%%\n", std::string(name).c_str(),
                  seconds, per_tick && profile.ticks ? 1000 * seconds / profile.ticks : 0.0,
                  total > 0 ? 100 * seconds / total : 0.0);
    out << buffer;
  };
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "  %-12s %9.3f\n", "generate", profile.generate_seconds);
  out << buffer;
  for (int p = 0; p < kProfiledPhases; ++p) line(phase_name(p), profile.seconds[p], true);
  line("all phases", total, true);
}

}  // namespace hearth
