#include "sweep/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "io/scenario_loader.hpp"

namespace hearth::sweep {
namespace fs = std::filesystem;

Journal::Journal(std::string path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw OutputError("cannot open " + path_ + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw InputError(path_, {{"",
                              "another sweep runner holds this journal; wait for it to finish "
                              "(two runners on the same runs would undo each other's work)"}});
  }
  // A crash in the middle of a line leaves it without its newline; end it
  // here so the next entry starts on a line of its own (readers skip the stub).
  const off_t size = ::lseek(fd_, 0, SEEK_END);
  if (size > 0) {
    char last = '\n';
    const int reader = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (reader >= 0) {
      if (::pread(reader, &last, 1, size - 1) != 1) last = '\n';
      ::close(reader);
    }
    if (last != '\n' && ::write(fd_, "\n", 1) != 1) {
      throw OutputError("cannot write " + path_ + ": " + std::strerror(errno));
    }
  }
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::append(const JournalEntry& entry) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", entry.seconds);
  // The detail is free text (an error message); keep the line five fields.
  std::string detail = entry.detail;
  for (char& c : detail) {
    if (c == ',' || c == '\n' || c == '\r') c = ';';
  }
  const std::string line = std::to_string(entry.index) + "," + entry.run_id + "," + entry.status +
                           "," + detail + "," + seconds + "\n";
  const ssize_t written = ::write(fd_, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size()) || ::fsync(fd_) != 0) {
    throw OutputError("cannot append to " + path_ + ": " + std::strerror(errno));
  }
}

std::vector<JournalEntry> read_journals(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const std::string name = item.path().filename().string();
    if (name.rfind("journal", 0) == 0 && item.path().extension() == ".csv")
      files.push_back(item.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<JournalEntry> entries;
  for (const auto& file : files) {
    std::string text;
    try {
      text = io::read_text_file(file, std::size_t{1} << 30);
    } catch (const InputError&) {
      continue;
    }
    std::istringstream in(text);
    std::string line;
    // A line is whole only if a newline follows it.
    std::size_t consumed = 0;
    while (std::getline(in, line)) {
      consumed += line.size() + 1;
      if (consumed > text.size()) break;
      std::vector<std::string> fields;
      std::stringstream split(line);
      std::string field;
      while (std::getline(split, field, ',')) fields.push_back(field);
      if (fields.size() != 5 || (fields[2] != "done" && fields[2] != "failed")) continue;
      try {
        JournalEntry e;
        e.index = std::stoll(fields[0]);
        e.run_id = fields[1];
        e.status = fields[2];
        e.detail = fields[3];
        e.seconds = std::stod(fields[4]);
        entries.push_back(std::move(e));
      } catch (const std::exception&) {
      }
    }
  }
  return entries;
}

bool run_complete(const std::string& dir, const std::string& run_id) {
  const std::string manifest = dir + "/results/" + run_id + "/manifest.json";
  std::error_code ec;
  if (!fs::exists(manifest, ec)) return false;
  try {
    const auto doc = io::parse_json_text(io::read_text_file(manifest), manifest);
    return doc.value("status", std::string()) == "complete" &&
           doc.value("scenario_hash", std::string()) == run_id;
  } catch (const std::exception&) {
    return false;
  }
}

SweepStatus sweep_status(const std::string& dir, const PlanIndex& plan) {
  SweepStatus status;
  const std::size_t n = plan.runs.size();
  status.states.assign(n, RunState::missing);
  status.details.assign(n, "");
  std::vector<bool> failed(n, false);
  for (const auto& e : read_journals(dir)) {
    if (e.index < 0 || static_cast<std::size_t>(e.index) >= n) continue;
    const auto i = static_cast<std::size_t>(e.index);
    if (plan.runs[i].run_id != e.run_id) continue;  // a line from an older plan
    failed[i] = e.status == "failed";
    if (failed[i]) status.details[i] = e.detail;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (run_complete(dir, plan.runs[i].run_id)) {
      status.states[i] = RunState::done;
      ++status.done;
    } else if (failed[i]) {
      status.states[i] = RunState::failed;
      ++status.failed;
    } else {
      ++status.missing;
    }
  }
  return status;
}

}  // namespace hearth::sweep
