#include "hearth/frame.hpp"
#include "report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "report/compare.hpp"
#include "sweep/collect.hpp"

namespace hearth::report {

namespace {

using svg::escape;

std::string fmt(double v, const char* format) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

std::string pct(double share) {
  return fmt(100 * share, "%.0f%%");
}

bool any_positive(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return x > 0; });
}
bool any_finite(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return !std::isnan(x); });
}

std::string date_of(const std::vector<std::string>& dates, std::int64_t tick) {
  return tick >= 0 && static_cast<std::size_t>(tick) < dates.size()
             ? dates[static_cast<std::size_t>(tick)]
             : std::string();
}

std::string month_text(const std::vector<std::string>& dates, std::int64_t tick) {
  const std::string d = date_of(dates, tick);
  return "month " + std::to_string(tick) + (d.empty() ? "" : " (" + d + ")");
}

double jnum(const nlohmann::json& j, const char* key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}
// A tick or tick count from a manifest: a number outside what any scenario
// can hold (a tampered file, say 1e300) cannot become an integer, so it
// reads as the fallback.
std::int64_t jtick(const nlohmann::json& j, const char* key, std::int64_t fallback) {
  const double x = jnum(j, key, static_cast<double>(fallback));
  return std::isfinite(x) && std::fabs(x) <= 1e9 ? static_cast<std::int64_t>(x) : fallback;
}
const nlohmann::json& jobj(const nlohmann::json& j, const char* key) {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : empty;
}
std::string jstr(const nlohmann::json& j, const char* key, const std::string& fallback = "") {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string thousands(double v) {
  return format_value(std::round(v), Unit::Count);
}

std::string words(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string hazard_words(const nlohmann::json& h, const std::vector<std::string>& dates) {
  const std::string type = jstr(h, "type", "flood");
  const auto tick = jtick(h, "tick", 0);
  const double p = jnum(h, "annual_probability", 0);
  const std::string when =
      tick > 0 ? " in " + month_text(dates, tick)
               : (p > 0 ? " striking at random with a " + fmt(100 * p, "%.3g") + "% chance a year"
                        : " (never: neither a tick nor a probability is set)");
  if (type == "flood") {
    std::string depth = jstr(h, "depth_file");
    return "a " + fmt(jnum(h, "return_period_years", 100), "%.0f") + "-year flood" + when +
           (depth.empty() ? ", depths from the generated floodplain" : ", depths from " + depth);
  }
  if (type == "earthquake") {
    return "a magnitude " + fmt(jnum(h, "magnitude", 6.5), "%.1f") + " earthquake" + when +
           ", epicentre at " + fmt(100 * jnum(h, "epicentre_x_fraction", 0.5), "%.0f") +
           "% east, " + fmt(100 * jnum(h, "epicentre_y_fraction", 0.5), "%.0f") +
           "% south of the grid, " + fmt(jnum(h, "focal_depth_km", 10), "%.0f") + " km deep";
  }
  if (type == "arrival_wave") {
    return "an arrival wave of " + fmt(jnum(h, "households_per_tick", 0), "%.0f") +
           " displaced households a month for " + fmt(jnum(h, "duration_ticks", 12), "%.0f") +
           " months" + when + " (median income " +
           fmt(jnum(h, "income_median_per_month", 1200), "%.0f") + " a month)";
  }
  return "a hazard of type '" + type + "'" + when;
}

std::string policy_words(const nlohmann::json& p, const std::vector<std::string>& dates) {
  const std::string type = jstr(p, "type", "policy");
  const std::string label = jstr(p, "label");
  std::string s = words(type);
  if (!label.empty() && label != type) s += " (\"" + label + "\")";
  const auto start = jtick(p, "start_tick", 1);
  const auto end = jtick(p, "end_tick", 0);
  s += " from " + month_text(dates, start) +
       (end > 0 ? " to " + month_text(dates, end) : " to the end");
  const double budget = jnum(p, "budget_per_year", 0);
  if (budget > 0) s += ", budget " + thousands(budget) + " a year";
  // The resolved scenario holds every lever's keys with defaults; show the
  // ones of this programme's lever (its key prefixes), or all when unknown.
  static const std::map<std::string, std::vector<std::string>> prefixes = {
      {"rent_cap", {"rent_cap_"}},
      {"vouchers", {"voucher_"}},
      {"social_housing", {"social_"}},
      {"upgrading", {"upgrading_"}},
      {"building_code", {"code_", "retrofit_"}},
      {"reconstruction_grants", {"grants_"}},
      {"eviction_moratorium", {"moratorium_"}},
      {"buyout", {"buyout_"}},
      {"shelter_capacity", {"shelter_", "camp_"}},
      {"record_restoration", {"record"}},
      {"mortgage_rules", {"mortgage_"}}};
  const auto lever = prefixes.find(type);
  auto belongs = [&](const std::string& key) {
    if (lever == prefixes.end()) return true;
    return std::any_of(lever->second.begin(), lever->second.end(),
                       [&](const std::string& prefix) { return key.rfind(prefix, 0) == 0; });
  };
  std::vector<std::string> settings;
  for (const auto& [key, value] : p.items()) {
    if (key == "type" || key == "label" || key == "start_tick" || key == "end_tick" ||
        key == "budget_per_year" || !belongs(key)) {
      continue;
    }
    if (value.is_object()) {
      for (const auto& [k2, v2] : value.items()) {
        if (!v2.is_structured())
          settings.push_back(words(k2) + " " +
                             (v2.is_string() ? v2.get<std::string>() : v2.dump()));
      }
    } else if (!value.is_array()) {
      settings.push_back(words(key) + " " +
                         (value.is_string() ? value.get<std::string>() : value.dump()));
    }
  }
  if (!settings.empty()) {
    s += "; settings: ";
    for (std::size_t i = 0; i < settings.size() && i < 12; ++i) s += (i ? ", " : "") + settings[i];
    if (settings.size() > 12) s += ", ...";
  }
  return s;
}

}  // namespace

std::vector<std::string> describe_scenario(const nlohmann::json& sc,
                                           const std::vector<std::string>& dates) {
  std::vector<std::string> out;
  const nlohmann::json& city = jobj(sc, "city");
  const nlohmann::json& grid = jobj(city, "grid");
  const double w = jnum(grid, "width_cells", 120), h = jnum(grid, "height_cells", 120);
  const double cell = jnum(grid, "cell_size_m", 100);
  const double n = jnum(jobj(city, "layout"), "neighbourhoods_per_side", 6);
  const nlohmann::json& tenure = jobj(city, "tenure");
  std::string s = "A city of " + thousands(jnum(city, "households", 20000)) + " households on " +
                  fmt(w * cell / 1000, "%.3g") + " by " + fmt(h * cell / 1000, "%.3g") + " km (" +
                  fmt(w, "%.0f") + " by " + fmt(h, "%.0f") + " cells of " + fmt(cell, "%.0f") +
                  " m), in " + fmt(n * n, "%.0f") + " neighbourhoods.";
  out.push_back(s);
  out.push_back(
      "Median household income " + thousands(jnum(jobj(city, "income"), "median_per_month", 2500)) +
      " a month and median home value " + thousands(jnum(city, "median_price", 250000)) +
      "; at the start " + pct(jnum(tenure, "owner", 0.55)) + " of households own their home, " +
      pct(jnum(tenure, "private_renter", 0.30)) + " rent privately, " +
      pct(jnum(tenure, "social_renter", 0.08)) + " rent social housing and " +
      pct(jnum(tenure, "informal", 0.07)) + " live informally.");
  const nlohmann::json& river = jobj(jobj(city, "layout"), "river");
  if (river.value("enabled", true)) {
    out.push_back("A river crosses the city; its 100-year flood reaches " +
                  fmt(jnum(river, "flood_depth_100yr_m", 2), "%.3g") +
                  " m at the bank and spreads " +
                  fmt(jnum(river, "floodplain_width_cells", 8) * cell, "%.0f") + " m from it.");
  }
  const auto hazards = sc.find("hazards");
  if (hazards == sc.end() || !hazards->is_array() || hazards->empty()) {
    out.push_back("No hazards: no flood, earthquake or arrival wave is scheduled.");
  } else {
    std::string text = "Hazards: ";
    for (std::size_t i = 0; i < hazards->size(); ++i) {
      text += (i ? "; " : "") + hazard_words((*hazards)[i], dates);
    }
    out.push_back(text + ".");
  }
  const auto policies = sc.find("policies");
  if (policies == sc.end() || !policies->is_array() || policies->empty()) {
    out.push_back("Policies: none (no policy programme).");
  } else {
    std::string text = "Policies: ";
    for (std::size_t i = 0; i < policies->size(); ++i) {
      text += (i ? "; " : "") + policy_words((*policies)[i], dates);
    }
    out.push_back(text + ".");
  }
  const auto ticks = jtick(sc, "ticks", 120);
  std::string horizon = std::to_string(ticks) + " months";
  const std::string start = jstr(sc, "start_date");
  // The end date only when the run got there: an interrupted run's last date
  // is where it stopped, not the end of its horizon.
  const bool reached_end = ticks >= 0 && dates.size() == static_cast<std::size_t>(ticks) + 1;
  if (!dates.empty()) {
    horizon += " from " + dates.front() + (reached_end ? " to " + dates.back() : std::string());
  } else if (!start.empty()) {
    horizon += " from " + start;
  }
  out.push_back("Horizon " + horizon + "; random seed " +
                (sc.contains("seed") ? sc["seed"].dump() : "?") + ", replicate " +
                (sc.contains("replicate") ? sc["replicate"].dump() : "0") + ".");
  return out;
}

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

namespace {

// ---- the figures ----------------------------------------------------------

struct Headline {
  std::string column;  // "public_spending": the total of the spending columns
  Measure measure;
  Unit unit;
  std::string label;
};

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

double headline_value(const RunData& run, const Headline& h,
                      std::int32_t last_tick = kNoTickLimit) {
  if (h.column == "public_spending") return public_spending(run, last_tick);
  return aggregate(run.city(h.column), run.ticks, h.measure, last_tick);
}

struct SeriesDef {
  std::string column;
  Unit unit;
  std::string title;
  bool skip_if_zero;  // leave the chart out when no run has a positive value
};

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

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : s.substr(first);
}

std::vector<double> as_x(const std::vector<std::int32_t>& ticks) {
  return std::vector<double>(ticks.begin(), ticks.end());
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

struct GroupFigure {
  std::string id, column, title, what;
  Measure measure;
  Unit unit;
};

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

double group_value(const RunData& run, const GroupFigure& f, const std::string& kind,
                   const std::string& group, std::int32_t last_tick = kNoTickLimit) {
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

// ---- page -------------------------------------------------------------------

const char* kStyle = R"CSS(
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
  max-width: 1060px; margin: 0 auto; padding: 1.2rem 1.4rem 3rem; background: #fff; }
h1 { font-size: 1.7rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.15rem; margin-top: 2.2rem; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 0.4rem; }
p.lede { color: var(--muted); margin-top: 0; }
nav ol { columns: 2; padding-left: 1.2rem; margin: 0.3rem 0; }
nav { border: 1px solid var(--rule); padding: 0.5rem 1rem; background: #fafafa; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); }
td.better { font-weight: bold; }
figure { margin: 0.8rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.2rem; }
.chart-title { font-weight: bold; margin-bottom: 0.2rem; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0.8rem 1.2rem; }
.maps figure { margin: 0.3rem 0; }
.land { max-width: 560px; }
h4 { font-size: 0.98rem; margin: 1rem 0 0.3rem; }
.scenario p { margin: 0.25rem 0; }
.note { font-size: 0.9rem; color: var(--muted); }
.warning { border-left: 4px solid #b2182b; background: #fdf0ee; padding: 0.4rem 0.7rem; }
code { font-size: 0.9em; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: page; page-break-before: always; margin-top: 0; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
  .maps { grid-template-columns: repeat(3, 1fr); }
  a { color: inherit; text-decoration: none; }
}
)CSS";

class Page {
 public:
  explicit Page(const std::string& title) {
    html_ =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" +
        svg::shared_defs();
  }
  Page& raw(const std::string& s) {
    html_ += s;
    return *this;
  }
  Page& h(int level, const std::string& text, const std::string& id = "") {
    const std::string l = std::to_string(level);
    html_ += "<h" + l + (id.empty() ? "" : " id=\"" + escape(id) + "\"") + ">" + escape(text) +
             "</h" + l + ">\n";
    return *this;
  }
  Page& p(const std::string& text, const std::string& cls = "") {
    html_ += "<p" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" + escape(text) +
             "</p>\n";
    return *this;
  }
  // A chart with its heading above (when given) and its caption below.
  Page& figure(const std::string& svg_text, const std::string& caption,
               const std::string& heading = "") {
    html_ += "<figure>\n";
    if (!heading.empty()) html_ += "<div class=\"chart-title\">" + escape(heading) + "</div>\n";
    html_ += svg_text;
    if (!caption.empty()) html_ += "<figcaption>" + escape(caption) + "</figcaption>\n";
    html_ += "</figure>\n";
    return *this;
  }
  std::string finish() { return html_ + "</main>\n</body>\n</html>\n"; }

 private:
  std::string html_;
};

std::string nav(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string s = "<nav aria-label=\"Contents\"><strong>Contents</strong><ol>\n";
  for (const auto& [id, text] : items)
    s += "<li><a href=\"#" + escape(id) + "\">" + escape(text) + "</a></li>\n";
  return s + "</ol></nav>\n<main>\n";
}

std::string letter(std::size_t i) {
  return std::string(1, static_cast<char>('A' + i % 26)) + (i >= 26 ? std::to_string(i / 26) : "");
}

// Headline table: a row per figure; a column per run, and B - A after each later run.
std::string headline_table(const std::vector<std::string>& labels,
                           const std::vector<std::vector<std::string>>& cells_by_run,
                           const std::vector<std::vector<double>>& values, bool with_diff) {
  std::string s = "<table class=\"headline\">\n<thead><tr><th scope=\"col\">Figure</th>";
  for (std::size_t r = 0; r < labels.size(); ++r) {
    s += "<th scope=\"col\">" + escape(letter(r) + ": " + labels[r]) + "</th>";
    if (with_diff && r > 0) s += "<th scope=\"col\">" + escape(letter(r) + " \u2212 A") + "</th>";
  }
  s += "</tr></thead>\n<tbody>\n";
  const auto& list = headlines();
  for (std::size_t f = 0; f < list.size(); ++f) {
    s += "<tr><th scope=\"row\">" + escape(list[f].label) + "</th>";
    for (std::size_t r = 0; r < labels.size(); ++r) {
      s += "<td>" + escape(cells_by_run[r][f]) + "</td>";
      if (with_diff && r > 0) {
        const double d = difference(values[0][f], values[r][f]);
        const double pc = percent_difference(values[0][f], values[r][f], list[f].unit);
        std::string text = format_difference(d, list[f].unit);
        if (!std::isnan(pc)) text += fmt(pc, " (%+.1f%%)");
        s += "<td>" + escape(text) + "</td>";
      }
    }
    s += "</tr>\n";
  }
  return s + "</tbody></table>\n";
}

std::vector<std::int32_t> default_map_ticks(const RunData& run) {
  std::vector<std::int32_t> ticks{run.ticks.front()};
  const auto displaced = run.city("away_from_home");
  std::size_t peak = 0;
  for (std::size_t i = 0; i < displaced.size(); ++i) {
    if (displaced[i] > displaced[peak]) peak = i;
  }
  if (!displaced.empty() && displaced[peak] > 0) ticks.push_back(run.ticks[peak]);
  ticks.push_back(run.ticks.back());
  std::sort(ticks.begin(), ticks.end());
  ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
  return ticks;
}

std::vector<double> neighbourhood_values(const RunData& run, std::int32_t tick,
                                         const std::string& column) {
  std::vector<double> values(
      static_cast<std::size_t>(run.cells ? run.cells->neighbourhood_count : 0), kNaN);
  if (!run.neighbourhoods) return values;
  const CsvTable& t = *run.neighbourhoods;
  const int ct = t.column("tick"), cn = t.column("neighbourhood"), cv = t.column(column);
  if (cv < 0) return values;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.number(r, ct) != tick) continue;
    const double n = t.number(r, cn);
    if (n >= 0 && n < static_cast<double>(values.size()))
      values[static_cast<std::size_t>(n)] = t.number(r, cv);
  }
  return values;
}

struct MapLayer {
  std::string column, title;
  Unit unit;
  bool only_if_positive;
};

void add_difference_maps(Page& page, const std::vector<const RunData*>& runs);

void add_maps(Page& page, const std::vector<const RunData*>& runs, const ReportOptions& options) {
  std::vector<const RunData*> mappable;
  for (const RunData* r : runs) {
    if (r->cells && r->neighbourhoods) mappable.push_back(r);
  }
  page.h(2, "Maps", "maps");
  if (mappable.empty()) {
    page.p(
        "No maps: these runs have no cells.csv or no neighbourhoods.csv (runs written by an older "
        "hearth, or with outputs.neighbourhood_table off).",
        "note");
    return;
  }
  page.p(
      "Each cell is coloured by the value of its neighbourhood (the number written on it), on one "
      "light-to-dark scale per figure so maps at different months and of different runs can be "
      "compared. "
      "Water is blue; grey marked n/a means no value (e.g. no households there).");
  // The static map once per distinct grid.
  std::set<std::string> drawn;
  for (const RunData* r : mappable) {
    const std::string key = std::to_string(r->cells->width) + "x" +
                            std::to_string(r->cells->height) + ":" +
                            jobj(r->scenario, "city").dump();
    if (!drawn.insert(key).second) continue;
    page.h(3, "The city: land use, floodplain and informal settlements" +
                  (mappable.size() > 1 ? " (" + r->label + ")" : std::string()));
    page.raw("<div class=\"land\">\n");
    page.figure(
        svg::land_map("land-" + std::to_string(drawn.size()), "Land use of " + r->label, *r->cells),
        "Land use at the start, the 100-year floodplain (pale blue inside a dashed blue outline) "
        "and "
        "informal settlements (orange, outlined in brown); grey lines are neighbourhood "
        "boundaries.");
    page.raw("</div>\n");
  }
  const std::vector<MapLayer> layers = {
      {"cost_burdened_share", "Cost-burdened share of housed households", Unit::Share, false},
      {"away_from_home", "Households displaced from a home here", Unit::Count, true},
      {"uninhabitable_dwellings", "Uninhabitable dwellings (damage DS3 or DS4)", Unit::Count, true},
      {"mean_rent_per_month", "Mean rent of private rentals, per month", Unit::Money, false},
  };
  int figure_id = 0;
  for (const MapLayer& layer : layers) {
    // Ticks per run; the scale spans every map of the layer.
    std::vector<std::vector<std::int32_t>> ticks;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::vector<std::vector<std::vector<double>>> values;
    for (const RunData* r : mappable) {
      std::vector<std::int32_t> t;
      for (std::int32_t tick :
           options.map_ticks.empty() ? default_map_ticks(*r) : options.map_ticks) {
        if (r->row_of_tick(tick) >= 0) t.push_back(tick);
      }
      values.emplace_back();
      for (std::int32_t tick : t) {
        values.back().push_back(neighbourhood_values(*r, tick, layer.column));
        for (double v : values.back().back()) {
          if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        }
      }
      ticks.push_back(std::move(t));
    }
    if (!std::isfinite(lo)) continue;
    if (layer.only_if_positive && hi <= 0) continue;
    // Counts from zero; shares and money over the range seen, for contrast.
    if (layer.unit == Unit::Count) lo = std::min(lo, 0.0);
    page.h(3, layer.title);
    page.raw("<div class=\"maps\">\n");
    for (std::size_t r = 0; r < mappable.size(); ++r) {
      for (std::size_t k = 0; k < ticks[r].size(); ++k) {
        const std::string when = month_text(mappable[r]->dates, ticks[r][k]);
        svg::MapChart chart;
        chart.id = "map-" + std::to_string(++figure_id);
        chart.title = layer.title + ", " + mappable[r]->label + ", " + when;
        chart.unit = layer.unit;
        chart.lo = lo;
        chart.hi = hi;
        chart.values = values[r][k];
        double vmin = kNaN, vmax = kNaN;
        std::size_t vmin_n = 0, vmax_n = 0;
        for (std::size_t n = 0; n < chart.values.size(); ++n) {
          const double v = chart.values[n];
          if (std::isnan(v)) continue;
          if (std::isnan(vmin) || v < vmin) vmin = v, vmin_n = n;
          if (std::isnan(vmax) || v > vmax) vmax = v, vmax_n = n;
        }
        chart.desc = "Map of " + layer.title + " by neighbourhood in " + mappable[r]->label + ", " +
                     when + ": lowest " + format_value(vmin, layer.unit) + " (neighbourhood " +
                     std::to_string(vmin_n) + "), highest " + format_value(vmax, layer.unit) +
                     " (neighbourhood " + std::to_string(vmax_n) +
                     "). Each neighbourhood's value is written on it.";
        page.figure(svg::map_chart(chart, *mappable[r]->cells),
                    (mappable.size() > 1 ? mappable[r]->label + ", " : std::string()) + when);
      }
    }
    page.raw("</div>\n");
  }
  add_difference_maps(page, mappable);
}

// Per neighbourhood, the sum of `column` over ticks 1..last.
std::vector<double> neighbourhood_sums(const RunData& run, std::int32_t last,
                                       const std::string& column) {
  std::vector<double> sums(static_cast<std::size_t>(run.cells ? run.cells->neighbourhood_count : 0),
                           0.0);
  if (!run.neighbourhoods || !run.neighbourhoods->has(column))
    return std::vector<double>(sums.size(), kNaN);
  const CsvTable& t = *run.neighbourhoods;
  const int ct = t.column("tick"), cn = t.column("neighbourhood"), cv = t.column(column);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const double tick = t.number(r, ct), n = t.number(r, cn), v = t.number(r, cv);
    if (tick < 1 || tick > last || !(n >= 0 && n < static_cast<double>(sums.size())) ||
        std::isnan(v))
      continue;
    sums[static_cast<std::size_t>(n)] += v;
  }
  return sums;
}

// Maps of B - A by neighbourhood, for runs on the same grid as run A.
void add_difference_maps(Page& page, const std::vector<const RunData*>& runs) {
  if (runs.size() < 2) return;
  const RunData& a = *runs[0];
  std::vector<const RunData*> others;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    const CellMap& m = *runs[r]->cells;
    if (m.width == a.cells->width && m.height == a.cells->height &&
        m.neighbourhood == a.cells->neighbourhood) {
      others.push_back(runs[r]);
    }
  }
  if (others.empty()) return;
  struct Layer {
    std::string column, title;
    Unit unit;
    bool summed;
  };
  const std::vector<Layer> layers = {
      {"cost_burdened_share",
       "Difference in the cost-burdened share at the end (percentage points)", Unit::Share, false},
      {"away_from_home",
       "Difference in household-months displaced from a home here (sum over months)", Unit::Count,
       true},
      {"mean_rent_per_month", "Difference in the mean rent at the end", Unit::Money, false},
  };
  int id = 0;
  for (const Layer& layer : layers) {
    std::vector<std::vector<double>> diffs;
    std::vector<std::int32_t> at;
    double m = 0;
    for (const RunData* b : others) {
      const std::int32_t last = std::min(a.ticks.back(), b->ticks.back());
      const auto va = layer.summed ? neighbourhood_sums(a, last, layer.column)
                                   : neighbourhood_values(a, last, layer.column);
      const auto vb = layer.summed ? neighbourhood_sums(*b, last, layer.column)
                                   : neighbourhood_values(*b, last, layer.column);
      std::vector<double> d(va.size(), kNaN);
      for (std::size_t n = 0; n < d.size() && n < vb.size(); ++n) {
        d[n] = difference(va[n], vb[n]);
        if (!std::isnan(d[n])) m = std::max(m, std::fabs(d[n]));
      }
      diffs.push_back(std::move(d));
      at.push_back(last);
    }
    if (m <= 0) continue;
    if (id == 0) {
      page.h(3, "Differences from A by neighbourhood");
      page.p(
          "Each map shows a run minus run A for every neighbourhood (the number written on it): "
          "red where "
          "the run is higher, blue where it is lower, pale where they are about equal. Runs are "
          "compared "
          "over the months both have.",
          "note");
    }
    page.raw("<h4>" + escape(layer.title) + "</h4>\n<div class=\"maps\">\n");
    for (std::size_t k = 0; k < others.size(); ++k) {
      svg::MapChart chart;
      chart.id = "diff-" + std::to_string(++id);
      chart.unit = layer.unit;
      chart.diverging = true;
      chart.lo = -m;
      chart.hi = m;
      chart.values = diffs[k];
      const std::string when = (layer.summed ? "months 1 to " : "month ") + std::to_string(at[k]);
      chart.title = layer.title + ": " + others[k]->label + " minus " + a.label + ", " + when;
      double lo = kNaN, hi = kNaN;
      for (double v : chart.values) {
        if (std::isnan(v)) continue;
        lo = std::isnan(lo) ? v : std::min(lo, v);
        hi = std::isnan(hi) ? v : std::max(hi, v);
      }
      chart.desc = "Map of " + layer.title + ", " + others[k]->label + " minus " + a.label + ", " +
                   when + ", by neighbourhood: from " + format_difference(lo, layer.unit) + " to " +
                   format_difference(hi, layer.unit) +
                   ". Each neighbourhood's difference is written on it.";
      page.figure(svg::map_chart(chart, *a.cells),
                  others[k]->label + " \u2212 " + a.label + ", " + when);
    }
    page.raw("</div>\n");
  }
}

