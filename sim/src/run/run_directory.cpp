// Writing a run directory (docs/OUTPUTS.md). Everything goes into
// "<out>.tmp-<pid>" first; only a complete run is renamed to <out>, so a
// directory named <out> always holds a finished run.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "build_info.hpp"
#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/csv_writer.hpp"
#include "parallel/parallel.hpp"
#include "run/progress.hpp"

namespace hearth {
namespace fs = std::filesystem;

namespace {

class RunWriters {
 public:
  RunWriters(const std::string& dir, bool neighbourhoods)
      : indicators_(dir + "/indicators.csv"), groups_(dir + "/groups.csv") {
    indicators_.field("tick").field("date");
    for (int k = 0; k < kCityIndicatorCount; ++k) indicators_.field(city_indicator_name(k));
    indicators_.end_row();
    groups_.field("tick").field("date").field("group_kind").field("group");
    for (int k = 0; k < kGroupIndicatorCount; ++k) groups_.field(group_indicator_name(k));
    groups_.end_row();
    if (neighbourhoods) {
      neighbourhoods_.emplace(dir + "/neighbourhoods.csv");
      neighbourhoods_->field("tick").field("date").field("neighbourhood").field("households");
      neighbourhoods_->field("dwellings").field("vacant_dwellings").field("mean_income_per_month");
      neighbourhoods_->field("mean_rent_per_month").field("cost_burdened_share");
      neighbourhoods_->end_row();
    }
  }

  void append(const Frame& frame) {
    const auto tick = static_cast<long long>(frame.tick);
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
        neighbourhoods_->end_row();
      }
    }
  }

  void close() {
    indicators_.close();
    groups_.close();
    if (neighbourhoods_) neighbourhoods_->close();
  }

 private:
  io::CsvWriter indicators_;
  io::CsvWriter groups_;
  std::optional<io::CsvWriter> neighbourhoods_;
};

// Removes the temporary directory unless the run completed.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(std::string path) : path_(std::move(path)) {
    std::error_code ec;
    fs::remove_all(path_, ec);  // a stale one from a process with our pid
    if (!fs::create_directories(path_, ec) || ec) {
      throw OutputError("cannot create " + path_ + ": " + (ec ? ec.message() : "already exists"));
    }
  }
  ~TemporaryDirectory() {
    if (!committed_) {
      std::error_code ec;
      fs::remove_all(path_, ec);
    }
  }
  const std::string& path() const { return path_; }

  // Renames into place; with `replace`, an existing directory is swapped out first.
  void commit(const std::string& target, bool replace) {
    std::error_code ec;
    const std::string displaced = target + ".old-" + std::to_string(::getpid());
    const bool had_target = fs::exists(target, ec);
    if (had_target) {
      if (!replace) throw OutputError(target + " appeared during the run; refusing to replace it");
      fs::rename(target, displaced, ec);
      if (ec) throw OutputError("cannot replace " + target + ": " + ec.message());
    }
    fs::rename(path_, target, ec);
    if (ec) throw OutputError("cannot rename " + path_ + " to " + target + ": " + ec.message());
    committed_ = true;
    if (had_target) fs::remove_all(displaced, ec);
  }

 private:
  std::string path_;
  bool committed_ = false;
};

nlohmann::json profile_json(const PhaseProfile& profile) {
  nlohmann::json phases = nlohmann::json::object();
  for (int p = 0; p < kProfiledPhases; ++p) phases[std::string(phase_name(p))] = profile.seconds[p];
  return {{"generate_seconds", profile.generate_seconds}, {"phase_seconds", phases}};
}

}  // namespace

RunResult run_scenario(const ScenarioDef& scenario, const nlohmann::json& resolved,
                       const std::string& scenario_hash, const RunOptions& options) {
  const std::string target = options.out_dir;
  if (target.empty()) throw InputError("--out", {{"", "an output directory is required"}});
  std::error_code exists_error;
  if (fs::exists(target, exists_error) && !options.force) {
    throw InputError(target, {{"", "output directory exists; pass --force to replace it, or "
                                   "choose another with --out"}});
  }
  const fs::path parent = fs::absolute(target).parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw OutputError("cannot create " + parent.string() + ": " + ec.message());

  const auto started = std::chrono::steady_clock::now();
  parallel::ThreadLimit limit(options.threads);
  TemporaryDirectory temporary(target + ".tmp-" + std::to_string(::getpid()));

  SimulationOptions sim_options;
  sim_options.check_invariants = options.check_invariants;
  sim_options.neighbourhood_frames = scenario.outputs.neighbourhood_table;
  Simulation simulation(scenario, sim_options);

  RunWriters writers(temporary.path(), scenario.outputs.neighbourhood_table);
  writers.append(*simulation.latest_frame());
  Progress progress(scenario.ticks, !options.quiet);
  for (std::int32_t t = 0; t < scenario.ticks; ++t) {
    simulation.step();
    writers.append(*simulation.latest_frame());
    progress.update(simulation.tick());
  }
  progress.finish();
  writers.close();

  RunResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.profile = simulation.profile();
  result.final_frame = simulation.latest_frame();

  // The manifest goes last: its presence with status "complete" marks a finished run.
  nlohmann::json manifest = {
      {"hearth_version", build_info::kVersion},
      {"git_commit", build_info::kGitCommit},
      {"build_type", build_info::kBuildType},
      {"scenario_file", options.scenario_file},
      {"scenario_name", scenario.name},
      {"scenario_hash", scenario_hash},
      {"seed", scenario.seed},
      {"replicate", scenario.replicate},
      {"ticks", scenario.ticks},
      {"threads", limit.threads()},
      {"check_invariants", options.check_invariants},
      {"wall_seconds", result.seconds},
      {"timings", profile_json(result.profile)},
      {"outputs", scenario.outputs.neighbourhood_table
                      ? nlohmann::json{"indicators.csv", "groups.csv", "neighbourhoods.csv"}
                      : nlohmann::json{"indicators.csv", "groups.csv"}},
      {"status", "complete"},
      {"scenario", resolved}};
  io::write_file_atomically(temporary.path() + "/manifest.json", manifest.dump(2) + "\n");
  temporary.commit(target, options.force);
  result.out_dir = target;
  return result;
}

void print_summary(std::ostream& out, const ScenarioDef& scenario, const RunResult& result) {
  const Frame& f = *result.final_frame;
  auto pct = [](double share) { return std::isnan(share) ? std::string("n/a")
                                                         : std::to_string(std::lround(100 * share)) + "%"; };
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
      << pct(f[CityIndicator::informal_share]) << "   vacancy " << pct(f[CityIndicator::vacancy_rate])
      << "\n";
  out << "  outputs              " << result.out_dir << "/{manifest.json,indicators.csv,groups.csv"
      << (f.neighbourhoods.empty() ? "" : ",neighbourhoods.csv") << "}\n";
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
