// The batch engine: many inputs -> a pool of analyzer threads -> sinks, in input order.
// Sits above the pipeline (it drives an Analyzer and report::Sinks; nothing below knows it).
//
//   batch::Options o;  o.jobs = 8;
//   auto stats = batch::Run(analyzer, {"calls/", "@more.txt"}, {db_sink.get()}, o);
//
// Memory stays flat: inputs are walked lazily, the work queue and the re-ordering window are
// bounded, and each analysis is dropped once every sink has it. Output order is input order
// whatever the number of threads, so outputs are byte-identical for any --jobs.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "callscope/callscope.h"
#include "report/report.h"

namespace callscope::batch {

// --shard K/N: this process takes the inputs whose path hash is K modulo N (0 <= K < N).
// By path hash, not by position, so it needs no global sorted list, is stable when files are
// added, and every shard agrees given the same input spelling.
struct Shard {
  uint64_t index = 0, count = 1;
  bool Takes(std::string_view path) const { return count <= 1 || PathHash(path) % count == index; }
  static uint64_t PathHash(std::string_view path);  // FNV-1a 64 of the path bytes
};
Result<Shard> ParseShard(std::string_view spec);

// Expands INPUTS into files, lazily and in a stable order:
//   FILE        itself (a missing one is passed on, so it is reported like any bad file)
//   DIR         every file below it, recursively, entries in byte order, dot-files skipped,
//               symbolic links to directories not followed
//   GLOB        (with * ? [) the matches in sorted order, each expanded as above
//   @LIST       a file listing one input a line (FILE or DIR; blank lines skipped)
//   -           the same list read from `list_in` (stdin)
// An unreadable list or directory, or a glob with no match, yields an item with an error.
class InputWalker {
 public:
  struct Item {
    std::string path;
    Status error;
  };
  InputWalker(std::vector<std::string> inputs, std::istream* list_in);
  ~InputWalker();
  bool Next(Item* item);  // false at the end

 private:
  struct Frame;
  bool Expand(std::string path, Item* item);
  std::vector<std::unique_ptr<Frame>> stack_;
  std::istream* list_in_;
};

// A fixed-capacity FIFO between the input walker and the workers; Push blocks when full.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : cap_(capacity ? capacity : 1) {}
  bool Push(T v) {  // false if closed
    std::unique_lock<std::mutex> l(mu_);
    not_full_.wait(l, [&] { return q_.size() < cap_ || closed_; });
    if (closed_) return false;
    q_.push_back(std::move(v));
    not_empty_.notify_one();
    return true;
  }
  std::optional<T> Pop() {  // nullopt once closed and drained
    std::unique_lock<std::mutex> l(mu_);
    not_empty_.wait(l, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    T v = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return v;
  }
  std::optional<T> TryPop() {  // nullopt when nothing waits now
    std::lock_guard<std::mutex> l(mu_);
    if (q_.empty()) return std::nullopt;
    T v = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return v;
  }
  void Close() {
    std::lock_guard<std::mutex> l(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  size_t cap_;
  std::deque<T> q_;
  bool closed_ = false;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
};

// Results arrive from the workers in any order and leave in sequence order. A producer whose
// sequence number is `window` or more ahead of the next one to leave waits, so at most
// `window` results are ever held, however slow the one the writer waits for.
template <typename T>
class Reorderer {
 public:
  explicit Reorderer(uint64_t window) : window_(window ? window : 1) {}
  bool Put(uint64_t seq, T v) {  // false if cancelled
    std::unique_lock<std::mutex> l(mu_);
    room_.wait(l, [&] { return seq < next_ + window_ || cancelled_; });
    if (cancelled_) return false;
    held_.emplace(seq, std::move(v));
    if (seq == next_) ready_.notify_all();
    return true;
  }
  // False if, after `timeout`, Take() would still block (the writer may use the pause to flush).
  bool WaitReady(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> l(mu_);
    return ready_.wait_for(l, timeout, [&] { return cancelled_ || held_.count(next_) || (end_ && next_ >= *end_); });
  }
  // The next result in order; nullopt once `end` (set by Finish) is reached, on Cancel, or when
  // `stop` is set (polled: a signal handler cannot notify a condition variable).
  std::optional<T> Take(const std::atomic<bool>* stop = nullptr) {
    std::unique_lock<std::mutex> l(mu_);
    auto ready = [&] { return cancelled_ || held_.count(next_) || (end_ && next_ >= *end_) || (stop && *stop); };
    while (!ready()) ready_.wait_for(l, std::chrono::milliseconds(stop ? 50 : 1000));
    if (cancelled_ || !held_.count(next_)) return std::nullopt;
    auto it = held_.find(next_);
    T v = std::move(it->second);
    held_.erase(it);
    ++next_;
    room_.notify_all();
    return v;
  }
  void Finish(uint64_t end) {  // no sequence number at or after `end` will come
    std::lock_guard<std::mutex> l(mu_);
    end_ = end;
    ready_.notify_all();
  }
  void Cancel() {
    std::lock_guard<std::mutex> l(mu_);
    cancelled_ = true;
    room_.notify_all();
    ready_.notify_all();
  }
  size_t held() {
    std::lock_guard<std::mutex> l(mu_);
    return held_.size();
  }

 private:
  uint64_t window_, next_ = 0;
  std::optional<uint64_t> end_;
  bool cancelled_ = false;
  std::map<uint64_t, T> held_;
  std::mutex mu_;
  std::condition_variable room_, ready_;
};

struct Options {
  int jobs = 0;             // analyzer threads; 0: every core
  Shard shard;
  bool resume = false;      // skip inputs every sink already Stored() (by content sha256)
  bool progress = false;    // a progress bar on stderr (the CLI sets it when stderr is a terminal)
  bool quiet = false;       // no per-file error lines
  std::istream* list_in = nullptr;     // where "-" reads its list; nullptr: "-" is an error
  const std::atomic<bool>* stop = nullptr;  // set (by a signal) to stop: finished calls are kept
};

struct Stats {
  uint64_t files = 0, stored = 0, skipped = 0, failed = 0, bytes = 0;
  double seconds = 0;
  bool interrupted = false;
  Status fatal;  // a sink failed (full disk...): the batch stopped there
  std::string Summary() const;  // the one-line summary the CLI prints
};

Stats Run(const Analyzer& analyzer, const std::vector<std::string>& inputs, const std::vector<report::Sink*>& sinks,
          const Options& options);

}  // namespace callscope::batch
