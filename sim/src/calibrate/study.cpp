#include "calibrate/study.hpp"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/journal.hpp"
#include "sweep/plan.hpp"
#include "sweep/runner.hpp"

namespace hearth::calibrate {

namespace fs = std::filesystem;

void plan_study(const std::string& dir, const std::string& name, const nlohmann::json& base,
                const std::vector<ParamRange>& params, const Design& unit_points,
                std::int64_t replicates) {
  sweep::SweepDef def;
  def.name = name;
  def.base = base;
  def.replicates = replicates;
  for (const auto& p : params) {
    sweep::Parameter sp;
    sp.pointer = p.pointer;
    sp.name = p.name;
    def.parameters.push_back(sp);
  }
  std::vector<std::vector<nlohmann::json>> points;
  std::map<std::string, std::int64_t> point_of;  // values (as JSON text) -> point
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& unit : unit_points) {
    std::vector<nlohmann::json> values;
    for (std::size_t j = 0; j < params.size(); ++j) values.push_back(value_at(params[j], unit[j]));
    const std::string key = nlohmann::json(values).dump();
    auto [it, added] = point_of.emplace(key, static_cast<std::int64_t>(points.size()));
    if (added) points.push_back(values);
    rows.push_back(it->second);
  }
  const sweep::Plan plan = sweep::expand_points(def, points, dir);
  // The design document stands where a sweep directory keeps its sweep file:
  // its hash guards the plan against a changed design, as for sweeps.
  const nlohmann::json design = {{"study_version", 1},       {"name", name},
                                 {"replicates", replicates}, {"unit_points", unit_points},
                                 {"point_of_row", rows},     {"base", base}};
  sweep::write_plan(plan, design.dump(1) + "\n", dir, false);
}

bool study_planned(const std::string& dir) {
  std::error_code ec;
  return fs::exists(dir + "/plan.json", ec);
}

int run_study(const std::string& dir, int jobs, int threads_per_run, bool quiet,
              const std::string& resume_command) {
  sweep::RunnerOptions options;
  options.jobs = jobs;
  options.threads_per_run = threads_per_run;
  options.quiet = quiet;
  const sweep::Prepared prepared = sweep::prepare_sweep(dir, options);
  if (prepared.pending.empty()) return 0;
  sweep::Journal journal(sweep::journal_path(dir, options));
  if (!quiet) {
    std::cerr << dir << ": " << prepared.pending.size() << " runs to do (" << prepared.skipped
              << " already complete), " << jobs << " at a time\n";
  }
  const sweep::LocalOutcome outcome = sweep::run_local(dir, prepared, options, journal);
  if (outcome.signal != 0) {
    std::cerr << "stopped by " << (outcome.signal == SIGTERM ? "SIGTERM" : "SIGINT")
              << "; finished runs are kept. Continue with: " << resume_command << "\n";
    return 128 + outcome.signal;
  }
  if (outcome.failed > 0) {
    std::cerr << outcome.failed << " runs failed; `hearth sweep status " << dir
              << "` lists them, DIR/logs/<id>.log says why\n";
    return 1;
  }
  return 0;
}

StudyValues read_study(const std::string& dir, const std::vector<Moment>& moments) {
  const sweep::PlanIndex plan = sweep::read_plan(dir);
  const std::string design_path = dir + "/sweep.json";
  const nlohmann::json design =
      io::parse_json_text(io::read_text_file(design_path, 1u << 30), design_path);
  const auto replicates = design.at("replicates").get<std::int64_t>();
  // values of each planned point, by replicate
  std::vector<std::vector<std::vector<double>>> by_point;
  std::string missing;
  std::int64_t missing_count = 0;
  for (const auto& run : plan.runs) {
    const auto point = static_cast<std::size_t>(run.point);
    if (by_point.size() <= point)
      by_point.resize(point + 1,
                      std::vector<std::vector<double>>(static_cast<std::size_t>(replicates)));
    if (!sweep::run_complete(dir, run.run_id)) {
      if (missing_count++ < 10) {
        if (!missing.empty()) missing += ' ';
        missing += std::to_string(run.index);
      }
      continue;
    }
    by_point[point][static_cast<std::size_t>(run.replicate)] =
        evaluate_all(moments, dir + "/results/" + run.run_id);
  }
  if (missing_count > 0) {
    throw InputError(
        dir, {{"", std::to_string(missing_count) + " of " + std::to_string(plan.runs.size()) +
                       " runs are not complete (indices " + missing +
                       (missing_count > 10 ? " ..." : "") + "); run them with `hearth sweep run " +
                       dir + "` (or --mpi, or --index/--count shards), then analyse again"}});
  }
  StudyValues out;
  for (const auto& point : design.at("point_of_row"))
    out.push_back(by_point.at(point.get<std::size_t>()));
  return out;
}

void keep_record(const std::string& dir, const std::string& file, const nlohmann::json& record,
                 const std::string& first_sweep, const std::string& what,
                 const std::string& continue_command) {
  const std::string path = dir + "/" + file;
  const bool planned = study_planned(dir + "/" + first_sweep);
  std::error_code ec;
  if (planned && fs::exists(path, ec)) {
    if (read_record(dir, file) == record) return;
    throw InputError(
        dir, {{"", "holds another " + what + "; choose another -o DIR, or continue it with `" +
                       continue_command + "`"}});
  }
  fs::create_directories(dir, ec);
  if (ec) throw OutputError("cannot create " + dir + ": " + ec.message());
  io::write_file_atomically(path, record.dump(1) + "\n");
}

nlohmann::json read_record(const std::string& dir, const std::string& file) {
  const std::string path = dir + "/" + file;
  return io::parse_json_text(io::read_text_file(path, 1u << 30), path);
}

std::string number_cell(double value) {
  if (std::isnan(value)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

void add_cell(std::string& row, const std::string& cell) {
  row += ',';
  row += cell;
}

}  // namespace hearth::calibrate
