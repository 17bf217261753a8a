// callscope: earnings-call transcripts in, structure and tags out.
//
//   #include "callscope/callscope.h"
//
//   auto analyzer = callscope::Analyzer::Create({});          // compiles the rule packs once
//   if (!analyzer.ok()) die(analyzer.status().message());
//   auto a = (*analyzer)->AnalyzeFile("corpora/se_final_juniper_q3_2008.txt");
//   if (!a.ok()) die(a.status().message());               // e.g. kNotTranscript
//   for (const auto& t : a->turns) print(a->speaker(t).name, t.text);
//
// An Analyzer is immutable after Create(), so one instance serves any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "callscope/analysis.h"
#include "callscope/status.h"

namespace callscope {

struct Options {
  std::string layout = "auto";   // or a name from Layouts()
  bool allow_document = false;   // analyze speaker-less documents (press releases) instead of failing
  uint64_t max_bytes = 64ull << 20;
  std::string rules_dir;          // empty: the packs embedded in the binary
};

struct LayoutInfo {
  std::string name;
  std::string description;
};
std::vector<LayoutInfo> Layouts();

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create(const Options& options);
  ~Analyzer();

  // A call too big for the memory at hand is an error (Code::kSystem, "out of memory"), not an
  // exception: the next call still runs.
  Result<Analysis> Analyze(std::string_view bytes, std::string_view path) const;
  Result<Analysis> AnalyzeFile(const std::string& path) const;
  // Several calls at once: the same results as Analyze on each, in order, and faster for many
  // small calls (the rule packs search all their sentences together). Batch mode uses it.
  struct Input {
    std::string_view bytes, path;
  };
  std::vector<Result<Analysis>> AnalyzeMany(std::span<const Input> inputs) const;
  const Options& options() const;

  struct Impl;

 private:
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace callscope
