// GCC 12 reports a false -Wrestrict inside libstdc++ when it inlines string
// concatenation (GCC bug 105329); the pragma must precede the includes.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "report/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "io/csv_writer.hpp"

namespace hearth::report {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

std::string spending_label(const std::string& column) {
  std::string rest = column.substr(std::string("spending_").size());
  std::replace(rest.begin(), rest.end(), '_', ' ');
  return "public spending: " + rest;
}

}  // namespace

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
                 Measure measure) {
  const bool has_simulated =
      std::any_of(ticks.begin(), ticks.end(), [](std::int32_t t) { return t >= 1; });
  double result = kNaN;
  double sum = 0;
  long n = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (std::isnan(v)) continue;
    switch (measure) {
      case Measure::Peak:
        if (std::isnan(result) || v > result) result = v;
        break;
      case Measure::Final:
        result = v;
        break;
      case Measure::Mean:
      case Measure::Sum:
        if (has_simulated && i < ticks.size() && ticks[i] < 1) break;
        sum += v;
        ++n;
        break;
    }
  }
  if (measure == Measure::Mean) return n > 0 ? sum / static_cast<double>(n) : kNaN;
  if (measure == Measure::Sum) return n > 0 ? sum : kNaN;
  if (measure == Measure::Final && !values.empty() && std::isnan(values.back())) {
    // "final" is the last row's value: undefined at the end is undefined.
    return kNaN;
  }
  return result;
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
      {"median_months_displaced", Measure::Final, Unit::Months, "median months displaced"},
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
      {"mean_months_displaced", Measure::Final, Unit::Months, "mean months displaced"},
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

double public_spending(const RunData& run) {
  if (run.indicators.has("spending_total")) {
    return aggregate(run.city("spending_total"), run.ticks, Measure::Sum);
  }
  double total = kNaN;
  for (const std::string& column : run.indicators.header()) {
    if (!starts_with(column, "spending_") || ends_with(column, "_cumulative")) continue;
    const double s = aggregate(run.city(column), run.ticks, Measure::Sum);
    if (std::isnan(s)) continue;
    total = std::isnan(total) ? s : total + s;
  }
  return total;
}

Comparison compare_runs(const std::vector<RunData>& runs, const CompareOptions& options) {
  Comparison out;
  for (const RunData& run : runs) {
    out.labels.push_back(run.label);
    out.dirs.push_back(run.dir);
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
      for (const RunData& run : runs) {
        series[m].push_back(series_of(run, metrics[m].column));
        row.values.push_back(aggregate(series[m].back(), run.ticks, metrics[m].measure));
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

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}
std::string letter(std::size_t i) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('A' + i % 26));
    i = i / 26;
  } while (i-- > 0);
  return s;
}
std::string measure_text(const ComparisonRow& row) {
  return row.tick >= 0 ? "tick " + std::to_string(row.tick) : measure_name(row.metric.measure);
}
std::string percent_text(double pct) {
  if (std::isnan(pct)) return "";
  return number_text(pct, "%+.1f%%");
}

}  // namespace

std::string comparison_table(const Comparison& c, int width) {
  std::string out;
  const std::size_t runs = c.labels.size();
  out += "Runs:\n";
  for (std::size_t r = 0; r < runs; ++r) {
    out += "  " + letter(r) + " = " + c.labels[r] + "  (" + c.dirs[r] + ")\n";
  }
  out +=
      "Differences are of each run from A; shares in percent, their differences in\n"
      "percentage points (pp); peak/final/mean/sum over the run's ticks (mean and sum\n"
      "from tick 1), 'tick T' the value at tick T; n/a: not in that run.\n";
  constexpr std::size_t kName = 40, kMeasure = 8, kValue = 13, kDiff = 13, kPct = 9;
  // Blocks of runs that fit the width; each block repeats run A.
  std::vector<std::vector<std::size_t>> blocks;
  const std::size_t fixed = kName + kMeasure + kValue;
  const std::size_t per_run = kValue + kDiff + kPct;
  const std::size_t fit =
      std::max<std::size_t>(1, (static_cast<std::size_t>(std::max(width, 80)) - fixed) / per_run);
  for (std::size_t r = 1; r < runs || blocks.empty(); r += fit) {
    std::vector<std::size_t> block{0};
    for (std::size_t k = r; k < std::min(runs, r + fit); ++k) block.push_back(k);
    blocks.push_back(block);
    if (runs <= 1) break;
  }
  // Spending columns that are zero (or absent) in every run are left out of
  // the table to keep it readable; the CSV has them all.
  auto quiet_spending = [](const ComparisonRow& row) {
    if (!starts_with(row.metric.column, "spending_") || row.metric.column == "spending_total")
      return false;
    return std::all_of(row.values.begin(), row.values.end(),
                       [](double v) { return std::isnan(v) || v == 0; });
  };
  std::size_t hidden = 0;
  for (const auto& block : blocks) {
    std::string header = pad_right("", kName) + pad_right("measure", kMeasure);
    for (std::size_t k = 0; k < block.size(); ++k) {
      const std::string name = letter(block[k]);
      header += pad_left(name, kValue);
      if (k > 0) header += pad_left(name + " - A", kDiff) + pad_left("%", kPct);
    }
    std::string last_scope;
    std::int32_t last_tick = -1;
    for (const ComparisonRow& row : c.rows) {
      const std::string scope = row.scope == "city" ? "WHOLE CITY" : row.scope + " = " + row.group;
      if (scope != last_scope) {
        out += "\n" + pad_right(scope, kName + kMeasure).substr(0, kName + kMeasure) +
               header.substr(kName + kMeasure) + "\n";
        last_scope = scope;
        last_tick = -1;
      }
      if (quiet_spending(row)) {
        if (block.front() == 0 && &block == &blocks.front()) ++hidden;
        continue;
      }
      if (row.tick != last_tick) {
        out += row.tick >= 0 ? "  at tick " + std::to_string(row.tick) + ":\n" : "";
        last_tick = row.tick;
      }
      std::string label = row.metric.label;
      if (label.size() > kName - 3) label = label.substr(0, kName - 4) + "~";
      std::string line = pad_right("  " + label, kName) + pad_right(measure_text(row), kMeasure);
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
  if (hidden > 0) {
    out += "\n(" + std::to_string(hidden) +
           " rows of public spending columns that are zero in every run are left out; --csv has "
           "them)\n";
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
      out +=
          csv_text(row.scope) + "," + csv_text(row.group) + "," + csv_text(row.metric.column) + ",";
      out +=
          (row.tick >= 0 ? std::string("at_tick") : std::string(measure_name(row.metric.measure))) +
          ",";
      out += (row.tick >= 0 ? std::to_string(row.tick) : std::string()) + ",";
      out += csv_text(c.labels[r]) + "," + csv_text(c.dirs[r]) + ",";
      out += csv_number(v) + "," + csv_number(a) + "," + csv_number(difference(a, v)) + ",";
      out += csv_number(percent_difference(a, v, row.metric.unit)) + "\n";
    }
  }
  return out;
}

}  // namespace hearth::report
