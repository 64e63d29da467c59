// GCC 12 reports a false -Wrestrict inside libstdc++ when it inlines string
// concatenation (GCC bug 105329); the pragma must precede the includes.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "report/compare.hpp"
#include "hearth/frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <set>

#include "io/csv_writer.hpp"

namespace hearth::report {

namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string with_separators(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string number_text(double value, const char* format) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string spending_label(const std::string& column) {
  std::string rest = column.substr(std::string("spending_").size());
  std::replace(rest.begin(), rest.end(), '_', ' ');
  return "public spending: " + rest;
}

}  // namespace

std::string csv_number(double value) {
  if (std::isnan(value)) return "";
  return number_text(value, "%.10g");
}

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* measure_name(Measure m) {
  switch (m) {
    case Measure::Peak:
      return "peak";
    case Measure::Final:
      return "final";
    case Measure::Mean:
      return "mean";
    case Measure::Sum:
      return "sum";
  }
  return "?";
}

double aggregate(const std::vector<double>& values, const std::vector<std::int32_t>& ticks,
                 Measure measure, std::int32_t last_tick) {
  const std::size_t rows = std::min(values.size(), ticks.size());
  auto included = [&](std::size_t i) { return ticks[i] <= last_tick; };
  bool has_simulated = false;
  for (std::size_t i = 0; i < rows; ++i)
    has_simulated = has_simulated || (included(i) && ticks[i] >= 1);
  double result = kNaN;
  double sum = 0;
  long n = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    if (!included(i)) continue;
    const double v = values[i];
    if (measure == Measure::Final) {
      // "final" is the last included row's value: undefined there is undefined.
      result = v;
      continue;
    }
    if (std::isnan(v)) continue;
    switch (measure) {
      case Measure::Peak:
        if (std::isnan(result) || v > result) result = v;
        break;
      case Measure::Mean:
      case Measure::Sum:
        if (has_simulated && ticks[i] < 1) break;
        sum += v;
        ++n;
        break;
      case Measure::Final:
        break;
    }
  }
  if (measure == Measure::Mean) return n > 0 ? sum / static_cast<double>(n) : kNaN;
  if (measure == Measure::Sum) return n > 0 ? sum : kNaN;
  return result;
}

RunExtent run_extent(const RunData& run) {
  RunExtent extent;
  extent.last_tick = run.ticks.empty() ? 0 : *std::max_element(run.ticks.begin(), run.ticks.end());
  const std::string status = run.manifest.value("status", std::string("complete"));
  if (status == "complete") return extent;
  // A run stopped early (hearth run interrupted, then not resumed) has
  // ticks_done of the scenario's ticks in its manifest.
  auto whole = [&](const char* key) -> long long {
    const auto it = run.manifest.find(key);
    if (it == run.manifest.end() || !it->is_number()) return -1;
    const double x = it->get<double>();
    return std::isfinite(x) && x >= 0 && x <= 1e9 ? static_cast<long long>(x) : -1;
  };
  const long long done = whole("ticks_done") >= 0 ? whole("ticks_done") : extent.last_tick;
  const long long planned = whole("ticks");
  extent.unfinished = status + " after tick " + std::to_string(done) +
                      (planned >= 0 ? " of " + std::to_string(planned) : std::string());
  return extent;
}

