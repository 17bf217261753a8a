// The engine: loads the packs once, then walks sentences in order and runs each module on them.
#include "rules/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <system_error>

#include "core/timing.h"
#include "rules/modules/modules.h"

namespace callscope::rules {
namespace {

struct ModuleDef {
  const char* name;  // also the pack: data/<name>.pack
  Result<std::unique_ptr<Module>> (*make)(const Pack&);
};

// Order matters: metrics reads the quantities of the sentence.
const ModuleDef kModules[] = {
    {"quantities", MakeQuantities},
    {"metrics", MakeMetrics},
    {"guidance", MakeGuidance},
    {"hedges", MakeHedges},
    {"nonanswers", MakeNonAnswers},
};

// The items a module appended for one sentence: [first, second) of `v`.
template <typename T>
std::span<const T> Slice(const std::vector<T>& v, std::pair<size_t, size_t> r) {
  return std::span<const T>(v.data() + r.first, r.second - r.first);
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Load(const std::string& rules_dir) {
  auto e = std::make_unique<Engine>();
  Source src(rules_dir);
  // The packs compile on two threads, this one and a helper taking every other pack (a tenth of a
  // second in all, most of a short run's startup; one helper, not one per pack: each thread that
  // allocates gets its own malloc arena, 64 MB of address space, which a `ulimit -v` counts). The
  // first failing pack in module order is the error, whatever finished first.
  constexpr size_t kPacks = std::size(kModules);
  std::vector<Result<std::unique_ptr<Pack>>> loaded;
  for (size_t i = 0; i < kPacks; ++i) loaded.emplace_back(Status(Code::kInternal, "not loaded"));
  auto load = [&](size_t parity) {
    for (size_t i = parity; i < kPacks; i += 2) loaded[i] = Pack::Load(src, kModules[i].name);
  };
  std::future<void> helper;
  try {
    helper = std::async(std::launch::async, load, 1);
  } catch (const std::system_error&) {  // no thread to be had (a process limit): load them here
    helper = std::async(std::launch::deferred, load, 1);
  }
  load(0);
  helper.get();
  for (size_t i = 0; i < kPacks; ++i) {
    const ModuleDef& def = kModules[i];
    auto& pack = loaded[i];
    if (!pack.ok()) return pack.status();
    auto mod = def.make(**pack);
    if (!mod.ok()) return mod.status();
    e->packs_.push_back(std::move(*pack));
    e->slots_.push_back(timing::Slot(std::string("rules: ") + def.name));
    e->modules_.push_back(std::move(*mod));
  }
  return e;
}

const Module* Engine::module(std::string_view name) const {
  for (const auto& m : modules_)
    if (name == m->name()) return m.get();
  return nullptr;
}

void Engine::Run(Analysis* a) const { Run(std::span<Analysis* const>(&a, 1)); }

void Engine::Run(std::span<Analysis* const> calls) const {
  // Module by module over every call, not sentence by sentence: each pack's DFA states stay in
  // cache while it runs, and within a module the pack searches a batch of sentences at once, rule
  // by rule (Pack::FindAll), across the calls' boundaries (measured on tools/bench, whose calls
  // have ~100 sentences: the rule modules took 40% less time than call by call). A module sees the
  // quantities and metrics of its sentence through the ranges the earlier modules left, and keeps
  // one state per call, so a call's tags do not depend on the calls beside it.
  struct Call {
    Analysis* a;
    std::vector<std::pair<size_t, size_t>> qs, ms;  // the sentence's quantities and metrics
    std::vector<bool> para;
  };
  std::vector<Call> cs;
  std::vector<std::pair<uint32_t, uint32_t>> all;  // (call, sentence), in order
  for (Analysis* a : calls) {
    const size_t n = a->sentences.size();
    Call c{a, std::vector<std::pair<size_t, size_t>>(n), std::vector<std::pair<size_t, size_t>>(n),
           std::vector<bool>(n)};
    for (size_t i = 0; i < n; ++i) {
      const Sentence& s = a->sentences[i];
      const Turn& t = a->turns[s.turn];
      c.para[i] = i == 0 || a->sentences[i - 1].turn != s.turn ||
                  t.text.find('\n', a->sentences[i - 1].end) < s.begin || s.begin == 0;
      all.emplace_back(static_cast<uint32_t>(cs.size()), static_cast<uint32_t>(i));
    }
    cs.push_back(std::move(c));
  }
  auto context = [&](std::pair<uint32_t, uint32_t> at) {
    const Call& c = cs[at.first];
    const Analysis& a = *c.a;
    const size_t i = at.second;
    const Sentence& s = a.sentences[i];
    const Turn& t = a.turns[s.turn];
    const Participant& p = a.participants[t.speaker];
    return SentenceContext{a, static_cast<int>(i), s, t, p, p.role, t.section,
                           std::string_view(t.text).substr(s.begin, s.end - s.begin), c.para[i],
                           Slice<Quantity>(a.tags.quantities, c.qs[i]), Slice<Metric>(a.tags.metrics, c.ms[i])};
  };
  // (a batch, not everything: the matches of 100,000 sentences would not fit; smaller batches
  // reload every rule's DFA states into the CPU caches more often: 4,096 took 10% longer)
  constexpr size_t kBatch = 16384;
  std::vector<Matches> found(std::min(kBatch, all.size()));
  std::vector<std::string_view> texts;
  std::vector<size_t> wanted;
  std::vector<std::unique_ptr<ModuleState>> states(cs.size());
  Matches none;
  const bool timed = timing::Enabled();
  for (size_t k = 0; k < modules_.size(); ++k) {
    for (auto& st : states) st = modules_[k]->NewState();
    auto t0 = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point();
    for (size_t from = 0; from < all.size(); from += kBatch) {
      const size_t to = std::min(all.size(), from + kBatch);
      texts.clear(), wanted.clear();
      for (size_t j = from; j < to; ++j)
        if (SentenceContext ctx = context(all[j]); modules_[k]->Wants(ctx)) texts.push_back(ctx.text), wanted.push_back(j);
      packs_[k]->FindAll(texts, std::span<Matches>(found.data(), texts.size()));
      for (size_t j = from, w = 0; j < to; ++j) {
        Call& c = cs[all[j].first];
        Tags* tags = &c.a->tags;
        const size_t i = all[j].second, q0 = tags->quantities.size(), m0 = tags->metrics.size();
        Matches* m = &none;
        if (w < wanted.size() && wanted[w] == j) m = &found[w++];
        else none.clear();
        modules_[k]->Run(context(all[j]), states[all[j].first].get(), m, tags);
        if (tags->quantities.size() != q0) c.qs[i] = {q0, tags->quantities.size()};
        if (tags->metrics.size() != m0) c.ms[i] = {m0, tags->metrics.size()};
      }
    }
    for (size_t ci = 0; ci < cs.size(); ++ci) modules_[k]->Finish(states[ci].get(), &cs[ci].a->tags);
    if (timed) {
      auto took = std::chrono::steady_clock::now() - t0;
      timing::Add(slots_[k], std::chrono::duration_cast<std::chrono::nanoseconds>(took).count());
    }
  }
}

std::string FormatNumber(double v) {
  if (std::isnan(v)) return "-";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

namespace {
std::string Value(double v, double lo, double hi, bool approx) {
  std::string s = approx ? "~" : "";
  if (!std::isnan(lo) && lo != hi) return s + FormatNumber(lo) + ".." + FormatNumber(hi);
  return s + FormatNumber(v);
}
}  // namespace

std::string Describe(const Quantity& q, std::string_view turn_text) {
  return fmt::format("quantity {} {} \"{}\"", Value(q.value, q.low, q.high, q.approx), q.unit,
                     turn_text.substr(q.start, q.end - q.start));
}

std::string Describe(const Metric& m) {
  std::string s = fmt::format("metric {} = {}", m.metric, Value(m.value, m.low, m.high, m.approx));
  if (!m.unit.empty()) s += " " + m.unit;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) s += fmt::format("; {} {}", k, v);
  };
  add("period", m.period);
  add("basis", m.basis);
  add("segment", m.segment);
  add("share_of", m.share_of);
  for (const auto& c : m.comparisons) {
    s += fmt::format("; {} {} {} {}", c.kind, c.type,
                     c.Range() ? FormatNumber(c.low) + ".." + FormatNumber(c.high) : FormatNumber(c.value), c.unit);
    if (!c.period.empty()) s += " (" + c.period + ")";
  }
  return s;
}

}  // namespace callscope::rules
