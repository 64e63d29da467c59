#include "calibrate/sensitivity.hpp"

#include <filesystem>
#include <iostream>

#include "calibrate/designs.hpp"
#include "calibrate/parameters.hpp"
#include "calibrate/sensitivity_indices.hpp"
#include "calibrate/study.hpp"
#include "calibrate/targets.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/plan.hpp"

namespace hearth::calibrate {

namespace {

struct Inputs {
  nlohmann::json scenario;
  std::vector<ParamRange> params;
  std::vector<Moment> outputs;
  SensitivitySettings settings;
};

nlohmann::json settings_json(const SensitivitySettings& s) {
  return {{"morris", s.morris}, {"sobol", s.sobol},        {"trajectories", s.trajectories},
          {"levels", s.levels}, {"samples", s.samples},    {"replicates", s.replicates},
          {"seed", s.seed},     {"bootstrap", s.bootstrap}};
}

Inputs inputs_of(const nlohmann::json& record, const std::string& label) {
  Inputs in;
  try {
    in.scenario = record.at("scenario");
    in.params = load_params_json(record.at("params"), label + " (params)", in.scenario);
    in.outputs = record.at("moments").is_null()
                     ? moments_of_list(record.at("outputs").get<std::string>())
                     : moments_of(load_targets_json(record.at("moments"), label + " (outputs)"));
    const auto& s = record.at("settings");
    in.settings.morris = s.at("morris").get<bool>();
    in.settings.sobol = s.at("sobol").get<bool>();
    in.settings.trajectories = s.at("trajectories").get<std::int64_t>();
    in.settings.levels = s.at("levels").get<int>();
    in.settings.samples = s.at("samples").get<std::int64_t>();
    in.settings.replicates = s.at("replicates").get<std::int64_t>();
    in.settings.seed = s.at("seed").get<std::uint64_t>();
    in.settings.bootstrap = s.at("bootstrap").get<std::int64_t>();
  } catch (const nlohmann::json::exception& e) {
    throw InputError(label, {{"", std::string("not a sensitivity record: ") + e.what()}});
  }
  return in;
}

struct Designs {
  MorrisDesign morris;
  Design saltelli;
  Design all;  // Morris rows, then Saltelli rows
};

Designs designs_of(const Inputs& in) {
  Designs d;
  const std::size_t k = in.params.size();
  const auto& s = in.settings;
  if (s.morris) d.morris = morris_design(s.trajectories, k, s.levels, s.seed);
  if (s.sobol) d.saltelli = saltelli_design(s.samples, k, s.seed);
  d.all = d.morris.points;
  d.all.insert(d.all.end(), d.saltelli.begin(), d.saltelli.end());
  return d;
}

// Output m of each design row: the mean over its replicates (NaN if undefined in any).
std::vector<double> output_of(const StudyValues& values, std::size_t m, std::size_t from,
                              std::size_t count) {
  std::vector<double> f;
  for (std::size_t row = from; row < from + count; ++row) {
    double sum = 0;
    for (const auto& replicate : values[row]) sum += replicate[m];
    f.push_back(sum / static_cast<double>(values[row].size()));
  }
  return f;
}

std::string interval_cells(const Interval& i) {
  return number_cell(i.estimate) + "," + number_cell(i.lower) + "," + number_cell(i.upper);
}

int write_outputs(const std::string& dir, const Inputs& in, const Designs& d,
                  const StudyValues& values) {
  const BootstrapOptions bootstrap{in.settings.bootstrap, in.settings.seed};
  const std::size_t k = in.params.size();
  std::string morris =
      "output,parameter,mu,mu_star,mu_star_lower,mu_star_upper,sigma,sigma_lower,sigma_upper,"
      "effects\n";
  std::string sobol =
      "output,parameter,first,first_lower,first_upper,total,total_lower,"
      "total_upper\n";
  for (std::size_t m = 0; m < in.outputs.size(); ++m) {
    const std::string& name = in.outputs[m].name;
    if (in.settings.morris) {
      const auto f = output_of(values, m, 0, d.morris.points.size());
      const auto indices = morris_indices(d.morris, f, bootstrap);
      for (std::size_t j = 0; j < k; ++j) {
        morris += name + "," + in.params[j].name + "," + number_cell(indices[j].mu) + "," +
                  interval_cells(indices[j].mu_star) + "," + interval_cells(indices[j].sigma) +
                  "," + std::to_string(indices[j].effects) + "\n";
      }
    }
    if (in.settings.sobol) {
      const auto f = output_of(values, m, d.morris.points.size(), d.saltelli.size());
      const auto indices = sobol_indices(in.settings.samples, k, f, bootstrap);
      for (std::size_t j = 0; j < k; ++j) {
        sobol += name + "," + in.params[j].name + "," + interval_cells(indices[j].first) + "," +
                 interval_cells(indices[j].total) + "\n";
      }
    }
  }
  std::string points = "row,design";
  for (const auto& p : in.params) points += "," + p.name;
  for (const auto& o : in.outputs) points += "," + o.name;
  points += "\n";
  for (std::size_t row = 0; row < d.all.size(); ++row) {
    points += std::to_string(row) + "," + (row < d.morris.points.size() ? "morris" : "saltelli");
    for (std::size_t j = 0; j < k; ++j)
      add_cell(points, sweep::csv_cell(value_at(in.params[j], d.all[row][j])));
    for (std::size_t m = 0; m < in.outputs.size(); ++m)
      add_cell(points, number_cell(output_of(values, m, row, 1)[0]));
    points += "\n";
  }
  if (in.settings.morris) io::write_file_atomically(dir + "/morris.csv", morris);
  if (in.settings.sobol) io::write_file_atomically(dir + "/sobol.csv", sobol);
  io::write_file_atomically(dir + "/points.csv", points);
  const nlohmann::json method = {
      {"morris", in.settings.morris
                     ? nlohmann::json{{"reference", "Morris 1991; mu* Campolongo et al. 2007"},
                                      {"trajectories", in.settings.trajectories},
                                      {"levels", in.settings.levels},
                                      {"delta", d.morris.delta},
                                      {"units",
                                       "elementary effects per unit of each "
                                       "parameter's range (log ranges: of log value)"}}
                     : nlohmann::json(nullptr)},
      {"sobol", in.settings.sobol
                    ? nlohmann::json{{"reference",
                                      "Saltelli et al. 2010 (first order, Table 2 b); Jansen "
                                      "1999 (total order, Table 2 f)"},
                                     {"base_samples", in.settings.samples},
                                     {"runs_per_replicate", d.saltelli.size()}}
                    : nlohmann::json(nullptr)},
      {"bootstrap", {{"resamples", in.settings.bootstrap}, {"interval", "percentile 95%"}}},
      {"replicates", in.settings.replicates},
      {"seed", in.settings.seed},
      {"design_rows", d.all.size()}};
  io::write_file_atomically(dir + "/method.json", method.dump(2) + "\n");
  std::cout << "sensitivity: " << d.all.size() << " design points x " << in.settings.replicates
            << " replicates, " << in.outputs.size() << " outputs, " << k
            << " parameters\n  written: " << dir << "/{"
            << (in.settings.morris ? "morris.csv," : "") << (in.settings.sobol ? "sobol.csv," : "")
            << "points.csv,method.json}\n";
  return 0;
}

int advance(const std::string& dir, const Inputs& in, const CalibrationRun& run) {
  const Designs d = designs_of(in);
  const std::string sweep_dir = dir + "/sweep";
  if (!study_planned(sweep_dir)) {
    plan_study(sweep_dir, "sensitivity", in.scenario, in.params, d.all, in.settings.replicates);
    if (!run.run_locally) {
      std::cout << "planned in " << sweep_dir << ": run it with `hearth sweep run " << sweep_dir
                << " -j N` (or --mpi, or --index I --count C shards), then `hearth sensitivity "
                   "--analyse "
                << dir << "`\n";
      return 0;
    }
  }
  if (run.run_locally) {
    if (const int code =
            run_study(sweep_dir, run.jobs, run.threads_per_run, run.quiet, run.resume_command))
      return code;
  }
  return write_outputs(dir, in, d, read_study(sweep_dir, in.outputs));
}

}  // namespace

int sensitivity(const std::string& scenario_file, const std::string& params_file,
                const std::string& outputs, const std::string& dir,
                const SensitivitySettings& settings, const CalibrationRun& run) {
  const io::LoadedScenario scenario = io::load_scenario_file(scenario_file);
  const std::string params_text = io::read_text_file(params_file);
  load_params_file(params_file, scenario.resolved);
  load_outputs(outputs);
  if (!settings.morris && !settings.sobol)
    throw InputError("--method", {{"", "give morris, sobol or both"}});
  if (settings.trajectories < 2) throw InputError("--trajectories", {{"", "must be 2 or more"}});
  if (settings.levels < 2 || settings.levels % 2 != 0)
    throw InputError("--levels", {{"", "must be even and 2 or more (4 is usual)"}});
  if (settings.samples < 2) throw InputError("--samples", {{"", "must be 2 or more"}});
  if (settings.replicates < 1) throw InputError("--replicates", {{"", "must be 1 or more"}});
  if (settings.bootstrap < 10) throw InputError("--bootstrap", {{"", "must be 10 or more"}});
  std::error_code ec;
  // A targets file is recorded whole, so the analysis never depends on a
  // file that may have changed since.
  nlohmann::json moments_document = nullptr;
  if (std::filesystem::is_regular_file(outputs, ec))
    moments_document = io::parse_json_text(io::read_text_file(outputs), outputs);
  const nlohmann::json record = {{"sensitivity_version", 1},
                                 {"scenario_file", scenario_file},
                                 {"scenario", scenario.resolved},
                                 {"params", io::parse_json_text(params_text, params_file)},
                                 {"outputs", outputs},
                                 {"moments", moments_document},
                                 {"settings", settings_json(settings)}};
  keep_record(dir, "sensitivity.json", record, "sweep",
              "sensitivity analysis (other scenario, parameters, outputs or settings)",
              "hearth sensitivity --analyse " + dir);
  return advance(dir, inputs_of(record, dir + "/sensitivity.json"), run);
}

int sensitivity_continue(const std::string& dir, const CalibrationRun& run) {
  return advance(dir, inputs_of(read_record(dir, "sensitivity.json"), dir + "/sensitivity.json"),
                 run);
}

}  // namespace hearth::calibrate
