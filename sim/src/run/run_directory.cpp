// Writing a run directory (docs/OUTPUTS.md, docs/RELIABILITY.md). Everything
// goes into "<out>.partial" first; only a complete run is renamed to <out>,
// so a directory named <out> always holds a finished run. An interrupted run
// leaves <out>.partial with its outputs so far, a checkpoint and a manifest
// saying "interrupted"; `hearth run --resume <out>` continues it. Whoever
// writes <out> holds an exclusive lock on "<out>.lock" (OutputLock), and a
// run directory replaced by --force is moved to "<out>.replaced" between the
// two renames, so that a process killed there can be recovered from.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <ostream>

#include "build_info.hpp"
#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "housing/sites.hpp"
#include "io/cells_file.hpp"
#include "io/checkpoint.hpp"
#include "io/csv_writer.hpp"
#include "io/frames_file.hpp"
#include "io/hash.hpp"
#include "io/scenario_loader.hpp"
#include "parallel/parallel.hpp"
#include "policy/policies.hpp"
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
constexpr const char* kOutcomes = "outcomes.csv";
constexpr const char* kFlows = "flows.csv";
constexpr const char* kSites = "sites.csv";

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

// FNV-1a 64 of bytes [from, to) of `path`, continuing `state`; empty when
// the file cannot be read that far.
std::optional<std::uint64_t> hash_file_range(const std::string& path, std::uint64_t from,
                                             std::uint64_t to, std::uint64_t state) {
  std::ifstream in(path, std::ios::binary);
  if (!in || !in.seekg(static_cast<std::streamoff>(from))) return std::nullopt;
  std::vector<char> buffer(std::size_t{1} << 16);
  for (std::uint64_t left = to - from; left > 0;) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    if (!in.read(buffer.data(), static_cast<std::streamsize>(n))) return std::nullopt;
    state = io::fnv1a64(std::string_view(buffer.data(), n), state);
    left -= n;
  }
  return state;
}

constexpr std::uint64_t kFnvStart = 0xcbf29ce484222325ULL;

// FNV-1a 64 of the first `size` bytes of `path` (of all of it when size is
// empty); empty when it is not a regular file that long.
std::optional<std::uint64_t> hash_file_prefix(const std::string& path,
                                              std::optional<std::uint64_t> size = std::nullopt) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) return std::nullopt;
  const std::uintmax_t bytes = fs::file_size(path, ec);
  if (ec || (size && bytes < *size)) return std::nullopt;
  return hash_file_range(path, 0, size.value_or(bytes), kFnvStart);
}

// A checksum of an output so far: the bytes covered and their FNV-1a 64.
struct OutputDigest {
  std::uint64_t bytes = 0;
  std::uint64_t state = kFnvStart;
};

