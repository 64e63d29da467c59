// hearth compare / hearth report: the readers, the comparison arithmetic,
// the SVG charts and the HTML page (docs/REPORTS.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <regex>
#include <sstream>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/cells_file.hpp"
#include "io/scenario_loader.hpp"
#include "report/compare.hpp"
#include "report/csv_table.hpp"
#include "report/html_report.hpp"
#include "report/run_reader.hpp"
#include "report/svg.hpp"
#include "support/test_support.hpp"

using namespace hearth;
using namespace hearth::report;
namespace fs = std::filesystem;

namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size()))
    ++n;
  return n;
}

// read_run(dir) must refuse with an InputError naming the file and the reason.
void expect_error(const std::string& dir, const std::string& file_fragment,
                  const std::string& reason) {
  try {
    read_run(dir);
    FAIL("no error for " + dir);
  } catch (const InputError& e) {
    CHECK_THAT(e.file(), Catch::Contains(file_fragment));
    CHECK_THAT(test::describe(e.problems()), Catch::Contains(reason));
  }
}

// A fake run directory: `ticks` + 1 rows; displaced_total rises to a peak
// of 10 * peak_scale at tick 3, then falls; optional extra columns.
void write_fake_run(const std::string& dir, const std::string& name, int ticks, double peak_scale,
                    bool with_spending, bool with_informal = true) {
  fs::create_directories(dir);
  test::write_file(dir + "/manifest.json",
                   nlohmann::json{{"scenario_name", name},
                                  {"seed", 1},
                                  {"status", "complete"},
                                  {"hearth_version", "test"},
                                  {"scenario",
                                   {{"name", name},
                                    {"ticks", ticks},
                                    {"seed", 1},
                                    {"hazards", {{{"type", "flood"}, {"tick", 2}}}}}}}
                       .dump());
  std::string ind =
      "tick,date,households_in_city,displaced_total,cost_burdened_share,hazard_events";
  if (with_informal) ind += ",informal_share";
  if (with_spending) ind += ",spending_vouchers,spending_total,spending_cumulative";
  ind += "\n";
  double cumulative = 0;
  for (int t = 0; t <= ticks; ++t) {
    const double displaced = peak_scale * (t <= 3 ? 10.0 * t / 3 : std::max(0.0, 10.0 - (t - 3)));
    ind += std::to_string(t) + ",2026-" + (t < 9 ? "0" : "") + std::to_string(t + 1) + "," +
           std::to_string(1000 + t) + "," + std::to_string(displaced) + "," +
           (t == 1 ? "" : "0.25") + "," + (t == 2 ? "1" : "0");
    if (with_informal) ind += ",0.1";
    if (with_spending) {
      cumulative += t >= 1 ? 100 : 0;
      ind += "," + std::to_string(t >= 1 ? 100 : 0) + "," + std::to_string(t >= 1 ? 100 : 0) + "," +
             std::to_string(cumulative);
    }
    ind += "\n";
  }
  test::write_file(dir + "/indicators.csv", ind);
  std::string groups =
      "tick,date,group_kind,group,households,cost_burdened_share,informal_share,away_from_home\n";
  for (int t = 0; t <= ticks; ++t) {
    for (const char* g : {"q1", "q5"}) {
      groups += std::to_string(t) + ",d,income_quintile," + g + ",200," +
                (g[1] == '1' ? "0.5" : "0.1") + ",0.2," +
                std::to_string(t == 3 ? 20 * peak_scale : 0) + "\n";
    }
    groups += std::to_string(t) + ",d,all,all,1000,0.25,0.1,0\n";
  }
  test::write_file(dir + "/groups.csv", groups);
  // A 4 x 2 grid in two neighbourhoods (x < 2: 0, else 1), one water cell.
  std::string cells = "cell,x,y,neighbourhood,land_use,flood_depth_100yr_m,informal_settlement\n";
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 4; ++x) {
      cells += std::to_string(y * 4 + x) + "," + std::to_string(x) + "," + std::to_string(y) + "," +
               (x < 2 ? "0" : "1") + "," + (x == 3 && y == 0 ? "water" : "residential") + "," +
               (x == 0 ? "1.5" : "0") + "," + (x == 1 ? "1" : "0") + "\n";
    }
  }
  test::write_file(dir + "/cells.csv", cells);
  std::string hoods =
      "tick,date,neighbourhood,households,dwellings,vacant_dwellings,mean_income_per_month,"
      "mean_rent_per_month,cost_burdened_share,damaged_dwellings,uninhabitable_dwellings,away_from_"
      "home\n";
  for (int t = 0; t <= ticks; ++t) {
    for (int n = 0; n < 2; ++n) {
      hoods += std::to_string(t) + ",d," + std::to_string(n) + ",500,520,20,2000,800," +
               (n == 0 ? "0.3" : "0.2") + ",0,0," +
               std::to_string(t == 3 ? 5 * (n + 1) * peak_scale : 0) + "\n";
    }
  }
  test::write_file(dir + "/neighbourhoods.csv", hoods);
}

}  // namespace

