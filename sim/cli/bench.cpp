#include "cli/bench.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "bench/machine_info.hpp"
#include "bench/schelling.hpp"
#include "bench/workloads.hpp"
#include "build_info.hpp"
#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#include "hearth/simulation.hpp"
#include "parallel/parallel.hpp"

namespace hearth::cli {
namespace {

using Clock = std::chrono::steady_clock;

// "10k" -> 10000, "1M" -> 1000000, "2500" -> 2500.
std::int64_t parse_count(const std::string& token) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(token, &used);
  } catch (const std::exception&) {
    throw std::invalid_argument("not a number: '" + token + "'");
  }
  const std::string suffix = token.substr(used);
  if (suffix == "k" || suffix == "K")
    value *= 1e3;
  else if (suffix == "M" || suffix == "m")
    value *= 1e6;
  else if (!suffix.empty())
    throw std::invalid_argument("unknown suffix in '" + token + "'");
  if (!(value >= 1) || value > 4e9) throw std::invalid_argument("out of range: '" + token + "'");
  return static_cast<std::int64_t>(std::llround(value));
}

std::vector<std::int64_t> parse_list(const std::string& text) {
  std::vector<std::int64_t> out;
  std::stringstream in(text);
  std::string token;
  while (std::getline(in, token, ',')) {
    if (!token.empty()) out.push_back(parse_count(token));
  }
  if (out.empty()) throw std::invalid_argument("empty list: '" + text + "'");
  return out;
}

// The command line exactly as given, so that a CSV row says how to remake it.
std::string command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t end = raw.find('\0', start);
    if (end == std::string::npos) end = raw.size();
    const std::string arg = raw.substr(start, end - start);
    if (!out.empty()) out += ' ';
    out += arg.find_first_of(" \t\"'") == std::string::npos ? arg : "'" + arg + "'";
    start = end + 1;
  }
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

// Appends one row; writes the header first when the file is new or empty.
void append_csv(const std::string& path, const std::vector<std::string>& header,
                const std::vector<std::string>& row) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  const bool fresh = !fs::exists(p) || fs::file_size(p) == 0;
  std::ofstream out(path, std::ios::app);
  if (!out) throw std::runtime_error("cannot open " + path + " for appending");
  auto write = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << '\n';
  };
  if (fresh) write(header);
  write(row);
  if (!out) throw std::runtime_error("write failed: " + path);
}

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}
std::string num(std::int64_t v) {
  return std::to_string(v);
}

constexpr const char* kHouseholdsRecord = "results/bench/households.csv";
constexpr const char* kSchellingRecord = "results/bench/schelling.csv";

// Where the rows go: --out FILE, else the project's record with --record,
// else nowhere ("").
std::string csv_target(const std::string& out, bool record, const char* record_path) {
  if (!out.empty()) return out;
  return record ? record_path : "";
}

// The last line of a bench: where the rows went, or how to keep them.
void say_where_rows_went(const std::string& csv, const char* record_path) {
  if (csv.empty()) {
    std::cout << "not recorded (--record appends these rows to " << record_path
              << ", --out FILE to another CSV)\n";
  } else {
    std::cout << "appended to " << csv << "\n";
  }
}

// HEARTH_BENCH_SMOKE=1 cuts every workload to a smoke test: at most 2,000
// households or agents and 2 ticks or steps. The README test sets it to run
// the README's bench commands exactly as written in seconds; the figures are
// then meaningless, and the command says so on stderr.
bool smoke_test() {
  const char* smoke = std::getenv("HEARTH_BENCH_SMOKE");
  const bool on = smoke && *smoke && std::string_view(smoke) != "0";
  if (on) {
    std::cerr << "hearth bench: HEARTH_BENCH_SMOKE is set: workloads cut to 2,000 households or "
                 "agents and 2 ticks or steps (a smoke test; the figures mean nothing)\n";
  }
  return on;
}
constexpr std::int64_t kSmokeAgents = 2000;
constexpr std::int32_t kSmokeTicks = 2;

std::vector<int> thread_counts(int threads, const std::string& sweep) {
  std::vector<int> out;
  if (sweep.empty()) {
    out.push_back(threads > 0 ? threads : parallel::hardware_threads());
  } else {
    for (std::int64_t t : parse_list(sweep)) out.push_back(static_cast<int>(t));
  }
  return out;
}

