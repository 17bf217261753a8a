// Fuzz target: rule-pack and lexicon loading (src/rules/pack.cc), the parser users feed with
// --rules DIR. The input is tried as a lexicon (Lexicon::Parse) and as quantities.pack in a
// scratch directory (Pack::Load, which compiles every regex and the RE2::Set). A load either
// succeeds or fails with "file:line: reason"; anything else (a crash, an error without a
// location) is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <span>
#include <string_view>

#include "rules/pack.h"

namespace {
const std::string& ScratchDir() {
  static const std::string* dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/callscope-fuzz-rules-XXXXXX";
    if (!mkdtemp(tmpl.data())) std::abort();
    auto* d = new std::string(tmpl);
    std::atexit([] {  // the scratch pack and its directory go when the run ends
      std::remove((ScratchDir() + "/quantities.pack").c_str());
      rmdir(ScratchDir().c_str());
    });
    return d;
  }();
  return *dir;
}

void CheckError(const callscope::Status& s, std::string_view file) {
  if (s.code() != callscope::Code::kRules) __builtin_trap();
  // "file:line: reason"
  const std::string& m = s.message();
  if (m.compare(0, file.size(), file) != 0 || m.size() <= file.size() + 1 || m[file.size()] != ':') {
    std::fprintf(stderr, "rule error without file:line: %s\n", m.c_str());
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lex = callscope::rules::Lexicon::Parse("fuzz.lex", text);
  if (!lex.ok()) CheckError(lex.status(), "fuzz.lex");
  else (void)lex->Regex();

  std::string path = ScratchDir() + "/quantities.pack";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  callscope::rules::Source src(ScratchDir());
  auto pack = callscope::rules::Pack::Load(src, "quantities");
  if (!pack.ok()) {
    // Errors in a lexicon the pack names carry that lexicon's name; others the pack's.
    if (pack.status().code() != callscope::Code::kRules) __builtin_trap();
    return 0;
  }
  std::string_view sentence = "Revenue was $1.2 billion, up 12% from 2023; EPS of $0.45.";
  callscope::rules::Matches m;
  (*pack)->FindAll(std::span<const std::string_view>(&sentence, 1), std::span<callscope::rules::Matches>(&m, 1));
  return 0;
}
