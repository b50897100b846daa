#pragma once
// Runs independent per-item work on all cores. Each worker owns its state
// (e.g. a Dijkstra query object); progress is reported from the calling thread.

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "feedback.h"

namespace cp::geo {

// Progress goes from progressFrom to progressTo (percent) as items finish, so
// that several phases can share one Feedback.
template <typename MakeState, typename Work>
void parallelFor(std::size_t count, unsigned threads, const Feedback* feedback, MakeState makeState,
                 Work work, double progressFrom = 0, double progressTo = 100) {
  if (threads == 0)
    threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::exception_ptr failure;
  std::mutex failureMutex;

  auto loop = [&](bool reportsProgress) {
    try {
      auto state = makeState();
      for (std::size_t i = next++; i < count; i = next++) {
        if (feedback != nullptr && feedback->isCanceled())
          return;
        work(state, i);
        const std::size_t finished = ++done;
        if (reportsProgress && feedback != nullptr && finished < count)
          feedback->setProgress(progressFrom + (progressTo - progressFrom) *
                                                   static_cast<double>(finished) /
                                                   static_cast<double>(count));
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failureMutex);
      if (!failure)
        failure = std::current_exception();
      next = count;  // stop the other workers
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t)
    workers.emplace_back(loop, false);
  loop(true);
  for (std::thread& w : workers)
    w.join();
  if (failure)
    std::rethrow_exception(failure);
  throwIfCanceled(feedback);
  if (feedback != nullptr)
    feedback->setProgress(progressTo);
}

}  // namespace cp::geo