TEST_CASE("CSV tables are read by column name, with quotes and empty cells", "[report][csv]") {
  const CsvTable t =
      CsvTable::parse("tick,name,value\n0,\"a, \"\"quoted\"\" one\",1.5\n1,b,\n", "t.csv");
  REQUIRE(t.rows() == 2);
  CHECK(t.column("value") == 2);
  CHECK(t.column("missing") == -1);
  CHECK(t.text(0, t.column("name")) == "a, \"quoted\" one");
  CHECK(t.number(0, 2) == 1.5);
  CHECK(std::isnan(t.number(1, 2)));  // empty: not defined
  const auto missing = t.numbers("not_there");
  REQUIRE(missing.size() == 2);
  CHECK(std::isnan(missing[0]));
  CHECK(CsvTable::parse("a,b\r\n1,2\r\n", "crlf.csv").number(0, 1) == 2);
}

TEST_CASE("malformed CSV files are InputErrors naming the file, line and reason", "[report][csv]") {
  try {
    CsvTable::parse("a,b\n1,2\n3\n", "short.csv");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "short.csv");
    CHECK(test::has_problem(e.problems(), "line 3", "1 cells, but the header has 2"));
  }
  CHECK_THROWS_AS(CsvTable::parse("", "empty.csv"), InputError);
  CHECK_THROWS_AS(CsvTable::parse("a\n\"open\n", "quote.csv"), InputError);
  const CsvTable t = CsvTable::parse("a,b\n1,oops\n", "nan.csv");
  try {
    t.number(0, 1);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(test::has_problem(e.problems(), "line 2, column b", "not a number: 'oops'"));
  }
}

TEST_CASE("a run directory is read, and missing or malformed files are named", "[report][reader]") {
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "alpha", 6, 1.0, false);
  const RunData run = read_run(tmp.file("a"));
  CHECK(run.label == "alpha");
  CHECK(run.ticks.size() == 7);
  CHECK(run.dates[2] == "2026-03");
  REQUIRE(run.cells);
  CHECK(run.cells->width == 4);
  CHECK(run.cells->height == 2);
  CHECK(run.cells->neighbourhood_count == 2);
  CHECK(run.cells->land_use[3] == "water");
  CHECK(run.cells->informal[1] == 1);
  CHECK(run.group("income_quintile", "q1", "cost_burdened_share")[4] == 0.5);
  CHECK(run.group_list().size() == 3);

  expect_error(tmp.file("nothere"), "nothere", "no such run directory");
  write_fake_run(tmp.file("b"), "beta", 3, 1.0, false);
  fs::remove(tmp.file("b/indicators.csv"));
  expect_error(tmp.file("b"), "b/indicators.csv", "does not exist");
  write_fake_run(tmp.file("c"), "gamma", 3, 1.0, false);
  test::write_file(tmp.file("c/manifest.json"), "{ not json");
  expect_error(tmp.file("c"), "c/manifest.json", "malformed JSON");
  write_fake_run(tmp.file("d"), "delta", 3, 1.0, false);
  test::write_file(tmp.file("d/groups.csv"), "tick,households\n0,1\n");
  expect_error(tmp.file("d"), "d/groups.csv", "no column 'group_kind'");
  write_fake_run(tmp.file("e"), "eps", 3, 1.0, false);
  test::write_file(tmp.file("e/indicators.csv"), "tick,homeless\nzero,1\n");
  expect_error(tmp.file("e"), "e/indicators.csv", "not a number");
}

TEST_CASE("aggregates: peak, final, mean and sum over the simulated ticks", "[report][compare]") {
  const double nan = std::nan("");
  const std::vector<std::int32_t> ticks{0, 1, 2, 3};
  const std::vector<double> v{100, 1, nan, 5};
  CHECK(aggregate(v, ticks, Measure::Peak) == 100);
  CHECK(aggregate(v, ticks, Measure::Final) == 5);
  CHECK(aggregate(v, ticks, Measure::Sum) == 6);  // tick 0 (initial state) left out, NaN skipped
  CHECK(aggregate(v, ticks, Measure::Mean) == 3);
  CHECK(std::isnan(aggregate({nan, nan}, {0, 1}, Measure::Peak)));
  CHECK(std::isnan(aggregate({1, nan}, {0, 1}, Measure::Final)));  // undefined at the end
}

