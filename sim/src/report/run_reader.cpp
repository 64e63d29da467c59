#include "report/run_reader.hpp"
#include "hearth/frame.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "hearth/errors.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/journal.hpp"
#include "sweep/plan.hpp"

namespace hearth::report {

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json_object(const std::string& path) {
  // parse_json_text gives the line and column, and names UTF-16 or binary files.
  nlohmann::json document =
      io::parse_json_text(io::read_text_file(path, std::size_t{64} << 20), path);
  if (!document.is_object()) throw InputError(path, {{"", "expected a JSON object"}});
  return document;
}

// The manifest's values that compare and report read must have their types
// (a hand-edited or foreign manifest must be refused, not crash the report).
void check_manifest_types(const nlohmann::json& manifest, const std::string& path) {
  using Json = nlohmann::json;
  struct Expected {
    const char* pointer;
    bool (Json::*is)() const noexcept;
    const char* what;
  };
  static const Expected kExpected[] = {
      {"/scenario_name", &Json::is_string, "a string"},
      {"/hearth_version", &Json::is_string, "a string"},
      {"/status", &Json::is_string, "a string"},
      {"/seed", &Json::is_number, "a number"},
      {"/replicate", &Json::is_number_integer, "an integer"},
      {"/scenario", &Json::is_object, "an object"},
      {"/scenario/city/layout/river/enabled", &Json::is_boolean, "true or false"}};
  for (const Expected& e : kExpected) {
    const Json::json_pointer pointer(e.pointer);
    // contains() on a pointer through a non-object is false (a wrong type
    // higher up is reported for the higher key).
    if (manifest.contains(pointer) && !(manifest.at(pointer).*e.is)()) {
      throw InputError(path, {{e.pointer, std::string("expected ") + e.what + ", found " +
                                              manifest.at(pointer).type_name()}});
    }
  }
}

// Ticks are whole numbers from 0: a row with another "tick" is not Hearth's.
void check_ticks(const CsvTable& table) {
  const int ct = table.column("tick");
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const double t = table.number(r, ct);
    if (!std::isfinite(t) || t < 0 || t > 1e7 || t != std::floor(t)) {
      throw InputError(table.file(),
                       {{"row " + std::to_string(r + 1) + ", column tick", "not a tick number"}});
    }
  }
}

void require_column(const CsvTable& table, const char* name) {
  if (!table.has(name)) {
    throw InputError(table.file(), {{"header", std::string("no column '") + name + "'"}});
  }
}

CellMap read_cells(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  for (const char* name : {"x", "y", "neighbourhood"}) require_column(table, name);
  CellMap map;
  const int cx = table.column("x"), cy = table.column("y"), cn = table.column("neighbourhood");
  const int cu = table.column("land_use"), cf = table.column("flood_depth_100yr_m");
  const int ci = table.column("informal_settlement");
  std::int64_t width = 0, height = 0;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const double x = table.number(r, cx), y = table.number(r, cy);
    if (!(x >= 0 && y >= 0 && x < 100000 && y < 100000)) {
      throw InputError(path,
                       {{"row " + std::to_string(r + 1), "x and y must be cell coordinates"}});
    }
    width = std::max<std::int64_t>(width, static_cast<std::int64_t>(x) + 1);
    height = std::max<std::int64_t>(height, static_cast<std::int64_t>(y) + 1);
  }
  if (width * height > 16'000'000) throw InputError(path, {{"", "grid too large to draw"}});
  map.width = static_cast<std::int32_t>(width);
  map.height = static_cast<std::int32_t>(height);
  const auto cells = static_cast<std::size_t>(width * height);
  map.neighbourhood.assign(cells, -1);
  map.land_use.assign(cells, "");
  map.flood_depth_100yr_m.assign(cells, 0.0f);
  map.informal.assign(cells, 0);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const auto x = static_cast<std::size_t>(table.number(r, cx));
    const auto y = static_cast<std::size_t>(table.number(r, cy));
    const std::size_t c = y * static_cast<std::size_t>(width) + x;
    const double n = table.number(r, cn);
    map.neighbourhood[c] =
        std::isfinite(n) && n >= 0 && n < 1e7 ? static_cast<std::int32_t>(n) : -1;
    map.neighbourhood_count = std::max(map.neighbourhood_count, map.neighbourhood[c] + 1);
    if (cu >= 0) map.land_use[c] = table.text(r, cu);
    if (cf >= 0) {
      const double depth = table.number(r, cf);
      map.flood_depth_100yr_m[c] = std::isfinite(depth) ? static_cast<float>(depth) : 0.0f;
    }
    if (ci >= 0) map.informal[c] = table.number(r, ci) > 0 ? 1 : 0;
  }
  return map;
}

}  // namespace

long RunData::row_of_tick(std::int32_t tick) const {
  for (std::size_t r = 0; r < ticks.size(); ++r) {
    if (ticks[r] == tick) return static_cast<long>(r);
  }
  return -1;
}

std::vector<double> RunData::city(const std::string& column) const {
  return indicators.numbers(column);
}

std::vector<double> RunData::group(const std::string& kind, const std::string& group_name,
                                   const std::string& column) const {
  std::vector<double> values(ticks.size(), kNaN);
  const int ck = groups.column("group_kind"), cg = groups.column("group");
  const int ct = groups.column("tick"), cv = groups.column(column);
  if (ck < 0 || cg < 0 || ct < 0 || cv < 0) return values;
  std::map<std::int32_t, std::size_t> index;
  for (std::size_t i = 0; i < ticks.size(); ++i) index.emplace(ticks[i], i);
  for (std::size_t r = 0; r < groups.rows(); ++r) {
    if (groups.text(r, ck) != kind || groups.text(r, cg) != group_name) continue;
    const double t = groups.number(r, ct);
    if (!std::isfinite(t)) continue;
    const auto it = index.find(static_cast<std::int32_t>(t));
    if (it != index.end()) values[it->second] = groups.number(r, cv);
  }
  return values;
}

