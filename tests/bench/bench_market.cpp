// Benchmark of the housing market phase alone (issue 3): a synthetic city of
// N households is generated, then each tick runs the economy, displacement,
// market and recovery phases, and only run_market is timed. Prints
// household-ticks per second of the market phase and appends one CSV row per
// size to the output file (machine, threads, commit, command).
//
//   bench_market [--households 100000,1000000] [--ticks 12] [--threads 0]
//                [--out results/bench/market.csv]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "build_info.hpp"
#include "hearth/scenario.hpp"
#include "parallel/parallel.hpp"
#include "phases/phases.hpp"
#include "state/city_generator.hpp"

namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      std::string model = line.substr(colon + 2);
      for (char& c : model)
        if (c == ',') c = ' ';
      return model;
    }
  }
  return "unknown";
}

std::vector<long> parse_list(const std::string& s) {
  std::vector<long> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::stol(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<long> sizes = {100000, 1000000};
  int ticks = 12, threads = 0;
  std::string out = "results/bench/market.csv";
  std::string command;
  for (int i = 0; i < argc; ++i) {
    if (i) command.push_back(' ');
    command.append(argv[i]);
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--households")
      sizes = parse_list(value);
    else if (key == "--ticks")
      ticks = std::stoi(value);
    else if (key == "--threads")
      threads = std::stoi(value);
    else if (key == "--out")
      out = value;
    else {
      std::cerr << "unknown option " << key << "\n";
      return 2;
    }
  }
  hearth::parallel::ThreadLimit limit(threads);
  const int used_threads = threads > 0 ? threads : hearth::parallel::hardware_threads();
  const bool header = !std::ifstream(out).good();
  std::ofstream csv(out, std::ios::app);
  if (header) {
    csv << "households,ticks,threads,nproc,cpu_model,market_seconds,household_ticks_per_s,"
           "searchers_per_tick,commit,command\n";
  }
  for (const long n : sizes) {
    hearth::ScenarioDef s;
    s.name = "bench_market";
    s.city.households = n;
    // Keep the baseline's density: 20,000 households on 120 x 120 cells.
    const auto side = static_cast<std::int32_t>(std::lround(120.0 * std::sqrt(n / 20000.0)));
    s.city.grid.width_cells = s.city.grid.height_cells = std::max(40, side);
    s.city.layout.neighbourhoods_per_side = n >= 500000 ? 16 : 8;
    hearth::World world = hearth::generate_city(s);
    double market_seconds = 0;
    std::int64_t searchers = 0;
    for (int t = 1; t <= ticks + 1; ++t) {  // tick 1 is a warm-up
      const hearth::PhaseContext ctx{s, t};
      world.flows = hearth::TickFlows{};
      hearth::run_economy(ctx, world);
      hearth::run_displacement(ctx, world);
      const auto start = std::chrono::steady_clock::now();
      hearth::run_market(ctx, world);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      hearth::run_recovery(ctx, world);
      world.tick = t;
      world.total_arrivals += world.flows.arrivals;
      world.total_departures += world.flows.departures;
      if (t > 1) market_seconds += seconds, searchers += world.flows.searchers;
    }
    const double rate = static_cast<double>(n) * ticks / market_seconds;
    std::printf(
        "market phase: %ld households, %d ticks, %d threads: %.3f s, %.3g household-ticks/s, %.0f "
        "searchers/tick\n",
        n, ticks, used_threads, market_seconds, rate, static_cast<double>(searchers) / ticks);
    csv << n << ',' << ticks << ',' << used_threads << ',' << std::thread::hardware_concurrency()
        << ',' << cpu_model() << ',' << market_seconds << ',' << rate << ',' << searchers / ticks
        << ',' << hearth::build_info::kGitCommit << ",\"" << command << "\"\n";
  }
  return 0;
}
