#include "sweep/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "hearth/errors.hpp"

namespace hearth::sweep {
namespace fs = std::filesystem;

namespace {

// An open lock file; closing it releases its lock.
class LockFile {
 public:
  explicit LockFile(const std::string& path) : path_(path) {
    // Read and write: on NFS flock is emulated with fcntl locks, whose
    // exclusive kind needs a descriptor open for writing.
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw OutputError("cannot open " + path + ": " + std::strerror(errno));
  }
  ~LockFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

  // LOCK_SH or LOCK_EX; false when another holder is in the way.
  bool try_lock(int operation) { return lock(operation | LOCK_NB); }
  // Waits; used only for the lock a shard holds for a moment.
  void wait_lock(int operation) { lock(operation); }
  void unlock() { ::flock(fd_, LOCK_UN); }
  // Hands the descriptor (and its lock) over to the caller.
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  bool lock(int operation) {
    while (::flock(fd_, operation) != 0) {
      if (errno == EINTR) continue;
      if (errno == EWOULDBLOCK) return false;
      throw OutputError("cannot lock " + path_ + ": " + std::strerror(errno) +
                        " (sweeps need a file system with locks; on Lustre, mount with -o flock)");
    }
    return true;
  }

  std::string path_;
  int fd_ = -1;
};

// The count C of a lock file named count-C, or 0.
std::int64_t count_of(const std::string& name) {
  if (name.rfind("count-", 0) != 0 || name.size() == 6 || name.size() > 24) return 0;
  std::int64_t count = 0;
  for (std::size_t i = 6; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    count = count * 10 + (name[i] - '0');
  }
  return count;
}

}  // namespace

SweepLock::SweepLock(const std::string& dir, std::int64_t shard_index, std::int64_t shard_count) {
  const std::string locks = dir + "/locks";
  std::error_code ec;
  fs::create_directories(locks, ec);
  if (ec) throw OutputError("cannot create " + locks + ": " + ec.message());
  auto refuse = [&](const std::string& reason) {
    return InputError(dir, {{"", reason + "; nothing was touched"}});
  };
  try {
    LockFile sweep(locks + "/sweep");
    if (shard_count <= 0) {
      if (!sweep.try_lock(LOCK_EX)) {
        // Shards hold it shared, a local or MPI runner exclusively: a shared
        // lock that can still be had says which of the two is in the way.
        const bool shards = sweep.try_lock(LOCK_SH);
        if (shards) sweep.unlock();
        throw refuse(shards ? "job-array shards (sweep run --index/--count) are running on this "
                              "sweep; wait for them to finish, or run the other shards"
                            : "another sweep runner (local or MPI) is running on this sweep; "
                              "wait for it to finish");
      }
      held_.push_back(sweep.release());
      return;
    }
    if (!sweep.try_lock(LOCK_SH)) {
      throw refuse(
          "a local or MPI sweep runner is running on this sweep and runs this shard's runs "
          "too; wait for it to finish");
    }
    held_.push_back(sweep.release());
    const std::string shard =
        "shard " + std::to_string(shard_index) + " of " + std::to_string(shard_count);
    LockFile own(locks + "/shard-" + std::to_string(shard_index) + "-of-" +
                 std::to_string(shard_count));
    if (!own.try_lock(LOCK_EX)) throw refuse(shard + " is already running on this sweep");
    held_.push_back(own.release());
    // Shards of another count would share runs with this one (run 0 is in
    // shard 0 of every count). One shard at a time checks the counts.
    LockFile check(locks + "/shards");
    check.wait_lock(LOCK_EX);
    for (const auto& item : fs::directory_iterator(locks, ec)) {
      const std::int64_t other = count_of(item.path().filename().string());
      if (other == 0 || other == shard_count) continue;
      LockFile theirs(item.path().string());
      if (!theirs.try_lock(LOCK_EX)) {
        throw refuse("shards of --count " + std::to_string(other) +
                     " are running on this sweep, and their runs overlap those of " + shard +
                     "; use --count " + std::to_string(other) + ", or wait for them to finish");
      }
    }
    if (ec) throw OutputError("cannot list " + locks + ": " + ec.message());
    LockFile count(locks + "/count-" + std::to_string(shard_count));
    // Only a shard holding `check` ever takes it exclusively, and that is us.
    if (!count.try_lock(LOCK_SH)) throw refuse("the shard counts are being checked; try again");
    held_.push_back(count.release());
  } catch (...) {
    for (const int fd : held_) ::close(fd);
    throw;
  }
}

SweepLock::~SweepLock() {
  for (const int fd : held_) ::close(fd);
}

}  // namespace hearth::sweep
