#pragma once
// The journal of a sweep: one line per finished attempt, appended and fsynced
// before the next run is handed out. A run's own directory is the truth about
// success (results/<id>/manifest.json saying "complete", renamed into place by
// `hearth run`); the journal adds what a directory cannot say: that a run
// failed, how, and when. Each writer has its own file (journal.csv for local
// and MPI sweeps, whose single writer is rank 0; journal-<I>-of-<C>.csv for
// array shards), so no two processes ever append to the same file.
#include <cstdint>
#include <string>
#include <vector>

#include "sweep/plan.hpp"

namespace hearth::sweep {

struct JournalEntry {
  std::int64_t index = 0;
  std::string run_id;
  std::string status;  // "done" or "failed"
  std::string detail;  // "exit 0", "exit 1", "signal 9", "spawn failed"
  double seconds = 0;
};

class Journal {
 public:
  // Opens (creating) `path` for appending and takes an exclusive lock on it,
  // so a second sweep started on the same journal is refused (InputError)
  // rather than racing the first. A line cut short by a crash is closed off.
  explicit Journal(std::string path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  // One write(2) of a whole line, then fsync: a crash leaves whole lines.
  void append(const JournalEntry& entry);

 private:
  std::string path_;
  int fd_ = -1;
};

// Every well-formed line of every journal*.csv in DIR, file by file in name
// order; malformed or cut lines are skipped.
std::vector<JournalEntry> read_journals(const std::string& dir);

enum class RunState { done, failed, missing };

// True when results/<id>/manifest.json exists and says "complete" for this run.
bool run_complete(const std::string& dir, const std::string& run_id);

struct SweepStatus {
  std::vector<RunState> states;      // by run index
  std::vector<std::string> details;  // last journalled detail of failed runs
  std::int64_t done = 0, failed = 0, missing = 0;
};
SweepStatus sweep_status(const std::string& dir, const PlanIndex& plan);

}  // namespace hearth::sweep
