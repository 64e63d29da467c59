#include "cli/tracts.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "city/tract_city.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "io/scenario_loader.hpp"
#include "io/tract_reader.hpp"
#include "parallel/parallel.hpp"

namespace hearth::cli {
namespace {

double median_of(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

double round_to(double v, double step) {
  return std::round(v / step) * step;
}

void check_range(const std::string& option, double v, double lo, double hi) {
  if (!(v >= lo && v <= hi)) {
    std::ostringstream text;
    text << "must lie in [" << lo << ", " << hi << "] (got " << v << ")";
    throw InputError(option, {{"", text.str()}});
  }
}

int import_tracts(const ImportTractsArgs& a) {
  if (a.out.empty())
    throw InputError("hearth import-tracts",
                     {{"", "give the scenario to write with -o FILE.json"}});
  check_range("--population-scale", a.population_scale, 1e-6, 1);
  check_range("--persons-per-household", a.persons_per_household, 1, 20);
  check_range("--value-scale", a.value_scale, 1e-6, 1e6);
  check_range("--social-share", a.social_share, 0, 1);
  check_range("--cell-size", a.cell_size_m, 10, 1000);
  check_range("--max-distance", a.max_distance_m, 10, 100000);
  check_range("--flood-tick", a.flood_tick, 0, a.ticks);
  check_range("--ticks", a.ticks, 1, 1200);
  if (!a.force && std::filesystem::exists(a.out)) {
    throw InputError(a.out, {{"", "exists; give --force to replace it"}});
  }
  const io::TractTable table = io::read_tracts(a.csv);

  ScenarioDef def;
  TractsDef& tracts = def.city.tracts;
  tracts.file = a.csv;
  tracts.population_scale = a.population_scale;
  tracts.persons_per_household = a.persons_per_household;
  tracts.value_scale = a.value_scale;
  tracts.max_distance_m = a.max_distance_m;
  def.city.grid = grid_for_tracts(table, a.cell_size_m, std::min(a.max_distance_m, 2000.0));
  const TractPlan plan = plan_tracts(def, table);
  std::int64_t households = 0, owners = 0;
  for (std::size_t t = 0; t < table.tracts.size(); ++t)
    households += plan.households[t], owners += plan.owners[t];
  if (households < 100) {
    throw InputError("--population-scale", {{"", "leaves " + std::to_string(households) +
                                                     " households; a city needs at least 100"}});
  }
  // City-wide figures the rest of the scenario is set from: the median
  // owner-occupied value and the household-weighted median tract income.
  std::vector<double> values, incomes;
  std::vector<double> lstat;
  for (const auto& t : table.tracts)
    if (t.lower_status_percent >= 0) lstat.push_back(t.lower_status_percent);
  const double lstat_median = lstat.empty() ? 0 : median_of(lstat);
  for (std::size_t k = 0; k < table.tracts.size(); ++k) {
    const io::Tract& t = table.tracts[k];
    double v =
        t.median_value_thousands >= 0 ? t.median_value_thousands * 1000 : band_median_value(t);
    if (v <= 0) continue;
    v *= a.value_scale;
    const double l = t.lower_status_percent >= 0 ? t.lower_status_percent : lstat_median;
    const double income =
        v / tracts.value_to_income_ratio / 12 *
        std::exp(tracts.income_lower_status_coefficient * (lstat_median - l) / 100);
    for (std::int64_t i = 0; i < std::max<std::int64_t>(1, plan.households[k] / 10); ++i)
      incomes.push_back(income);
    values.push_back(v);
  }
  const double median_price = values.empty() ? 250000 : median_of(values);
  const double median_income = incomes.empty() ? 2500 : median_of(incomes);
  const double owner_share = static_cast<double>(owners) / static_cast<double>(households);

  std::ostringstream scale_stream;
  scale_stream << a.population_scale;
  const std::string scale_text = scale_stream.str();
  nlohmann::ordered_json doc;
  doc["schema_version"] = 1;
  doc["name"] = a.name.empty() ? std::filesystem::path(a.out).stem().string() : a.name;
  doc["description"] =
      "City built from the census tracts in " + a.csv + " by hearth import-tracts (" +
      std::to_string(table.tracts.size()) + " tracts, " + std::to_string(households) +
      " households at population_scale " + scale_text + ")" +
      (a.flood_tick > 0 ? "; the 100-year river flood strikes the tracts on the river in month " +
                              std::to_string(a.flood_tick)
                        : std::string()) +
      ". docs/TRACTS.md.";
  doc["seed"] = a.seed;
  doc["ticks"] = a.ticks;
  nlohmann::ordered_json city;
  city["grid"] = {{"width_cells", def.city.grid.width_cells},
                  {"height_cells", def.city.grid.height_cells},
                  {"cell_size_m", a.cell_size_m}};
  // Informative here (the tracts decide them), and read by the market and
  // migration as the city's scale.
  city["households"] = households;
  city["income"] = {{"median_per_month", round_to(median_income, 1)}, {"sigma_log", 0.6}};
  // US households by size in the 1970 census (1, 2, 3, 4, 5, 6+ persons).
  city["household_size_shares"] = {0.171, 0.289, 0.173, 0.158, 0.104, 0.105};
  // In ten-thousandths, so that the shares sum to one exactly: social renters
  // take the remainder. Only the ratio of the last three matters to the
  // generator (owners come from the tracts).
  const auto owner_e4 = std::llround(owner_share * 1e4);
  const auto private_e4 =
      std::llround((1e4 - static_cast<double>(owner_e4)) * (1 - a.social_share));
  city["tenure"] = {{"owner", static_cast<double>(owner_e4) / 1e4},
                    {"private_renter", static_cast<double>(private_e4) / 1e4},
                    {"social_renter", static_cast<double>(10000 - owner_e4 - private_e4) / 1e4},
                    {"informal", 0.0}};
  city["median_price"] = round_to(median_price, 1);
  // Rent / value: the 1970 census's median gross rent ($108 a month) over its
  // median value of owner-occupied homes ($17,000), 7.6% a year.
  city["gross_rent_yield_per_year"] = 0.076;
  city["tracts"] = {{"file", a.csv},
                    {"population_scale", a.population_scale},
                    {"persons_per_household", a.persons_per_household},
                    {"value_scale", a.value_scale},
                    {"value_to_income_ratio", tracts.value_to_income_ratio},
                    {"income_lower_status_coefficient", tracts.income_lower_status_coefficient},
                    {"income_sigma_log", tracts.income_sigma_log},
                    {"max_distance_m", a.max_distance_m},
                    {"job_access_decay", tracts.job_access_decay},
                    {"flood_depth_100yr_m", tracts.flood_depth_100yr_m},
                    {"floodplain_width_m", tracts.floodplain_width_m}};
  doc["city"] = city;
  // Money amounts the model's defaults gave for a city of median income 2500
  // and median price 250000 (before issue 16 lowered the default price to
  // 135000), kept in the same proportions to this city's: a tract city's
  // builders still build at 0.32 of the median price per room.
  doc["economy"] = {{"subsistence_per_person_per_month", round_to(0.14 * median_income, 1)}};
  // Landlords buy above, and sell below, the city's yield by a point (as the
  // defaults do around their 4.5%).
  doc["market"] = {{"construction_cost_per_room", round_to(0.32 * median_price, 1)},
                   {"investor_buy_yield_per_year", 0.086},
                   {"investor_sell_yield_per_year", 0.066}};
  doc["migration"] = {{"arrival_income_median_per_month", round_to(0.8 * median_income, 1)}};
  // Shelter and camp places in proportion to the city (the defaults: 500 and
  // 1000 places for 20,000 households).
  doc["disasters"] = {
      {"dislocation",
       {{"shelter_capacity_households", std::max<std::int64_t>(10, households / 40)},
        {"camp_capacity_households", std::max<std::int64_t>(10, households / 20)}}}};
  if (a.flood_tick > 0) {
    doc["hazards"] = nlohmann::ordered_json::array(
        {{{"type", "flood"}, {"tick", a.flood_tick}, {"return_period_years", 100}}});
  }
  const std::string text = doc.dump(2) + "\n";
  // The scenario must load as written (schema, tract table, grid) before it is written.
  io::load_scenario_json(nlohmann::json::parse(text), a.out);
  io::write_file_atomically(a.out, text);
  std::cout << a.out << ": " << table.tracts.size() << " tracts, " << households << " households ("
            << owners << " owners), grid " << def.city.grid.width_cells << " x "
            << def.city.grid.height_cells << " cells of " << a.cell_size_m << " m, median price "
            << static_cast<std::int64_t>(median_price) << ", median income/month "
            << static_cast<std::int64_t>(median_income) << "\n";
  return kExitOk;
}

// Pearson correlation over the pairs where both are known (>= 0).
double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  double n = 0, sx = 0, sy = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] >= 0 && y[i] >= 0) n += 1, sx += x[i], sy += y[i];
  if (n < 2) return std::nan("");
  const double mx = sx / n, my = sy / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] < 0 || y[i] < 0) continue;
    sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx),
        syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
}