TEST_CASE("compare: differences of runs of different lengths and columns", "[report][compare]") {
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "base", 6, 1.0, false, true);
  write_fake_run(tmp.file("b"), "policy", 10, 2.0, true,
                 false);  // longer, spending, no informal_share
  std::vector<RunData> runs{read_run(tmp.file("a")), read_run(tmp.file("b"))};
  CompareOptions options;
  options.ticks = {3, 8};
  options.own_horizons = true;  // each run over its own ticks (the default is the common ones)
  const Comparison c = compare_runs(runs, options);
  auto find = [&](const std::string& scope, const std::string& group, const std::string& column,
                  Measure m, std::int32_t tick = -1) -> const ComparisonRow& {
    for (const auto& row : c.rows) {
      if (row.scope == scope && row.group == group && row.metric.column == column &&
          (tick >= 0 ? row.tick == tick : (row.tick < 0 && row.metric.measure == m))) {
        return row;
      }
    }
    FAIL("no row " + scope + " " + group + " " + column);
    return c.rows.front();
  };
  const auto& peak = find("city", "all", "displaced_total", Measure::Peak);
  CHECK(peak.values[0] == Approx(10));
  CHECK(peak.values[1] == Approx(20));
  CHECK(difference(peak.values[0], peak.values[1]) == Approx(10));
  CHECK(percent_difference(peak.values[0], peak.values[1], Unit::Count) == Approx(100));
  // Household-months displaced: the sum from tick 1 on, each run over its own length.
  const auto& months = find("city", "all", "displaced_total", Measure::Sum);
  CHECK(months.values[0] == Approx(10.0 / 3 + 20.0 / 3 + 10 + 9 + 8 + 7));
  CHECK(months.values[1] == Approx(2 * (10.0 / 3 + 20.0 / 3 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3)));
  // A column only one run has is n/a for the other.
  const auto& informal = find("city", "all", "informal_share", Measure::Final);
  CHECK(informal.values[0] == Approx(0.1));
  CHECK(std::isnan(informal.values[1]));
  CHECK(std::isnan(difference(informal.values[0], informal.values[1])));
  // spending_* columns are found without being listed: flows summed, cumulative as final.
  const auto& vouchers = find("city", "all", "spending_vouchers", Measure::Sum);
  CHECK(std::isnan(vouchers.values[0]));
  CHECK(vouchers.values[1] == Approx(1000));
  CHECK(find("city", "all", "spending_cumulative", Measure::Final).values[1] == Approx(1000));
  CHECK(public_spending(runs[1]) == Approx(1000));
  CHECK(std::isnan(public_spending(runs[0])));
  // At chosen ticks; tick 8 is past the end of run A.
  CHECK(find("city", "all", "displaced_total", Measure::Final, 3).values[1] == Approx(20));
  CHECK(std::isnan(find("city", "all", "displaced_total", Measure::Final, 8).values[0]));
  // By group.
  const auto& q1 = find("income_quintile", "q1", "cost_burdened_share", Measure::Final);
  CHECK(q1.values[0] == Approx(0.5));
  CHECK(std::isnan(percent_difference(0.5, 0.6, Unit::Share)));  // shares: pp, not %
  CHECK(format_difference(0.1, Unit::Share) == "+10.0 pp");
  CHECK(format_value(12345.4, Unit::Count) == "12,345");
  CHECK(format_value(std::nan(""), Unit::Count) == "n/a");

  const std::string table = comparison_table(c);
  CHECK_THAT(table, Catch::Contains("A = base"));
  CHECK_THAT(table, Catch::Contains("B = policy"));
  CHECK_THAT(table, Catch::Contains("income_quintile = q1"));
  CHECK_THAT(table, Catch::Contains("n/a"));
  const std::string csv = comparison_csv(c);
  const CsvTable parsed = CsvTable::parse(csv, "compare.csv");
  CHECK(parsed.rows() == 2 * c.rows.size());
  CHECK(parsed.has("percent_difference"));
  CompareOptions city_only;
  city_only.groups = false;
  for (const auto& row : compare_runs(runs, city_only).rows) CHECK(row.scope == "city");
}

TEST_CASE("mean and 95% interval across replicates", "[report][sweep]") {
  const Interval iv = mean_interval({1, 2, 3, std::nan("")});
  CHECK(iv.n == 3);
  CHECK(iv.mean == Approx(2));
  CHECK(iv.upper - iv.mean == Approx(4.302653 / std::sqrt(3.0)).epsilon(1e-5));
  CHECK(std::isnan(mean_interval({5}).lower));
}

TEST_CASE("a line chart has one point per tick, a title, a description and events",
          "[report][svg]") {
  svg::LineChart chart;
  chart.id = "c1";
  chart.title = "Homeless <households>";
  chart.desc = "rises";
  chart.events = {{12, "flood"}};
  svg::Series s;
  s.label = "run A";
  for (int t = 0; t <= 120; ++t) {
    s.x.push_back(t);
    s.y.push_back(t == 50 ? std::nan("") : t * 2.0);
  }
  chart.series = {s};
  const std::string out = svg::line_chart(chart);
  CHECK_THAT(
      out, Catch::Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\""));
  CHECK_THAT(out, Catch::Contains("<title id=\"c1-t\">Homeless &lt;households&gt;</title>"));
  CHECK_THAT(out, Catch::Contains("<desc id=\"c1-d\">rises</desc>"));
  CHECK_THAT(out, Catch::Contains("data-points=\"120\""));  // 121 ticks, one undefined
  const std::smatch m = [&] {
    std::smatch found;
    std::regex_search(out, found, std::regex("class=\"data\" data-points=\"\\d+\" d=\"([^\"]*)\""));
    return found;
  }();
  REQUIRE(m.size() == 2);
  const std::string d = m[1];
  CHECK(count_of(d, "M") + count_of(d, "L") == 120);
  CHECK(count_of(d, "M") == 2);  // the gap at tick 50 starts a new stroke
  CHECK_THAT(out, Catch::Contains(">flood</text>"));
  CHECK_THAT(out, Catch::Contains("run A: 240"));  // direct label with the last value
}

