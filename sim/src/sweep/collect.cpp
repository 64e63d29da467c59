#include "sweep/collect.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "sweep/journal.hpp"
#include "sweep/plan.hpp"

namespace hearth::sweep {

namespace {

double parse_number(std::string_view cell) {
  if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
  const std::string text(cell);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() ? value : std::numeric_limits<double>::quiet_NaN();
}

std::string number(double value) {
  if (std::isnan(value)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

struct RunTable {
  std::string text;
  std::vector<io::CsvRow> rows;  // the header, then the data rows
  std::string_view header() const { return rows.front().text; }
};

// A run's indicators.csv as rows (io::CsvReader).
std::vector<io::CsvRow> read_rows(const std::string& text, const std::string& path) {
  std::vector<io::CsvRow> rows;
  io::CsvReader csv(text, path);
  for (io::CsvRow row; csv.next(row);) rows.push_back(std::move(row));
  return rows;
}

// The ticks a complete run's manifest says it ran (-1 if it does not say).
std::int64_t ticks_done_of(const std::string& dir, const std::string& run_id) {
  try {
    const auto manifest =
        nlohmann::json::parse(io::read_text_file(dir + "/results/" + run_id + "/manifest.json"));
    return manifest.value("ticks_done", std::int64_t{-1});
  } catch (const std::exception&) {
    return -1;
  }
}

// A run's indicators.csv must be whole before it is compared with the
// others: a file cut short after the run finished (a full disk while
// copying, a truncation) is that run's fault, and naming the run whose
// header it was compared with instead would send the user to the wrong one.
void check_whole(const std::string& dir, const std::string& run_id, const std::string& path,
                 const std::string& text, const std::vector<io::CsvRow>& lines) {
  const std::string rerun = "; remove " + dir + "/results/" + run_id +
                            "/ and run `hearth sweep run " + dir + "` to run it again";
  if (lines.empty()) throw InputError(path, {{"", "empty indicators table" + rerun}});
  if (text.back() != '\n') {
    throw InputError(path, {{"line " + std::to_string(lines.back().line),
                             "cut short: the last line has no line end" + rerun}});
  }
  const std::size_t columns = lines[0].fields.size();
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const std::size_t fields = lines[n].fields.size();
    if (fields != columns) {
      throw InputError(path, {{"line " + std::to_string(lines[n].line),
                               std::to_string(fields) + " fields where the header has " +
                                   std::to_string(columns) + ": cut short or damaged" + rerun}});
    }
  }
  // One row per tick, tick 0 included.
  const std::int64_t ticks = ticks_done_of(dir, run_id);
  const auto rows = static_cast<std::int64_t>(lines.size()) - 1;
  if (ticks >= 0 && rows != ticks + 1) {
    throw InputError(path, {{"", std::to_string(rows) + " rows where the run's manifest says " +
                                     std::to_string(ticks) + " ticks (" +
                                     std::to_string(ticks + 1) + " rows): cut short" + rerun}});
  }
}

}  // namespace

double student_t_975(std::int64_t df) {
  static constexpr double kTable[31] = {
      0,       12.7062, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462,
      2.306,   2.26216, 2.22814, 2.20099, 2.17881, 2.16037, 2.14479, 2.13145,
      2.11991, 2.10982, 2.10092, 2.09302, 2.08596, 2.07961, 2.07387, 2.06866,
      2.0639,  2.05954, 2.05553, 2.05183, 2.04841, 2.04523, 2.04227};
  if (df < 1) return std::numeric_limits<double>::quiet_NaN();
  if (df <= 30) return kTable[df];
  // Cornish-Fisher expansion of t around the normal quantile z.
  const double z = 1.959963984540054;
  const double n = static_cast<double>(df);
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

namespace {

// summary.csv: per point, tick and indicator, the mean over the point's
// replicates that finished and its 95% confidence interval. The columns
// after tick and date (of `names`, the sweep's header) are the indicators.
std::string summary_table(const PlanIndex& plan, const std::vector<RunTable>& tables,
                          const std::vector<bool>& present, const std::vector<std::string>& names,
                          const std::string& params) {
  std::string summary = "point" + params + ",tick,indicator,n,mean,lower,upper\n";
  std::size_t start = 0;
  while (start < plan.runs.size()) {
    std::size_t end = start;
    while (end < plan.runs.size() && plan.runs[end].point == plan.runs[start].point) ++end;
    // Replicates of this point that finished, as parsed tables.
    std::vector<std::vector<std::vector<double>>> replicate_values;
    std::vector<std::string> ticks;
    for (std::size_t i = start; i < end; ++i) {
      if (!present[i]) continue;
      std::vector<std::vector<double>> rows;
      for (std::size_t r = 1; r < tables[i].rows.size(); ++r) {
        const std::vector<std::string>& fields = tables[i].rows[r].fields;
        if (replicate_values.empty()) ticks.emplace_back(fields[0]);
        std::vector<double> values(names.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t c = 2; c < fields.size() && c < names.size(); ++c)
          values[c] = parse_number(fields[c]);
        rows.push_back(std::move(values));
      }
      replicate_values.push_back(std::move(rows));
    }
    std::string point_prefix = std::to_string(plan.runs[start].point);
    for (const auto& v : plan.runs[start].values) {
      point_prefix += ',';
      point_prefix += csv_cell(v);
    }
    for (std::size_t t = 0; t < ticks.size(); ++t) {
      for (std::size_t c = 2; c < names.size(); ++c) {
        // Replicate order is fixed, so the sums (and the bytes) are too.
        double sum = 0;
        std::int64_t n = 0;
        for (const auto& rows : replicate_values) {
          if (t < rows.size() && !std::isnan(rows[t][c])) sum += rows[t][c], ++n;
        }
        const double mean =
            n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
        double squares = 0;
        for (const auto& rows : replicate_values) {
          if (t < rows.size() && !std::isnan(rows[t][c]))
            squares += (rows[t][c] - mean) * (rows[t][c] - mean);
        }
        double lower = std::numeric_limits<double>::quiet_NaN(), upper = lower;
        if (n >= 2) {
          const double half = student_t_975(n - 1) *
                              std::sqrt(squares / static_cast<double>(n - 1)) /
                              std::sqrt(static_cast<double>(n));
          lower = mean - half;
          upper = mean + half;
        }
        summary += point_prefix + "," + ticks[t] + "," + std::string(names[c]) + "," +
                   std::to_string(n) + "," + number(mean) + "," + number(lower) + "," +
                   number(upper) + "\n";
      }
    }
    start = end;
  }
  return summary;
}

}  // namespace

CollectResult collect(const std::string& dir, const CollectOptions& options) {
  const PlanIndex plan = read_plan(dir);
  CollectResult result;
  result.out = options.out.empty() ? dir + "/collected.csv" : options.out;
  result.summary = dir + "/summary.csv";

  std::vector<RunTable> tables(plan.runs.size());
  std::vector<bool> present(plan.runs.size(), false);
  for (const auto& run : plan.runs) {
    const auto i = static_cast<std::size_t>(run.index);
    if (!run_complete(dir, run.run_id)) {
      result.missing.push_back(run.index);
      continue;
    }
    const std::string path = dir + "/results/" + run.run_id + "/indicators.csv";
    tables[i].text = io::read_text_file(path, std::size_t{1} << 31);
    tables[i].rows = read_rows(tables[i].text, path);
    check_whole(dir, run.run_id, path, tables[i].text, tables[i].rows);
    present[i] = true;
    ++result.runs;
  }
  // The columns most runs have are the sweep's; a run with others comes
  // from another hearth version and is the one named.
  std::map<std::string_view, std::int64_t> header_counts;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (present[i]) ++header_counts[tables[i].header()];
  }
  std::string header;
  std::int64_t most = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (!present[i]) continue;
    if (header_counts[tables[i].header()] > most) {
      most = header_counts[tables[i].header()];
      header = std::string(tables[i].header());
    }
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (!present[i] || tables[i].header() == header) continue;
    const std::string path = dir + "/results/" + plan.runs[i].run_id + "/indicators.csv";
    throw InputError(path, {{"line 1", "its columns differ from those of " + std::to_string(most) +
                                           " other runs of this sweep; runs of one sweep must "
                                           "come from the same hearth version"}});
  }
  if (!result.missing.empty() && !options.allow_missing) {
    std::string list;
    for (std::size_t k = 0; k < result.missing.size() && k < 20; ++k) {
      if (k) list += ' ';
      list += std::to_string(result.missing[k]);
    }
    if (result.missing.size() > 20) list += " ...";
    throw InputError(
        dir, {{"", std::to_string(result.missing.size()) + " of " +
                       std::to_string(plan.runs.size()) + " runs are not complete (indices " +
                       list + "); run the sweep again, or pass --allow-missing"}});
  }
  if (header.empty()) throw InputError(dir, {{"", "no run is complete yet: nothing to collect"}});

