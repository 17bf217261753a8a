// Stage 4: the rule engine. Loads every module's pack once (Engine::Load), then runs the modules
// over each sentence of a call in order; modules see the sentence's turn, speaker, role and
// section through a SentenceContext and append to Analysis::tags.
//
// Adding a module (say "hedging"): write data/hedging.pack (+ lexicons), a Module subclass in
// modules/hedging.cc (modules/quantities.cc is the shape to copy), list it in kModules in
// engine.cc and in src/CMakeLists.txt, add tests/rules/hedging.test. See docs/rules.md.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "callscope/analysis.h"
#include "callscope/status.h"
#include "rules/pack.h"

namespace callscope::rules {

struct SentenceContext {
  const Analysis& analysis;
  int index;  // into analysis.sentences
  const Sentence& sentence;
  const Turn& turn;
  const Participant& speaker;
  Role role;
  Section section;
  std::string_view text;  // the sentence; match offsets + sentence.begin = offsets in the turn text
  bool paragraph_start;   // first sentence of the turn or after a '\n' in the turn text
  std::span<const Quantity> quantities;  // this sentence's (the quantities module runs first)
  std::span<const Metric> metrics;       // this sentence's (the metrics module runs before guidance)
};

// Per-call working memory of a module (e.g. the basis last named in this turn).
struct ModuleState {
  virtual ~ModuleState() = default;
};

class Module {
 public:
  virtual ~Module() = default;
  virtual const char* name() const = 0;
  virtual std::unique_ptr<ModuleState> NewState() const { return nullptr; }
  // Whether Run needs the pack's matches in this sentence. The engine finds them for many wanted
  // sentences at once (Pack::FindAll over a batch), before Run sees any of them.
  virtual bool Wants(const SentenceContext& ctx) const = 0;
  // Called for every sentence in order, after the modules before it have run on the whole call.
  // `m` holds the pack's matches in the sentence when Wants said yes (m->searched), else nothing.
  virtual void Run(const SentenceContext& ctx, ModuleState* state, Matches* m, Tags* out) const = 0;
  // Called once per call after Run has seen its last sentence, before the next module runs: what
  // only the whole call tells (a figure stated elsewhere in the call with its basis).
  virtual void Finish(ModuleState* state, Tags* out) const {}
  // This module's tags in `a`, one line each, as tests/rules/<name>.test expects them.
  virtual void Describe(const Analysis& a, std::vector<std::string>* lines) const {}
};

class Engine {
 public:
  // rules_dir: files there override the built-in ones of the same name; empty: built-in only.
  static Result<std::unique_ptr<Engine>> Load(const std::string& rules_dir);
  void Run(Analysis* a) const;
  // The same as Run on each call, faster for many small ones (the packs search all their
  // sentences together, so the DFA states stay in cache).
  void Run(std::span<Analysis* const> calls) const;
  const Module* module(std::string_view name) const;

 private:
  std::vector<std::unique_ptr<Pack>> packs_;
  std::vector<std::unique_ptr<Module>> modules_;
  std::vector<int> slots_;  // timing slot per module ("rules: guidance")
};

// One line per tag, the format of tests/rules/*.test and of the seed call's metrics golden.
std::string Describe(const Quantity& q, std::string_view turn_text);
std::string Describe(const Metric& m);
std::string FormatNumber(double v);  // shortest round-trip form: 947000000, 0.27, 25.1

}  // namespace callscope::rules
