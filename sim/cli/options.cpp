#include "cli/options.hpp"

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "io/json_schema.hpp"

namespace hearth::cli {

CLI::Validator seed_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const std::string range = "a seed is a whole number from 0 to " + std::to_string(kMaxSeed);
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
          return range + " (got '" + text + "')";
        }
        errno = 0;
        const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
        if (errno == ERANGE || value > kMaxSeed) return range + " (got " + text + ")";
        return "";
      },
      "SEED", "seed");
}

void suggest_options(const CLI::App& app, std::ostream& out) {
  // The subcommand the user gave (the deepest one parsed), and its options.
  const CLI::App* given = &app;
  std::string command = "hearth";
  while (!given->get_subcommands().empty()) {
    given = given->get_subcommands().front();
    command += " " + given->get_name();
  }
  std::vector<std::string> names;
  for (const CLI::Option* option : given->get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  for (std::string extra : app.remaining(true)) {
    if (extra.size() < 2 || extra[0] != '-') continue;
    if (const auto equals = extra.find('='); equals != std::string::npos) extra.resize(equals);
    const std::string best = io::closest_match(extra, names);
    if (!best.empty()) {
      out << command << ": no option '" << extra << "'; did you mean '" << best << "'?\n";
    } else {
      out << command << ": no option '" << extra << "'; `" << command
          << " --help` lists the options\n";
    }
  }
}

}  // namespace hearth::cli