TEST_CASE("bar charts and maps carry data marks, labels and a legend", "[report][svg]") {
  svg::BarChart bars;
  bars.id = "b";
  bars.title = "t";
  bars.desc = "d";
  bars.series = {"A", "B"};
  bars.rows = {{"Income", "", {}, {}, {}},
               {"", "q1", {0.5, 0.25}, {}, {}},
               {"", "q5", {0.1, std::nan("")}, {}, {}}};
  const std::string b = svg::bar_chart(bars);
  CHECK(count_of(b, "<rect class=\"bar\"") == 3);
  CHECK_THAT(b, Catch::Contains("url(#bar1)"));  // the second run is hatched
  CHECK_THAT(b, Catch::Contains(">50.0%</text>"));
  CHECK_THAT(b, Catch::Contains(">n/a</text>"));

  CellMap cells;
  cells.width = 6;
  cells.height = 2;
  cells.neighbourhood = {0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1};
  cells.land_use.assign(12, "residential");
  cells.land_use[5] = "water";
  cells.flood_depth_100yr_m.assign(12, 0.0f);
  cells.informal.assign(12, 0);
  cells.neighbourhood_count = 2;
  svg::MapChart map;
  map.id = "m";
  map.title = "map";
  map.desc = "d";
  map.values = {0.1, 0.9};
  map.lo = 0;
  map.hi = 1;
  const std::string s = svg::map_chart(map, cells);
  // Runs of equal colour in a row are one rect: row 0 is [0..2], [3..4], water [5]; row 1 two runs.
  const std::size_t start = s.find("<g class=\"data cells\"");
  const std::size_t end = s.find("</g>", start);
  CHECK(count_of(s.substr(start, end - start), "<rect") == 5);
  CHECK_THAT(s, Catch::Contains(">10%</text>"));  // values written on the map
  CHECK_THAT(s, Catch::Contains(">90%</text>"));
  // Differences: signed labels, a neutral fill where there is none.
  map.diverging = true;
  map.values = {0.0, -0.05};
  map.lo = -0.05;
  map.hi = 0.05;
  const std::string diff = svg::map_chart(map, cells);
  CHECK_THAT(diff, Catch::Contains("fill=\"#f7f7f7\""));
  CHECK_THAT(diff, Catch::Contains(">-5</text>"));
  CHECK_THAT(diff, Catch::Contains(">0</text>"));
  CHECK_THAT(diff, Catch::Contains(">+5</text>"));  // the legend's upper bound
}