  std::string params;
  for (const auto& c : plan.columns) {
    // Appended piecewise: "," + string trips a false GCC 12 -Wrestrict (bug 105329).
    params += ',';
    params += csv_quote(c);
  }
  std::string out = "run_id,index,point,replicate,seed" + params + "," + header + "\n";
  for (const auto& run : plan.runs) {
    const auto i = static_cast<std::size_t>(run.index);
    if (!present[i]) continue;
    std::string prefix = run.run_id + "," + std::to_string(run.index) + "," +
                         std::to_string(run.point) + "," + std::to_string(run.replicate) + "," +
                         std::to_string(run.seed);
    for (const auto& v : run.values) {
      prefix += ',';
      prefix += csv_cell(v);
    }
    prefix += ",";
    for (std::size_t r = 1; r < tables[i].rows.size(); ++r) {
      out += prefix;
      out += tables[i].rows[r].text;
      out += '\n';
      ++result.rows;
    }
  }
  io::write_file_atomically(result.out, out);

  // All present runs share the header (checked above): the first one's names.
  const std::size_t first_present =
      static_cast<std::size_t>(std::find(present.begin(), present.end(), true) - present.begin());
  const std::string summary =
      summary_table(plan, tables, present, tables[first_present].rows.front().fields, params);
  io::write_file_atomically(result.summary, summary);
  return result;
}

}  // namespace hearth::sweep
