#include "sweep/runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace hearth::sweep {
namespace fs = std::filesystem;

namespace {

std::string self_exe() {
  char buffer[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0)
    throw OutputError(std::string("cannot find this program (/proc/self/exe): ") +
                      std::strerror(errno));
  return std::string(buffer, static_cast<std::size_t>(n));
}

}  // namespace

std::string journal_path(const std::string& dir, const RunnerOptions& options) {
  if (options.shard_count > 0) {
    return dir + "/journal-" + std::to_string(options.shard_index) + "-of-" +
           std::to_string(options.shard_count) + ".csv";
  }
  return dir + "/journal.csv";
}

Prepared prepare_sweep(const std::string& dir, const RunnerOptions& options) {
  Prepared prepared;
  // Read first: a mistyped DIR is reported as such, not created by the lock.
  prepared.plan = read_plan(dir);
  prepared.lock = std::make_unique<SweepLock>(dir, options.shard_index, options.shard_count);
  if (!options.force) check_sweep_unchanged(dir, prepared.plan);
  std::error_code ec;
  fs::create_directories(dir + "/results", ec);
  if (!ec) fs::create_directories(dir + "/logs", ec);
  if (ec) throw OutputError("cannot create " + dir + "/results: " + ec.message());
  std::set<std::string> own;
  for (const auto& run : prepared.plan.runs) {
    if (options.shard_count > 0 && run.index % options.shard_count != options.shard_index) continue;
    own.insert(run.run_id);
    if (run_complete(dir, run.run_id)) {
      ++prepared.skipped;
      continue;
    }
    // Left by a run that was killed with an earlier runner: it can only be
    // stale, since this runner, holding the sweep's locks, owns this run.
    const std::string base = dir + "/results/" + run.run_id;
    fs::remove_all(base + ".partial", ec);
    if (fs::exists(base, ec)) fs::remove_all(base, ec);  // not complete: junk
    prepared.pending.push_back(run.index);
  }
  // results/<id>.old-<pid>: a finished run's directory that `hearth run
  // --force` moved aside and was killed before deleting. Only this runner's
  // own runs: another shard's `hearth run` may be moving one right now.
  for (const auto& item : fs::directory_iterator(dir + "/results", ec)) {
    const std::string name = item.path().filename().string();
    const std::size_t old = name.find(".old-");
    if (old != std::string::npos && own.count(name.substr(0, old)) != 0)
      fs::remove_all(item.path(), ec);
  }
  return prepared;
}