TEST_CASE("the HTML report is self-contained and every chart has a title and data",
          "[report][html]") {
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "base", 12, 1.0, false);
  write_fake_run(tmp.file("b"), "policy", 12, 0.5, true);
  std::vector<RunData> runs{read_run(tmp.file("a")), read_run(tmp.file("b"))};
  const std::string html = report_html(runs, {});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // The only URL is the SVG namespace; links are in-page anchors; patterns are local.
  CHECK(count_of(html, "http") == count_of(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(count_of(html, "href=\"") == count_of(html, "href=\"#"));
  CHECK(count_of(html, "url(") == count_of(html, "url(#"));
  const std::size_t charts =
      count_of(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart");
  CHECK(charts >= 8);
  CHECK(count_of(html, "<title id=") == charts);
  CHECK(count_of(html, "<desc id=") == charts);
  CHECK_THAT(html, Catch::Contains("@media print"));
  CHECK_THAT(html, Catch::Contains("size: A4"));
  CHECK_THAT(html, Catch::Contains("a 100-year flood in month 2 (2026-03)"));
  CHECK_THAT(html, Catch::Contains("Public spending on policy programmes, total"));
  CHECK_THAT(html, Catch::Contains("B \u2212 A"));
  CHECK_THAT(html, Catch::Contains("class=\"chart map"));
  CHECK_THAT(html, Catch::Contains(">flood</text>"));  // the event marked on the time series
  CHECK_THAT(html, Catch::Contains("Differences from A by neighbourhood"));
}

TEST_CASE("the scenario in plain words", "[report][html]") {
  nlohmann::json sc = test::small_scenario_json(3000, 24);
  sc["hazards"] = {
      {{"type", "earthquake"}, {"tick", 6}, {"magnitude", 7.1}},
      {{"type", "arrival_wave"}, {"tick", 3}, {"households_per_tick", 50}, {"duration_ticks", 6}}};
  sc["policies"] = {{{"type", "vouchers"}, {"start_tick", 2}, {"budget_per_year", 1e6}}};
  std::string text;
  for (const auto& s : describe_scenario(sc)) text += s + "\n";
  CHECK_THAT(text, Catch::Contains("A city of 3,000 households"));
  CHECK_THAT(text, Catch::Contains("magnitude 7.1 earthquake in month 6"));
  CHECK_THAT(text, Catch::Contains("50 displaced households a month for 6 months in month 3"));
  CHECK_THAT(text, Catch::Contains("vouchers from month 2 to the end, budget 1,000,000 a year"));
  CHECK_THAT(text, Catch::Contains("Horizon 24 months"));
}

TEST_CASE("a run directory holds cells.csv, the static map", "[report][outputs]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 2), "test");
  RunOptions options;
  options.out_dir = dir.file("run");
  options.quiet = true;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  const CsvTable cells = CsvTable::read(dir.file("run/cells.csv"));
  const auto& grid = loaded.def.city.grid;
  CHECK(cells.rows() == static_cast<std::size_t>(grid.width_cells) * grid.height_cells);
  for (const char* column : {"cell", "x", "y", "neighbourhood", "land_use", "flood_depth_100yr_m",
                             "informal_settlement"}) {
    CHECK(cells.has(column));
  }
  const RunData run = read_run(dir.file("run"));
  REQUIRE(run.cells);
  CHECK(run.cells->width == grid.width_cells);
  const int per_side = loaded.def.city.layout.neighbourhoods_per_side;
  CHECK(run.cells->neighbourhood_count == per_side * per_side);
  CHECK(std::count(run.cells->land_use.begin(), run.cells->land_use.end(), "water") > 0);
  const auto manifest = nlohmann::json::parse(test::read_file(dir.file("run/manifest.json")));
  CHECK(std::find(manifest["outputs"].begin(), manifest["outputs"].end(), "cells.csv") !=
        manifest["outputs"].end());
}

TEST_CASE("events marked on charts: hazards and policy programmes", "[report][html]") {
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "base", 8, 1.0, false);
  RunData run = read_run(tmp.file("a"));
  run.scenario["policies"] = {{{"type", "vouchers"}, {"start_tick", 4}, {"end_tick", 6}},
                              {{"type", "rent_cap"}, {"start_tick", 1}, {"end_tick", 0}}};
  const auto events = events_of(run);
  REQUIRE(events.size() == 3);
  CHECK(events[0].x == 2);
  CHECK(events[0].label == "flood");  // scheduled, and hazard_events > 0 there
  CHECK(events[1].x == 4);
  CHECK(events[1].label == "vouchers starts");
  CHECK(events[2].x == 6);
  CHECK(events[2].label == "vouchers ends");  // a programme from month 1 to the end is not an event
}

TEST_CASE("event ticks beyond any scenario in a manifest are not events", "[report][html]") {
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "base", 8, 1.0, false);
  RunData run = read_run(tmp.file("a"));
  // 1e300 cannot become an integer tick (undefined behaviour if cast).
  run.scenario["hazards"] = {{{"type", "flood"}, {"tick", 1e300}}};
  run.scenario["policies"] = {{{"type", "vouchers"}, {"start_tick", -1e300}, {"end_tick", 5}}};
  const auto events = events_of(run);
  REQUIRE(events.size() == 2);
  CHECK(events[0].x == 2);
  CHECK(events[0].label == "hazard");  // from hazard_events in indicators.csv only
  CHECK(events[1].x == 5);
  CHECK(events[1].label == "vouchers ends");
}

