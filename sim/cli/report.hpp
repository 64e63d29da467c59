#pragma once
// `hearth compare RUN_A RUN_B [...]`, `hearth compare A_RUN... --vs B_RUN...` and `hearth report
// RUN_DIR [...] -o FILE` (docs/REPORTS.md): key indicators of runs side by side, and one
// self-contained HTML page per run, comparison or sweep.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace hearth::cli {

struct ReportCommands {
  CLI::App* compare = nullptr;
  CLI::App* report = nullptr;
  // compare
  std::vector<std::string> compare_dirs;
  std::string ticks;        // "12,24,60"
  std::string csv;          // --csv FILE
  std::string group_kinds;  // --groups all|none|kind,kind
  int width = 120;
  bool own_horizons = false;  // --own-horizons: each run over its own ticks
  bool all_rows = false;      // --all-rows: also rows zero or n/a in every run
  // paired: `compare A... --vs B...` or `compare SWEEP --point I --vs-point J`
  std::vector<std::string> vs_dirs;  // --vs: side B's runs (or sweeps)
  std::int64_t point = -1;           // --point: side A's sweep point (-1: not given)
  std::int64_t vs_point = -1;        // --vs-point: side B's sweep point
  // report
  std::vector<std::string> report_dirs;
  std::string out;
  std::string map_ticks;  // --map-ticks
  std::string title;
};

std::unique_ptr<ReportCommands> add_report_commands(CLI::App& app);
int compare_command(const ReportCommands& args);
int report_command(const ReportCommands& args);

// "12,24,60" -> ticks; throws InputError naming `option` on anything else.
std::vector<std::int32_t> parse_tick_list(const std::string& text, const std::string& option);

}  // namespace hearth::cli