std::vector<Metric> city_metrics(const std::vector<RunData>& runs) {
  std::vector<Metric> metrics = {
      {"households_in_city", Measure::Final, Unit::Count, "households in the city"},
      {"displaced_total", Measure::Peak, Unit::Count, "displaced households"},
      {"displaced_total", Measure::Final, Unit::Count, "displaced households"},
      {"displaced_total", Measure::Sum, Unit::Count, "household-months displaced"},
      {"new_displacements", Measure::Sum, Unit::Count, "households displaced by damage"},
      {"homeless", Measure::Peak, Unit::Count, "homeless households"},
      {"homeless", Measure::Final, Unit::Count, "homeless households"},
      {"cost_burdened_share", Measure::Mean, Unit::Share, "cost-burdened share (>30% of income)"},
      {"cost_burdened_share", Measure::Final, Unit::Share, "cost-burdened share (>30% of income)"},
      {"severely_cost_burdened_share", Measure::Final, Unit::Share,
       "severely cost-burdened (>50%)"},
      {"informal_share", Measure::Mean, Unit::Share, "informal or homeless share"},
      {"informal_share", Measure::Final, Unit::Share, "informal or homeless share"},
      {"median_months_displaced", Measure::Final, Unit::Months,
       "median months displaced, of all ever displaced"},
      {"returned_share_12m", Measure::Final, Unit::Share, "returned home within 12 months"},
      {"returned_share_24m", Measure::Final, Unit::Share, "returned home within 24 months"},
      {"evictions", Measure::Sum, Unit::Count, "evictions"},
      {"left_city", Measure::Final, Unit::Count, "households that left the city"},
      {"dwellings_damaged", Measure::Sum, Unit::Count, "dwellings damaged"},
      {"dwellings_awaiting_repair", Measure::Peak, Unit::Count, "dwellings awaiting repair"},
      {"shelter_occupancy", Measure::Peak, Unit::Count, "households in shelters"},
      {"median_rent_per_month", Measure::Final, Unit::Money, "median rent per month"},
      {"rent_index_relative", Measure::Final, Unit::Index, "rent index (start = 1)"},
      {"price_index_relative", Measure::Final, Unit::Index, "price index (start = 1)"},
      {"vacancy_rate", Measure::Final, Unit::Share, "vacancy rate"},
  };
  std::vector<std::string> spending;
  for (const RunData& run : runs) {
    for (const std::string& column : run.indicators.header()) {
      if (starts_with(column, "spending_") &&
          std::find(spending.begin(), spending.end(), column) == spending.end()) {
        spending.push_back(column);
      }
    }
  }
  for (const std::string& column : spending) {
    const bool cumulative = ends_with(column, "_cumulative");
    metrics.push_back(
        {column, cumulative ? Measure::Final : Measure::Sum, Unit::Money, spending_label(column)});
  }
  return metrics;
}

std::vector<Metric> group_metrics(const std::vector<RunData>& runs) {
  std::vector<Metric> metrics = {
      {"households", Measure::Final, Unit::Count, "households"},
      {"cost_burdened_share", Measure::Mean, Unit::Share, "cost-burdened share"},
      {"cost_burdened_share", Measure::Final, Unit::Share, "cost-burdened share"},
      {"informal_share", Measure::Final, Unit::Share, "informal or homeless share"},
      {"homeless", Measure::Peak, Unit::Count, "homeless"},
      {"displaced", Measure::Peak, Unit::Count, "displaced (shelter, host, camp)"},
      {"away_from_home", Measure::Peak, Unit::Count, "away from a damaged home"},
      {"away_from_home", Measure::Sum, Unit::Count, "household-months away from home"},
      {"mean_months_displaced", Measure::Final, Unit::Months,
       "mean months displaced, of those displaced now"},
      {"owner_share", Measure::Final, Unit::Share, "owner share"},
  };
  std::vector<std::string> spending;
  for (const RunData& run : runs) {
    for (const std::string& column : run.groups.header()) {
      if (starts_with(column, "spending_") &&
          std::find(spending.begin(), spending.end(), column) == spending.end()) {
        spending.push_back(column);
      }
    }
  }
  for (const std::string& column : spending) {
    metrics.push_back({column, ends_with(column, "_cumulative") ? Measure::Final : Measure::Sum,
                       Unit::Money, spending_label(column)});
  }
  return metrics;
}

double public_spending(const RunData& run, std::int32_t last_tick) {
  if (run.indicators.has("spending_total")) {
    return aggregate(run.city("spending_total"), run.ticks, Measure::Sum, last_tick);
  }
  double total = kNaN;
  for (const std::string& column : run.indicators.header()) {
    if (!starts_with(column, "spending_") || ends_with(column, "_cumulative")) continue;
    const double s = aggregate(run.city(column), run.ticks, Measure::Sum, last_tick);
    if (std::isnan(s)) continue;
    total = std::isnan(total) ? s : total + s;
  }
  return total;
}