// What an unfinished run's page covers, and how to finish it.
std::string unfinished_words(const RunData& run, const RunExtent& extent) {
  const std::string date = date_of(run.dates, extent.last_tick);
  std::string dir = run.dir;
  const std::string partial = ".partial";
  if (dir.size() > partial.size() &&
      dir.compare(dir.size() - partial.size(), partial.size(), partial) == 0) {
    dir.resize(dir.size() - partial.size());
  }
  return "every figure, chart and map covers months 0 to " + std::to_string(extent.last_tick) +
         (date.empty() ? std::string() : " (to " + date + ")") +
         " only, not the planned horizon. hearth run --resume " + dir + " finishes it.";
}

std::string default_title(const std::vector<std::string>& names) {
  if (names.size() == 1) return "Hearth report: " + names[0];
  std::string s = "Hearth comparison: ";
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? " vs " : "") + names[i];
  return s;
}

std::string notes_text() {
  return "<h2 id=\"notes\">How these figures are computed</h2>\n"
         "<p>All figures come from the runs' output files (indicators.csv, groups.csv, "
         "neighbourhoods.csv, "
         "cells.csv; see docs/OUTPUTS.md), month by month. <em>Peak</em> is the highest monthly "
         "value, "
         "<em>at the end</em> the last month's value, <em>total</em> or <em>sum</em> the sum over "
         "the "
         "simulated months (month 1 onwards). Household-months displaced adds up the displaced "
         "households "
         "of every month. Shares are of households in the city (or of housed households for cost "
         "burden); "
         "differences of shares are in percentage points (pp). Public spending is the sum over "
         "months of "
         "spending_total (or of all spending_* columns when there is no total). Where a run lacks "
         "a column "
         "(written by an older or newer hearth) or a value is undefined, the page says n/a. "
         "Several "
         "runs of different lengths are compared over the months they all have. For "
         "sweeps, each "
         "figure is computed per replicate run, then averaged; the interval is mean \u00b1 "
         "t(0.975, n\u22121) "
         "s/\u221an (Student t), shown when there are two or more replicates. docs/REPORTS.md "
         "describes "
         "the page in full.</p>\n";
}

