// Fuzz target: the whole pipeline on bytes (ingest -> layout detection -> segmentation -> reports).
// Each input runs with layout detection (and as a --document when it is not a transcript), then
// once more with a layout forced (picked by input size), so every layout's parser sees every
// input, not only the inputs its detector accepts. The sinks run too: they must not crash either.
// Inputs are raw files, so corpora/ samples are seeds as they are.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "callscope/callscope.h"
#include "report/report.h"

namespace {
using callscope::Analyzer;

std::unique_ptr<Analyzer> Make(const std::string& layout, bool doc) {
  callscope::Options o;
  o.layout = layout;
  o.allow_document = doc;
  auto a = Analyzer::Create(o);
  if (!a.ok()) __builtin_trap();
  return std::move(*a);
}

void Run(const Analyzer& analyzer, std::string_view bytes) {
  auto a = analyzer.Analyze(bytes, "fuzz.txt");
  if (!a.ok()) {
    if (a.status().code() == callscope::Code::kInternal || a.status().message().empty()) __builtin_trap();
    return;
  }
  std::string json = callscope::report::ToJson(*a, 2);
  std::string text = callscope::report::TextReport(*a);
  if (json.empty() || text.empty()) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* detect = Make("auto", false).release();
  static const auto* document = Make("auto", true).release();
  // One analyzer per forced layout, made when an input first needs it: making them all up front
  // (each compiles the rule packs, slow under the sanitizers) took the first input past -timeout.
  static auto* forced = new std::vector<std::unique_ptr<Analyzer>>(callscope::Layouts().size());
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Run(*detect, bytes);
  Run(*document, bytes);
  if (!forced->empty()) {
    size_t i = size % forced->size();
    if (!(*forced)[i]) (*forced)[i] = Make(callscope::Layouts()[i].name, false);
    Run(*(*forced)[i], bytes);
  }
  return 0;
}