class RunWriters {
 public:
  // Fresh files with headers.
  RunWriters(const std::string& dir, const ScenarioDef& scenario)
      : dir_(dir),
        indicators_(dir + "/" + kIndicators),
        groups_(dir + "/" + kGroups),
        policies_def_(scenario.policies),
        site_names_(site_names(scenario)) {
    if (scenario.outputs.neighbourhood_table) {
      neighbourhoods_.emplace(dir + "/" + kNeighbourhoods);
    }
    if (!policies_def_.empty()) policies_.emplace(dir + "/" + kPolicies);
    if (!scenario.hazards.empty()) {
      outcomes_.emplace(dir + "/" + kOutcomes);
      flows_.emplace(dir + "/" + kFlows);
      sites_.emplace(dir + "/" + kSites);
    }
    write_headers();
    const auto cells = hash_file_prefix(dir + "/" + io::kCellsFile);
    if (!cells) throw OutputError("cannot read back " + dir + "/" + io::kCellsFile);
    cells_checksum_ = *cells;
  }
  // Files of an interrupted run, cut back to the checkpoint's sizes.
  // Their checksums so far continue from the checkpoint's (checked against
  // the files before this, by check_outputs).
  RunWriters(const std::string& dir, const io::CheckpointMeta& meta, const ScenarioDef& scenario)
      : dir_(dir),
        indicators_(dir + "/" + kIndicators, size_of(meta, kIndicators)),
        groups_(dir + "/" + kGroups, size_of(meta, kGroups)),
        policies_def_(scenario.policies),
        site_names_(site_names(scenario)) {
    for (const auto& [name, size] : meta.output_sizes) {
      if (name == kNeighbourhoods) neighbourhoods_.emplace(dir + "/" + kNeighbourhoods, size);
      if (name == kPolicies) policies_.emplace(dir + "/" + kPolicies, size);
      if (name == kOutcomes) outcomes_.emplace(dir + "/" + kOutcomes, size);
      if (name == kFlows) flows_.emplace(dir + "/" + kFlows, size);
      if (name == kSites) sites_.emplace(dir + "/" + kSites, size);
      if (name == io::kFramesFileName) frames_.emplace(dir + "/" + io::kFramesFileName, size);
    }
    for (const auto& [name, checksum] : meta.output_checksums) {
      if (name == io::kCellsFile) {
        cells_checksum_ = checksum;
        continue;
      }
      for (const auto& [sized, size] : meta.output_sizes) {
        if (sized == name) digests_[name] = OutputDigest{size, checksum};
      }
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
        const ProgrammeDef& programme = policies_def_[k];
        const std::string type(policy::lever_name(policy::lever_of(programme)));
        policies_->field(tick).field(frame.date).field(static_cast<long long>(k));
        policies_->field(type).field(programme.label.empty() ? type : programme.label);
        policies_->field(
            static_cast<long long>(frame.tick >= programme.start_tick &&
                                   (programme.end_tick == 0 || frame.tick <= programme.end_tick)));
        policies_->field(frame.programme_spent.at(k)).field(frame.programme_spent_total.at(k));
        policies_->end_row();
      }
    }
    if (outcomes_) append_outcomes(frame);
    if (flows_) append_flows(frame);
    if (sites_) append_sites(frame);
  }

  // Flushes everything to disk and returns each file's size.
  std::vector<std::pair<std::string, std::uint64_t>> sync() {
    std::vector<std::pair<std::string, std::uint64_t>> sizes{{kIndicators, indicators_.sync()},
                                                             {kGroups, groups_.sync()}};
    if (neighbourhoods_) sizes.emplace_back(kNeighbourhoods, neighbourhoods_->sync());
    if (policies_) sizes.emplace_back(kPolicies, policies_->sync());
    if (outcomes_) sizes.emplace_back(kOutcomes, outcomes_->sync());
    if (flows_) sizes.emplace_back(kFlows, flows_->sync());
    if (sites_) sizes.emplace_back(kSites, sites_->sync());
    if (frames_) sizes.emplace_back(io::kFramesFileName, frames_->sync());
    advance_digests(sizes);
    return sizes;
  }

  // Each output's checksum at the sizes of the last sync() (or close()), and
  // cells.csv's.
  std::vector<std::pair<std::string, std::uint64_t>> checksums() const {
    std::vector<std::pair<std::string, std::uint64_t>> all;
    for (const auto& [name, digest] : digests_) all.emplace_back(name, digest.state);
    all.emplace_back(io::kCellsFile, cells_checksum_);
    return all;
  }

  // Closes every file; returns each file's final size and checksum (cells.csv
  // included), for the manifest of a finished run.
  nlohmann::json close() {
    indicators_.close();
    groups_.close();
    if (neighbourhoods_) neighbourhoods_->close();
    if (policies_) policies_->close();
    if (outcomes_) outcomes_->close();
    if (flows_) flows_->close();
    if (sites_) sites_->close();
    if (frames_) frames_->close();
    std::vector<std::pair<std::string, std::uint64_t>> sizes;
    std::error_code ec;
    for (const char* name : {kIndicators, kGroups, kNeighbourhoods, kPolicies, kOutcomes, kFlows,
                             kSites, io::kFramesFileName}) {
      const bool open = name == kIndicators || name == kGroups ||
                        (name == kNeighbourhoods && neighbourhoods_) ||
                        (name == kPolicies && policies_) || (name == kOutcomes && outcomes_) ||
                        (name == kFlows && flows_) || (name == kSites && sites_) ||
                        (name == io::kFramesFileName && frames_);
      if (!open) continue;
      const std::uintmax_t size = fs::file_size(dir_ + "/" + name, ec);
      if (ec) throw OutputError("cannot read back " + dir_ + "/" + name + ": " + ec.message());
      sizes.emplace_back(name, size);
    }
    advance_digests(sizes);
    nlohmann::json records = nlohmann::json::object();
    for (const auto& [name, digest] : digests_) {
      records[name] = {{"bytes", digest.bytes}, {"fnv1a64", io::to_hex(digest.state)}};
    }
    std::error_code cells_ec;
    records[io::kCellsFile] = {{"bytes", fs::file_size(dir_ + "/" + io::kCellsFile, cells_ec)},
                               {"fnv1a64", io::to_hex(cells_checksum_)}};
    return records;
  }

  bool has_neighbourhoods() const { return neighbourhoods_.has_value(); }

 private:
  static std::uint64_t size_of(const io::CheckpointMeta& meta, const char* name) {
    for (const auto& [file, size] : meta.output_sizes) {
      if (file == name) return size;
    }
    throw InputError(name, {{"", "the checkpoint does not record this output"}});
  }

  // Extends each output's checksum over the bytes written since the last
  // call: every byte is read back once, so checkpoints stay cheap.
  void advance_digests(const std::vector<std::pair<std::string, std::uint64_t>>& sizes) {
    for (const auto& [name, size] : sizes) {
      OutputDigest& digest = digests_[name];
      if (size < digest.bytes) throw OutputError(dir_ + "/" + name + " shrank while being written");
      const auto state = hash_file_range(dir_ + "/" + name, digest.bytes, size, digest.state);
      if (!state) throw OutputError("cannot read back " + dir_ + "/" + name);
      digest = OutputDigest{size, *state};
    }
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
    if (outcomes_) {
      outcomes_->field("tick").field("date").field("scope").field("group").field("displaced");
      outcomes_->field("returned_home").field("rehoused_same_neighbourhood");
      outcomes_->field("resettled_elsewhere").field("left_city").field("still_away");
      outcomes_->field("never_returned_share");
      for (const std::string_view window : kOutcomeWindowNames) {
        std::string cohort = "cohort_", away = "away_over_";  // appended apart: GCC 12 -Wrestrict
        cohort += window;
        away += window;
        away += "_share";
        outcomes_->field(cohort);
        outcomes_->field(away);
      }
      outcomes_->end_row();
    }
    if (flows_) {
      flows_->field("tick").field("date").field("kind").field("from").field("to");
      flows_->field("households").end_row();
    }
    if (sites_) {
      sites_->field("tick").field("date").field("site").field("kind").field("x").field("y");
      sites_->field("capacity").field("occupancy").end_row();
    }
  }

  // outcomes.csv: the rows of the Frame, counts and the shares they give.
  void append_outcomes(const Frame& frame) {
    const auto tick = static_cast<long long>(frame.tick);
    auto ratio = [](std::int64_t part, std::int64_t whole) {
      return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : kNaN;
    };
    for (const OutcomeRow& row : frame.outcomes) {
      outcomes_->field(tick).field(frame.date).field(row.scope).field(row.group);
      outcomes_->field(static_cast<long long>(row.displaced));
      outcomes_->field(static_cast<long long>(row.returned_home));
      outcomes_->field(static_cast<long long>(row.rehoused_same_neighbourhood));
      outcomes_->field(static_cast<long long>(row.resettled_elsewhere));
      outcomes_->field(static_cast<long long>(row.left_city));
      outcomes_->field(static_cast<long long>(row.still_away));
      outcomes_->field(
          ratio(row.rehoused_same_neighbourhood + row.resettled_elsewhere + row.left_city,
                row.displaced));
      for (std::size_t w = 0; w < row.cohort.size(); ++w) {
        outcomes_->field(static_cast<long long>(row.cohort[w]));
        outcomes_->field(ratio(row.away_over[w], row.cohort[w]));
      }
      outcomes_->end_row();
    }
  }

  // flows.csv: places are neighbourhood ids or the names of the other
  // places (shelter and camp sites by their names).
  void append_flows(const Frame& frame) {
    const auto tick = static_cast<long long>(frame.tick);
    auto place = [this](std::int32_t p) -> std::string {
      if (p >= 0) return std::to_string(p);
      if (p == kFlowHomeless) return "homeless";
      if (p == kFlowOutside) return "outside_city";
      const int site = disasters::site_of_flow_place(p);
      return site >= 0 && static_cast<std::size_t>(site) < site_names_.size()
                 ? site_names_[static_cast<std::size_t>(site)]
                 : "site_" + std::to_string(site);
    };
    for (const FlowRow& row : frame.flows) {
      flows_->field(tick).field(frame.date).field(row.kind);
      flows_->field(place(row.from)).field(place(row.to));
      flows_->field(static_cast<long long>(row.households)).end_row();
    }
  }

  // sites.csv: every site, every tick.
  void append_sites(const Frame& frame) {
    for (const SiteRow& row : frame.sites) {
      sites_->field(static_cast<long long>(frame.tick)).field(frame.date).field(row.name);
      sites_->field(std::string(row.kind)).field(static_cast<long long>(row.x));
      sites_->field(static_cast<long long>(row.y)).field(static_cast<long long>(row.capacity));
      sites_->field(static_cast<long long>(row.occupancy)).end_row();
    }
  }

  static std::vector<std::string> site_names(const ScenarioDef& scenario) {
    std::vector<std::string> names;
    for (const SiteDef& def : disasters::site_defs(scenario)) names.push_back(def.name);
    return names;
  }

  std::string dir_;
  io::CsvWriter indicators_;
  io::CsvWriter groups_;
  std::optional<io::CsvWriter> neighbourhoods_;
  std::optional<io::CsvWriter> policies_;
  std::optional<io::CsvWriter> outcomes_;
  std::optional<io::CsvWriter> flows_;
  std::optional<io::CsvWriter> sites_;
  std::optional<io::FramesWriter> frames_;
  std::int32_t last_tick_ = 0;
  std::vector<ProgrammeDef> policies_def_;
  std::vector<std::string> site_names_;  // flows.csv names of the shelter and camp sites
  std::map<std::string, OutputDigest> digests_;
  std::uint64_t cells_checksum_ = kFnvStart;
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

}  // namespace

