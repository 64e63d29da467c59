#pragma once
// What a benchmark row says about the machine and the process: CPU model,
// hardware threads, and the process's peak resident memory (Linux /proc).
#include <cstdint>
#include <string>

namespace hearth::bench {

struct MachineInfo {
  std::string cpu_model;  // "model name" of /proc/cpuinfo, or "unknown"
  int hardware_threads = 0;
};

MachineInfo machine_info();

// Peak resident set size of this process so far (VmHWM), bytes; 0 if unknown.
std::int64_t peak_rss_bytes();
// Current resident set size (VmRSS), bytes; 0 if unknown.
std::int64_t current_rss_bytes();
// Resets the peak to the current resident size (writes 5 to
// /proc/self/clear_refs), so that one process can measure several workloads
// one after another. Returns false where the kernel does not allow it.
bool reset_peak_rss();

}  // namespace hearth::bench