int households_bench(const HouseholdsBenchArgs& given) {
  std::vector<std::int64_t> sizes = parse_list(given.sizes);
  const std::vector<int> threads = thread_counts(given.threads, given.threads_sweep);
  if (given.ticks < 1 || given.ticks > 1200) throw std::invalid_argument("--ticks must be 1..1200");
  HouseholdsBenchArgs args = given;
  if (smoke_test()) {
    for (auto& size : sizes) size = std::min(size, kSmokeAgents);
    args.ticks = std::min(args.ticks, kSmokeTicks);
  }
  const std::string csv = csv_target(args.out, args.record, kHouseholdsRecord);
  const bench::MachineInfo machine = bench::machine_info();
  const std::string command = command_line();
  std::cout << "hearth bench households: " << machine.cpu_model << ", " << machine.hardware_threads
            << " hardware threads, commit " << build_info::kGitCommit << "\n";

  std::vector<std::string> header = {
      "households", "dwellings", "grid_side", "ticks", "threads", "wall_s", "household_ticks_per_s",
      "generate_s"};
  for (int p = 0; p < kProfiledPhases; ++p) header.push_back(std::string(phase_name(p)) + "_s");
  for (const char* h : {"peak_rss_bytes", "peak_rss_bytes_per_household", "peak_rss_isolated",
                        "households_in_city_end", "cpu_model", "nproc", "git_commit", "command"}) {
    header.push_back(h);
  }

  std::vector<bench::ColumnMemory> columns;
  for (std::int64_t size : sizes) {
    std::vector<bench::HouseholdsBenchResult> by_threads;
    for (int t : threads) {
      const bool want_columns = args.columns && size == sizes.back() && t == threads.back();
      const auto r = bench::run_households_bench(size, args.ticks, t, args.seed,
                                                 want_columns ? &columns : nullptr);
      by_threads.push_back(r);
      const double rss_per_household = static_cast<double>(r.peak_rss_bytes) / r.households;
      std::printf(
          "%10lld households  %5d ticks  %2d threads  %9.3f s  %12.4g household-ticks/s  "
          "generate %.2f s  peak RSS %.1f MiB (%.0f B/household%s)\n",
          static_cast<long long>(r.households), r.ticks, r.threads, r.wall_seconds,
          r.household_ticks_per_second, r.profile.generate_seconds, r.peak_rss_bytes / 1048576.0,
          rss_per_household, r.peak_rss_isolated ? "" : ", process peak");
      std::printf("    per phase (s):");
      for (int p = 0; p < kProfiledPhases; ++p) {
        std::printf(" %s %.3f", std::string(phase_name(p)).c_str(), r.profile.seconds[p]);
      }
      std::printf("\n");
      std::fflush(stdout);
      std::vector<std::string> row = {num(r.households),
                                      num(r.dwellings),
                                      num(std::int64_t{r.grid_side}),
                                      num(std::int64_t{r.ticks}),
                                      num(std::int64_t{r.threads}),
                                      num(r.wall_seconds),
                                      num(r.household_ticks_per_second),
                                      num(r.profile.generate_seconds)};
      for (int p = 0; p < kProfiledPhases; ++p) row.push_back(num(r.profile.seconds[p]));
      row.push_back(num(r.peak_rss_bytes));
      row.push_back(num(rss_per_household));
      row.push_back(r.peak_rss_isolated ? "1" : "0");
      row.push_back(num(r.households_in_city_end));
      row.push_back(machine.cpu_model);
      row.push_back(num(std::int64_t{machine.hardware_threads}));
      row.push_back(build_info::kGitCommit);
      row.push_back(command);
      if (!csv.empty()) append_csv(csv, header, row);
    }
    // Speed-up of each phase from the first thread count to the others.
    for (std::size_t k = 1; k < by_threads.size(); ++k) {
      const auto& a = by_threads.front();
      const auto& b = by_threads[k];
      std::printf("    speed-up %d -> %d threads: total %.2fx;", a.threads, b.threads,
                  b.wall_seconds > 0 ? a.wall_seconds / b.wall_seconds : 0.0);
      for (int p = 0; p < kProfiledPhases; ++p) {
        if (b.profile.seconds[p] > 0) {
          std::printf(" %s %.2fx", std::string(phase_name(p)).c_str(),
                      a.profile.seconds[p] / b.profile.seconds[p]);
        }
      }
      std::printf("\n");
    }
  }
  if (!columns.empty()) {
    std::printf(
        "\nmemory per column after the last workload (MiB of capacity: pages never written are not "
        "resident):\n%-11s %-28s %6s %12s %12s\n",
        "table", "column", "B/row", "rows", "MiB cap.");
    // A total line after each table: bytes per row and the table's MiB.
    std::size_t row_bytes = 0, table_bytes = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const auto& c = columns[k];
      std::printf("%-11s %-28s %6zu %12zu %12.2f\n", c.table.c_str(), c.column.c_str(),
                  c.bytes_per_entry, c.entries, c.bytes / 1048576.0);
      row_bytes += c.bytes_per_entry;
      table_bytes += c.bytes;
      if (k + 1 == columns.size() || columns[k + 1].table != c.table) {
        std::printf("%-11s %-28s %6zu %12s %12.2f\n", c.table.c_str(), "(total)", row_bytes, "",
                    table_bytes / 1048576.0);
        row_bytes = table_bytes = 0;
      }
    }
  }
  say_where_rows_went(csv, kHouseholdsRecord);
  return kExitOk;
}

