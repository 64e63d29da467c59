// The scenario in plain words (describe_scenario in html_report.hpp): its
// city, hazards and policies, sentence by sentence.
#include "report/html_report.hpp"

#include <algorithm>
#include <cmath>

#include "report/compare.hpp"
#include "report/html/text.hpp"

namespace hearth::report {

namespace html {
namespace {

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

// The scenario's list under `key` as one sentence, "Hazards: a; b.", each
// item in `item_words`; `none` when the list is absent or empty.
std::string list_sentence(const nlohmann::json& sc, const char* key, const std::string& opening,
                          const std::string& none, const std::vector<std::string>& dates,
                          std::string (*item_words)(const nlohmann::json&,
                                                    const std::vector<std::string>&)) {
  const auto list = sc.find(key);
  if (list == sc.end() || !list->is_array() || list->empty()) return none;
  std::string text = opening;
  for (std::size_t i = 0; i < list->size(); ++i) {
    text += (i ? "; " : "") + item_words((*list)[i], dates);
  }
  return text + ".";
}

}  // namespace
}  // namespace html

using namespace html;

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
  out.push_back(list_sentence(
      sc, "hazards", "Hazards: ", "No hazards: no flood, earthquake or arrival wave is scheduled.",
      dates, hazard_words));
  out.push_back(list_sentence(sc, "policies", "Policies: ", "Policies: none (no policy programme).",
                              dates, policy_words));
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

}  // namespace hearth::report
