#pragma once
// Charts as inline SVG, drawn by the project (no scripts, no external
// references): line charts with events marked and optional 95% bands,
// horizontal bar charts, and maps of neighbourhood values on the grid.
// Readable without colour: every series has its own dash pattern and marker
// shape and is labelled directly; bars carry hatching patterns and value
// labels; maps use a light-to-dark scale with the value written in each
// neighbourhood. Every chart is <svg class="chart" role="img"> with a
// <title> and a <desc> saying what it shows, and its data marks carry the
// class "data" (the browser test checks that every chart has some).
#include <cstdint>
#include <string>
#include <vector>

#include "report/compare.hpp"
#include "report/run_reader.hpp"

namespace hearth::report::svg {

// Escapes &, <, >, " and ' for XML text and attributes.
std::string escape(const std::string& text);

// Patterns and markers the charts refer to; put once in the page, before them.
std::string shared_defs();

// Axis ticks: about `count` round numbers spanning [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int count);

struct Series {
  std::string label;
  std::vector<double> x, y;          // NaN y: a gap
  std::vector<double> lower, upper;  // optional band (same length as y)
};

struct Event {
  double x = 0;
  std::string label;
};

struct LineChart {
  std::string id;
  std::string title;  // also the <title>
  std::string desc;   // the <desc>: what the chart says, in words
  std::string x_label = "month";
  Unit unit = Unit::Count;
  std::vector<Series> series;
  std::vector<Event> events;
};
std::string line_chart(const LineChart& chart);

struct BarRow {
  std::string heading;               // non-empty: a heading row (e.g. a group kind) instead of bars
  std::string label;                 // the category
  std::vector<double> values;        // one per series; NaN: n/a
  std::vector<double> lower, upper;  // optional whiskers (95% interval)
};

struct BarChart {
  std::string id, title, desc;
  Unit unit = Unit::Share;
  std::vector<std::string> series;  // legend: one per run
  std::vector<BarRow> rows;
};
std::string bar_chart(const BarChart& chart);

// One map: each cell coloured by its neighbourhood's value (NaN: hatched
// grey "no data"), water in blue; equal neighbouring cells in a row are one
// rect. Values are binned on [lo, hi] into the legend's classes.
struct MapChart {
  std::string id, title, desc;
  Unit unit = Unit::Share;
  double lo = 0, hi = 1;
  std::vector<double> values;  // per neighbourhood
  bool label_values = true;    // write each neighbourhood's value on it
  // Differences (B - A): a blue-white-red scale on [lo, hi] = [-m, m], values
  // written with their sign (shares in percentage points).
  bool diverging = false;
};
std::string map_chart(const MapChart& chart, const CellMap& cells);
// The static map: land use, the 100-year floodplain and informal settlements.
std::string land_map(const std::string& id, const std::string& title, const CellMap& cells);

// Number of colour classes of maps, and the colour of class k.
inline constexpr int kMapClasses = 6;

}  // namespace hearth::report::svg
