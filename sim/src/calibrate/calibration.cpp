#include "calibrate/calibration.hpp"

#include <filesystem>
#include <iostream>

#include "calibrate/history_matching.hpp"
#include "calibrate/parameters.hpp"
#include "calibrate/study.hpp"
#include "calibrate/targets.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/plan.hpp"

namespace hearth::calibrate {

namespace {

struct Inputs {
  nlohmann::json record;    // DIR/calibration.json
  nlohmann::json scenario;  // resolved base scenario
  Targets targets;
  std::vector<ParamRange> params;
  CalibrationSettings settings;
};

Inputs inputs_of(const nlohmann::json& record, const std::string& label) {
  Inputs in;
  in.record = record;
  try {
    in.scenario = record.at("scenario");
    in.targets = load_targets_json(record.at("targets"), label + " (targets)");
    in.params = load_params_json(record.at("params"), label + " (params)", in.scenario);
    const auto& s = record.at("settings");
    in.settings.points = s.at("points").get<std::int64_t>();
    in.settings.replicates = s.at("replicates").get<std::int64_t>();
    in.settings.waves = s.at("waves").get<std::int64_t>();
    in.settings.seed = s.at("seed").get<std::uint64_t>();
    in.settings.cutoff = s.at("cutoff").get<double>();
  } catch (const nlohmann::json::exception& e) {
    throw InputError(label, {{"", std::string("not a calibration record: ") + e.what()}});
  }
  return in;
}

// Wave w's Latin hypercube inside `box`, in unit coordinates of the full ranges.
Design wave_design(const CalibrationSettings& s, std::size_t k, const UnitBox& box,
                   std::int64_t wave) {
  Design design =
      sweep::latin_hypercube(s.points, k, s.seed + static_cast<std::uint64_t>(wave) - 1);
  for (auto& row : design) {
    for (std::size_t j = 0; j < k; ++j)
      row[j] = box.lower[j] + row[j] * (box.upper[j] - box.lower[j]);
  }
  return design;
}

struct Evaluated {
  Design points;  // unit coordinates, all waves
  std::vector<PointFit> fits;
  std::vector<std::int64_t> wave, point;  // of each row
  std::vector<UnitBox> boxes;             // of each wave
};

nlohmann::json values_of(const Inputs& in, const std::vector<double>& unit) {
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t j = 0; j < in.params.size(); ++j)
    values[in.params[j].name] = value_at(in.params[j], unit[j]);
  return values;
}

std::string points_table(const Inputs& in, const Evaluated& e, bool accepted_only) {
  std::string csv = "wave,point";
  for (const auto& p : in.params) csv += "," + p.name;
  csv += ",max_implausibility,accepted";
  for (const auto& t : in.targets.targets) csv += "," + t.moment.name;
  csv += "\n";
  for (std::size_t i = 0; i < e.fits.size(); ++i) {
    if (accepted_only && !e.fits[i].accepted) continue;
    csv += std::to_string(e.wave[i]) + "," + std::to_string(e.point[i]);
    for (std::size_t j = 0; j < in.params.size(); ++j)
      add_cell(csv, sweep::csv_cell(value_at(in.params[j], e.points[i][j])));
    add_cell(csv, number_cell(e.fits[i].max_implausibility));
    add_cell(csv, e.fits[i].accepted ? "true" : "false");
    for (const auto& m : e.fits[i].moments) add_cell(csv, number_cell(m.mean));
    csv += "\n";
  }
  return csv;
}

std::string fit_table(const Inputs& in, const PointFit& best) {
  std::string csv =
      "moment,target,tolerance,sd,sim_mean,sim_lower,sim_upper,replicates,inside,"
      "implausibility,source\n";
  for (std::size_t m = 0; m < in.targets.targets.size(); ++m) {
    const Target& t = in.targets.targets[m];
    const MomentSummary& s = best.moments[m];
    const bool inside = s.n > 0 && std::abs(s.mean - t.value) <= t.tolerance;
    csv += t.moment.name + "," + number_cell(t.value) + "," + number_cell(t.tolerance) + "," +
           number_cell(t.sd) + "," + number_cell(s.mean) + "," + number_cell(s.lower) + "," +
           number_cell(s.upper) + "," + std::to_string(s.n) + "," + (inside ? "true" : "false") +
           "," + number_cell(s.implausibility) + "," + sweep::csv_quote(t.source) + "\n";
  }
  return csv;
}

nlohmann::json method_record(const Inputs& in, const Evaluated& e, std::size_t accepted) {
  nlohmann::json waves = nlohmann::json::array();
  for (std::size_t w = 0; w < e.boxes.size(); ++w) {
    nlohmann::json ranges = nlohmann::json::object();
    for (std::size_t j = 0; j < in.params.size(); ++j) {
      ranges[in.params[j].name] = {value_at(in.params[j], e.boxes[w].lower[j]),
                                   value_at(in.params[j], e.boxes[w].upper[j])};
    }
    waves.push_back({{"wave", w + 1},
                     {"directory", "wave-" + std::to_string(w + 1)},
                     {"design", "Latin hypercube"},
                     {"seed", in.settings.seed + w},
                     {"ranges", ranges}});
  }
  return {{"method", "history matching in waves (Vernon, Goldstein & Bower 2010)"},
          {"implausibility",
           "I = |mean over replicates - target| / sqrt(sd_target^2 + sd_replicates^2); a point "
           "is accepted when max over targets of I <= cutoff"},
          {"refocusing",
           "Each wave after the first samples the bounding box of the accepted points of all "
           "earlier waves (or, with none accepted, of the best quarter), widened by one stratum "
           "(1 / points) each side"},
          {"best", "the point with the smallest max implausibility (ties: smallest sum of I^2)"},
          {"cutoff", in.settings.cutoff},
          {"points_per_wave", in.settings.points},
          {"replicates", in.settings.replicates},
          {"waves", waves},
          {"points_evaluated", e.fits.size()},
          {"accepted", accepted},
          {"targets", in.targets.name}};
}

int write_outputs(const std::string& dir, const Inputs& in, const Evaluated& e) {
  const std::size_t best = best_point(e.fits);
  std::size_t accepted = 0;
  for (const auto& f : e.fits) accepted += f.accepted ? 1 : 0;
  nlohmann::json pointers = nlohmann::json::object();
  nlohmann::json scenario = in.scenario;
  for (std::size_t j = 0; j < in.params.size(); ++j) {
    const nlohmann::json value = value_at(in.params[j], e.points[best][j]);
    pointers[in.params[j].pointer] = value;
    scenario[nlohmann::json::json_pointer(in.params[j].pointer)] = value;
  }
  scenario["replicate"] = 0;
  io::load_scenario_json(scenario, dir + "/fitted_scenario.json");  // what `hearth run` checks
  const nlohmann::json best_record = {{"parameters", values_of(in, e.points[best])},
                                      {"pointers", pointers},
                                      {"wave", e.wave[best]},
                                      {"point", e.point[best]},
                                      {"max_implausibility", e.fits[best].max_implausibility},
                                      {"accepted", e.fits[best].accepted}};
  io::write_file_atomically(dir + "/best.json", best_record.dump(2) + "\n");
  io::write_file_atomically(dir + "/fitted_scenario.json", scenario.dump(2) + "\n");
  io::write_file_atomically(dir + "/points.csv", points_table(in, e, false));
  io::write_file_atomically(dir + "/accepted.csv", points_table(in, e, true));
  io::write_file_atomically(dir + "/fit.csv", fit_table(in, e.fits[best]));
  io::write_file_atomically(dir + "/method.json", method_record(in, e, accepted).dump(2) + "\n");
  std::int64_t inside = 0;
  for (std::size_t m = 0; m < in.targets.targets.size(); ++m) {
    const auto& s = e.fits[best].moments[m];
    inside += s.n > 0 &&
              std::abs(s.mean - in.targets.targets[m].value) <= in.targets.targets[m].tolerance;
  }
  std::cout << "calibration: " << e.fits.size() << " points in " << e.boxes.size() << " waves, "
            << accepted << " accepted (max implausibility <= " << in.settings.cutoff
            << "); best: wave " << e.wave[best] << " point " << e.point[best]
            << ", max implausibility " << number_cell(e.fits[best].max_implausibility) << ", "
            << inside << " of " << in.targets.targets.size() << " targets inside tolerance\n  "
            << values_of(in, e.points[best]).dump() << "\n  written: " << dir
            << "/{best.json,accepted.csv,points.csv,fitted_scenario.json,fit.csv,method.json}\n";
  return 0;
}

int advance(const std::string& dir, const Inputs& in, const CalibrationRun& run) {
  const std::size_t k = in.params.size();
  const std::vector<Moment> moments = moments_of(in.targets);
  Evaluated e;
  UnitBox box{std::vector<double>(k, 0.0), std::vector<double>(k, 1.0)};
  for (std::int64_t w = 1; w <= in.settings.waves; ++w) {
    const std::string wave_dir = dir + "/wave-" + std::to_string(w);
    const Design design = wave_design(in.settings, k, box, w);
    if (!study_planned(wave_dir)) {
      plan_study(wave_dir, in.targets.name + "-wave-" + std::to_string(w), in.scenario, in.params,
                 design, in.settings.replicates);
      if (!run.run_locally) {
        std::cout << "wave " << w << " planned in " << wave_dir
                  << ": run it with `hearth sweep run " << wave_dir
                  << " -j N` (or --mpi, or --index I --count C shards), then `hearth calibrate "
                     "--analyse "
                  << dir << "`\n";
        return 0;
      }
    }
    if (run.run_locally) {
      if (const int code =
              run_study(wave_dir, run.jobs, run.threads_per_run, run.quiet, run.resume_command))
        return code;
    }
    const StudyValues values = read_study(wave_dir, moments);
    for (std::size_t i = 0; i < values.size(); ++i) {
      e.points.push_back(design[i]);
      e.fits.push_back(fit_point(in.targets.targets, values[i], in.settings.cutoff));
      e.wave.push_back(w);
      e.point.push_back(static_cast<std::int64_t>(i));
    }
    e.boxes.push_back(box);
    box = refocus(e.points, e.fits, 1.0 / static_cast<double>(in.settings.points));
  }
  return write_outputs(dir, in, e);
}

}  // namespace

