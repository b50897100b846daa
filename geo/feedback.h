#pragma once
// Progress and cancellation for long computations, modelled on QgsFeedback.
// Workers only read isCanceled(); progress is reported from the calling thread.

#include <atomic>
#include <functional>
#include <stdexcept>

namespace cp::geo {

class Feedback {
 public:
  using ProgressFn = std::function<void(double percent)>;

  Feedback() = default;
  explicit Feedback(ProgressFn onProgress) : onProgress_(std::move(onProgress)) {}

  void cancel() { canceled_.store(true, std::memory_order_relaxed); }
  bool isCanceled() const { return canceled_.load(std::memory_order_relaxed); }
  void setProgress(double percent) const {
    if (onProgress_)
      onProgress_(percent);
  }

 private:
  std::atomic<bool> canceled_{false};
  ProgressFn onProgress_;
};

// Thrown when a computation stops because its Feedback was canceled; no partial
// result escapes.
class Canceled : public std::runtime_error {
 public:
  Canceled() : std::runtime_error("canceled by the user") {}
};

inline void throwIfCanceled(const Feedback* feedback) {
  if (feedback != nullptr && feedback->isCanceled())
    throw Canceled();
}

}  // namespace cp::geo
