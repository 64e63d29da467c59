// GCC 12 reports a false -Wrestrict inside libstdc++ when it inlines string
// concatenation (GCC bug 105329); the pragma must precede the includes.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "report/paired_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "hearth/errors.hpp"
#include "hearth/frame.hpp"

namespace hearth::report {

RunKey run_key(const RunData& run) {
  const auto seed = run.manifest.find("seed");
  const auto replicate = run.manifest.find("replicate");
  if (seed == run.manifest.end() || !seed->is_number_unsigned() ||
      replicate == run.manifest.end() || !replicate->is_number_integer()) {
    throw InputError(run.dir + "/manifest.json",
                     {{"", "no seed and replicate recorded: runs are paired by them"}});
  }
  return {seed->get<std::uint64_t>(), replicate->get<std::int64_t>()};
}

std::string key_text(const RunKey& key) {
  return "seed " + std::to_string(key.seed) + ", replicate " + std::to_string(key.replicate);
}

namespace {

// The scenario's planned ticks (the manifest's `ticks`), -1 when absent.
long long planned_ticks(const RunData& run) {
  const auto it = run.manifest.find("ticks");
  return it != run.manifest.end() && it->is_number_integer() ? it->get<long long>() : -1;
}

// Paired runs must simulate the same months: a difference over unequal
// horizons is not an effect of the policy.
void require_same_horizon(const std::vector<RunData>& a, const std::vector<RunData>& b) {
  const long long first = planned_ticks(a.front());
  std::vector<InputProblem> problems;
  for (const auto* side : {&a, &b}) {
    for (const RunData& run : *side) {
      if (planned_ticks(run) != first) {
        problems.push_back({run.dir, std::to_string(planned_ticks(run)) + " ticks, but " +
                                         a.front().dir + " has " + std::to_string(first)});
      }
    }
  }
  if (!problems.empty()) {
    problems.push_back({"", "paired runs must be of scenarios of the same length (--ticks)"});
    throw InputError("compare --vs", problems);
  }
}

// The runs of one side by key; two runs of one key on a side are refused.
std::map<RunKey, const RunData*> by_key(const std::vector<RunData>& side, const char* name) {
  std::map<RunKey, const RunData*> out;
  for (const RunData& run : side) {
    const RunKey key = run_key(run);
    const auto [it, fresh] = out.emplace(key, &run);
    if (!fresh) {
      throw InputError(
          "compare --vs",
          {{run.dir, std::string("the same ") + key_text(key) + " as " + it->second->dir +
                         " on side " + name + ": each seed and replicate once per side"}});
    }
  }
  return out;
}

std::string side_label(const std::vector<RunData>& side) {
  std::string label = side.front().label;
  for (const RunData& run : side) {
    if (run.label != label) return label + ", ...";
  }
  return label;
}

}  // namespace

PairedComparison compare_paired(const std::vector<RunData>& a, const std::vector<RunData>& b,
                                const CompareOptions& options) {
  if (a.empty() || b.empty()) {
    throw InputError("compare --vs", {{"", "each side needs at least one run"}});
  }
  require_same_horizon(a, b);
  const auto keyed_a = by_key(a, "A");
  const auto keyed_b = by_key(b, "B");
  PairedComparison out;
  out.label_a = side_label(a);
  out.label_b = side_label(b);
  std::vector<RunData> paired_a, paired_b;
  for (const auto& [key, run] : keyed_a) {
    const auto match = keyed_b.find(key);
    if (match == keyed_b.end()) {
      out.unpaired.push_back(run->dir + " (A, " + key_text(key) + "): no run of B has it");
      continue;
    }
    out.keys.push_back(key);
    paired_a.push_back(*run);
    paired_b.push_back(*match->second);
  }
  for (const auto& [key, run] : keyed_b) {
    if (keyed_a.count(key) == 0) {
      out.unpaired.push_back(run->dir + " (B, " + key_text(key) + "): no run of A has it");
    }
  }
  if (out.keys.size() < 2) {
    std::vector<InputProblem> problems;
    for (const auto* side : {&a, &b}) {
      for (const RunData& run : *side) problems.push_back({run.dir, key_text(run_key(run))});
    }
    problems.push_back({"", std::to_string(out.keys.size()) +
                                (out.keys.size() == 1 ? " pair" : " pairs") +
                                " of the same seed and replicate; an interval needs at least 2 "
                                "(run both scenarios with the same --seed values)"});
    throw InputError("compare --vs", problems);
  }
  const std::size_t n = out.keys.size();
  std::vector<RunData> all = std::move(paired_a);
  all.insert(all.end(), std::make_move_iterator(paired_b.begin()),
             std::make_move_iterator(paired_b.end()));
  CompareOptions paired_options = options;
  paired_options.own_horizons = false;  // one horizon for every pair
  out.runs = compare_runs(all, paired_options);
  for (const ComparisonRow& row : out.runs.rows) {
    PairedFigure figure;
    std::vector<double> differences;
    double sum_a = 0, sum_b = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double va = row.values[i], vb = row.values[n + i];
      if (std::isnan(va) || std::isnan(vb)) continue;
      sum_a += va;
      sum_b += vb;
      differences.push_back(vb - va);
    }
    figure.difference = paired_interval(differences);
    const double pairs = static_cast<double>(differences.size());
    figure.mean_a = differences.empty() ? kNaN : sum_a / pairs;
    figure.mean_b = differences.empty() ? kNaN : sum_b / pairs;
    out.figures.push_back(figure);
  }
  return out;
}

