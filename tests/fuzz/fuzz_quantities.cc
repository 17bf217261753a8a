// Fuzz target: the rule engine with the built-in packs (the quantity grammar first, then metrics,
// guidance, hedges, non-answers) on one turn of arbitrary text, split into sentences as the
// pipeline does. Much faster per input than fuzz_analyze, so the grammar gets most executions.
#include <cstdint>
#include <memory>
#include <string>

#include "callscope/analysis.h"
#include "rules/engine.h"
#include "segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* engine = [] {
    auto e = callscope::rules::Engine::Load("");
    if (!e.ok()) __builtin_trap();
    return e->release();
  }();
  // The text reaches the engine as ingest leaves it: valid UTF-8; fuzz_analyze covers the rest.
  std::string text(reinterpret_cast<const char*>(data), size);
  for (char& c : text)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') c = ' ';
  callscope::Analysis a;
  callscope::Participant exec;
  exec.name = "Jane Doe";
  exec.role = callscope::Role::kExecutive;
  a.participants.push_back(exec);
  callscope::Participant analyst;
  analyst.id = 1;
  analyst.name = "John Roe";
  analyst.role = callscope::Role::kAnalyst;
  a.participants.push_back(analyst);
  callscope::Turn t;
  t.speaker = size % 2;
  t.section = size % 3 ? callscope::Section::kPresentation : callscope::Section::kQa;
  t.text = std::move(text);
  t.end = static_cast<uint32_t>(t.text.size());
  a.turns.push_back(std::move(t));
  callscope::segment::SplitSentences(&a);
  engine->Run(&a);
  return 0;
}
