#include "calibrate/moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "hearth/frame.hpp"
#include "io/csv_reader.hpp"
#include "io/json_schema.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::calibrate {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The numeric columns of outcomes.csv (docs/OUTPUTS.md; run/run_directory.cpp
// writes them from OutcomeRow).
std::vector<std::string> outcome_columns() {
  std::vector<std::string> names = {
      "displaced", "returned_home", "rehoused_same_neighbourhood", "resettled_elsewhere",
      "left_city", "still_away",    "never_returned_share"};
  for (const std::string_view window : kOutcomeWindowNames) {
    names.push_back("cohort_" + std::string(window));
    names.push_back("away_over_" + std::string(window) + "_share");
  }
  return names;
}

std::vector<std::string> table_columns(MomentTable table) {
  std::vector<std::string> names;
  if (table == MomentTable::indicators) {
    for (int k = 0; k < kCityIndicatorCount; ++k) names.emplace_back(city_indicator_name(k));
  } else if (table == MomentTable::groups) {
    for (int k = 0; k < kGroupIndicatorCount; ++k) names.emplace_back(group_indicator_name(k));
  } else {
    names = outcome_columns();
  }
  return names;
}

const char* table_file(MomentTable table) {
  return table == MomentTable::indicators ? "indicators.csv"
         : table == MomentTable::groups   ? "groups.csv"
                                          : "outcomes.csv";
}

// The column of a table that names a row's group kind (outcomes.csv: scope).
const char* kind_column(MomentTable table) {
  return table == MomentTable::outcomes ? "scope" : "group_kind";
}

void check_column(const std::string& column, const Moment& moment, const std::string& at,
                  std::vector<InputProblem>& problems) {
  const auto names = table_columns(moment.table);
  if (std::find(names.begin(), names.end(), column) != names.end()) return;
  std::string reason = "moment '" + moment.name + "': '" + column + "' is not a column of " +
                       table_file(moment.table);
  const std::string close = io::closest_match(column, names);
  if (!close.empty()) reason += " (did you mean '" + close + "'?)";
  problems.push_back({at, reason});
}

// A required key of this kind of formula, checked as a column.
void need_column(const nlohmann::json& formula, const char* key, std::string& into,
                 const std::string& where, const Moment& moment,
                 std::vector<InputProblem>& problems) {
  if (!formula.contains(key)) {
    problems.push_back({where + "/" + key, "moment '" + moment.name + "': a " +
                                               formula["kind"].get<std::string>() + " needs \"" +
                                               key + "\""});
    return;
  }
  into = formula[key].get<std::string>();
  check_column(into, moment, where + "/" + key, problems);
}

void check_group(const Moment& moment, const std::string& where,
                 std::vector<InputProblem>& problems) {
  if (moment.table == MomentTable::indicators) {
    if (!moment.group_kind.empty() || !moment.group.empty())
      problems.push_back({where, "moment '" + moment.name +
                                     "': group_kind and group belong to \"table\": \"groups\" "
                                     "or \"outcomes\""});
    return;
  }
  std::vector<std::string> groups;
  if (moment.table == MomentTable::groups) {
    for (int g = 0; g < kGroupCount; ++g)
      groups.push_back(std::string(group_kind(g)) + "/" + std::string(group_value(g)));
  } else {
    // outcomes.csv: the city, tenure at displacement and income quintile
    // (its neighbourhood rows are left out: their ids depend on the city).
    groups.push_back("all/all");
    for (int g = 0; g < kGroupCount; ++g)
      if (group_kind(g) == "tenure" || group_kind(g) == "income_quintile")
        groups.push_back(std::string(group_kind(g)) + "/" + std::string(group_value(g)));
  }
  const std::string wanted = moment.group_kind + "/" + moment.group;
  if (std::find(groups.begin(), groups.end(), wanted) == groups.end()) {
    std::string reason = "moment '" + moment.name + "': no group '" + wanted + "' in " +
                         table_file(moment.table) + " (group_kind/group)";
    const std::string close = io::closest_match(wanted, groups);
    if (!close.empty()) reason += " (did you mean '" + close + "'?)";
    problems.push_back({where + "/group", reason});
  }
}

// One table of a run, as the rows of the window (cells as numbers; NaN for
// an empty cell), columns by name.
struct Table {
  std::map<std::string, std::size_t> columns;
  std::vector<std::int64_t> ticks;
  std::vector<std::vector<double>> rows;
};

double cell_number(const std::string& text, const std::string& file, std::int64_t line) {
  if (text.empty()) return kNaN;
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw InputError(file, {{"line " + std::to_string(line), "'" + text + "' is not a number"}});
}