struct Summary {
  std::string what;
  double total_target = 0, total = 0, r = 0, median_abs_pct = 0, within_20 = 0;
  std::size_t tracts = 0;
};

Summary summarise(const std::string& what, const std::vector<double>& target,
                  const std::vector<double>& got, bool totals) {
  Summary s;
  s.what = what;
  std::vector<double> errors;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] <= 0 || got[i] < 0) continue;
    if (totals) s.total_target += target[i], s.total += got[i];
    errors.push_back(std::fabs(got[i] - target[i]) / target[i] * 100);
  }
  s.tracts = errors.size();
  s.r = correlation(target, got);
  s.median_abs_pct = median_of(errors);
  s.within_20 = errors.empty()
                    ? 0
                    : static_cast<double>(std::count_if(errors.begin(), errors.end(),
                                                        [](double e) { return e <= 20; })) /
                          static_cast<double>(errors.size());
  if (!totals) s.total_target = s.total = std::nan("");
  return s;
}

std::string fixed(double v, int digits) {
  if (std::isnan(v)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

int tracts_fit(const TractsFitArgs& a) {
  if (a.threads < 0) throw InputError("--threads", {{"", "must be 0 (all cores) or more"}});
  parallel::ThreadLimit limit(a.threads);
  const io::LoadedScenario loaded = io::load_scenario_file(a.scenario);
  const ScenarioDef& def = loaded.def;
  if (def.city.tracts.file.empty()) {
    throw InputError(a.scenario, {{"/city/tracts/file", "this scenario is not built from tracts"}});
  }
  const io::TractTable table = io::read_tracts(def.city.tracts.file);
  const World world = generate_tract_city(def, table);
  const auto rows = tract_fit(def, table, world);

  std::vector<double> th, h, tp, p, to, o, cmedv, bands, value;
  for (const auto& r : rows) {
    th.push_back(r.target_households), h.push_back(r.households);
    tp.push_back(r.target_population), p.push_back(r.population);
    to.push_back(r.target_owner_units), o.push_back(r.owner_units);
    cmedv.push_back(r.median_value_cmedv), bands.push_back(r.median_value_bands);
    value.push_back(r.median_value);
  }
  // Tracts where at least 10 owner-occupied units were drawn: below that a
  // median of the sample says little.
  std::vector<double> cmedv10, bands10, value10;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool enough = rows[i].owner_units >= 10;
    cmedv10.push_back(enough ? cmedv[i] : -1), bands10.push_back(enough ? bands[i] : -1);
    value10.push_back(enough ? value[i] : -1);
  }
  const std::vector<Summary> summaries = {
      summarise("households", th, h, true),
      summarise("population (persons)", tp, p, true),
      summarise("owner-occupied units", to, o, true),
      summarise("median value vs CMEDV", cmedv, value, false),
      summarise("median value vs value bands", bands, value, false),
      summarise("median value vs CMEDV (tracts with >= 10 owner units drawn)", cmedv10, value10,
                false),
      summarise("median value vs value bands (>= 10 owner units drawn)", bands10, value10, false)};

  std::ostringstream md;
  md << "| quantity | tracts | target total | generated total | correlation r | median abs. error "
        "% "
        "| tracts within 20% |\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& s : summaries) {
    md << "| " << s.what << " | " << s.tracts << " | " << fixed(s.total_target, 0) << " | "
       << fixed(s.total, 0) << " | " << fixed(s.r, 3) << " | " << fixed(s.median_abs_pct, 1)
       << " | " << fixed(100 * s.within_20, 0) << "% |\n";
  }
  std::int64_t river_tracts = 0, river_flooded = 0, other_flooded = 0;
  for (const auto& r : rows) {
    river_tracts += r.bounds_river;
    river_flooded += r.bounds_river && r.flooded_share > 0;
    other_flooded += !r.bounds_river && r.flooded_share > 0;
  }
  md << "\nFlood exposure: " << river_flooded << " of " << river_tracts
     << " CHAS tracts have dwellings in the 100-year floodplain; " << other_flooded
     << " other tracts do.\n";
  std::cout << "tract fit of " << a.scenario << " (seed " << def.seed << ", "
            << world.households.count() << " households, " << rows.size() << " tracts)\n\n"
            << md.str();

  if (!a.csv.empty()) {
    std::ostringstream csv;
    csv << "poltract,town,target_households,households,target_population,population,"
           "target_owner_units,owner_units,median_value_cmedv,median_value_bands,median_value,"
           "median_income_per_month,chas,flooded_share\n";
    auto num = [](double v, int digits) { return v < 0 ? std::string() : fixed(v, digits); };
    for (const auto& r : rows) {
      std::string town = r.town;
      std::replace(town.begin(), town.end(), ',', ';');
      csv << r.id << ',' << town << ',' << fixed(r.target_households, 2) << ','
          << fixed(r.households, 0) << ',' << fixed(r.target_population, 2) << ','
          << fixed(r.population, 0) << ',' << fixed(r.target_owner_units, 2) << ','
          << fixed(r.owner_units, 0) << ',' << num(r.median_value_cmedv, 0) << ','
          << num(r.median_value_bands, 0) << ',' << num(r.median_value, 0) << ','
          << num(r.median_income_per_month, 0) << ',' << (r.bounds_river ? 1 : 0) << ','
          << fixed(r.flooded_share, 3) << '\n';
    }
    io::write_file_atomically(a.csv, csv.str());
  }
  if (!a.markdown.empty()) {
    std::ostringstream out;
    out << "# Tract fit: " << def.name << "\n\n<!-- written by: hearth tracts-fit " << a.scenario
        << " --markdown " << a.markdown << "; do not edit by hand -->\n\n"
        << "Scenario `" << a.scenario << "`, seed " << def.seed << ": " << world.households.count()
        << " households in " << rows.size() << " tracts (population_scale "
        << def.city.tracts.population_scale << ").\n\n"
        << md.str();
    out << "\n## Per tract\n\nTargets are the table's figures x population_scale "
           "(households / persons_per_household); values in the table's money (generated values / "
           "value_scale). Owner-occupied units are those with an owner at tick 0.\n\n"
           "| tract | town | households target | households | persons target | persons | owner "
           "units "
           "target | owner units | CMEDV | band median | generated median value | error vs CMEDV % "
           "| "
           "median income/month | CHAS | flooded dwellings |\n"
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    auto cell = [](double v, int digits) { return v < 0 ? std::string("-") : fixed(v, digits); };
    for (const auto& r : rows) {
      const double error =
          r.median_value > 0 && r.median_value_cmedv > 0
              ? 100 * (r.median_value - r.median_value_cmedv) / r.median_value_cmedv
              : std::nan("");
      out << "| " << r.id << " | " << r.town << " | " << fixed(r.target_households, 1) << " | "
          << fixed(r.households, 0) << " | " << fixed(r.target_population, 1) << " | "
          << fixed(r.population, 0) << " | " << fixed(r.target_owner_units, 1) << " | "
          << fixed(r.owner_units, 0) << " | " << cell(r.median_value_cmedv, 0) << " | "
          << cell(r.median_value_bands, 0) << " | " << cell(r.median_value, 0) << " | "
          << (std::isnan(error) ? std::string("-") : fixed(error, 1)) << " | "
          << cell(r.median_income_per_month, 0) << " | " << (r.bounds_river ? "yes" : "") << " | "
          << (r.bounds_river || r.flooded_share > 0 ? fixed(100 * r.flooded_share, 0) + "%"
                                                    : std::string())
          << " |\n";
    }
    io::write_file_atomically(a.markdown, out.str());
  }
  return kExitOk;
}

}  // namespace