std::string json_safe_file_name(const std::string& name) {
  // Valid UTF-8 sequences are kept; each other byte is written as \xHH (a
  // file name on Linux is bytes, and JSON text must be UTF-8).
  std::string out;
  const auto* bytes = reinterpret_cast<const unsigned char*>(name.data());
  const std::size_t n = name.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = bytes[i];
    std::size_t length = 0;
    std::uint32_t lowest = 0;
    if (c < 0x80)
      length = 1;
    else if ((c & 0xe0) == 0xc0)
      length = 2, lowest = 0x80;
    else if ((c & 0xf0) == 0xe0)
      length = 3, lowest = 0x800;
    else if ((c & 0xf8) == 0xf0)
      length = 4, lowest = 0x10000;
    bool valid = length > 0 && i + length <= n;
    std::uint32_t code = length == 1 ? c : c & (0x7fu >> length);
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (bytes[i + k] & 0xc0) == 0x80;
      code = (code << 6) | (bytes[i + k] & 0x3fu);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    valid = valid && code >= lowest && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    if (valid) {
      out.append(name, i, length);
      i += length;
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
      ++i;
    }
  }
  return out;
}

namespace {

// `output_checksums` (a finished run's): each output's size and checksum, so
// that --resume can check a finished run stopped before its final rename.
void write_manifest(const RunContext& run, const std::string& dir, const std::string& status,
                    const RunResult& result, int threads,
                    const nlohmann::json& output_checksums = nullptr) {
  const ScenarioDef& scenario = run.scenario;
  nlohmann::json manifest = {
      {"hearth_version", build_info::kVersion},
      {"git_commit", build_info::kGitCommit},
      {"build_type", build_info::kBuildType},
      {"scenario_file", json_safe_file_name(run.scenario_file)},
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
  if (!scenario.hazards.empty()) {
    manifest["outputs"].push_back(kOutcomes);
    manifest["outputs"].push_back(kFlows);
    manifest["outputs"].push_back(kSites);
  }
  if (run.options.record_frames_every > 0) manifest["outputs"].push_back(io::kFramesFileName);
  if (!output_checksums.is_null()) manifest["output_checksums"] = output_checksums;
  // Every string here is UTF-8 (the scenario was parsed as JSON, the file
  // name escaped above); should one not be, a U+FFFD is better than a run
  // thrown away at its end.
  io::write_file_atomically(
      dir + "/manifest.json",
      manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

// Where --force keeps the run directory it replaces between its two renames.
// A fixed name, so that the next process to take the lock finds it after a
// kill there (recover_interrupted_replacement).
std::string replaced_path(const std::string& out) {
  return out + ".replaced";
}

// "runs/x/" and "runs/x" are one run: the lock, .partial and .replaced
// names are built by appending to it.
std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The manifest of a run directory (finished or not); null when there is no
// readable JSON object there.
nlohmann::json read_manifest(const std::string& dir) {
  try {
    nlohmann::json manifest = nlohmann::json::parse(io::read_text_file(dir + "/manifest.json"));
    if (manifest.is_object()) return manifest;
  } catch (const std::exception&) {
  }
  return nullptr;
}

// A directory (not a link to one) whose manifest names Hearth: the only kind
// of thing --force may replace and a recovery may remove.
bool is_run_directory(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(path, ec))) return false;
  const nlohmann::json manifest = read_manifest(path);
  return manifest.is_object() && manifest.contains("hearth_version") &&
         manifest["hearth_version"].is_string() && manifest.contains("status") &&
         manifest["status"].is_string();
}

bool exists_here(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

// An exclusive flock(2) on "<out>.lock", taken before <out>, <out>.partial or
// <out>.replaced is touched and held until the run is renamed into place:
// two processes writing one run directory would mix their outputs. The lock
// goes with the process (even on SIGKILL), so a lock file left behind is
// stale and harmless: the next run takes it. The holder writes its pid into
// the file (for the message of whoever is refused) and removes it when done.
class OutputLock {
 public:
  explicit OutputLock(const std::string& out) : path_(out + ".lock") {
    const fs::path parent = fs::path(out).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);
    // Named as the directory the run would make, which is what cannot be made.
    if (ec) throw OutputError("cannot create " + partial_dir(out) + ": " + ec.message());
    // A holder that finishes removes the file while still holding it; whoever
    // locked that removed file retries on the file now at the path.
    for (int attempt = 0; attempt < 100; ++attempt) {
      fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd_ < 0) {
        throw OutputError("cannot create the lock file " + path_ + ": " + std::strerror(errno));
      }
      if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        char holder[32] = {};
        const ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
        ::close(fd_);
        fd_ = -1;
        if (error != EWOULDBLOCK) {
          throw OutputError("cannot lock " + path_ + ": " + std::strerror(error));
        }
        const long pid = n > 0 ? std::strtol(holder, nullptr, 10) : 0;
        throw InputError(
            out, {{"", "another hearth process" +
                           (pid > 0 ? " (pid " + std::to_string(pid) + ")" : std::string()) +
                           " is writing this run directory (it holds " + path_ +
                           "); wait for it to finish, or choose another --out"}});
      }
      struct stat locked {
      }, named{};
      if (::fstat(fd_, &locked) == 0 && ::stat(path_.c_str(), &named) == 0 &&
          locked.st_dev == named.st_dev && locked.st_ino == named.st_ino) {
        const std::string pid = std::to_string(::getpid()) + "\n";
        if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
          // The pid is only for messages; the lock holds without it.
        }
        return;
      }
      ::close(fd_);
      fd_ = -1;
    }
    throw OutputError("cannot lock " + path_ + ": it keeps being replaced");
  }
  ~OutputLock() {
    if (fd_ >= 0) {
      ::unlink(path_.c_str());  // while still locked: see the constructor
      ::close(fd_);
    }
  }
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  std::string path_;
  int fd_ = -1;
};