namespace {

// A difference as format_difference writes it, except that one rounding to
// zero but not zero keeps two significant digits ("-0.006 pp", "+0.011"):
// a small but distinguishable difference does not read as none.
std::string difference_text(double x, Unit unit) {
  const std::string text = format_difference(x, unit);
  if (std::isnan(x) || x == 0 || text.find_first_of("123456789") != std::string::npos) return text;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2g", unit == Unit::Share ? 100.0 * x : x);
  return std::string(buffer) + (unit == Unit::Share ? " pp" : "");
}

// The mean difference: more digits only where the interval says which way it
// goes (otherwise they would be noise).
std::string mean_text(const PairedInterval& d, Unit unit) {
  const Verdict v = verdict_of(d);
  return v == Verdict::Higher || v == Verdict::Lower ? difference_text(d.mean, unit)
                                                     : format_difference(d.mean, unit);
}

// An interval's bounds in the figure's unit, e.g. "[-12, +3]", "[+0.4, +1.9] pp".
std::string interval_text(const PairedInterval& d, Unit unit) {
  if (std::isnan(d.lower)) return "n/a";
  const bool share = unit == Unit::Share;
  auto bound = [&](double x) {
    std::string text = difference_text(x, unit);
    if (share && text.size() > 3) text.resize(text.size() - 3);  // one " pp" after the pair
    return text;
  };
  return "[" + bound(d.lower) + ", " + bound(d.upper) + "]" + (share ? " pp" : "");
}

std::string table_heading(const PairedComparison& c) {
  const std::size_t n = c.keys.size();
  std::string out = "Paired comparison over " + std::to_string(n) + " pairs of runs:\n";
  out += "  A = " + c.label_a + "  (" + std::to_string(n) + " runs, e.g. " + c.runs.dirs[0] + ")\n";
  out += "  B = " + c.label_b + "  (" + std::to_string(n) + " runs, e.g. " + c.runs.dirs[n] + ")\n";
  out += "Pairs (runs of the same seed and replicate):";
  for (std::size_t i = 0; i < n; ++i) out += (i % 4 == 0 ? "\n  " : "; ") + key_text(c.keys[i]);
  out += "\n";
  if (!c.unpaired.empty()) {
    out += "Left out, without a counterpart:\n";
    for (const std::string& u : c.unpaired) out += "  " + u + "\n";
  }
  for (std::size_t r = 0; r < c.runs.extents.size(); ++r) {
    if (!c.runs.extents[r].unfinished.empty()) {
      out += "Unfinished: " + c.runs.dirs[r] + " (" + c.runs.extents[r].unfinished +
             "): every pair is compared up to tick " + std::to_string(c.runs.last_ticks[0]) + "\n";
    }
  }
  out +=
      "'B - A' is the mean over the pairs of B's figure minus A's; the interval is its\n"
      "95% confidence interval (Student t on the paired differences, n - 1 degrees of\n"
      "freedom); 'not distinguishable from zero': the interval holds zero, so the seeds\n"
      "do not show which way the difference goes; 'the same in every pair': B - A is 0\n"
      "in each. Shares in percent, their differences in percentage points (pp); measures\n"
      "as in the two-run comparison (docs/REPORTS.md).\n";
  return out;
}

}  // namespace

