#include "core/timing.h"

#include <array>
#include <atomic>
#include <mutex>

namespace callscope::timing {
namespace {

constexpr int kSlots = 32;
std::atomic<bool> g_enabled{false};
std::mutex g_mu;  // guards g_names and g_count (registration only)
std::array<std::string, kSlots> g_names;
int g_count = 0;
std::array<std::atomic<uint64_t>, kSlots> g_ns{};

}  // namespace

void Enable() { g_enabled.store(true, std::memory_order_relaxed); }
bool Enabled() { return g_enabled.load(std::memory_order_relaxed); }

int Slot(const std::string& name) {
  std::lock_guard<std::mutex> lock(g_mu);
  for (int i = 0; i < g_count; ++i)
    if (g_names[i] == name) return i;
  if (g_count == kSlots) return kSlots - 1;  // shares the last slot rather than fail
  g_names[g_count] = name;
  return g_count++;
}

void Add(int slot, uint64_t ns) {
  if (slot >= 0 && slot < kSlots) g_ns[slot].fetch_add(ns, std::memory_order_relaxed);
}

std::vector<std::pair<std::string, double>> Snapshot() {
  std::lock_guard<std::mutex> lock(g_mu);
  std::vector<std::pair<std::string, double>> out;
  for (int i = 0; i < g_count; ++i) {
    uint64_t ns = g_ns[i].load(std::memory_order_relaxed);
    if (ns) out.emplace_back(g_names[i], ns / 1e9);
  }
  return out;
}

}  // namespace callscope::timing