// What a process stopped in <out>.partial: a run that finished but was not
// renamed yet, one with a checkpoint to continue from, or one stopped before
// its first checkpoint (nothing to continue from).
enum class PartialState { None, Finished, Resumable, Unresumable };

PartialState partial_state(const std::string& out) {
  const std::string dir = partial_dir(out);
  if (!exists_here(dir)) return PartialState::None;
  const nlohmann::json manifest = read_manifest(dir);
  if (manifest.is_object() && manifest.value("status", "") == "complete")
    return PartialState::Finished;
  if (exists_here(checkpoint_path(out)) || exists_here(previous_checkpoint_path(out)))
    return PartialState::Resumable;
  return PartialState::Unresumable;
}

std::string unresumable_reason(const std::string& out) {
  return "holds a run stopped before its first checkpoint: it cannot be resumed; start again "
         "with `hearth run SCENARIO --out " +
         out + " --force` (which replaces it)";
}

// A finished run in <out>.partial is renamed only if every output is what
// its manifest recorded (size and checksum).
void verify_finished_outputs(const std::string& dir) {
  const nlohmann::json manifest = read_manifest(dir);
  const std::string advice = "; start again with --force";
  if (!manifest.contains("output_checksums") || !manifest["output_checksums"].is_object() ||
      !manifest.contains("outputs") || !manifest["outputs"].is_array()) {
    throw InputError(dir + "/manifest.json",
                     {{"/output_checksums", "missing: the outputs cannot be checked" + advice}});
  }
  const nlohmann::json& records = manifest["output_checksums"];
  for (const nlohmann::json& name : manifest["outputs"]) {
    const std::string file = name.is_string() ? name.get<std::string>() : std::string();
    if (file.empty() || file.find('/') != std::string::npos || !records.contains(file) ||
        !records[file].is_object() || !records[file].contains("bytes") ||
        !records[file]["bytes"].is_number_unsigned() || !records[file].contains("fnv1a64") ||
        !records[file]["fnv1a64"].is_string()) {
      throw InputError(dir + "/manifest.json",
                       {{"/outputs", "an output without a recorded checksum" + advice}});
    }
    const std::string path = dir + "/" + file;
    const std::uint64_t bytes = records[file]["bytes"].get<std::uint64_t>();
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    const auto checksum = ec || size != bytes ? std::nullopt : hash_file_prefix(path, bytes);
    if (!checksum || io::to_hex(*checksum) != records[file]["fnv1a64"].get<std::string>()) {
      throw InputError(
          path,
          {{"", "damaged since the run finished (" +
                    (ec ? std::string("missing")
                        : std::to_string(size) + " bytes, recorded " + std::to_string(bytes)) +
                    (ec || size != bytes ? ")" : ", checksum differs)") + advice}});
    }
  }
}