int calibrate(const std::string& scenario_file, const std::string& targets_file,
              const std::string& params_file, const std::string& dir,
              const CalibrationSettings& settings, const CalibrationRun& run) {
  const io::LoadedScenario scenario = io::load_scenario_file(scenario_file);
  const std::string targets_text = io::read_text_file(targets_file);
  const std::string params_text = io::read_text_file(params_file);
  load_targets_file(targets_file);
  load_params_file(params_file, scenario.resolved);
  if (settings.points < 2) throw InputError("--points", {{"", "must be 2 or more"}});
  if (settings.replicates < 1) throw InputError("--replicates", {{"", "must be 1 or more"}});
  if (settings.waves < 1) throw InputError("--waves", {{"", "must be 1 or more"}});
  if (!(settings.cutoff > 0)) throw InputError("--cutoff", {{"", "must be above 0"}});
  const nlohmann::json record = {{"calibration_version", 1},
                                 {"scenario_file", scenario_file},
                                 {"scenario", scenario.resolved},
                                 {"targets", io::parse_json_text(targets_text, targets_file)},
                                 {"params", io::parse_json_text(params_text, params_file)},
                                 {"settings",
                                  {{"points", settings.points},
                                   {"replicates", settings.replicates},
                                   {"waves", settings.waves},
                                   {"seed", settings.seed},
                                   {"cutoff", settings.cutoff}}}};
  keep_record(dir, "calibration.json", record, "wave-1",
              "calibration (other scenario, targets, parameters or settings)",
              "hearth calibrate --analyse " + dir);
  return advance(dir, inputs_of(record, dir + "/calibration.json"), run);
}

int calibrate_continue(const std::string& dir, const CalibrationRun& run) {
  return advance(dir, inputs_of(read_record(dir, "calibration.json"), dir + "/calibration.json"),
                 run);
}

}  // namespace hearth::calibrate