Comparison compare_runs(const std::vector<RunData>& runs, const CompareOptions& options) {
  Comparison out;
  out.own_horizons = options.own_horizons;
  std::int32_t common_last = kNoTickLimit;
  for (const RunData& run : runs) {
    out.labels.push_back(run.label);
    out.dirs.push_back(run.dir);
    out.extents.push_back(run_extent(run));
    common_last = std::min(common_last, out.extents.back().last_tick);
  }
  for (const RunExtent& extent : out.extents) {
    out.last_ticks.push_back(options.own_horizons ? extent.last_tick : common_last);
  }
  auto value_at = [](const std::vector<double>& series, const RunData& run, std::int32_t tick) {
    const long row = run.row_of_tick(tick);
    return row < 0 ? kNaN : series[static_cast<std::size_t>(row)];
  };
  // Over the run, then at each chosen tick (each column once, with its first metric's unit).
  auto add_rows = [&](const std::string& scope, const std::string& group,
                      const std::vector<Metric>& metrics, auto&& series_of) {
    std::vector<std::vector<std::vector<double>>> series(metrics.size());
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      ComparisonRow row{scope, group, metrics[m], -1, {}};
      for (std::size_t r = 0; r < runs.size(); ++r) {
        series[m].push_back(series_of(runs[r], metrics[m].column));
        row.values.push_back(
            aggregate(series[m].back(), runs[r].ticks, metrics[m].measure, out.last_ticks[r]));
      }
      out.rows.push_back(std::move(row));
    }
    for (std::int32_t tick : options.ticks) {
      std::set<std::string> seen;
      for (std::size_t m = 0; m < metrics.size(); ++m) {
        if (!seen.insert(metrics[m].column).second) continue;
        ComparisonRow row{scope, group, metrics[m], tick, {}};
        for (std::size_t r = 0; r < runs.size(); ++r) {
          row.values.push_back(value_at(series[m][r], runs[r], tick));
        }
        out.rows.push_back(std::move(row));
      }
    }
  };
  add_rows("city", "all", city_metrics(runs),
           [](const RunData& run, const std::string& column) { return run.city(column); });
  if (!options.groups) return out;
  // Groups in the order of the first run that has them.
  std::vector<std::pair<std::string, std::string>> groups;
  for (const RunData& run : runs) {
    for (auto& g : run.group_list()) {
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    }
  }
  const std::vector<Metric> metrics = group_metrics(runs);
  for (const auto& [kind, group] : groups) {
    if (kind == "all") continue;  // the city rows already say it
    if (!options.group_kinds.empty() &&
        std::find(options.group_kinds.begin(), options.group_kinds.end(), kind) ==
            options.group_kinds.end()) {
      continue;
    }
    add_rows(kind, group, metrics,
             [&, k = kind, g = group](const RunData& run, const std::string& column) {
               return run.group(k, g, column);
             });
  }
  return out;
}

double difference(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return kNaN;
  return b - a;
}

double percent_difference(double a, double b, Unit unit) {
  if (unit == Unit::Share || std::isnan(a) || std::isnan(b) || a == 0) return kNaN;
  return 100.0 * (b - a) / std::fabs(a);
}

std::string format_value(double value, Unit unit) {
  if (std::isnan(value)) return "n/a";
  switch (unit) {
    case Unit::Share:
      return number_text(100.0 * value, "%.1f%%");
    case Unit::Months:
      return number_text(value, "%.1f");
    case Unit::Index:
      return number_text(value, "%.3f");
    case Unit::Count:
    case Unit::Money:
      if (std::fabs(value) < 100 && value != std::round(value)) return number_text(value, "%.1f");
      return with_separators(std::llround(value));
  }
  return "n/a";
}

std::string format_difference(double diff, Unit unit) {
  if (std::isnan(diff)) return "n/a";
  std::string text;
  switch (unit) {
    case Unit::Share:
      text = number_text(100.0 * diff, "%.1f pp");
      break;
    case Unit::Months:
      text = number_text(diff, "%.1f");
      break;
    case Unit::Index:
      text = number_text(diff, "%.3f");
      break;
    case Unit::Count:
    case Unit::Money:
      text = std::fabs(diff) < 100 && diff != std::round(diff)
                 ? number_text(diff, "%.1f")
                 : with_separators(std::llround(diff));
      break;
  }
  const bool zero = text.find_first_of("123456789") == std::string::npos;
  if (zero && text[0] == '-') text = text.substr(1);
  if (!zero && diff > 0) text = "+" + text;
  return text;
}