int schelling_bench(const SchellingBenchArgs& given) {
  const std::vector<int> threads = thread_counts(given.threads, given.threads_sweep);
  if (given.steps < 1) throw std::invalid_argument("--steps must be at least 1");
  SchellingBenchArgs args = given;
  if (smoke_test()) {
    args.agents = std::min(args.agents, kSmokeAgents);
    args.steps = std::min(args.steps, kSmokeTicks);
  }
  const std::string csv = csv_target(args.out, args.record, kSchellingRecord);
  const bench::MachineInfo machine = bench::machine_info();
  const std::string command = command_line();
  const std::vector<std::string> header = {"agents",
                                           "grid_side",
                                           "density",
                                           "homophily",
                                           "radius",
                                           "steps",
                                           "rounds",
                                           "threads",
                                           "setup_s",
                                           "wall_s",
                                           "agent_steps_per_s",
                                           "neighbour_counts_s",
                                           "evaluate_s",
                                           "relocate_s",
                                           "unhappy_first_step",
                                           "unhappy_last_step",
                                           "moves_total",
                                           "digest",
                                           "peak_rss_bytes",
                                           "cpu_model",
                                           "nproc",
                                           "git_commit",
                                           "command"};
  std::cout << "hearth bench schelling: " << machine.cpu_model << ", " << machine.hardware_threads
            << " hardware threads, commit " << build_info::kGitCommit << "\n";
  for (int t : threads) {
    parallel::ThreadLimit limit(t);
    bench::SchellingParams p;
    p.agents = args.agents;
    p.density = args.density;
    p.homophily = args.homophily;
    p.radius = args.radius;
    p.rounds = args.rounds;
    p.seed = args.seed;
    bench::reset_peak_rss();
    const auto setup_start = Clock::now();
    bench::SchellingModel model(p);
    const double setup = std::chrono::duration<double>(Clock::now() - setup_start).count();
    std::int64_t moves = 0, unhappy_first = 0, unhappy_last = 0;
    const auto start = Clock::now();
    for (std::int32_t s = 0; s < args.steps; ++s) {
      const auto stats = model.step();
      moves += stats.moved;
      if (s == 0) unhappy_first = stats.unhappy;
      unhappy_last = stats.unhappy;
    }
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = static_cast<double>(model.agent_count()) * args.steps / wall;
    const auto& prof = model.profile();
    std::printf(
        "%lld agents on %dx%d, K=%d R=%d, %d steps, %d threads: %.3f s (setup %.2f s)  "
        "%.4g agent-steps/s\n    stages (s): neighbour counts %.3f, evaluate %.3f, relocate "
        "%.3f; unhappy %lld at step 1, %lld at step %d; %lld moves; digest %016llx\n",
        static_cast<long long>(model.agent_count()), model.grid().width, model.grid().height,
        p.homophily, p.radius, args.steps, limit.threads(), wall, setup, rate,
        prof.neighbour_counts, prof.evaluate, prof.relocate, static_cast<long long>(unhappy_first),
        static_cast<long long>(unhappy_last), args.steps, static_cast<long long>(moves),
        static_cast<unsigned long long>(model.digest()));
    std::fflush(stdout);
    char digest[17];
    std::snprintf(digest, sizeof digest, "%016llx",
                  static_cast<unsigned long long>(model.digest()));
    const std::vector<std::string> row = {num(model.agent_count()),
                                          num(std::int64_t{model.grid().width}),
                                          num(p.density),
                                          num(std::int64_t{p.homophily}),
                                          num(std::int64_t{p.radius}),
                                          num(std::int64_t{args.steps}),
                                          num(std::int64_t{p.rounds}),
                                          num(std::int64_t{limit.threads()}),
                                          num(setup),
                                          num(wall),
                                          num(rate),
                                          num(prof.neighbour_counts),
                                          num(prof.evaluate),
                                          num(prof.relocate),
                                          num(unhappy_first),
                                          num(unhappy_last),
                                          num(moves),
                                          digest,
                                          num(bench::peak_rss_bytes()),
                                          machine.cpu_model,
                                          num(std::int64_t{machine.hardware_threads}),
                                          build_info::kGitCommit,
                                          command};
    if (!csv.empty()) append_csv(csv, header, row);
  }
  say_where_rows_went(csv, kSchellingRecord);
  return kExitOk;
}

}  // namespace

