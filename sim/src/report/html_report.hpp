#pragma once
// `hearth report`: one self-contained HTML page (inline CSS and SVG; no
// scripts, no network) for one run, several runs side by side, or a sweep
// (mean and 95% interval across replicates). docs/REPORTS.md describes the
// page and how every figure is computed.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/run_reader.hpp"
#include "report/svg.hpp"

namespace hearth::report {

struct ReportOptions {
  std::vector<std::int32_t> map_ticks;  // empty: start, worst displacement, end
  std::string title;                    // empty: from the scenario names
};

std::string report_html(const std::vector<RunData>& runs, const ReportOptions& options);
std::string sweep_report_html(const SweepData& sweep, const ReportOptions& options);

// The scenario in plain words, sentence by sentence (not escaped), from a
// resolved scenario (the manifest's `scenario`); `dates` maps ticks to
// YYYY-MM when known.
std::vector<std::string> describe_scenario(const nlohmann::json& scenario,
                                           const std::vector<std::string>& dates = {});

// Events to mark on charts: ticks with hazard_events > 0 (labelled with the
// scheduled hazards' types at that tick) and scheduled hazards themselves.
std::vector<svg::Event> events_of(const RunData& run);

// Mean and 95% Student t interval of the finite values (lower/upper NaN
// when fewer than two).
struct Interval {
  double mean, lower, upper;
  std::int64_t n;
};
Interval mean_interval(const std::vector<double>& values);

}  // namespace hearth::report