void add_line_charts(Page& page, const std::vector<const RunData*>& runs) {
  int id = 0;
  // One event per tick over all runs: "flood" in A and "flood + grants
  // starts" in B at the same month are one line labelled with both parts.
  std::map<double, std::vector<std::string>> parts_at;
  for (const RunData* r : runs) {
    for (const auto& e : events_of(*r)) {
      auto& parts = parts_at[e.x];
      for (std::size_t from = 0; from <= e.label.size();) {
        const std::size_t plus = e.label.find(" + ", from);
        const std::string part =
            e.label.substr(from, plus == std::string::npos ? std::string::npos : plus - from);
        if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
        if (plus == std::string::npos) break;
        from = plus + 3;
      }
    }
  }
  std::vector<svg::Event> events;
  for (const auto& [x, parts] : parts_at) {
    std::string label;
    for (const std::string& part : parts) label += (label.empty() ? "" : " + ") + part;
    events.push_back({x, label});
  }
  for (const SeriesDef& def : time_series()) {
    svg::LineChart chart;
    chart.id = "ts-" + std::to_string(++id);
    chart.title = def.title;
    chart.unit = def.unit;
    chart.events = events;
    bool positive = false, finite = false;
    std::string desc = def.title + ", by month. ";
    for (const RunData* r : runs) {
      svg::Series s;
      s.label = r->label;
      s.x = as_x(r->ticks);
      s.y = r->city(def.column);
      positive = positive || any_positive(s.y);
      finite = finite || any_finite(s.y);
      desc += describe_series(r->label, s.y, r->ticks, def.unit) + " ";
      chart.series.push_back(std::move(s));
    }
    if (!finite || (def.skip_if_zero && !positive)) continue;
    chart.desc = desc + events_text(events);
    page.figure(svg::line_chart(chart), trim(events_text(events)), def.title);
  }
  // Where the displaced stay, for a single run with displacement.
  if (runs.size() == 1 && any_positive(runs[0]->city("displaced_total"))) {
    const RunData& r = *runs[0];
    svg::LineChart chart;
    chart.id = "ts-where";
    chart.title = "Where displaced households stay";
    chart.unit = Unit::Count;
    chart.events = events;
    std::string desc = "Displaced households by where they stay, by month. ";
    for (const auto& [column, label] : std::vector<std::pair<std::string, std::string>>{
             {"displaced_host", "with a host"},
             {"displaced_shelter", "in a shelter"},
             {"displaced_camp", "in a camp"},
             {"displaced_rental", "renting elsewhere"}}) {
      svg::Series s;
      s.label = label;
      s.x = as_x(r.ticks);
      s.y = r.city(column);
      if (!any_finite(s.y)) continue;
      desc += describe_series(label, s.y, r.ticks, Unit::Count) + " ";
      chart.series.push_back(std::move(s));
    }
    chart.desc = desc + events_text(events);
    if (!chart.series.empty())
      page.figure(svg::line_chart(chart), trim(events_text(events)), chart.title);
  }
}