std::string paired_table(const PairedComparison& c, bool all_rows) {
  std::string out = table_heading(c);
  std::vector<bool> shown(c.runs.rows.size(), true);
  std::size_t hidden = 0;
  std::size_t name_width = 24, measure_width = 8, interval_width = 12;
  for (std::size_t i = 0; i < c.runs.rows.size(); ++i) {
    const ComparisonRow& row = c.runs.rows[i];
    shown[i] = all_rows || !quiet_row(row);
    hidden += shown[i] ? 0 : 1;
    if (!shown[i]) continue;
    name_width = std::max({name_width, row.metric.label.size() + 4, scope_text(row).size() + 2});
    measure_width = std::max(measure_width, measure_text(row, c.runs).size() + 2);
    interval_width = std::max(interval_width,
                              interval_text(c.figures[i].difference, row.metric.unit).size() + 2);
  }
  constexpr std::size_t kValue = 13, kPairs = 5;
  std::string last_scope;
  std::int32_t last_tick = -1;
  for (std::size_t i = 0; i < c.runs.rows.size(); ++i) {
    if (!shown[i]) continue;
    const ComparisonRow& row = c.runs.rows[i];
    const PairedFigure& f = c.figures[i];
    const std::string scope = scope_text(row);
    if (scope != last_scope) {
      out += "\n" + pad_right(scope, name_width) + pad_right("measure", measure_width) +
             pad_left("mean A", kValue) + pad_left("mean B", kValue) + pad_left("B - A", kValue) +
             pad_left("95% interval", interval_width) + pad_left("n", kPairs) + "  verdict\n";
      last_scope = scope;
      last_tick = -1;
    }
    if (row.tick != last_tick) {
      out += row.tick >= 0 ? "  at tick " + std::to_string(row.tick) + ":\n" : "";
      last_tick = row.tick;
    }
    const Unit unit = row.metric.unit;
    out += pad_right("  " + row.metric.label, name_width) +
           pad_right(measure_text(row, c.runs), measure_width) +
           pad_left(format_value(f.mean_a, unit), kValue) +
           pad_left(format_value(f.mean_b, unit), kValue) +
           pad_left(mean_text(f.difference, unit), kValue) +
           pad_left(interval_text(f.difference, unit), interval_width) +
           pad_left(std::to_string(f.difference.n), kPairs) + "  " +
           verdict_text(verdict_of(f.difference)) + "\n";
  }
  if (hidden > 0) {
    out += "\n" + std::to_string(hidden) +
           " rows that are zero or n/a in every run are left out (--all-rows shows them;\n"
           "--csv has them all).\n";
  }
  return out;
}

std::string paired_csv(const PairedComparison& c) {
  std::string out =
      "scope,group,indicator,measure,tick,pairs,mean_a,mean_b,mean_difference,sd_difference,"
      "lower_95,upper_95,verdict\n";
  for (std::size_t i = 0; i < c.runs.rows.size(); ++i) {
    const ComparisonRow& row = c.runs.rows[i];
    const PairedFigure& f = c.figures[i];
    const std::int32_t tick = row.tick >= 0 ? row.tick : c.runs.last_ticks.front();
    out +=
        csv_text(row.scope) + "," + csv_text(row.group) + "," + csv_text(row.metric.column) + "," +
        (row.tick >= 0 ? std::string("at_tick") : std::string(measure_name(row.metric.measure))) +
        "," + std::to_string(tick) + "," + std::to_string(f.difference.n) + "," +
        csv_number(f.mean_a) + "," + csv_number(f.mean_b) + "," + csv_number(f.difference.mean) +
        "," + csv_number(f.difference.sd) + "," + csv_number(f.difference.lower) + "," +
        csv_number(f.difference.upper) + "," + verdict_text(verdict_of(f.difference)) + "\n";
  }
  return out;
}

}  // namespace hearth::report
