// The figure catalogue (figures.hpp), and the events and intervals of
// html_report.hpp that the figures use.
#include "report/html/figures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "hearth/frame.hpp"
#include "report/html/text.hpp"
#include "report/html_report.hpp"
#include "sweep/collect.hpp"

namespace hearth::report {
namespace html {

const std::vector<Headline>& headlines() {
  static const std::vector<Headline> list = {
      {"displaced_total", Measure::Peak, Unit::Count, "Displaced households, at the peak"},
      {"displaced_total", Measure::Final, Unit::Count, "Displaced households, at the end"},
      {"displaced_total", Measure::Sum, Unit::Count,
       "Household-months displaced (sum over months)"},
      {"homeless", Measure::Peak, Unit::Count, "Homeless households, at the peak"},
      {"homeless", Measure::Final, Unit::Count, "Homeless households, at the end"},
      {"cost_burdened_share", Measure::Final, Unit::Share,
       "Cost-burdened share (housing > 30% of income), at the end"},
      {"informal_share", Measure::Final, Unit::Share,
       "Informal or homeless share (SDG 11.1.1 proxy), at the end"},
      {"median_months_displaced", Measure::Final, Unit::Months,
       "Median months displaced, of those ever displaced"},
      {"returned_share_12m", Measure::Final, Unit::Share, "Share returned home within 12 months"},
      {"returned_share_24m", Measure::Final, Unit::Share, "Share returned home within 24 months"},
      {"public_spending", Measure::Sum, Unit::Money, "Public spending on policy programmes, total"},
      {"evictions", Measure::Sum, Unit::Count, "Evictions, total"},
      {"left_city", Measure::Final, Unit::Count, "Households that left the city, total"},
  };
  return list;
}

double headline_value(const RunData& run, const Headline& h, std::int32_t last_tick) {
  if (h.column == "public_spending") return public_spending(run, last_tick);
  return aggregate(run.city(h.column), run.ticks, h.measure, last_tick);
}

const std::vector<SeriesDef>& time_series() {
  static const std::vector<SeriesDef> list = {
      {"displaced_total", Unit::Count,
       "Displaced households (shelter, host, camp or renting elsewhere)", false},
      {"homeless", Unit::Count, "Homeless households", false},
      {"cost_burdened_share", Unit::Share,
       "Share of housed households paying over 30% of income for housing", false},
      {"informal_share", Unit::Share, "Informal or homeless share of households (SDG 11.1.1 proxy)",
       false},
      {"median_rent_per_month", Unit::Money, "Median rent of private rentals, per month", false},
      {"evictions", Unit::Count, "Evictions per month", true},
      {"dwellings_awaiting_repair", Unit::Count, "Damaged dwellings awaiting repair", true},
      {"shelter_occupancy", Unit::Count, "Households in public shelters", true},
      {"spending_total", Unit::Money, "Public spending on policy programmes, per month", true},
  };
  return list;
}

std::string describe_series(const std::string& label, const std::vector<double>& y,
                            const std::vector<std::int32_t>& ticks, Unit unit) {
  if (!any_finite(y)) return label + ": no data.";
  std::size_t first = 0, peak = 0, last = 0;
  bool seen = false;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (std::isnan(y[i])) continue;
    if (!seen) first = i, peak = i, seen = true;
    if (y[i] > y[peak]) peak = i;
    last = i;
  }
  return label + ": " + format_value(y[first], unit) + " in month " + std::to_string(ticks[first]) +
         ", highest " + format_value(y[peak], unit) + " in month " + std::to_string(ticks[peak]) +
         ", " + format_value(y[last], unit) + " in month " + std::to_string(ticks[last]) + ".";
}

std::string events_text(const std::vector<svg::Event>& events) {
  if (events.empty()) return "";
  std::string s = " Marked events: ";
  for (std::size_t i = 0; i < events.size(); ++i) {
    s += (i ? ", " : "") + events[i].label + " in month " + fmt(events[i].x, "%.0f");
  }
  return s + ".";
}

std::vector<double> as_x(const std::vector<std::int32_t>& ticks) {
  return std::vector<double>(ticks.begin(), ticks.end());
}

svg::LineChart line_chart_of(const SeriesDef& def, const std::string& id,
                             const std::vector<svg::Event>& events) {
  svg::LineChart chart;
  chart.id = id;
  chart.title = def.title;
  chart.unit = def.unit;
  chart.events = events;
  return chart;
}

bool worth_showing(const SeriesDef& def, const std::vector<svg::Series>& series) {
  bool positive = false, finite = false;
  for (const svg::Series& s : series) {
    positive = positive || any_positive(s.y);
    finite = finite || any_finite(s.y);
  }
  return finite && (!def.skip_if_zero || positive);
}

// The heading of a group kind's rows in the bar chart of `figure` (a
// GroupFigure's column). groups.csv puts a household away from a damaged
// home in the tenure of that home, everyone else in the tenure of the home
// they live in ("none": no home); the heading says so in the chart's terms.
std::string kind_heading(const std::string& kind, const std::string& figure) {
  if (kind == "tenure") {
    return figure == "away_share"
               ? "Tenure of the damaged home left"
               : "Tenure of the home (of the home left, for households displaced from it)";
  }
  static const std::map<std::string, std::string> names = {
      {"income_quintile", "Income quintile (q1 lowest)"},
      {"female_headed", "Female-headed household"},
      {"elderly_head", "Head aged 65 or over"},
      {"disability", "Member with a disability"},
      {"origin", "Origin"}};
  const auto it = names.find(kind);
  return it == names.end() ? words(kind) : it->second;
}

std::string group_label(const std::string& kind, const std::string& group) {
  if (kind == "income_quintile") {
    if (group == "q1") return "q1 (lowest incomes)";
    if (group == "q5") return "q5 (highest incomes)";
  }
  return words(group);
}

// Peak over ticks of a group's away_from_home / households.
std::vector<double> away_share(const RunData& run, const std::string& kind,
                               const std::string& group) {
  const auto away = run.group(kind, group, "away_from_home");
  const auto members = run.group(kind, group, "households");
  std::vector<double> share(away.size(), kNaN);
  for (std::size_t i = 0; i < away.size(); ++i) {
    if (members[i] > 0 && !std::isnan(away[i])) share[i] = away[i] / members[i];
  }
  return share;
}

std::vector<GroupFigure> group_figures() {
  return {
      {"g-burden", "cost_burdened_share", "Cost-burdened share by group, at the end of the run",
       "share of housed members paying over 30% of income for housing in the last month",
       Measure::Final, Unit::Share},
      {"g-informal", "informal_share", "Informal or homeless share by group, at the end of the run",
       "share of members living informally or homeless in the last month", Measure::Final,
       Unit::Share},
      {"g-away", "away_share", "Peak share away from a damaged home, by group",
       "the highest monthly share of members displaced from a damaged home", Measure::Peak,
       Unit::Share},
      {"g-owner", "owner_share", "Owner-occupier share by group, at the end of the run",
       "share of members owning their home in the last month", Measure::Final, Unit::Share},
  };
}

svg::BarChart bar_chart_of(const GroupFigure& f, const std::string& id,
                           std::vector<std::string> series) {
  svg::BarChart chart;
  chart.id = id;
  chart.title = f.title;
  chart.unit = f.unit;
  chart.series = std::move(series);
  return chart;
}

void add_kind_heading(svg::BarChart& chart, const GroupFigure& f, const std::string& kind,
                      std::string& last_kind) {
  if (kind == last_kind) return;
  chart.rows.push_back({kind_heading(kind, f.column), "", {}, {}, {}});
  last_kind = kind;
}

bool worth_showing(const GroupFigure& f, const svg::BarChart& chart) {
  bool positive = false, finite = false;
  for (const svg::BarRow& row : chart.rows) {
    positive = positive || any_positive(row.values);
    finite = finite || any_finite(row.values);
  }
  return finite && (f.column != "away_share" || positive);
}

double group_value(const RunData& run, const GroupFigure& f, const std::string& kind,
                   const std::string& group, std::int32_t last_tick) {
  if (f.column == "away_share")
    return aggregate(away_share(run, kind, group), run.ticks, f.measure, last_tick);
  return aggregate(run.group(kind, group, f.column), run.ticks, f.measure, last_tick);
}

std::vector<std::pair<std::string, std::string>> groups_of(
    const std::vector<const RunData*>& runs) {
  std::vector<std::pair<std::string, std::string>> groups;
  for (const RunData* run : runs) {
    for (auto& g : run->group_list()) {
      if (g.first != "all" && std::find(groups.begin(), groups.end(), g) == groups.end())
        groups.push_back(g);
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    static const std::vector<std::string> order = {
        "income_quintile", "female_headed", "elderly_head", "disability", "origin", "tenure"};
    auto rank = [&](const std::string& k) {
      const auto it = std::find(order.begin(), order.end(), k);
      return it - order.begin();
    };
    return rank(a.first) < rank(b.first);
  });
  return groups;
}

}  // namespace html

