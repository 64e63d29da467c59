#include "bench/machine_info.hpp"

#include <fstream>
#include <sstream>
#include <thread>

namespace hearth::bench {
namespace {

// A "Name:   1234 kB" line of /proc/self/status, in bytes.
std::int64_t status_kb_field(const std::string& name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) == 0) {
      std::istringstream fields(line.substr(name.size() + 1));
      std::int64_t kb = 0;
      fields >> kb;
      return kb * 1024;
    }
  }
  return 0;
}

}  // namespace

MachineInfo machine_info() {
  MachineInfo info;
  info.cpu_model = "unknown";
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        const auto start = line.find_first_not_of(" \t", colon + 1);
        if (start != std::string::npos) info.cpu_model = line.substr(start);
      }
      break;
    }
  }
  info.hardware_threads = static_cast<int>(std::thread::hardware_concurrency());
  return info;
}

std::int64_t peak_rss_bytes() {
  return status_kb_field("VmHWM");
}

std::int64_t current_rss_bytes() {
  return status_kb_field("VmRSS");
}

bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  if (!out) return false;
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace hearth::bench
