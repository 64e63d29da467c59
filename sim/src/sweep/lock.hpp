#pragma once
// Which runners may work on one sweep directory at the same time
// (docs/SWEEPS.md, "Runners side by side"). A runner takes its locks before
// it looks at results/ or deletes anything there, and holds them until it
// exits, so a runner that is refused has touched nothing of the others':
//
//   DIR/locks/sweep          exclusive for a local or MPI runner (rank 0),
//                            which runs every run; shared for a job-array
//                            shard, whose runs are its own.
//   DIR/locks/shard-I-of-C   exclusive for shard I of C: the same shard twice
//                            would run the same runs.
//   DIR/locks/count-C        shared by the running shards of count C; a shard
//                            of another count, whose runs overlap theirs, is
//                            refused while it is held.
//   DIR/locks/shards         held for a moment by a shard while it checks
//                            the counts, so two shards of different counts
//                            cannot both pass the check.
//
// flock(2) locks belong to the open file and go with the process, whatever
// kills it (on NFS the server releases them), so nothing stale is left to
// clean up and a relaunch after kill -9 is never refused.
#include <cstdint>
#include <string>
#include <vector>

namespace hearth::sweep {

class SweepLock {
 public:
  // shard_count 0: a local or MPI runner. Throws InputError (exit 2) naming
  // DIR and the runner in the way; OutputError when the file system cannot lock.
  SweepLock(const std::string& dir, std::int64_t shard_index, std::int64_t shard_count);
  ~SweepLock();
  SweepLock(const SweepLock&) = delete;
  SweepLock& operator=(const SweepLock&) = delete;

 private:
  std::vector<int> held_;  // descriptors whose locks this runner holds
};

}  // namespace hearth::sweep
