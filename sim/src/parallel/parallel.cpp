#include "parallel/parallel.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>

namespace hearth::parallel {

// The control object must be constructed in place and live as long as the
// limit: TBB applies the most restrictive live control, and a temporary
// control that is moved from and destroyed takes its setting with it.
struct ThreadLimit::Impl {
  explicit Impl(int threads)
      : control(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads)) {}
  tbb::global_control control;
};

ThreadLimit::ThreadLimit(int threads)
    : impl_(), threads_(threads > 0 ? threads : hardware_threads()) {
  impl_ = std::make_unique<Impl>(threads_);
}

ThreadLimit::~ThreadLimit() = default;

int hardware_threads() {
  return tbb::info::default_concurrency();
}

}  // namespace hearth::parallel