TEST_CASE("hostile run files: infinities, UTF-16, binary, mistyped manifests, NaN ticks",
          "[report][reader][hostile]") {
  // Regressions from tests/cli/test_hostile_files.sh: inf in a read column
  // used to be charted, a string seed aborted in a json type_error, and a
  // NaN tick in groups.csv was skipped silently.
  const CsvTable t = CsvTable::parse("a,b,c\n1,inf,1e999\n", "inf.csv");
  CHECK(std::isnan(CsvTable::parse("a\nnan\n", "nan.csv").number(0, 0)));  // "not defined"
  for (int col : {1, 2}) {
    try {
      t.number(0, col);
      FAIL("an infinity was read as a number");
    } catch (const InputError& e) {
      CHECK_THAT(test::describe(e.problems()), Catch::Contains("not a finite number"));
    }
  }
  try {
    CsvTable::parse(std::string("\xff\xfet\0i\0c\0k\0", 10), "utf16.csv");
    FAIL("UTF-16 read as CSV");
  } catch (const InputError& e) {
    CHECK_THAT(test::describe(e.problems()), Catch::Contains("UTF-16"));
  }
  try {
    CsvTable::parse(std::string("tick\n0\n\0\x01", 9), "binary.csv");
    FAIL("a binary file read as CSV");
  } catch (const InputError& e) {
    CHECK(test::has_problem(e.problems(), "line 3", "NUL byte"));
  }

  test::TempDir tmp;
  const std::pair<const char*, nlohmann::json> mistyped[] = {
      {"/scenario_name", 5},
      {"/seed", "three"},
      {"/replicate", 1.5},
      {"/scenario", nlohmann::json::array()},
      {"/scenario/city/layout/river/enabled", "yes"}};
  int k = 0;
  for (const auto& [pointer, value] : mistyped) {
    const std::string dir = tmp.file("m" + std::to_string(k++));
    write_fake_run(dir, "mistyped", 3, 1.0, false);
    nlohmann::json manifest = nlohmann::json::parse(test::read_file(dir + "/manifest.json"));
    manifest[nlohmann::json::json_pointer(pointer)] = value;
    test::write_file(dir + "/manifest.json", manifest.dump());
    expect_error(dir, "manifest.json", std::string(pointer) + ": expected");
  }
  write_fake_run(tmp.file("g"), "groups", 3, 1.0, false);
  std::string groups = test::read_file(tmp.file("g/groups.csv"));
  groups.replace(groups.find('\n') + 1, 1, "nan");
  test::write_file(tmp.file("g/groups.csv"), groups);
  expect_error(tmp.file("g"), "g/groups.csv", "not a tick number");
  write_fake_run(tmp.file("u"), "utf16", 3, 1.0, false);
  test::write_file(tmp.file("u/manifest.json"), std::string("\xff\xfe{\0}\0", 6));
  expect_error(tmp.file("u"), "u/manifest.json", "UTF-16");
}

TEST_CASE("compare: runs of different lengths over the ticks they all have, tick in every row",
          "[report][compare]") {
  // Issue 21, point 10: a 120-tick run against a 60-tick one set tick 120
  // against tick 60 in "final" rows, and compare.csv left their tick empty.
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "long", 10, 1.0, false);
  write_fake_run(tmp.file("b"), "short", 6, 2.0, false);
  std::vector<RunData> runs{read_run(tmp.file("a")), read_run(tmp.file("b"))};
  auto row_of = [](const Comparison& c, const std::string& column, Measure m) {
    for (const auto& row : c.rows) {
      if (row.scope == "city" && row.metric.column == column && row.tick < 0 &&
          row.metric.measure == m)
        return row;
    }
    FAIL("no row " + column);
    return c.rows.front();
  };
  const Comparison common = compare_runs(runs, {});
  REQUIRE(common.last_ticks == std::vector<std::int32_t>{6, 6});
  // households_in_city is 1000 + tick: both at tick 6.
  CHECK(row_of(common, "households_in_city", Measure::Final).values ==
        std::vector<double>{1006, 1006});
  // Sums over ticks 1 to 6 only: displaced_total of the long run falls 10, 9, 8 after tick 3.
  CHECK(row_of(common, "displaced_total", Measure::Sum).values[0] ==
        Approx(10.0 / 3 + 20.0 / 3 + 10 + 9 + 8 + 7));
  const std::string table = comparison_table(common);
  CHECK_THAT(table, Catch::Contains("final 6 "));
  CHECK_THAT(table, Catch::Contains("sum 1-6 "));
  CHECK_THAT(table, Catch::Contains("peak 0-6 "));
  CHECK_THAT(table, Catch::Contains("A = long  (" + tmp.file("a") + "), ticks 0-10"));
  CHECK_THAT(table, Catch::Contains("The runs differ in length"));
  const CsvTable csv = CsvTable::parse(comparison_csv(common), "compare.csv");
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    INFO("CSV row " << r + 1);
    CHECK(csv.number(r, csv.column("tick")) == 6);  // no --ticks: every row is over ticks to 6
  }

  CompareOptions own;
  own.own_horizons = true;
  const Comparison each = compare_runs(runs, own);
  CHECK(each.last_ticks == std::vector<std::int32_t>{10, 6});
  CHECK(row_of(each, "households_in_city", Measure::Final).values ==
        std::vector<double>{1010, 1006});
  CHECK_THAT(comparison_table(each), Catch::Contains("final (own)"));
  const CsvTable own_csv = CsvTable::parse(comparison_csv(each), "compare.csv");
  CHECK(own_csv.number(0, own_csv.column("tick")) == 10);
  CHECK(own_csv.number(1, own_csv.column("tick")) == 6);
}