std::unique_ptr<TractsCommands> add_tracts_commands(CLI::App& app) {
  auto c = std::make_unique<TractsCommands>();
  auto& i = c->import_args;
  c->import = app.add_subcommand("import-tracts",
                                 "Check a census tract table and write a scenario built from it");
  c->import->add_option("csv", i.csv, "Tract table (CSV; docs/TRACTS.md)")->required();
  c->import->add_option("--out,-o", i.out, "Scenario file to write")->required();
  c->import->add_option("--name", i.name, "Scenario name (default: the file's stem)");
  c->import->add_option("--population-scale", i.population_scale,
                        "Share of the population simulated (default 0.05)");
  c->import->add_option("--persons-per-household", i.persons_per_household,
                        "Persons per household (default 3.14)");
  c->import->add_option("--value-scale", i.value_scale,
                        "Multiplies the table's money, e.g. 8.09 for 1970 USD to 2024 (default 1)");
  c->import->add_option("--social-share", i.social_share,
                        "Social renters among non-owners (default 0.1)");
  c->import->add_option("--cell-size", i.cell_size_m, "Grid cell edge in metres (default 250)");
  c->import->add_option("--max-distance", i.max_distance_m,
                        "Cells farther from every centroid are open land, metres (default 2500)");
  c->import->add_option("--flood-tick", i.flood_tick,
                        "Month of the 100-year river flood (0: none; default 24)");
  c->import->add_option("--ticks", i.ticks, "Months simulated (default 120)");
  c->import->add_option("--seed", i.seed, "Seed (default 42)")->check(seed_check());
  c->import->add_flag("--force", i.force, "Replace an existing scenario file");
  auto& f = c->fit_args;
  c->fit = app.add_subcommand("tracts-fit",
                              "Build a tract scenario's city and compare it with its tracts");
  c->fit->add_option("scenario", f.scenario, "Scenario built from tracts")->required();
  c->fit->add_option("--csv", f.csv, "Write the per-tract comparison here");
  c->fit->add_option("--markdown", f.markdown, "Write the summary table here (Markdown)");
  c->fit->add_option("--threads,-t", f.threads,
                     "Worker threads (0 = all cores; results do not depend on it)");
  return c;
}

int import_tracts_command(const ImportTractsArgs& args) {
  return exit_code_of([&] { return import_tracts(args); });
}

int tracts_fit_command(const TractsFitArgs& args) {
  return exit_code_of([&] { return tracts_fit(args); });
}

}  // namespace hearth::cli
