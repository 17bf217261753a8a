// Fuzz target: stage 1, encoding detection and normalization (ingest::Decode) on any bytes.
// Besides "no crash", checks the invariants later stages rely on: the output is valid UTF-8 with
// '\n' line ends only, and checkpoints map back inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <unicode/utf8.h>

#include "ingest/ingest.h"

namespace {
void Check(bool ok, const char* what) {
  if (!ok) {
    __builtin_fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto t = callscope::ingest::Decode(bytes);
  if (!t.ok()) {
    Check(!t.status().message().empty(), "an error has a message");
    return 0;
  }
  const std::string& s = t->utf8;
  Check(s.find('\r') == std::string::npos, "no CR after normalization");
  Check(!t->encoding.empty(), "encoding named");
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    Check(c >= 0, "output is valid UTF-8");
  }
  uint32_t prev_out = 0;
  for (const auto& [out, in] : t->checkpoints) {
    Check(out >= prev_out, "checkpoints ordered by output offset");
    Check(in <= size, "checkpoint inside the input");
    prev_out = out;
  }
  // Not checked: InputOffset() past the last checkpoint. For converted encodings the map is only
  // line-precise (documented), so an offset late in a line with many multi-byte characters can
  // point past the line, even past the input; nothing uses it for slicing.
  (void)t->InputOffset(static_cast<uint32_t>(s.size()));
  return 0;
}