// `last_tick`: the last tick the bars cover (the end of the shortest run
// when several are compared); `when` says so in the caption.
void add_group_bars(Page& page, const std::vector<const RunData*>& runs, std::int32_t last_tick,
                    const std::string& when) {
  const auto groups = groups_of(runs);
  if (groups.empty()) {
    page.p("No groups in these runs' groups.csv.", "note");
    return;
  }
  for (const GroupFigure& f : group_figures()) {
    svg::BarChart chart;
    chart.id = f.id;
    chart.title = f.title;
    chart.unit = f.unit;
    for (const RunData* r : runs) chart.series.push_back(r->label);
    std::string last_kind;
    bool positive = false, finite = false;
    std::string desc = f.title + ": " + f.what + ". ";
    for (const auto& [kind, group] : groups) {
      if (kind != last_kind) {
        chart.rows.push_back({kind_heading(kind, f.column), "", {}, {}, {}});
        last_kind = kind;
      }
      svg::BarRow row;
      row.label = group_label(kind, group);
      for (const RunData* r : runs) {
        const double v = group_value(*r, f, kind, group, last_tick);
        positive = positive || v > 0;
        finite = finite || !std::isnan(v);
        row.values.push_back(v);
      }
      desc += words(kind) + " " + group + ": ";
      for (std::size_t k = 0; k < runs.size(); ++k) {
        desc += (k ? ", " : "") + (runs.size() > 1 ? runs[k]->label + " " : std::string()) +
                format_value(row.values[k], f.unit);
      }
      desc += ". ";
      chart.rows.push_back(std::move(row));
    }
    if (!finite || (f.column == "away_share" && !positive)) continue;
    chart.desc = desc + when;
    page.figure(svg::bar_chart(chart),
                "Bars: " + f.what + "; the value is written at the end of each bar." + when,
                f.title);
  }
}

}  // namespace