using namespace html;

std::vector<svg::Event> events_of(const RunData& run) {
  std::map<std::int64_t, std::set<std::string>> by_tick;
  const auto hazards = run.scenario.find("hazards");
  if (hazards != run.scenario.end() && hazards->is_array()) {
    for (const auto& h : *hazards) {
      const auto tick = jtick(h, "tick", 0);
      if (tick > 0) by_tick[tick].insert(words(jstr(h, "type", "hazard")));
    }
  }
  // Policy programmes that start after the first month, or end before the last.
  const auto policies = run.scenario.find("policies");
  if (policies != run.scenario.end() && policies->is_array()) {
    for (const auto& p : *policies) {
      const std::string name = words(jstr(p, "type", "policy"));
      const auto start = jtick(p, "start_tick", 1);
      const auto end = jtick(p, "end_tick", 0);
      if (start > 1) by_tick[start].insert(name + " starts");
      if (end > 0 && end < run.ticks.back()) by_tick[end].insert(name + " ends");
    }
  }
  const std::vector<double> struck = run.city("hazard_events");
  for (std::size_t i = 0; i < struck.size(); ++i) {
    if (struck[i] > 0 && !by_tick.count(run.ticks[i])) by_tick[run.ticks[i]].insert("hazard");
  }
  std::vector<svg::Event> events;
  for (const auto& [tick, types] : by_tick) {
    std::string label;
    for (const auto& t : types) label += (label.empty() ? "" : " + ") + t;
    events.push_back({static_cast<double>(tick), label});
  }
  return events;
}

Interval mean_interval(const std::vector<double>& values) {
  double sum = 0;
  std::int64_t n = 0;
  for (double v : values) {
    if (!std::isnan(v)) sum += v, ++n;
  }
  if (n == 0) return {kNaN, kNaN, kNaN, 0};
  const double mean = sum / static_cast<double>(n);
  if (n < 2) return {mean, kNaN, kNaN, n};
  double ss = 0;
  for (double v : values) {
    if (!std::isnan(v)) ss += (v - mean) * (v - mean);
  }
  const double half = sweep::student_t_975(n - 1) * std::sqrt(ss / static_cast<double>(n - 1)) /
                      std::sqrt(static_cast<double>(n));
  return {mean, mean - half, mean + half, n};
}

}  // namespace hearth::report
