// Where the time goes: cumulative wall time per pipeline stage, summed over threads, for
// `callscope batch --stats` and tools/bench. Off (one relaxed load per scope) unless Enable()d;
// never part of any output but the stats on stderr, so outputs stay byte-identical.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace callscope::timing {

void Enable();
bool Enabled();
// A named stage; the same name gives the same slot. Register once (e.g. in a static or at load).
int Slot(const std::string& name);
void Add(int slot, uint64_t ns);
// Every stage that ran, in registration order: name and seconds.
std::vector<std::pair<std::string, double>> Snapshot();

class Scope {
 public:
  explicit Scope(int slot) : slot_(Enabled() ? slot : -1) {
    if (slot_ >= 0) start_ = std::chrono::steady_clock::now();
  }
  ~Scope() {
    if (slot_ >= 0)
      Add(slot_, static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                            std::chrono::steady_clock::now() - start_)
                                            .count()));
  }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  int slot_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace callscope::timing