// Reads `file` (indicators.csv or groups.csv); for groups.csv keeps the rows
// of `group_kind`/`group` only. The date column is left out.
Table read_table(const std::string& file, MomentTable table, const std::string& kind,
                 const std::string& group) {
  const std::string text = io::read_text_file(file, 1u << 30);
  io::CsvReader reader(io::without_utf8_bom(text), file);
  io::CsvRow row;
  if (!reader.next(row)) throw InputError(file, {{"", "empty table"}});
  Table out;
  std::map<std::string, std::size_t> header;
  for (std::size_t k = 0; k < row.fields.size(); ++k) header[row.fields[k]] = k;
  const bool grouped = table != MomentTable::indicators;
  const std::string kind_key = kind_column(table);
  for (const std::string& key : {std::string("tick"), kind_key, std::string("group")}) {
    if (header.count(key) == 0 && (grouped || key == "tick"))
      throw InputError(file, {{"line 1", "no column '" + key + "'"}});
  }
  std::vector<std::size_t> numeric;  // source field of each kept column
  for (const auto& [name, index] : header) {
    if (name == "tick" || name == "date" || name == kind_key || name == "group") continue;
    out.columns[name] = numeric.size();
    numeric.push_back(index);
  }
  while (reader.next(row)) {
    if (row.fields.size() != header.size())
      throw InputError(file, {{"line " + std::to_string(row.line),
                               "has " + std::to_string(row.fields.size()) + " fields, header " +
                                   std::to_string(header.size())}});
    if (grouped && (row.fields[header[kind_key]] != kind || row.fields[header["group"]] != group))
      continue;
    out.ticks.push_back(
        static_cast<std::int64_t>(cell_number(row.fields[header["tick"]], file, row.line)));
    std::vector<double> values(numeric.size());
    for (std::size_t k = 0; k < numeric.size(); ++k)
      values[k] = cell_number(row.fields[numeric[k]], file, row.line);
    out.rows.push_back(std::move(values));
  }
  return out;
}

std::size_t column_of(const Table& table, const std::string& name, const std::string& file) {
  const auto it = table.columns.find(name);
  if (it == table.columns.end())
    throw InputError(file, {{"line 1", "no column '" + name + "' (a run of another hearth?)"}});
  return it->second;
}

// The q-quantile of `values` (sorted in place), linearly interpolated
// between order statistics (Hyndman & Fan 1996, type 7).
double quantile_of(std::vector<double>& values, double q) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(at));
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (at - static_cast<double>(low)) * (values[high] - values[low]);
}

double reduce(const Moment& m, const Table& table, const std::string& file) {
  // Negative ticks count from the end: -1 is the run's last tick.
  const std::int64_t last = table.ticks.empty() ? -1 : table.ticks.back();
  const std::int64_t from = m.from_tick < 0 ? last + 1 + m.from_tick : m.from_tick;
  const std::int64_t to = m.to_tick < 0 ? last + 1 + m.to_tick : m.to_tick;
  auto in_window = [&](std::size_t r) { return table.ticks[r] >= from && table.ticks[r] <= to; };
  double sum_a = 0, sum_b = 0;
  std::int64_t n = 0;
  std::vector<double> values;
  // The columns added into x: a ratio's numerator, else the one column.
  std::vector<std::size_t> parts;
  for (const std::string& name :
       m.kind == MomentKind::ratio ? m.numerator : std::vector<std::string>{m.column})
    parts.push_back(column_of(table, name, file));
  const std::size_t a = parts.front();
  const std::size_t b = m.kind == MomentKind::ratio   ? column_of(table, m.denominator, file)
                        : m.kind == MomentKind::share ? column_of(table, m.total, file)
                                                      : a;
  double base = kNaN;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.ticks[r] == m.base_tick) base = table.rows[r][a];
    if (!in_window(r)) continue;
    double x = 0;
    for (const std::size_t k : parts) x += table.rows[r][k];
    const double y = table.rows[r][b];
    switch (m.kind) {
      case MomentKind::mean:
      case MomentKind::change:
        if (!std::isnan(x)) sum_a += x, ++n;
        break;
      case MomentKind::ratio:
        if (!std::isnan(x) && !std::isnan(y)) sum_a += x, sum_b += y, ++n;
        break;
      case MomentKind::share:
        if (!std::isnan(x) && !std::isnan(y) && y > 0) sum_a += x / y, ++n;
        break;
      case MomentKind::quantile:
        if (!std::isnan(x)) values.push_back(x);
        break;
    }
  }
  switch (m.kind) {
    case MomentKind::mean:
    case MomentKind::share:
      return n == 0 ? kNaN : m.scale * sum_a / static_cast<double>(n);
    case MomentKind::ratio:
      return n == 0 || sum_b == 0 ? kNaN : m.scale * sum_a / sum_b;
    case MomentKind::quantile:
      return m.scale * quantile_of(values, m.q);
    case MomentKind::change:
      return n == 0 || std::isnan(base) || base == 0
                 ? kNaN
                 : m.scale * sum_a / static_cast<double>(n) / base;
  }
  return kNaN;
}

}  // namespace