// A finished run keeps no checkpoint (a process killed after its complete
// manifest may have left them; they go before the rename).
void remove_checkpoints(const std::string& out) {
  std::error_code ec;
  fs::remove(checkpoint_path(out), ec);
  fs::remove(previous_checkpoint_path(out), ec);
  fs::remove(damaged_checkpoint_path(out), ec);
}

// The last step of a run: <out>.partial becomes <out>. An existing <out>
// (only ever a run directory: run_scenario checks) is moved to
// <out>.replaced first and removed last.
void finish_rename(const std::string& out) {
  const std::string dir = partial_dir(out), replaced = replaced_path(out);
  std::error_code ec;
  const bool had_target = exists_here(out);
  if (had_target) {
    if (exists_here(replaced)) {
      if (!is_run_directory(replaced)) {
        throw OutputError("cannot move " + out + " aside: " + replaced +
                          " exists and is not a run directory");
      }
      fs::remove_all(replaced, ec);
    }
    fs::rename(out, replaced, ec);
    if (ec) throw OutputError("cannot replace " + out + ": " + ec.message());
  }
  fs::rename(dir, out, ec);
  if (ec) {
    const std::string reason = ec.message();
    if (had_target) fs::rename(replaced, out, ec);
    throw OutputError("cannot rename " + dir + " to " + out + ": " + reason);
  }
  if (had_target) fs::remove_all(replaced, ec);
}