namespace {

std::string letter(std::size_t i) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('A' + i % 26));
    i = i / 26;
  } while (i-- > 0);
  return s;
}
std::string percent_text(double pct) {
  if (std::isnan(pct)) return "";
  return number_text(pct, "%+.1f%%");
}
}  // namespace

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// The ticks an over-the-run figure covers, e.g. "peak 0-60", "sum 1-60",
// "final 60"; "tick T" for a --ticks row. When the runs are summarised over
// different ticks (--own-horizons), "(own)": the Runs list gives each run's.
std::string measure_text(const ComparisonRow& row, const Comparison& c) {
  if (row.tick >= 0) return "tick " + std::to_string(row.tick);
  const std::string name = measure_name(row.metric.measure);
  const bool same = std::adjacent_find(c.last_ticks.begin(), c.last_ticks.end(),
                                       std::not_equal_to<>()) == c.last_ticks.end();
  if (!same || c.last_ticks.empty()) return name + " (own)";
  const std::string last = std::to_string(c.last_ticks.front());
  switch (row.metric.measure) {
    case Measure::Peak:
      return name + " 0-" + last;
    case Measure::Mean:
    case Measure::Sum:
      return c.last_ticks.front() >= 1 ? name + " 1-" + last : name + " 0";
    case Measure::Final:
      break;
  }
  return name + " " + last;
}
// Nothing to compare: zero or undefined in every run.
bool quiet_row(const ComparisonRow& row) {
  return std::all_of(row.values.begin(), row.values.end(),
                     [](double v) { return std::isnan(v) || v == 0; });
}
std::string scope_text(const ComparisonRow& row) {
  return row.scope == "city" ? "WHOLE CITY" : row.scope + " = " + row.group;
}

