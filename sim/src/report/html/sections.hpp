#pragma once
// The sections of a report made of charts: over time, by group, and the
// maps. Internal to report/html/.
#include <cstdint>
#include <string>
#include <vector>

#include "report/html/page.hpp"
#include "report/html_report.hpp"

namespace hearth::report::html {

// A line chart per series of the catalogue (figures.hpp), one line per run.
void add_line_charts(Page& page, const std::vector<const RunData*>& runs);
// `last_tick`: the last tick the bars cover (the end of the shortest run
// when several are compared); `when` says so in the caption.
void add_group_bars(Page& page, const std::vector<const RunData*>& runs, std::int32_t last_tick,
                    const std::string& when);
// The "Maps" section: the land map, maps of each run at chosen ticks, and
// maps of differences (B - A) for runs on run A's grid.
void add_maps(Page& page, const std::vector<const RunData*>& runs, const ReportOptions& options);

}  // namespace hearth::report::html