// Under the lock, before anything else: a process killed inside
// finish_rename left <out>.replaced. If <out> is there, the replacement was
// done and the old run is removed; if not, the new run in <out>.partial is
// renamed into place when its outputs check, else the old run is put back.
void recover_interrupted_replacement(const std::string& out, bool quiet) {
  const std::string replaced = replaced_path(out);
  if (!exists_here(replaced) || !is_run_directory(replaced)) return;
  std::error_code ec;
  std::string what;
  if (exists_here(out)) {
    fs::remove_all(replaced, ec);
    what = "removed " + replaced + ", the run replaced by --force (stopped before removing it)";
  } else {
    bool forward = partial_state(out) == PartialState::Finished;
    if (forward) {
      try {
        verify_finished_outputs(partial_dir(out));
      } catch (const InputError&) {
        forward = false;
      }
    }
    if (forward) {
      remove_checkpoints(out);
      fs::rename(partial_dir(out), out, ec);
      if (!ec) fs::remove_all(replaced, ec);
      what = "finished replacing " + out + " (stopped between its renames)";
    } else {
      fs::rename(replaced, out, ec);
      what = "put back " + out + " from " + replaced + " (a replacement stopped half-way)";
    }
    if (ec) throw OutputError("cannot recover " + out + ": " + ec.message());
  }
  if (!quiet) std::cerr << "hearth: note: " << what << "\n";
}