pid_t spawn_run(const std::string& dir, const std::string& run_id, int threads,
                std::string& error) {
  // The runner may block the signals it waits for (run_local); the run must
  // get them as usual, so the mask it had before is restored in the child.
  sigset_t none;
  sigemptyset(&none);
  // A sweep started in the background of a script inherits SIGINT ignored,
  // and so would its runs until `hearth run` sets its handler: a stop sent
  // in that moment would be lost and the run would go on to its end.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  // Everything the child needs is built before fork: between fork and exec
  // only async-signal-safe calls are allowed.
  const std::string exe = self_exe();
  const std::string scenario = "runs/" + run_id + ".json";
  const std::string out = "results/" + run_id;
  const std::string threads_text = std::to_string(threads);
  const std::string log = dir + "/logs/" + run_id + ".log";
  std::vector<std::string> args{exe,         "run",        scenario,  "--out",  out,
                                "--threads", threads_text, "--quiet", "--force"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    error = "cannot open " + log + ": " + std::strerror(errno);
    return -1;
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Die with the sweep: a relaunch must not meet an orphan still writing.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    ::sigaction(SIGINT, &default_action, nullptr);
    ::sigaction(SIGTERM, &default_action, nullptr);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(log_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
  }
  const int saved = errno;
  ::close(log_fd);
  if (pid < 0) error = std::string("fork failed: ") + std::strerror(saved);
  return pid;
}

RunOutcome outcome_of(int wait_status, double seconds) {
  RunOutcome outcome;
  outcome.seconds = seconds;
  if (WIFEXITED(wait_status)) {
    outcome.ok = WEXITSTATUS(wait_status) == 0;
    outcome.detail = "exit " + std::to_string(WEXITSTATUS(wait_status));
  } else if (WIFSIGNALED(wait_status)) {
    outcome.detail = "signal " + std::to_string(WTERMSIG(wait_status));
  } else {
    outcome.detail = "unknown status";
  }
  return outcome;
}

namespace {

// Blocks SIGINT, SIGTERM and SIGCHLD for the runner's lifetime and takes
// them with sigtimedwait, so a stop signal and a child's exit are seen at
// the same place and neither can slip in between a check and a wait.
class SignalWatch {
 public:
  SignalWatch() {
    sigemptyset(&watched_);
    sigaddset(&watched_, SIGINT);
    sigaddset(&watched_, SIGTERM);
    sigaddset(&watched_, SIGCHLD);
    ::pthread_sigmask(SIG_BLOCK, &watched_, &previous_);
  }
  ~SignalWatch() {
    // A stop signal that came after the last run finished has nothing left
    // to stop; take it so that unblocking does not kill the finished sweep.
    const timespec now{0, 0};
    while (::sigtimedwait(&watched_, nullptr, &now) > 0) {
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;
  // The next watched signal (SIGCHLD included), or 0 if none came: waits up
  // to a second when `wait`, else only takes one already pending.
  int next(bool wait) {
    const timespec timeout{wait ? 1 : 0, 0};
    const int signal = ::sigtimedwait(&watched_, nullptr, &timeout);
    return signal > 0 ? signal : 0;
  }

 private:
  sigset_t watched_{};
  sigset_t previous_{};
};

}  // namespace

LocalOutcome run_local(const std::string& dir, const Prepared& prepared,
                       const RunnerOptions& options, Journal& journal) {
  using Clock = std::chrono::steady_clock;
  struct Child {
    std::int64_t index;
    Clock::time_point started;
  };
  SignalWatch signals;
  std::map<pid_t, Child> children;
  std::size_t next = 0;
  LocalOutcome outcome;
  int stop_signals = 0;
  const auto total = static_cast<std::int64_t>(prepared.pending.size());
  auto record = [&](std::int64_t index, const RunOutcome& result) {
    const PlannedRun& run = prepared.plan.runs[static_cast<std::size_t>(index)];
    // A run whose process said 0 but left no complete directory did not finish.
    const bool ok = result.ok && run_complete(dir, run.run_id);
    if (!ok && outcome.signal != 0) {
      // Stopped by us (or by the same Ctrl-C): not a failure of the run.
      ++outcome.stopped;
      return;
    }
    journal.append({index, run.run_id, ok ? "done" : "failed",
                    ok || !result.ok ? result.detail : kNotComplete, result.seconds});
    if (!ok) {
      ++outcome.failed;
      std::cerr << "sweep: run " << index << " (" << run.run_id << ") failed: " << result.detail
                << "; see " << dir << "/logs/" << run.run_id << ".log\n";
    } else {
      ++outcome.done;
      if (!options.quiet) {
        std::cerr << "sweep: " << outcome.done + outcome.failed << "/" << total << " run " << index
                  << " done in " << result.seconds << " s\n";
      }
    }
  };
  auto on_signal = [&](int signal) {
    if (signal != SIGINT && signal != SIGTERM) return;
    if (outcome.signal == 0) outcome.signal = signal;
    // First signal: the runs stop after their current tick. Second: now.
    const int forward = ++stop_signals == 1 ? SIGINT : SIGKILL;
    for (const auto& [pid, child] : children) ::kill(pid, forward);
    if (!options.quiet && !children.empty()) {
      std::cerr << "sweep: stopping " << children.size() << " runs in flight"
                << (forward == SIGINT ? " after their current tick (again to stop them now)"
                                      : " now")
                << "\n";
    }
  };
  while (true) {
    on_signal(signals.next(false));
    // Every child that has ended, without blocking, before new ones start.
    while (!children.empty()) {
      int status = 0;
      const pid_t pid = ::waitpid(-1, &status, WNOHANG);
      if (pid == 0) break;
      if (pid < 0) {
        if (errno == EINTR) continue;
        throw OutputError(std::string("waitpid: ") + std::strerror(errno));
      }
      auto it = children.find(pid);
      if (it == children.end()) continue;
      const double seconds =
          std::chrono::duration<double>(Clock::now() - it->second.started).count();
      const std::int64_t index = it->second.index;
      children.erase(it);
      record(index, outcome_of(status, seconds));
    }
    while (outcome.signal == 0 && next < prepared.pending.size() &&
           static_cast<int>(children.size()) < std::max(1, options.jobs)) {
      const std::int64_t index = prepared.pending[next++];
      std::string error;
      const pid_t pid = spawn_run(dir, prepared.plan.runs[static_cast<std::size_t>(index)].run_id,
                                  options.threads_per_run, error);
      if (pid < 0) {
        record(index, {false, "spawn failed: " + error, 0});
        continue;
      }
      children[pid] = {index, Clock::now()};
    }
    // Nothing running means nothing left to start, or a stop.
    if (children.empty()) break;
    on_signal(signals.next(true));
  }
  return outcome;
}

}  // namespace hearth::sweep
