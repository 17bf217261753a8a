// The batch engine (batch.h): one walker thread feeds a bounded queue, N analyzer threads work
// in parallel, and the calling thread hands results to the sinks in input order.
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <new>
#include <system_error>
#include <thread>

#include "batch/batch.h"
#include "core/timing.h"
#include "ingest/ingest.h"

namespace callscope::batch {
namespace {

using Clock = std::chrono::steady_clock;

struct Job {
  uint64_t seq = 0;
  InputWalker::Item item;
};

struct Done {
  std::string path;
  std::unique_ptr<Analysis> analysis;  // null: failed, skipped or cancelled
  Status error;
  uint64_t bytes = 0;
  bool skipped = false, cancelled = false;
};

int DefaultJobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
  unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

// The whole of a regular file within the size limit; false sends the caller to AnalyzeFile,
// whose checks give the canonical message for everything else (missing, directory, too big).
bool ReadRegular(const std::string& path, uint64_t max_bytes, std::string* out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > max_bytes)
    return false;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  try {
    out->resize(static_cast<size_t>(st.st_size));
  } catch (const std::bad_alloc&) {  // AnalyzeFile says "out of memory"
    std::fclose(f);
    return false;
  }
  size_t n = std::fread(out->data(), 1, out->size(), f);
  bool ok = !std::ferror(f) && n == out->size() && std::fgetc(f) == EOF;  // not grown meanwhile
  std::fclose(f);
  return ok;
}

// An analysis's outcome into its Done.
void Take(Result<Analysis> r, Done* d) {
  if (r.ok()) {
    d->bytes = r->source.bytes;
    d->analysis = std::make_unique<Analysis>(std::move(r).value());
  } else {
    d->error = r.status();
  }
}

std::string Duration(double s) {
  char buf[32];
  long t = static_cast<long>(s + 0.5);
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

// The progress bar: files done/total, MB/s, ETA, failures. The total comes from a second walk
// of the inputs in the background ("?" until it is done, or for a list on stdin).
class Progress {
 public:
  Progress(const std::vector<std::string>& inputs, const Shard& shard, bool countable) : start_(Clock::now()) {
    if (!countable) return;
    try {
      Count(inputs, shard);
    } catch (const std::system_error&) {  // no thread to count with: the total stays "?"
    }
  }
  void Count(const std::vector<std::string>& inputs, const Shard& shard) {
    counter_ = std::thread([this, inputs, shard] {
      InputWalker w(inputs, nullptr);
      InputWalker::Item it;
      uint64_t files = 0, bytes = 0;
      while (!quit_ && w.Next(&it)) {
        if (!shard.Takes(it.path)) continue;
        struct stat st {};
        if (it.error.ok() && ::stat(it.path.c_str(), &st) == 0) bytes += static_cast<uint64_t>(st.st_size);
        ++files;
        if (files % 1024 == 0) total_files_ = files;  // a lower bound while counting
      }
      total_files_ = files;
      total_bytes_ = bytes;
      counted_ = !quit_;
    });
  }
  ~Progress() {
    quit_ = true;
    if (counter_.joinable()) counter_.join();
  }

  void Update(const Stats& s, bool force = false) {
    auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? s.bytes / secs : 0;
    bool known = counted_;
    uint64_t total = total_files_;
    std::string bar(24, ' ');
    if (known && total) bar.replace(0, static_cast<size_t>(24.0 * s.files / total), std::string(24, '#'), 0,
                                    static_cast<size_t>(24.0 * s.files / total));
    std::string eta = "?";
    if (known && rate > 0 && total_bytes_ >= s.bytes) eta = Duration((total_bytes_ - s.bytes) / rate);
    std::fprintf(stderr, "\r\033[K[%s] %llu/%s  %.1f MB/s  ETA %s  %llu failed", bar.c_str(),
                 static_cast<unsigned long long>(s.files),
                 known || total ? (std::to_string(total) + (known ? "" : "+")).c_str() : "?", rate / 1048576,
                 eta.c_str(), static_cast<unsigned long long>(s.failed));
    std::fflush(stderr);
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }

 private:
  Clock::time_point start_, last_{};
  std::thread counter_;
  std::atomic<bool> quit_{false}, counted_{false};
  std::atomic<uint64_t> total_files_{0}, total_bytes_{0};
  bool drawn_ = false;
};

}  // namespace

std::string Stats::Summary() const {
  char buf[256];
  double mb = bytes / 1048576.0;
  std::snprintf(buf, sizeof buf,
                "%llu files: %llu analyzed, %llu skipped (already stored), %llu failed; %.1f MB in %.2f s (%.1f MB/s, "
                "%.0f calls/s)%s",
                static_cast<unsigned long long>(files), static_cast<unsigned long long>(stored),
                static_cast<unsigned long long>(skipped), static_cast<unsigned long long>(failed), mb, seconds,
                seconds > 0 ? mb / seconds : 0.0, seconds > 0 ? stored / seconds : 0.0,
                interrupted ? "; interrupted: run the same command again to finish" : "");
  return buf;
}

Stats Run(const Analyzer& analyzer, const std::vector<std::string>& inputs, const std::vector<report::Sink*>& sinks,
          const Options& o) {
  auto start = Clock::now();
  static const int kRead = timing::Slot("read"), kWrite = timing::Slot("write (sinks)");
  const int jobs = o.jobs > 0 ? o.jobs : DefaultJobs();
  const std::atomic<bool>* stop = o.stop;
  auto stopped = [stop] { return stop && stop->load(); };
  // Shared with the walker thread, which may be blocked reading a list on stdin when a stop
  // comes: it is then left behind (detached) instead of joined.
  struct Shared {
    Shared(size_t q, uint64_t w) : queue(q), reorder(w) {}
    BoundedQueue<Job> queue;
    Reorderer<Done> reorder;
    std::atomic<bool> truncated{false}, walked{false};
  };
  auto shared = std::make_shared<Shared>(128 * static_cast<size_t>(jobs), 128 * static_cast<uint64_t>(jobs));
  auto& queue = shared->queue;
  auto& reorder = shared->reorder;

  bool countable = true;
  for (const auto& in : inputs) countable &= in != "-";
  std::optional<Progress> progress;
  if (o.progress) progress.emplace(inputs, o.shard, countable);

  // No thread to be had (a process limit): a clear error, not an abort.
  auto no_thread = [](const std::system_error& e) {
    Stats st;
    st.fatal = Status(Code::kSystem, std::string("cannot start a thread (") + e.what() +
                                           "): the system's limit on processes; try a smaller --jobs");
    return st;
  };
  std::thread walker;
  try {
    walker = std::thread([shared, inputs, o, stopped] {
      InputWalker w(inputs, o.list_in);
      InputWalker::Item item;
      uint64_t seq = 0;
      while (w.Next(&item)) {
        if (stopped()) {
          shared->truncated = true;
          break;
        }
        if (!o.shard.Takes(item.path)) continue;
        if (!shared->queue.Push({seq, std::move(item)})) break;
        ++seq;
      }
      shared->reorder.Finish(seq);
      shared->queue.Close();
      shared->walked = true;
    });
  } catch (const std::system_error& e) {
    return no_thread(e);
  }

  auto all_stored = [&](const std::string& sha) {
    for (auto* s : sinks)
      if (!s->Stored(sha)) return false;
    return !sinks.empty();
  };
  const uint64_t max_bytes = analyzer.options().max_bytes;
  // A worker takes the calls waiting in the queue, up to kCalls or kBytes, and analyzes them
  // together (Analyzer::AnalyzeMany: the rule packs search all their sentences at once).
  constexpr size_t kCalls = 128, kBytes = 4 << 20;
  std::vector<std::thread> workers;
  auto work = [&] {
    std::vector<Job> batch;
    std::vector<Done> done;
    std::vector<std::string> bytes(kCalls);
    std::vector<Analyzer::Input> many;
    std::vector<size_t> of;  // the batch index of each input
    while (auto job = queue.Pop()) {
      batch.clear(), done.clear(), many.clear(), of.clear();
      size_t held = 0;
      for (std::optional<Job> j = std::move(job); j; j = queue.TryPop()) {
        Done& d = done.emplace_back();
        d.path = j->item.path;
        const size_t at = batch.size();
        batch.push_back(std::move(*j));
        if (stopped()) {
          d.cancelled = true;
        } else if (!batch[at].item.error.ok()) {
          d.error = batch[at].item.error;
        } else {
          bool read;
          {
            timing::Scope t(kRead);
            read = ReadRegular(d.path, max_bytes, &bytes[at]);
          }
          if (!read) {
            Take(analyzer.AnalyzeFile(d.path), &d);
          } else if (d.bytes = bytes[at].size(); o.resume && all_stored(ingest::Sha256Hex(bytes[at]))) {
            d.skipped = true;
          } else {
            many.push_back({bytes[at], d.path});
            of.push_back(at);
            held += bytes[at].size();
          }
        }
        if (batch.size() == kCalls || held >= kBytes) break;
      }
      auto results = analyzer.AnalyzeMany(many);  // (out of memory is one call's error)
      for (size_t k = 0; k < results.size(); ++k) Take(std::move(results[k]), &done[of[k]]);
      bool open = true;
      for (size_t k = 0; k < batch.size() && open; ++k) open = reorder.Put(batch[k].seq, std::move(done[k]));
      if (!open) break;
    }
  };
  // (fewer workers than asked when the system has no more threads: the output is the same)
  try {
    for (int i = 0; i < jobs; ++i) workers.emplace_back(work);
  } catch (const std::system_error& e) {
    if (workers.empty()) {
      reorder.Cancel();
      queue.Close();
      walker.join();
      return no_thread(e);
    }
  }

  Stats stats;
  for (;;) {
    if (!reorder.WaitReady(std::chrono::milliseconds(200))) {  // idle: make what is done durable
      for (auto* s : sinks)
        if (Status st = s->Flush(); !st.ok() && stats.fatal.ok()) stats.fatal = st;
      if (!stats.fatal.ok()) break;
      if (!stopped()) continue;
    }
    auto d = reorder.Take(o.stop);
    if (!d) break;
    if (d->cancelled) {
      stats.interrupted = true;
      break;
    }
    ++stats.files;
    stats.bytes += d->bytes;
    if (d->skipped) {
      ++stats.skipped;
    } else if (d->analysis) {
      ++stats.stored;
      timing::Scope t(kWrite);
      for (auto* s : sinks)
        if (Status st = s->Write(*d->analysis); !st.ok() && stats.fatal.ok()) stats.fatal = st;
    } else {
      ++stats.failed;
      if (!o.quiet) {
        if (progress) progress->Clear();
        std::fprintf(stderr, "callscope: %s: %s\n", d->path.c_str(), d->error.message().c_str());
      }
      for (auto* s : sinks)
        if (Status st = s->WriteError(d->path, d->error); !st.ok() && stats.fatal.ok()) stats.fatal = st;
    }
    if (!stats.fatal.ok()) break;
    if (progress) progress->Update(stats);
  }
  reorder.Cancel();
  queue.Close();
  for (auto& t : workers) t.join();
  if (shared->walked || !stopped()) walker.join();
  else walker.detach();  // blocked on a list from stdin; the process is about to exit
  stats.interrupted |= shared->truncated.load() || (stopped() && !shared->walked);
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (progress) {
    progress->Update(stats, true);
    progress->Clear();
  }
  return stats;
}

}  // namespace callscope::batch