// Steps the simulation to the scenario's end (or a stop), writing each
// tick's Frame and checkpoints; then finishes or marks the run interrupted.
RunResult execute(const RunContext& run, Simulation& simulation, RunWriters& writers,
                  const parallel::ThreadLimit& limit,
                  std::chrono::steady_clock::time_point started) {
  const RunOptions& options = run.options;
  const std::string dir = partial_dir(options.out_dir);
  // A checkpoint of the state now, with the outputs flushed to match it.
  bool size_told = false;
  auto checkpoint_to = [&](const std::string& path, const std::string& previous) {
    if (!size_told) {
      size_told = true;
      const std::uint64_t bytes = io::estimated_checkpoint_bytes(simulation.world());
      if (!options.quiet && bytes >= options.checkpoint_notice_bytes) {
        const bool gib = bytes >= (std::uint64_t{1} << 30);
        std::cerr << "\nhearth: note: writing a checkpoint of about " << std::fixed
                  << std::setprecision(1)
                  << static_cast<double>(bytes) / (gib ? 1u << 30 : 1u << 20)
                  << (gib ? " GiB" : " MiB") << " to " << path
                  << " (and as much again for the previous one)\n";
        std::cerr.unsetf(std::ios::fixed);
      }
    }
    io::CheckpointMeta meta;
    meta.build_id = io::current_build_id();
    meta.scenario_hash = run.hash;
    meta.scenario_json = run.resolved.dump();
    meta.checkpoint_every = options.checkpoint_every;
    meta.output_sizes = writers.sync();
    meta.output_checksums = writers.checksums();
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
  const nlohmann::json output_checksums = writers.close();
  // The manifest goes last: its presence with status "complete" marks a finished run.
  write_manifest(run, dir, "complete", result, limit.threads(), output_checksums);
  remove_checkpoints(options.out_dir);
  finish_rename(options.out_dir);
  result.out_dir = options.out_dir;
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
                       const std::string& scenario_hash, const RunOptions& given) {
  RunOptions options = given;
  options.out_dir = without_trailing_slashes(given.out_dir);
  const std::string target = options.out_dir;
  if (target.empty()) throw InputError("--out", {{"", "an output directory is required"}});
  if (options.checkpoint_every < 0) {
    throw InputError("--checkpoint-every", {{"", "must be 0 (off) or a number of ticks"}});
  }
  OutputLock lock(target);
  recover_interrupted_replacement(target, options.quiet);
  std::error_code ec;
  if (exists_here(target)) {
    if (!options.force) {
      throw InputError(target, {{"",
                                 "output directory exists; pass --force to replace it, or "
                                 "choose another with --out"}});
    }
    // --force replaces a run, never whatever else happens to be at --out.
    if (!is_run_directory(target)) {
      throw InputError(target, {{"",
                                 "exists and is not a Hearth run directory (no manifest.json "
                                 "naming hearth): --force replaces only run directories; "
                                 "choose another --out, or move it away yourself"}});
    }
    // After the recovery above, anything still there is not ours to remove.
    if (exists_here(replaced_path(target))) {
      throw InputError(replaced_path(target),
                       {{"", "exists and is not a run directory: --force moves " + target +
                                 " to this name while replacing it; move it away first"}});
    }
  }
  const std::string dir = partial_dir(target);
  const PartialState left = partial_state(target);
  if (left != PartialState::None) {
    if (!options.force) {
      std::string reason;
      if (left == PartialState::Finished) {
        reason =
            "holds a run that finished but was stopped before its final rename: finish it "
            "with `hearth run --resume " +
            target + "`, or pass --force to start again";
      } else if (left == PartialState::Resumable) {
        reason = "an interrupted run is here: continue it with `hearth run --resume " + target +
                 "`, or pass --force to start again";
      } else {
        reason = unresumable_reason(target);
      }
      throw InputError(dir, {{"", reason}});
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
    document = io::parse_json_text(point.meta.scenario_json, path);
  } catch (const InputError&) {
    throw InputError(path, {{"", "corrupt: the scenario is not JSON"}});
  }
  point.loaded = io::load_scenario_json(document, path);
  if (point.loaded.hash != point.meta.scenario_hash) {
    throw InputError(path, {{"", "corrupt: scenario hash does not match"}});
  }
  io::check_checkpoint_against_scenario(path, point.world, point.loaded.def);
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

// Each output must hold at least the bytes the checkpoint recorded (cutting
// a shorter file "back" would pad it with zeros), and those bytes must be the
// ones written (their checksum), as must cells.csv: a resumed run appends to
// them and then calls the whole complete.
void check_outputs(const std::string& dir, const io::CheckpointMeta& meta,
                   const std::string& checkpoint) {
  const std::string advice = ": the outputs so far are damaged; start again with --force";
  auto recorded_checksum = [&](const std::string& name) -> std::optional<std::uint64_t> {
    for (const auto& [file, checksum] : meta.output_checksums) {
      if (file == name) return checksum;
    }
    return std::nullopt;
  };
  for (const auto& [name, size] : meta.output_sizes) {
    const std::string path = dir + "/" + name;
    std::error_code ec;
    const bool regular = fs::is_regular_file(path, ec);
    const std::uintmax_t bytes = regular ? fs::file_size(path, ec) : 0;
    if (!regular || ec || bytes < size) {
      throw InputError(
          path, {{"", (regular ? "holds " + std::to_string(bytes) + " bytes"
                               : std::string("is missing or not a file")) +
                          ", but " + checkpoint + " recorded " + std::to_string(size) + advice}});
    }
    const auto expected = recorded_checksum(name);
    if (!expected || hash_file_prefix(path, size) != expected) {
      throw InputError(path, {{"", "damaged since the checkpoint (its first " +
                                       std::to_string(size) + " bytes differ from what " +
                                       checkpoint + " recorded); start again with --force"}});
    }
  }
  const std::string cells = dir + "/" + io::kCellsFile;
  const auto expected = recorded_checksum(io::kCellsFile);
  const auto found = hash_file_prefix(cells);
  if (!found || found != expected) {
    throw InputError(
        cells,
        {{"", std::string(found ? "damaged since the checkpoint" : "missing since the checkpoint") +
                  " (" + checkpoint + " recorded its checksum); start again with --force"}});
  }
}

}  // namespace

RunResult resume_run(const RunOptions& given) {
  RunOptions options = given;
  options.out_dir = without_trailing_slashes(given.out_dir);
  const std::string target = options.out_dir;
  if (target.empty()) throw InputError("--resume", {{"", "give the run directory"}});
  const std::string dir = partial_dir(target);
  OutputLock lock(target);
  recover_interrupted_replacement(target, options.quiet);
  switch (partial_state(target)) {
    case PartialState::None:
      throw InputError(
          dir, {{"", exists_here(target) ? "the run is already complete (" + target + ")"
                                         : "no interrupted run to resume (no " + dir + ")"}});
    case PartialState::Unresumable:
      throw InputError(dir, {{"", unresumable_reason(target)}});
    case PartialState::Finished: {
      // Stopped between its last manifest and its final rename: nothing to
      // run, only the rename to finish, once the outputs check.
      if (exists_here(target)) {
        throw InputError(dir, {{"", "holds a finished run, but " + target +
                                        " exists too: remove the one you do not want"}});
      }
      verify_finished_outputs(dir);
      const nlohmann::json manifest = read_manifest(dir);
      remove_checkpoints(target);
      finish_rename(target);
      RunResult result;
      result.out_dir = target;
      result.finished_rename = true;
      result.ticks_done = manifest.value("ticks_done", 0);
      return result;
    }
    case PartialState::Resumable:
      break;
  }
  const auto started = std::chrono::steady_clock::now();
  // The run's own manifest (written when it was interrupted; absent after
  // kill -9) names its scenario: a checkpoint of another one was put here by
  // mistake.
  nlohmann::json previous;
  try {
    previous = io::parse_json_text(io::read_text_file(dir + "/manifest.json"), dir);
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
  check_outputs(dir, meta, checkpoint_path(target));
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
  if (result.finished_rename || !result.final_frame) {
    out << "hearth: " << scenario.name << " had finished (" << result.ticks_done
        << " ticks) but was stopped before its final rename; its outputs check, and it is now "
        << result.out_dir << "\n";
    return;
  }
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
