#pragma once
// `hearth bench households | schelling`: benchmarks that print their figures
// and, when asked (--record, or --out FILE), append them to a CSV file; the
// project's record is results/bench/*.csv (docs/PERFORMANCE.md). A plain run
// writes nothing, so that a casual bench leaves the checkout clean. They
// measure; they never assert a time.
#include <cstdint>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace hearth::cli {

struct HouseholdsBenchArgs {
  std::string sizes = "10k,100k,1M";  // households per workload; k and M suffixes
  std::int32_t ticks = 120;
  int threads = 0;            // 0: all hardware threads
  std::string threads_sweep;  // e.g. "1,2": every size at each thread count
  std::string out;            // CSV to append to ("": none unless record)
  bool record = false;        // append to results/bench/households.csv
  bool columns = false;       // print memory per column of the last workload
  std::uint64_t seed = 42;
};

struct SchellingBenchArgs {
  std::int64_t agents = 1000000;
  double density = 0.8;
  std::int32_t homophily = 3;
  std::int32_t radius = 1;
  std::int32_t steps = 10;
  std::int32_t rounds = 3;
  int threads = 0;
  std::string threads_sweep;
  std::string out;      // CSV to append to ("": none unless record)
  bool record = false;  // append to results/bench/schelling.csv
  std::uint64_t seed = 42;
};

struct BenchCommand {
  CLI::App* command = nullptr;
  CLI::App* households = nullptr;
  CLI::App* schelling = nullptr;
  HouseholdsBenchArgs households_args;
  SchellingBenchArgs schelling_args;
};

// Registers `bench` and its subcommands on `app`; the returned object holds
// the parsed options and must outlive the parse.
std::unique_ptr<BenchCommand> add_bench_command(CLI::App& app);
int bench_command(const BenchCommand& bench);

}  // namespace hearth::cli