std::unique_ptr<BenchCommand> add_bench_command(CLI::App& app) {
  auto bench = std::make_unique<BenchCommand>();
  bench->command = app.add_subcommand(
      "bench", "Benchmarks: print figures; --record appends them to results/bench/*.csv");
  bench->command->require_subcommand(1);

  auto& h = bench->households_args;
  bench->households = bench->command->add_subcommand(
      "households", "Full model on synthetic cities of given sizes (no run directory)");
  auto* hc = bench->households;
  hc->add_option("--sizes", h.sizes, "Households per workload, e.g. 10k,100k,1M,10M")
      ->capture_default_str();
  hc->add_option("--ticks", h.ticks, "Monthly ticks per workload")->capture_default_str();
  hc->add_option("--threads,-t", h.threads, "Worker threads (0 = all cores)");
  hc->add_option("--threads-sweep", h.threads_sweep,
                 "Run every size at each of these thread counts, e.g. 1,2");
  auto* h_record = hc->add_flag("--record", h.record,
                                std::string("Append a row per workload to ") + kHouseholdsRecord);
  hc->add_option("--out", h.out, "Append a row per workload to this CSV instead")
      ->excludes(h_record);
  hc->add_flag("--columns", h.columns, "Print memory per column of the last workload");
  hc->add_option("--seed", h.seed, "Seed")->capture_default_str();

  auto& s = bench->schelling_args;
  bench->schelling = bench->command->add_subcommand(
      "schelling", "Schelling segregation model through the engine's grid and relocation");
  auto* sc = bench->schelling;
  sc->add_option("--agents", s.agents, "Agents")->capture_default_str();
  sc->add_option("--density", s.density, "Agents per cell, sizes the square grid")
      ->capture_default_str();
  sc->add_option("--homophily", s.homophily, "Same-group neighbours needed to be happy")
      ->capture_default_str();
  sc->add_option("--radius", s.radius, "Moore neighbourhood radius (1..7)")->capture_default_str();
  sc->add_option("--steps", s.steps, "Steps")->capture_default_str();
  sc->add_option("--rounds", s.rounds, "Bidding rounds per step")->capture_default_str();
  sc->add_option("--threads,-t", s.threads, "Worker threads (0 = all cores)");
  sc->add_option("--threads-sweep", s.threads_sweep,
                 "Run at each of these thread counts, e.g. 1,2");
  auto* s_record = sc->add_flag(
      "--record", s.record, std::string("Append a row per thread count to ") + kSchellingRecord);
  sc->add_option("--out", s.out, "Append a row per thread count to this CSV instead")
      ->excludes(s_record);
  sc->add_option("--seed", s.seed, "Seed")->capture_default_str();
  return bench;
}

int bench_command(const BenchCommand& bench) {
  try {
    if (*bench.households) return households_bench(bench.households_args);
    if (*bench.schelling) return schelling_bench(bench.schelling_args);
  } catch (const InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitInput;
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitInput;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitOutput;
  }
  return kExitInput;
}

}  // namespace hearth::cli