void parse_formula(const nlohmann::json& formula, const std::string& where, Moment& moment,
                   std::vector<InputProblem>& problems) {
  const std::string kind = formula["kind"].get<std::string>();
  moment.kind = kind == "mean"     ? MomentKind::mean
                : kind == "ratio"  ? MomentKind::ratio
                : kind == "share"  ? MomentKind::share
                : kind == "change" ? MomentKind::change
                                   : MomentKind::quantile;
  const std::string table = formula.value("table", std::string("indicators"));
  moment.table = table == "groups"     ? MomentTable::groups
                 : table == "outcomes" ? MomentTable::outcomes
                                       : MomentTable::indicators;
  moment.group_kind = formula.value("group_kind", std::string());
  moment.group = formula.value("group", std::string());
  moment.from_tick = formula.value("from_tick", std::int64_t{0});
  moment.to_tick = formula.value("to_tick", std::int64_t{-1});
  moment.scale = formula.value("scale", 1.0);
  moment.base_tick = formula.value("base_tick", std::int64_t{0});
  check_group(moment, where, problems);
  if ((moment.from_tick < 0) == (moment.to_tick < 0) && moment.to_tick < moment.from_tick)
    problems.push_back(
        {where + "/to_tick", "moment '" + moment.name + "': the window ends before it starts"});
  switch (moment.kind) {
    case MomentKind::mean:
    case MomentKind::change:
      need_column(formula, "column", moment.column, where, moment, problems);
      break;
    case MomentKind::quantile:
      need_column(formula, "column", moment.column, where, moment, problems);
      if (!formula.contains("q"))
        problems.push_back({where + "/q", "moment '" + moment.name + "': a quantile needs \"q\""});
      moment.q = formula.value("q", 0.5);
      break;
    case MomentKind::ratio:
      if (formula.contains("numerator") && formula["numerator"].is_array()) {
        const auto& names = formula["numerator"];  // a sum of columns
        for (std::size_t k = 0; k < names.size(); ++k) {
          moment.numerator.push_back(names[k].get<std::string>());
          check_column(moment.numerator.back(), moment, where + "/numerator/" + std::to_string(k),
                       problems);
        }
      } else {
        std::string name;
        need_column(formula, "numerator", name, where, moment, problems);
        moment.numerator = {name};
      }
      need_column(formula, "denominator", moment.denominator, where, moment, problems);
      break;
    case MomentKind::share:
      need_column(formula, "column", moment.column, where, moment, problems);
      need_column(formula, "total", moment.total, where, moment, problems);
      break;
  }
  // Keys of another kind of formula would be silently ignored: refuse them.
  const std::map<MomentKind, std::vector<std::string>> used = {
      {MomentKind::mean, {"column"}},
      {MomentKind::quantile, {"column", "q"}},
      {MomentKind::ratio, {"numerator", "denominator"}},
      {MomentKind::share, {"column", "total"}},
      {MomentKind::change, {"column", "base_tick"}}};
  for (const char* key : {"column", "q", "numerator", "denominator", "total", "base_tick"}) {
    const auto& keys = used.at(moment.kind);
    if (formula.contains(key) && std::find(keys.begin(), keys.end(), key) == keys.end())
      problems.push_back({where + "/" + key,
                          "moment '" + moment.name + "': a " + kind + " has no \"" + key + "\""});
  }
}

Moment whole_run_mean(const std::string& column) {
  Moment m;
  m.name = column;
  m.column = column;
  return m;
}

double evaluate(const Moment& moment, const std::string& run_dir) {
  return evaluate_all({moment}, run_dir)[0];
}

std::vector<double> evaluate_all(const std::vector<Moment>& moments, const std::string& run_dir) {
  std::map<std::string, Table> tables;  // by file and group
  std::vector<double> out;
  for (const auto& m : moments) {
    const std::string file = run_dir + "/" + table_file(m.table);
    const std::string key = file + "\n" + m.group_kind + "\n" + m.group;
    auto it = tables.find(key);
    if (it == tables.end())
      it = tables.emplace(key, read_table(file, m.table, m.group_kind, m.group)).first;
    out.push_back(reduce(m, it->second, file));
  }
  return out;
}

}  // namespace hearth::calibrate