std::string comparison_table(const Comparison& c, int width, bool all_rows) {
  std::string out;
  const std::size_t runs = c.labels.size();
  out += "Runs:\n";
  for (std::size_t r = 0; r < runs; ++r) {
    out += "  " + letter(r) + " = " + c.labels[r] + "  (" + c.dirs[r] + "), ticks 0-" +
           std::to_string(r < c.extents.size() ? c.extents[r].last_tick : 0);
    if (r < c.extents.size() && !c.extents[r].unfinished.empty()) {
      out += ", " + c.extents[r].unfinished;
    }
    out += "\n";
  }
  out +=
      "Differences are of each run from A; shares in percent, their differences in\n"
      "percentage points (pp). 'peak 0-T': the highest value of ticks 0 to T; 'final T':\n"
      "the value at tick T; 'mean 1-T', 'sum 1-T': over ticks 1 to T (tick 0 is the\n"
      "initial state); 'tick T': the value at tick T; n/a: not in that run.\n";
  const bool lengths_differ =
      std::adjacent_find(c.extents.begin(), c.extents.end(), [](const auto& a, const auto& b) {
        return a.last_tick != b.last_tick;
      }) != c.extents.end();
  if (lengths_differ && !c.own_horizons && !c.last_ticks.empty()) {
    out += "The runs differ in length: peak, final, mean and sum cover ticks up to " +
           std::to_string(c.last_ticks.front()) +
           ",\nthe last tick every run has (--own-horizons: each run over its own ticks).\n";
  } else if (lengths_differ) {
    out +=
        "Each run is summarised over its own ticks (--own-horizons): runs of different\n"
        "lengths are not compared like for like.\n";
  }
  // Which rows to print; a scope (the city, a group) with none is left out whole.
  std::vector<bool> shown(c.rows.size(), true);
  std::size_t hidden = 0;
  if (!all_rows) {
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      shown[i] = !quiet_row(c.rows[i]);
      hidden += shown[i] ? 0 : 1;
    }
  }
  // Column widths: the label column fits the longest label and scope, so
  // nothing is cut.
  std::size_t name_width = 24, measure_width = 8;
  bool months_rows = false;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    if (!shown[i]) continue;
    const ComparisonRow& row = c.rows[i];
    name_width = std::max(name_width, row.metric.label.size() + 4);
    measure_width = std::max(measure_width, measure_text(row, c).size() + 2);
    months_rows = months_rows || row.metric.column == "median_months_displaced" ||
                  row.metric.column == "mean_months_displaced";
  }
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    if (shown[i]) name_width = std::max(name_width, scope_text(c.rows[i]).size() + 2);
  }
  constexpr std::size_t kValue = 13, kDiff = 13, kPct = 9;
  // Blocks of runs that fit the width; each block repeats run A.
  std::vector<std::vector<std::size_t>> blocks;
  const std::size_t fixed = name_width + measure_width + kValue;
  const std::size_t per_run = kValue + kDiff + kPct;
  const std::size_t room = static_cast<std::size_t>(std::max(width, 80));
  const std::size_t fit = room > fixed ? std::max<std::size_t>(1, (room - fixed) / per_run) : 1;
  for (std::size_t r = 1; r < runs || blocks.empty(); r += fit) {
    std::vector<std::size_t> block{0};
    for (std::size_t k = r; k < std::min(runs, r + fit); ++k) block.push_back(k);
    blocks.push_back(block);
    if (runs <= 1) break;
  }
  for (const auto& block : blocks) {
    std::string header;
    for (std::size_t k = 0; k < block.size(); ++k) {
      const std::string name = letter(block[k]);
      header += pad_left(name, kValue);
      if (k > 0) header += pad_left(name + " - A", kDiff) + pad_left("%", kPct);
    }
    std::string last_scope;
    std::int32_t last_tick = -1;
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      if (!shown[i]) continue;
      const ComparisonRow& row = c.rows[i];
      const std::string scope = scope_text(row);
      if (scope != last_scope) {
        out += "\n" + pad_right(scope, name_width) + pad_right("measure", measure_width) + header +
               "\n";
        last_scope = scope;
        last_tick = -1;
      }
      if (row.tick != last_tick) {
        out += row.tick >= 0 ? "  at tick " + std::to_string(row.tick) + ":\n" : "";
        last_tick = row.tick;
      }
      std::string line = pad_right("  " + row.metric.label, name_width) +
                         pad_right(measure_text(row, c), measure_width);
      for (std::size_t k = 0; k < block.size(); ++k) {
        const double v = row.values[block[k]];
        line += pad_left(format_value(v, row.metric.unit), kValue);
        if (k > 0) {
          const double a = row.values[0];
          line += pad_left(format_difference(difference(a, v), row.metric.unit), kDiff);
          line += pad_left(percent_text(percent_difference(a, v, row.metric.unit)), kPct);
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  if (months_rows) {
    out +=
        "\nMonths displaced: the city's median is over every household in the city ever\n"
        "displaced (finished spells, and ongoing ones so far); a group's mean is over its\n"
        "members displaced at that tick only (their spells so far), so it is higher while\n"
        "the longest displaced are still away.\n";
  }
  if (hidden > 0) {
    out += "\n" + std::to_string(hidden) +
           " rows that are zero or n/a in every run are left out (--all-rows shows them;\n"
           "--csv has them all).\n";
  }
  return out;
}

std::string comparison_csv(const Comparison& c) {
  std::string out =
      "scope,group,indicator,measure,tick,run,run_dir,value,reference,difference,percent_"
      "difference\n";
  for (const ComparisonRow& row : c.rows) {
    for (std::size_t r = 0; r < row.values.size(); ++r) {
      const double a = row.values[0], v = row.values[r];
      // The tick of the value (at_tick, final) or the last tick covered (peak, mean, sum).
      const std::int32_t tick =
          row.tick >= 0 ? row.tick : (r < c.last_ticks.size() ? c.last_ticks[r] : -1);
      out +=
          csv_text(row.scope) + "," + csv_text(row.group) + "," + csv_text(row.metric.column) + ",";
      out +=
          (row.tick >= 0 ? std::string("at_tick") : std::string(measure_name(row.metric.measure))) +
          ",";
      out += (tick >= 0 ? std::to_string(tick) : std::string()) + ",";
      out += csv_text(c.labels[r]) + "," + csv_text(c.dirs[r]) + ",";
      out += csv_number(v) + "," + csv_number(a) + "," + csv_number(difference(a, v)) + ",";
      out += csv_number(percent_difference(a, v, row.metric.unit)) + "\n";
    }
  }
  return out;
}

}  // namespace hearth::report