TEST_CASE("compare table: rows zero in every run left out, labels whole, months displaced said",
          "[report][compare]") {
  // Issue 21, point 20: a housing pair printed ~250 lines of zero disaster
  // rows, cut labels ("reconstruction gran~"), and a mean beside a median
  // of months displaced without saying over whom.
  Comparison c;
  c.labels = {"base", "policy"};
  c.dirs = {"runs/base", "runs/policy"};
  c.extents = {{12, ""}, {12, ""}};
  c.last_ticks = {12, 12};
  const std::string long_label = "public spending: reconstruction grants for landlords and owners";
  c.rows.push_back(
      {"city", "all", {"spending_x", Measure::Sum, Unit::Money, long_label}, -1, {0, 5e6}});
  c.rows.push_back(
      {"city", "all", {"homeless", Measure::Peak, Unit::Count, "homeless households"}, -1, {0, 0}});
  c.rows.push_back({"city",
                    "all",
                    {"returned_share_12m", Measure::Final, Unit::Share, "returned"},
                    -1,
                    {std::nan(""), std::nan("")}});
  c.rows.push_back(
      {"tenure", "none", {"households", Measure::Final, Unit::Count, "households"}, -1, {0, 0}});
  const std::string table = comparison_table(c);
  CHECK_THAT(table, Catch::Contains("  " + long_label + "  "));  // whole, then a gap
  CHECK(table.find('~') == std::string::npos);
  CHECK(table.find("homeless households") == std::string::npos);
  CHECK(table.find("returned") == std::string::npos);
  CHECK(table.find("tenure = none") == std::string::npos);  // a block with no row is left out
  CHECK_THAT(table, Catch::Contains("3 rows that are zero or n/a in every run are left out"));
  const std::string all = comparison_table(c, 120, true);
  CHECK_THAT(all, Catch::Contains("homeless households"));
  CHECK_THAT(all, Catch::Contains("tenure = none"));
  CHECK(all.find("left out") == std::string::npos);
  // What the mean and the median of months displaced count is in their labels.
  const std::vector<RunData> none;
  auto label_of = [](const std::vector<Metric>& metrics, const std::string& column) {
    for (const auto& m : metrics)
      if (m.column == column) return m.label;
    return std::string();
  };
  CHECK(label_of(city_metrics(none), "median_months_displaced") ==
        "median months displaced, of all ever displaced");
  CHECK(label_of(group_metrics(none), "mean_months_displaced") ==
        "mean months displaced, of those displaced now");
  Comparison months = c;
  months.rows = {{"city", "all", city_metrics(none)[12], -1, {8, 9}}};
  REQUIRE(months.rows[0].metric.column == "median_months_displaced");
  CHECK_THAT(comparison_table(months),
             Catch::Contains("the city's median is over every household in the city ever"));
}

TEST_CASE("the report of an interrupted run says where it stopped", "[report][html]") {
  // Issue 21, point 21: the page stated the planned horizon as if done.
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 12), "test");
  RunOptions options;
  options.out_dir = dir.file("cut");
  options.quiet = true;
  options.stop_after_tick = 4;
  const RunResult result = run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  REQUIRE(result.interrupted);
  const RunData run = read_run(result.out_dir);
  const RunExtent extent = run_extent(run);
  CHECK(extent.last_tick == 4);
  CHECK(extent.unfinished == "interrupted after tick 4 of 12");
  const std::string html = report_html({run}, {});
  CHECK_THAT(html, Catch::Contains("This run was interrupted after tick 4 of 12: every figure, "
                                   "chart and map covers months 0 to 4 (to 2026-05) only"));
  CHECK_THAT(html, Catch::Contains("hearth run --resume " + dir.file("cut") + " finishes it"));
  CHECK_THAT(html, Catch::Contains("Horizon 12 months from 2026-01;"));  // not "to 2026-05"
  CHECK(html.find("to 2026-05;") == std::string::npos);
  // A finished run of the same scenario has the end date and no warning.
  options.out_dir = dir.file("whole");
  options.stop_after_tick = 0;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options);
  const std::string whole = report_html({read_run(dir.file("whole"))}, {});
  CHECK_THAT(whole, Catch::Contains("Horizon 12 months from 2026-01 to 2027-01;"));
  CHECK(whole.find("class=\"warning\"") == std::string::npos);
  // Compared with it, the interrupted run is named as such and both are
  // summarised over months 0 to 4.
  const std::string both = report_html({read_run(dir.file("whole")), run}, {});
  CHECK_THAT(both, Catch::Contains("(interrupted after tick 4 of 12)</th>"));
  CHECK_THAT(both, Catch::Contains("figures cover months up to 4, the last month every run has"));
  CHECK_THAT(comparison_table(compare_runs({read_run(dir.file("whole")), run}, {})),
             Catch::Contains("ticks 0-4, interrupted after tick 4 of 12"));
}