std::string report_html(const std::vector<RunData>& runs, const ReportOptions& options) {
  std::vector<std::string> names;
  std::vector<const RunData*> ptrs;
  for (const RunData& r : runs) {
    names.push_back(r.label);
    ptrs.push_back(&r);
  }
  const std::string title = options.title.empty() ? default_title(names) : options.title;
  // Several runs are compared over the ticks they all have, so a figure "at
  // the end" or "total" is like for like when their lengths differ.
  std::vector<RunExtent> extents;
  std::int32_t common_last = kNoTickLimit;
  for (const RunData& r : runs) {
    extents.push_back(run_extent(r));
    common_last = std::min(common_last, extents.back().last_tick);
  }
  const bool lengths_differ = std::any_of(extents.begin(), extents.end(), [&](const RunExtent& e) {
    return e.last_tick != common_last;
  });
  const std::int32_t last_tick = runs.size() > 1 ? common_last : kNoTickLimit;
  const std::string common_months =
      lengths_differ ? " Runs of different lengths: figures cover months up to " +
                           std::to_string(common_last) + ", the last month every run has."
                     : std::string();
  Page page(title);
  page.h(1, title);
  std::string lede =
      runs.size() == 1
          ? "One run"
          : std::to_string(runs.size()) + " runs side by side (A is the reference for differences)";
  lede += ", written by hearth " + runs[0].manifest.value("hearth_version", std::string("?")) + ".";
  page.p(lede, "lede");
  // A run that stopped early says so before anything else: its figures end
  // where it stopped, not at the end of its horizon.
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (extents[r].unfinished.empty()) continue;
    page.p((runs.size() > 1 ? letter(r) + " (" + runs[r].label + ")" : "This run") + " was " +
               extents[r].unfinished + ": " + unfinished_words(runs[r], extents[r]),
           "warning");
  }
  page.raw(nav({{"scenario", runs.size() == 1 ? "The scenario" : "The scenarios"},
                {"headline", "Headline figures"},
                {"time", "Over time"},
                {"groups", "By group"},
                {"maps", "Maps"},
                {"notes", "How these figures are computed"}}));
  page.h(2, runs.size() == 1 ? "The scenario" : "The scenarios", "scenario");
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const RunData& run = runs[r];
    page.raw("<div class=\"scenario\">\n");
    page.h(3, (runs.size() > 1 ? letter(r) + ": " : std::string()) + run.label);
    const std::string description = jstr(run.scenario, "description");
    if (!description.empty()) page.p(description);
    for (const std::string& sentence : describe_scenario(run.scenario, run.dates)) page.p(sentence);
    if (!extents[r].unfinished.empty()) {
      page.p("The run was " + extents[r].unfinished + ": " + unfinished_words(run, extents[r]),
             "warning");
    }
    page.p("Run directory " + run.dir + "; status " +
               run.manifest.value("status", std::string("?")) + ".",
           "note");
    page.raw("</div>\n");
  }
  page.h(2, "Headline figures", "headline");
  std::vector<std::vector<std::string>> cells(runs.size());
  std::vector<std::vector<double>> values(runs.size());
  std::vector<std::string> columns = names;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (!extents[r].unfinished.empty()) columns[r] += " (" + extents[r].unfinished + ")";
    for (const Headline& h : headlines()) {
      const double v = headline_value(runs[r], h, last_tick);
      values[r].push_back(v);
      std::string text = format_value(v, h.unit);
      if (h.measure == Measure::Peak && !std::isnan(v) && v > 0) {
        const auto series = runs[r].city(h.column);
        for (std::size_t i = 0; i < series.size(); ++i) {
          if (series[i] == v && runs[r].ticks[i] <= last_tick) {
            text += " (month " + std::to_string(runs[r].ticks[i]) + ")";
            break;
          }
        }
      }
      cells[r].push_back(text);
    }
  }
  page.raw(headline_table(columns, cells, values, runs.size() > 1));
  if (runs.size() > 1) {
    page.p(
        "Differences: each run minus run A; shares in percentage points (pp), other figures also "
        "as a percentage of A." +
            (lengths_differ ? common_months + " The charts show each run whole." : std::string()),
        "note");
  }
  page.h(2, "Over time", "time");
  add_line_charts(page, ptrs);
  page.h(2, "By group", "groups");
  add_group_bars(page, ptrs, last_tick, common_months);
  add_maps(page, ptrs, options);
  page.raw(notes_text());
  return page.finish();
}