std::vector<std::pair<std::string, std::string>> RunData::group_list() const {
  std::vector<std::pair<std::string, std::string>> list;
  std::set<std::pair<std::string, std::string>> seen;
  const int ck = groups.column("group_kind"), cg = groups.column("group");
  if (ck < 0 || cg < 0) return list;
  for (std::size_t r = 0; r < groups.rows(); ++r) {
    std::pair<std::string, std::string> key{groups.text(r, ck), groups.text(r, cg)};
    if (seen.insert(key).second) list.push_back(std::move(key));
  }
  return list;
}

RunData read_run(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(dir, {{"", fs::exists(dir, ec) ? "not a run directory (a file)"
                                                    : "no such run directory"}});
  }
  RunData run;
  run.dir = dir;
  run.manifest = read_json_object(dir + "/manifest.json");
  check_manifest_types(run.manifest, dir + "/manifest.json");
  if (const auto it = run.manifest.find("scenario"); it != run.manifest.end() && it->is_object()) {
    run.scenario = *it;
  } else {
    run.scenario = nlohmann::json::object();
  }
  run.indicators = CsvTable::read(dir + "/indicators.csv");
  require_column(run.indicators, "tick");
  run.groups = CsvTable::read(dir + "/groups.csv");
  for (const char* name : {"tick", "group_kind", "group"}) require_column(run.groups, name);
  check_ticks(run.indicators);
  check_ticks(run.groups);
  const int ct = run.indicators.column("tick"), cd = run.indicators.column("date");
  for (std::size_t r = 0; r < run.indicators.rows(); ++r) {
    run.ticks.push_back(static_cast<std::int32_t>(run.indicators.number(r, ct)));
    run.dates.push_back(run.indicators.text(r, cd));
  }
  if (run.ticks.empty())
    throw InputError(run.indicators.file(), {{"", "no rows: the run has no ticks"}});
  if (fs::exists(dir + "/neighbourhoods.csv", ec)) {
    run.neighbourhoods = CsvTable::read(dir + "/neighbourhoods.csv");
    for (const char* name : {"tick", "neighbourhood"}) require_column(*run.neighbourhoods, name);
    check_ticks(*run.neighbourhoods);
  }
  if (fs::exists(dir + "/cells.csv", ec)) run.cells = read_cells(dir + "/cells.csv");
  std::string name = run.manifest.value("scenario_name", std::string());
  if (name.empty()) name = fs::path(dir).filename().string();
  if (name.empty()) name = dir;
  run.label = name;
  return run;
}

void label_runs(std::vector<RunData>& runs) {
  auto duplicated = [&] {
    std::map<std::string, int> count;
    for (const auto& r : runs) ++count[r.label];
    for (const auto& [label, n] : count) {
      if (n > 1) return true;
    }
    return false;
  };
  if (!duplicated()) return;
  for (auto& r : runs) {
    if (r.manifest.contains("seed") && r.manifest["seed"].is_number()) {
      r.label += " seed " + r.manifest["seed"].dump();
    }
    if (r.manifest.value("replicate", 0) != 0) {
      r.label += " rep " + std::to_string(r.manifest.value("replicate", 0));
    }
  }
  if (!duplicated()) return;
  for (auto& r : runs) r.label += " (" + fs::path(r.dir).filename().string() + ")";
  if (!duplicated()) return;
  for (std::size_t i = 0; i < runs.size(); ++i) runs[i].label += " #" + std::to_string(i + 1);
}

bool is_sweep_dir(const std::string& dir) {
  std::error_code ec;
  return fs::exists(dir + "/plan.json", ec) && !fs::exists(dir + "/manifest.json", ec);
}

SweepData read_sweep(const std::string& dir) {
  const sweep::PlanIndex plan = sweep::read_plan(dir);
  SweepData data;
  data.dir = dir;
  data.name = plan.name;
  data.parameters = plan.columns;
  std::map<std::int64_t, std::size_t> point_index;
  for (const sweep::PlannedRun& planned : plan.runs) {
    auto [it, fresh] = point_index.emplace(planned.point, data.points.size());
    if (fresh) {
      SweepPoint point;
      point.point = planned.point;
      std::string label;
      for (std::size_t p = 0; p < plan.columns.size() && p < planned.values.size(); ++p) {
        if (!label.empty()) label += ", ";
        label += plan.columns[p] + "=" + sweep::csv_cell(planned.values[p]);
      }
      point.label = label.empty() ? "point " + std::to_string(planned.point) : label;
      data.points.push_back(std::move(point));
    }
    SweepPoint& point = data.points[it->second];
    ++point.planned;
    const std::string result = dir + "/results/" + planned.run_id;
    if (!sweep::run_complete(dir, planned.run_id)) {
      ++data.missing;
      continue;
    }
    RunData run = read_run(result);
    run.label = point.label + " rep " + std::to_string(planned.replicate);
    point.replicates.push_back(std::move(run));
  }
  std::int64_t done = 0;
  for (const auto& p : data.points) done += static_cast<std::int64_t>(p.replicates.size());
  if (done == 0) {
    throw InputError(dir,
                     {{"", "no completed runs in this sweep yet (hearth sweep run " + dir + ")"}});
  }
  return data;
}

}  // namespace hearth::report