namespace {

struct TextBox {
  double left, right, top, bottom;
};
// The boxes of the <text> elements in `group` (e.g. "legend") of an SVG,
// from their x, y, anchor and font size, with hearth's width estimate
// (0.62 em a character) and the ascent and descent of the font.
std::vector<TextBox> text_boxes(const std::string& svg_text, const std::string& group) {
  std::vector<TextBox> boxes;
  const std::size_t start = svg_text.find("<g class=\"" + group + "\"");
  if (start == std::string::npos) return boxes;
  const std::size_t end = svg_text.find("</g>", start);
  const std::string part = svg_text.substr(start, end - start);
  std::smatch font;
  std::regex_search(part, font, std::regex("font-size=\"([0-9.]+)\""));
  const double size = std::stod(font[1]);
  const std::regex text_re("<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"([^>]*)>([^<]*)</text>");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), text_re);
       it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    const double w = 0.62 * size * static_cast<double>((*it)[4].length());
    const bool end_anchor = (*it)[3].str().find("text-anchor=\"end\"") != std::string::npos;
    boxes.push_back(
        {end_anchor ? x - w : x, end_anchor ? x : x + w, y - 0.8 * size, y + 0.25 * size});
  }
  return boxes;
}
bool overlap(const TextBox& a, const TextBox& b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

}  // namespace

TEST_CASE("line charts: event labels and the legend cannot overlap", "[report][svg]") {
  // Issue 21, point 21: in multi-run charts event labels sat on the legend.
  svg::LineChart chart;
  chart.id = "c";
  chart.title = "t";
  chart.desc = "d";
  for (const char* name :
       {"baseline", "policy_grants_owners_only", "policy_grants_everyone_with_a_long_name",
        "flood_100yr", "another run"}) {
    svg::Series s;
    s.label = name;
    for (int t = 0; t <= 120; ++t) s.x.push_back(t), s.y.push_back(t);
    chart.series.push_back(s);
  }
  chart.events = {{3, "flood + reconstruction grants starts"},
                  {4, "vouchers starts"},
                  {6, "earthquake"},
                  {60, "rent cap ends"},
                  {119, "social housing ends"}};
  const std::string out = svg::line_chart(chart);
  const auto legend = text_boxes(out, "legend");
  const auto events = text_boxes(out, "events");
  REQUIRE(legend.size() == 5);  // every run named, the legend wrapping as needed
  REQUIRE(events.size() == 5);
  double legend_bottom = 0;
  for (const auto& l : legend) legend_bottom = std::max(legend_bottom, l.bottom);
  for (std::size_t i = 0; i < events.size(); ++i) {
    INFO("event label " << i);
    CHECK(events[i].top >= legend_bottom);  // rows of their own below the legend
    CHECK(events[i].left >= 0);
    CHECK(events[i].right <= 720);  // inside the chart, near its right edge too
    for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(events[i], events[j]));
  }
  for (std::size_t i = 0; i < legend.size(); ++i) {
    CHECK(legend[i].right <= 720);
    for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(overlap(legend[i], legend[j]));
  }
  // The plot starts below the labels: its top grid line is under the last event row.
  double events_bottom = 0;
  for (const auto& e : events) events_bottom = std::max(events_bottom, e.bottom);
  std::smatch grid;
  REQUIRE(std::regex_search(out, grid,
                            std::regex("<g class=\"axes\"[^>]*>\\n<line [^>]*y1=\"([0-9.]+)\"")));
  CHECK(std::stod(grid[1]) > events_bottom);
}

TEST_CASE("group charts: each tenure heading says what the tenure is of", "[report][html]") {
  // Issue 21, point 21: the owner share bars had the heading of the
  // displaced tenure groups ("of the home of origin when displaced").
  test::TempDir tmp;
  write_fake_run(tmp.file("a"), "base", 6, 1.0, false);
  std::string groups = test::read_file(tmp.file("a/groups.csv"));
  for (int t = 0; t <= 6; ++t) {
    groups += std::to_string(t) + ",d,tenure,owner_occupied,500,0.1,0," +
              std::to_string(t == 3 ? 40 : 0) + "\n";
  }
  std::string groups_with_owner_share;
  // owner_share as a column: the owner chart is drawn only when it has values.
  {
    std::istringstream in(groups);
    std::string line;
    std::getline(in, line);
    groups_with_owner_share = line + ",owner_share\n";
    while (std::getline(in, line)) groups_with_owner_share += line + ",0.5\n";
  }
  test::write_file(tmp.file("a/groups.csv"), groups_with_owner_share);
  const std::string html = report_html({read_run(tmp.file("a"))}, {});
  auto chart = [&](const std::string& id) {
    const std::size_t start = html.find("id=\"" + id + "\"");
    REQUIRE(start != std::string::npos);
    return html.substr(start, html.find("</svg>", start) - start);
  };
  const std::string owner = chart("g-owner"), away = chart("g-away");
  CHECK_THAT(
      owner,
      Catch::Contains(">Tenure of the home (of the home left, for households displaced from it)<"));
  CHECK(owner.find("damaged home") == std::string::npos);
  CHECK(owner.find("when displaced") == std::string::npos);
  CHECK_THAT(away, Catch::Contains(">Tenure of the damaged home left<"));
}