std::string sweep_report_html(const SweepData& sweep, const ReportOptions& options) {
  const std::string title =
      options.title.empty() ? "Hearth sweep report: " + sweep.name : options.title;
  Page page(title);
  page.h(1, title);
  std::int64_t done = 0;
  for (const auto& p : sweep.points) done += static_cast<std::int64_t>(p.replicates.size());
  page.p(std::to_string(sweep.points.size()) + " points, " + std::to_string(done) +
             " completed runs" +
             (sweep.missing > 0
                  ? " (" + std::to_string(sweep.missing) + " planned runs not done yet, left out)"
                  : "") +
             "; figures are the mean across replicates with a 95% interval.",
         "lede");
  page.raw(nav({{"scenario", "The scenario and the points"},
                {"headline", "Headline figures"},
                {"time", "Over time"},
                {"groups", "By group"},
                {"maps", "Maps"},
                {"notes", "How these figures are computed"}}));
  page.h(2, "The scenario and the points", "scenario");
  const RunData* first = nullptr;
  for (const auto& p : sweep.points) {
    if (!p.replicates.empty()) {
      first = &p.replicates[0];
      break;
    }
  }
  page.p(
      "Base scenario (as resolved for the first completed run; the points vary the parameters "
      "below):");
  page.raw("<div class=\"scenario\">\n");
  for (const std::string& sentence : describe_scenario(first->scenario, first->dates))
    page.p(sentence);
  page.raw(
      "</div>\n<table><thead><tr><th scope=\"col\">Point</th><th scope=\"col\">Parameters</th>"
      "<th scope=\"col\">Replicates done / planned</th></tr></thead><tbody>\n");
  std::vector<std::string> labels;
  for (const auto& p : sweep.points) {
    labels.push_back(p.label);
    page.raw("<tr><td>" + std::to_string(p.point) + "</td><td>" + escape(p.label) + "</td><td>" +
             std::to_string(p.replicates.size()) + " / " + std::to_string(p.planned) +
             "</td></tr>\n");
  }
  page.raw("</tbody></table>\n");

  page.h(2, "Headline figures", "headline");
  std::vector<std::vector<std::string>> cells(sweep.points.size());
  std::vector<std::vector<double>> means(sweep.points.size());
  for (std::size_t p = 0; p < sweep.points.size(); ++p) {
    for (const Headline& h : headlines()) {
      std::vector<double> per_run;
      for (const RunData& run : sweep.points[p].replicates)
        per_run.push_back(headline_value(run, h));
      const Interval iv = mean_interval(per_run);
      means[p].push_back(iv.mean);
      std::string text = format_value(iv.mean, h.unit);
      if (!std::isnan(iv.lower)) {
        text += " [" + format_value(iv.lower, h.unit) + " \u2013 " +
                format_value(iv.upper, h.unit) + "]";
      }
      cells[p].push_back(text + " n=" + std::to_string(iv.n));
    }
  }
  page.raw(headline_table(labels, cells, means, sweep.points.size() > 1));
  page.p(
      "Mean across replicates [95% interval], n = replicates with a value. Differences are between "
      "means "
      "(point minus the first point).",
      "note");

  page.h(2, "Over time", "time");
  page.p("Lines are means across replicates; shaded bands their 95% intervals.", "note");
  int id = 0;
  const std::vector<svg::Event> events = events_of(*first);
  for (const SeriesDef& def : time_series()) {
    svg::LineChart chart;
    chart.id = "sw-" + std::to_string(++id);
    chart.title = def.title;
    chart.unit = def.unit;
    chart.events = events;
    bool positive = false, finite = false;
    std::string desc = def.title + ", mean across replicates by month. ";
    for (const auto& point : sweep.points) {
      if (point.replicates.empty()) continue;
      svg::Series s;
      s.label = point.label;
      const RunData& base = point.replicates[0];
      s.x = as_x(base.ticks);
      std::vector<std::vector<double>> by_run;
      for (const RunData& run : point.replicates) by_run.push_back(run.city(def.column));
      for (std::size_t i = 0; i < base.ticks.size(); ++i) {
        std::vector<double> at;
        for (std::size_t k = 0; k < by_run.size(); ++k) {
          const long row = point.replicates[k].row_of_tick(base.ticks[i]);
          at.push_back(row < 0 ? kNaN : by_run[k][static_cast<std::size_t>(row)]);
        }
        const Interval iv = mean_interval(at);
        s.y.push_back(iv.mean);
        s.lower.push_back(iv.lower);
        s.upper.push_back(iv.upper);
      }
      positive = positive || any_positive(s.y);
      finite = finite || any_finite(s.y);
      desc += describe_series(point.label, s.y, base.ticks, def.unit) + " ";
      chart.series.push_back(std::move(s));
    }
    if (!finite || (def.skip_if_zero && !positive)) continue;
    chart.desc = desc + events_text(events);
    page.figure(svg::line_chart(chart),
                "Mean across replicates; shaded: 95% interval." + events_text(events), def.title);
  }

  page.h(2, "By group", "groups");
  std::vector<const RunData*> all;
  for (const auto& point : sweep.points) {
    for (const RunData& run : point.replicates) all.push_back(&run);
  }
  const auto groups = groups_of(all);
  for (const GroupFigure& f : group_figures()) {
    svg::BarChart chart;
    chart.id = "sw-" + f.id;
    chart.title = f.title;
    chart.unit = f.unit;
    for (const auto& point : sweep.points) chart.series.push_back(point.label);
    std::string last_kind,
        desc = f.title + " (mean across replicates, 95% interval): " + f.what + ". ";
    bool positive = false, finite = false;
    for (const auto& [kind, group] : groups) {
      if (kind != last_kind) {
        chart.rows.push_back({kind_heading(kind, f.column), "", {}, {}, {}});
        last_kind = kind;
      }
      svg::BarRow row;
      row.label = group_label(kind, group);
      desc += words(kind) + " " + group + ": ";
      for (const auto& point : sweep.points) {
        std::vector<double> per_run;
        for (const RunData& run : point.replicates)
          per_run.push_back(group_value(run, f, kind, group));
        const Interval iv = mean_interval(per_run);
        row.values.push_back(iv.mean);
        row.lower.push_back(iv.lower);
        row.upper.push_back(iv.upper);
        positive = positive || iv.mean > 0;
        finite = finite || !std::isnan(iv.mean);
        desc += format_value(iv.mean, f.unit) + " ";
      }
      chart.rows.push_back(std::move(row));
    }
    if (!finite || (f.column == "away_share" && !positive)) continue;
    chart.desc = desc;
    page.figure(svg::bar_chart(chart),
                "Bars: mean across replicates of the " + f.what + "; whiskers: 95% interval.",
                f.title);
  }
  // Maps of the first replicate of each point (maps of means would hide where things happen).
  std::vector<const RunData*> firsts;
  for (const auto& point : sweep.points) {
    if (!point.replicates.empty()) firsts.push_back(&point.replicates[0]);
  }
  if (firsts.size() > 4) firsts.resize(4);
  add_maps(page, firsts, options);
  page.p("Maps show replicate 0 of each point (at most the first four points), not averages.",
         "note");
  page.raw(notes_text());
  return page.finish();
}

}  // namespace hearth::report
